// WARC files (.warc, .warc.gz), streamed record by record: response and resource records that
// hold HTML go through the HTML reader, with the record's target URI as the page's address.
// Other records (requests, metadata, images) are passed over unread. A record that cannot be
// read is a diagnostic; since the stream cannot be trusted after it, the file ends there.
// (A small parser of our own: warcio's reader stalls for good on a truncated record.)
import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { ByteReader } from './byte-reader.ts';
import { decodeHtml } from './decode-html.ts';
import { fileChunks, type OnBytes } from './input-bytes.ts';
import { safeId } from './make-document.ts';
import { problem, type ReadResult } from './options.ts';
import { readHtml } from './read-html.ts';

export interface WarcContext {
  file: string;
  gz: boolean;
  maxBytes: number;
  outlet?: string;
  minArticleChars?: number;
  onBytes?: OnBytes;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const MAX_HEADER = 64 * 1024;

function headers(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const nl = body.indexOf('\r\n', at);
    if (nl < 0) return null;
    const size = parseInt(body.subarray(at, nl).toString('latin1'), 16);
    if (!Number.isFinite(size) || size < 0) return null;
    if (size === 0) break;
    parts.push(body.subarray(nl + 2, nl + 2 + size));
    at = nl + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function decodeContent(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const opts = { maxOutputLength: maxBytes };
  switch ((encoding ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body, opts);
    case 'deflate':
      return inflateSync(body, opts);
    case 'br':
      return brotliDecompressSync(body, opts);
    default:
      return body;
  }
}

/** An HTTP response block -> status, headers, decoded body. */
function parseHttp(block: Buffer, maxBytes: number): { status: number; headers: Map<string, string>; body: Buffer } | null {
  const end = block.indexOf(CRLF2);
  if (end < 0) return null;
  const head = block.subarray(0, end).toString('latin1');
  const status = Number(head.match(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/)?.[1] ?? NaN);
  if (!Number.isFinite(status)) return null;
  const h = headers(head);
  let body: Buffer | null = block.subarray(end + 4);
  if (/chunked/i.test(h.get('transfer-encoding') ?? '')) body = dechunk(body);
  if (!body) return null;
  return { status, headers: h, body: decodeContent(body, h.get('content-encoding'), maxBytes) };
}

export async function* readWarc(ctx: WarcContext): AsyncGenerator<ReadResult> {
  const { file } = ctx;
  const stem = basename(file).replace(/\.warc(\.gz)?$/i, '');
  const gz = ctx.gz || /\.gz$/i.test(file);
  const reader = new ByteReader(fileChunks(file, gz, ctx.onBytes)[Symbol.asyncIterator]());
  for (let n = 1; ; n++) {
    const label = `${file}#${n}`;
    const bad = (message: string): ReadResult => ({ diagnostic: problem('warc/bad-record', label, message) });
    // blank lines between records are tolerated
    let head: Buffer | null | 'too-long';
    do {
      if (await reader.atEnd()) return;
      head = await reader.readUntil(CRLF2, MAX_HEADER);
    } while (head !== null && head !== 'too-long' && head.length === 0);
    if (head === null) return void (yield bad('the file ends inside a record header'));
    if (head === 'too-long') return void (yield bad(`no end of record header within ${MAX_HEADER} bytes`));
    const text = head.toString('utf8').replace(/^(?:\r\n)+/, '');
    if (!/^WARC\/\d/.test(text)) return void (yield bad('not a WARC record header'));
    const h = headers(text);
    const length = Number(h.get('content-length'));
    if (!Number.isInteger(length) || length < 0) return void (yield bad('no valid Content-Length'));
    const type = h.get('warc-type') ?? '';
    const contentType = h.get('content-type') ?? '';
    const wanted = (type === 'response' && /application\/http/i.test(contentType)) || (type === 'resource' && /html/i.test(contentType));
    if (!wanted || length > ctx.maxBytes) {
      if (wanted) yield { diagnostic: problem('warc/record-too-large', label, `${length} bytes, over the limit of ${ctx.maxBytes}`) };
      if (!(await reader.skip(length))) return void (yield bad(`the file ends inside the record (${length} bytes announced)`));
      continue;
    }
    const block = await reader.read(length);
    if (!block) return void (yield bad(`the file ends inside the record (${length} bytes announced)`));
    let html: Buffer;
    let htmlType = contentType;
    if (type === 'response') {
      let http;
      try {
        http = parseHttp(block, ctx.maxBytes);
      } catch (error) {
        yield bad(`cannot decode the response body: ${(error as Error).message}`);
        continue;
      }
      if (!http) {
        yield bad('not an HTTP response');
        continue;
      }
      htmlType = http.headers.get('content-type') ?? '';
      if (!/html/i.test(htmlType) || http.status < 200 || http.status >= 300) continue;
      html = http.body;
    } else html = block;
    const decoded = decodeHtml(html, htmlType);
    if ('error' in decoded) {
      yield { diagnostic: problem(decoded.error === 'invalid-utf8' ? 'read/invalid-utf8' : 'read/unknown-charset', label, decoded.error === 'invalid-utf8' ? 'not valid UTF-8' : `unknown charset ${decoded.charset}`) };
      continue;
    }
    yield readHtml(decoded.text, { id: safeId(`${stem}-${n}`), label, path: label, url: h.get('warc-target-uri')?.replace(/^<|>$/g, ''), outlet: ctx.outlet, minArticleChars: ctx.minArticleChars });
  }
}
