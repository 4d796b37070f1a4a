// CSV with a header row, streamed record by record (csv-parse): a text column and optional id,
// url, title, published, outlet, language, author columns (names configurable, matched without
// regard to case). Ragged rows and broken records are diagnostics naming the file and line.
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { bulkId, bulkMeta, cutOff, InputError, type BulkContext } from './bulk.ts';
import { makeDocument } from './make-document.ts';
import { problem, type ReadResult } from './options.ts';

async function* decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

export async function* readCsv(ctx: BulkContext): AsyncGenerator<ReadResult> {
  const { file, columns } = ctx;
  const stem = basename(file).replace(/\.(csv|tsv)(\.gz)?$/i, '');
  const cut = { at: -1 };
  const skipped: ReadResult[] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: ctx.maxBytes,
    info: true,
    skip_records_with_error: true,
    delimiter: /\.tsv(\.gz)?$/i.test(file) ? '\t' : ',',
    on_skip: (error: CsvError | undefined) => {
      if (error) skipped.push({ diagnostic: problem('csv/bad-record', file, error.message.slice(0, 300), (error as CsvError & { lines?: number }).lines) });
    },
  });
  const input = Readable.from(decoded(cutOff(ctx, cut)));
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | null = null;
  const at: Partial<Record<keyof typeof columns, number>> = {};
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    const line = info.lines;
    if (!header) {
      header = record.map((h) => h.trim().toLowerCase());
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        const i = header.indexOf(columns[key].toLowerCase());
        if (i >= 0) at[key] = i;
      }
      if (at.text === undefined) throw new InputError('csv/no-text-column', `no "${columns.text}" column in the header (${header.slice(0, 10).join(', ')})`);
      continue;
    }
    const bad = (code: string, message: string): ReadResult => ({ diagnostic: problem(code, file, message, line) });
    if (record.length !== header.length) {
      yield bad('csv/ragged-row', `${record.length} fields, the header has ${header.length}`);
      continue;
    }
    const body = record[at.text!];
    if (!body || body.trim() === '') {
      yield bad('csv/no-text', `empty "${columns.text}" field`);
      continue;
    }
    if (body.includes('\uFFFD')) {
      yield bad('read/invalid-utf8', 'not valid UTF-8');
      continue;
    }
    if (body.includes('\u0000')) {
      yield bad('read/binary', 'the text contains NUL characters');
      continue;
    }
    const row: Record<string, unknown> = {};
    for (const key of Object.keys(at) as (keyof typeof columns)[]) row[columns[key]] = record[at[key]!];
    yield { document: makeDocument(bulkId(row[columns.id], stem, line), body, { path: `${file}:${line}` }, bulkMeta(row, columns, ctx.outlet)) };
  }
  while (skipped.length) yield skipped.shift()!;
  if (cut.at >= 0) yield { diagnostic: problem('read/file-too-large', file, `read up to the limit of ${cut.at} bytes; the rest was left out`) };
}
