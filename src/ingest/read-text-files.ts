// Reads plain-text articles from files and folders into Documents. The text is kept exactly as
// in the file (no BOM stripping, no newline normalization): every offset downstream points into
// it. Problems become diagnostics naming the file; the batch goes on.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Diagnostic, Document } from '../core/types.ts';
import { DEFAULT_MAX_BYTES, problem, type ReadResult } from './options.ts';
import { statNamed, walkFolder } from './walk-folder.ts';

export { DEFAULT_MAX_BYTES, type ReadResult };

export interface ReadOptions {
  /** Files larger than this many bytes are skipped with `read/too-large`. Default 5 MB. */
  maxBytes?: number;
}

export interface FileList {
  /** `.txt` files, in a stable order (arguments in order, folders sorted). */
  files: string[];
  /** Paths that could not be listed or are not text files. */
  diagnostics: Diagnostic[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function isTextFile(name: string): boolean {
  return extname(name).toLowerCase() === '.txt';
}

/** Lists the `.txt` files under the given paths (folders recursively, other files skipped). */
export function listTextFiles(paths: readonly string[]): FileList {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const path of paths) {
    const stat = statNamed(path, diagnostics);
    if (!stat) continue;
    if (stat.isDirectory()) walkFolder(path, isTextFile, add, diagnostics);
    else if (isTextFile(path)) add(path);
    else diagnostics.push(problem('read/not-text', path, 'not a .txt file'));
  }
  return { files, diagnostics };
}

/** Reads one `.txt` file into a Document, or says why it cannot. */
export function readTextFile(file: string, options: ReadOptions = {}): ReadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.size > maxBytes) {
      return { diagnostic: problem('read/too-large', file, `${stat.size} bytes, over the limit of ${maxBytes}`) };
    }
    bytes = readFileSync(file);
  } catch (error) {
    return { diagnostic: problem('read/unreadable', file, (error as Error).message) };
  }
  return textDocument(bytes, file, basename(file, extname(file)), maxBytes);
}

/** The checks every plain text goes through (size, binary, UTF-8, empty) and the Document. */
export function textDocument(bytes: Buffer, file: string, id: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  // The size may have changed between stat and read.
  if (bytes.length > maxBytes) {
    return { diagnostic: problem('read/too-large', file, `${bytes.length} bytes, over the limit of ${maxBytes}`) };
  }
  // UTF-16 (as Windows editors save text) says so with its byte order mark; it holds NUL bytes
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!utf16 && bytes.includes(0)) {
    return { diagnostic: problem('read/binary', file, 'contains NUL bytes: not a text file') };
  }
  let text: string;
  try {
    // the mark is kept as the text's first character, as a UTF-8 one is: offsets count it
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { diagnostic: problem('read/invalid-utf8', file, utf16 ? `not valid ${utf16.toUpperCase()}` : 'not valid UTF-8') };
  }
  if (text.includes('\0')) {
    return { diagnostic: problem('read/binary', file, 'contains NUL characters: not a text file') };
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { diagnostic: problem('read/empty', file, 'no text') };
  }
  return { document: { id, hash: sha256(text), text, source: { path: file }, meta: {} } };
}

/** Yields a Document or a diagnostic for every input: listing problems first, then each file. */
export function* readTextFiles(paths: readonly string[], options: ReadOptions = {}): Generator<ReadResult> {
  const { files, diagnostics } = listTextFiles(paths);
  for (const diagnostic of diagnostics) yield { diagnostic };
  for (const file of files) yield readTextFile(file, options);
}
