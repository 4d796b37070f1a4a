// WARC files (.warc, .warc.gz), streamed record by record: response and resource records that
// hold HTML go through the HTML reader, with the record's target URI as the page's address.
// Other records (requests, metadata, images) are passed over unread. A record that cannot be
// read is a diagnostic. A record whose Content-Length lies (too short or too long: the bytes after
// it are not the next record header) is reported with its offset, read up to the real next header,
// and the records after it are read as usual.
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
/** Where a record header starts: at the start of a line. */
const NEXT_RECORD = Buffer.from('\nWARC/1.');

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

/**
 * True when the reader stands at the end of a record: the record terminator (CRLF CRLF), or blank
 * lines and then a record header or the end of the file. (Bytes that are none of these after a
 * terminator are not the record's: they are reported as they come.)
 */
async function atRecordEnd(reader: ByteReader): Promise<boolean> {
  const peeked = (await reader.peek(64)).toString('latin1');
  if (peeked.startsWith('\r\n\r\n')) return true;
  const ahead = peeked.replace(/^[\r\n]+/, '');
  return ahead.startsWith('WARC/') || 'WARC/'.startsWith(ahead);
}

export async function* readWarc(ctx: WarcContext): AsyncGenerator<ReadResult> {
  const { file } = ctx;
  const stem = basename(file).replace(/\.warc(\.gz)?$/i, '');
  const gz = ctx.gz || /\.gz$/i.test(file);
  const reader = new ByteReader(fileChunks(file, gz, ctx.onBytes)[Symbol.asyncIterator]());
  const where = (at: number) => `at byte ${at}${gz ? ' of the decompressed file' : ''}`;
  /** Goes on from the next record header after a record that cannot be trusted; false at the end of the file. */
  const resync = async () =>
    (await reader.peek(NEXT_RECORD.length - 1)).equals(NEXT_RECORD.subarray(1)) || ((await reader.skipTo(NEXT_RECORD)) && (await reader.skip(1)));
  for (let n = 1; ; n++) {
    const label = `${file}#${n}`;
    const bad = (message: string): ReadResult => ({ diagnostic: problem('warc/bad-record', label, message) });
    // blank lines between records are tolerated
    let head: Buffer | null | 'too-long';
    let at: number;
    do {
      if (await reader.atEnd()) return;
      at = reader.offset;
      head = await reader.readUntil(CRLF2, MAX_HEADER);
    } while (head !== null && head !== 'too-long' && head.length === 0);
    if (head === null) return void (yield bad(`the file ends inside a record header ${where(at)}`));
    const text = head === 'too-long' ? '' : head.toString('utf8').replace(/^(?:\r\n)+/, '');
    const h = headers(text);
    const length = Number(h.get('content-length'));
    if (head === 'too-long' || !/^WARC\/\d/.test(text) || !Number.isInteger(length) || length < 0) {
      // a record the previous one's length did not end where it said, or a damaged header: the
      // records after it are still read, from the next record header on
      const why = head === 'too-long' ? `no end of record header within ${MAX_HEADER} bytes` : !/^WARC\/\d/.test(text) ? 'not a WARC record header' : 'no valid Content-Length';
      yield bad(`${why} ${where(at)}; reading on from the next record header`);
      if (!(await resync())) return;
      continue;
    }
    const type = h.get('warc-type') ?? '';
    const contentType = h.get('content-type') ?? '';
    const wanted = (type === 'response' && /application\/http/i.test(contentType)) || (type === 'resource' && /html/i.test(contentType));
    const lied = (): ReadResult => ({
      diagnostic: problem('warc/bad-length', label, `the record ${where(at)} says it holds ${length} bytes, but the next record header is elsewhere; read up to that header`),
    });
    if (length > ctx.maxBytes) {
      const { complete, kept } = await reader.skipWatching(length, NEXT_RECORD, ctx.maxBytes);
      if (complete && (await atRecordEnd(reader))) {
        if (wanted) yield { diagnostic: problem('warc/record-too-large', label, `${length} bytes, over the limit of ${ctx.maxBytes}`) };
        continue;
      }
      if (kept) {
        // the record ended before its announced length: go back to the header found inside it
        yield lied();
        reader.unread(kept.subarray(1));
        continue;
      }
      if (!complete) return void (yield bad(`the file ends inside the record ${where(at)} (${length} bytes announced)`));
      yield lied();
      if (!(await resync())) return;
      continue;
    }
    let block = await reader.read(length);
    if (!block) {
      // the file ends before the announced length: a header further on means the length lied
      const rest = reader.held();
      const next = rest.indexOf(NEXT_RECORD);
      if (next < 0) return void (yield bad(`the file ends inside the record ${where(at)} (${length} bytes announced)`));
      yield lied();
      block = Buffer.from(rest.subarray(0, next));
      await reader.skip(next + 1);
    } else if (!(await atRecordEnd(reader))) {
      yield lied();
      const next = block.indexOf(NEXT_RECORD);
      if (next >= 0) {
        // too long: the record's own bytes end at the header found inside it
        reader.unread(block.subarray(next + 1));
        block = block.subarray(0, next);
      } else {
        // too short: the record goes on up to the next header (or the end of the file)
        const more = await reader.readUntil(NEXT_RECORD, ctx.maxBytes);
        if (more === null) {
          const tail = reader.held();
          block = Buffer.concat([block, tail]);
          await reader.skip(tail.length);
        } else if (more === 'too-long') {
          if (!(await resync())) return;
        } else {
          block = Buffer.concat([block, more]);
          reader.unread(NEXT_RECORD.subarray(1));
        }
      }
      block = block.subarray(0, block.length - (/[\r\n]*$/.exec(block.subarray(-8).toString('latin1'))?.[0].length ?? 0));
    }
    if (!wanted) continue;
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
