// What JSONL and CSV readers share: the reading context, ids, metadata from named columns, and
// a byte stream cut off at the file limit (which also stops gzip bombs).
import type { DocumentMeta } from '../core/types.ts';
import { fileChunks, looksBinary, type OnBytes } from './input-bytes.ts';
import { cleanMeta, safeId } from './make-document.ts';
import type { ColumnNames } from './options.ts';

export interface BulkContext {
  file: string;
  gz: boolean;
  columns: ColumnNames;
  /** Per record / line. */
  maxBytes: number;
  /** Per file (inflated bytes); Infinity for none. */
  maxFileBytes: number;
  outlet?: string;
  onBytes?: OnBytes;
}

/** The id column's value, else `<file-stem>-<line>`. */
export function bulkId(value: unknown, stem: string, line: number): string {
  if ((typeof value === 'string' && value.trim()) || (typeof value === 'number' && Number.isFinite(value))) return safeId(String(value).trim());
  return safeId(`${stem}-${line}`);
}

export function bulkMeta(record: Record<string, unknown>, columns: ColumnNames, outlet?: string): DocumentMeta {
  const meta = cleanMeta({
    title: record[columns.title],
    published: record[columns.published],
    outlet: record[columns.outlet],
    url: record[columns.url],
    language: record[columns.language],
    author: record[columns.author],
  });
  if (!meta.outlet && outlet) meta.outlet = outlet;
  return meta;
}

/** The file's (inflated) bytes up to maxFileBytes; `cut.at` is set when it stopped there. */
export async function* cutOff(ctx: BulkContext, cut: { at: number }): AsyncGenerator<Buffer> {
  let length = 0;
  for await (const chunk of fileChunks(ctx.file, ctx.gz, ctx.onBytes)) {
    if (length === 0 && looksBinary(chunk, 8192)) throw new InputError('read/binary', 'contains NUL bytes: not a text file');
    if (length + chunk.length > ctx.maxFileBytes) {
      const keep = ctx.maxFileBytes - length;
      // up to the last full line before the limit
      const nl = chunk.subarray(0, keep).lastIndexOf(0x0a);
      if (nl >= 0) yield chunk.subarray(0, nl + 1);
      cut.at = ctx.maxFileBytes;
      return;
    }
    length += chunk.length;
    yield chunk;
  }
}

/** A problem that ends the reading of one file (the reader's caller makes it a diagnostic). */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
