// JSON Lines, streamed line by line: one object per line with a text field and optional id, url,
// title, published, outlet, language, author (names configurable). A bad line is a diagnostic
// naming the file and line; the rest of the file goes on.
import { basename } from 'node:path';
import { bulkId, bulkMeta, cutOff, type BulkContext } from './bulk.ts';
import { decodeUtf8, splitLines } from './input-bytes.ts';
import { makeDocument } from './make-document.ts';
import { problem, type ReadResult } from './options.ts';

export async function* readJsonl(ctx: BulkContext): AsyncGenerator<ReadResult> {
  const { file, columns } = ctx;
  const stem = basename(file).replace(/\.(jsonl|ndjson|json)(\.gz)?$/i, '');
  const cut = { at: -1 };
  for await (const line of splitLines(cutOff(ctx, cut), ctx.maxBytes)) {
    const bad = (code: string, message: string): ReadResult => ({ diagnostic: problem(code, file, message, line.number) });
    if (line.bytes === null) {
      yield bad('jsonl/line-too-long', `${line.length}+ bytes, over the limit of ${ctx.maxBytes}`);
      continue;
    }
    if (line.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue;
    const text = decodeUtf8(line.bytes);
    if (text === null) {
      yield bad('read/invalid-utf8', 'not valid UTF-8');
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield bad('jsonl/bad-json', `not JSON: ${(error as Error).message.slice(0, 200)}`);
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield bad('jsonl/not-object', 'not a JSON object');
      continue;
    }
    const record = value as Record<string, unknown>;
    const body = record[columns.text];
    if (typeof body !== 'string' || body.trim() === '') {
      yield bad('jsonl/no-text', `no "${columns.text}" string`);
      continue;
    }
    if (body.includes('\u0000')) {
      yield bad('read/binary', 'the text contains NUL characters');
      continue;
    }
    yield { document: makeDocument(bulkId(record[columns.id], stem, line.number), body, { path: `${file}:${line.number}` }, bulkMeta(record, columns, ctx.outlet)) };
  }
  if (cut.at >= 0) yield { diagnostic: problem('read/file-too-large', file, `read up to the limit of ${cut.at} bytes; the rest was left out`) };
}
