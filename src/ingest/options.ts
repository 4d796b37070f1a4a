// What every reader accepts, and the shape each yields: a Document or a diagnostic naming the input.
import type { Diagnostic, Document } from '../core/types.ts';

export type ReadResult = { document: Document; diagnostic?: undefined } | { diagnostic: Diagnostic; document?: undefined };

/** Names of the columns (CSV) or fields (JSONL) a bulk file carries. */
export interface ColumnNames {
  text: string;
  id: string;
  url: string;
  title: string;
  published: string;
  outlet: string;
  language: string;
  author: string;
}

export const DEFAULT_COLUMNS: ColumnNames = {
  text: 'text',
  id: 'id',
  url: 'url',
  title: 'title',
  published: 'published',
  outlet: 'outlet',
  language: 'language',
  author: 'author',
};

export interface ReaderOptions {
  /** One document (a file, a page, a record) larger than this many bytes is skipped. Default 5 MB. */
  maxBytes?: number;
  /** A bulk file (JSONL, CSV, WARC, feed) larger than this many bytes is read up to it, then cut off. Default none. */
  maxFileBytes?: number;
  /** The outlet for documents whose metadata names none. */
  outlet?: string;
  /** Column names for CSV and JSONL. */
  columns?: Partial<ColumnNames>;
  /** HTML whose article text is shorter than this many characters is skipped as `html/no-article`. Default 80. */
  minArticleChars?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export function problem(code: string, file: string, message: string, line?: number): Diagnostic {
  // the line goes with the file name ("data.jsonl:12"), where editors and terminals find it
  return { code, severity: 'error', message, file: line !== undefined ? `${file}:${line}` : file };
}
