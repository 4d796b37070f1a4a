// The ingest source: paths (files, folders, feed URLs) -> an async stream of read results, one
// Document or diagnostic at a time, whatever the input kind. Folders are walked in sorted order;
// each file goes to the reader its kind names; progress counts bytes read against the total, and
// items when every input holds one document.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import { InputError, type BulkContext } from './bulk.ts';
import { decodeHtml } from './decode-html.ts';
import { createFetcher, type Fetched, type FetchOptions } from './fetch-url.ts';
import { readLimited } from './input-bytes.ts';
import { kindByName, readInFolders, sniffKind, type InputKind } from './input-kind.ts';
import { DEFAULT_COLUMNS, DEFAULT_MAX_BYTES, problem, type ReaderOptions, type ReadResult } from './options.ts';
import { readCsv } from './read-csv.ts';
import { readFeedText, readFeedUrl } from './read-feed.ts';
import { readHtml } from './read-html.ts';
import { readJsonl } from './read-jsonl.ts';
import { textDocument } from './read-text-files.ts';
import { statNamed, walkFolder } from './walk-folder.ts';
import { readWarc } from './read-warc.ts';
import { sidecarLookup } from './sidecar-meta.ts';

export interface InputFile {
  path: string;
  kind: InputKind;
  gz: boolean;
  size: number;
}

export interface InputOptions extends ReaderOptions {
  /** Feed URLs to fetch (`--feed`). */
  feeds?: readonly string[];
  /** Fetch each feed item's linked page and read that instead of the item's summary. */
  fetchPages?: boolean;
  fetch?: FetchOptions;
  /** Feed items with an id this says is known are passed over (not fetched). */
  isKnown?: (id: string) => boolean | Promise<boolean>;
  /** Diagnostics listed one by one per input (default DIAGNOSTICS_PER_INPUT); the rest are counted. */
  maxDiagnosticsPerInput?: number;
}

export interface SourceProgress {
  /** Bytes read from files so far (compressed bytes for .gz). */
  bytesRead: number;
  totalBytes: number;
  /** Inputs listed (files and feeds). */
  inputs: number;
  /** Documents the inputs hold, when known (every input a single document), else null. */
  totalItems: number | null;
}

export interface IngestSource extends AsyncIterable<ReadResult> {
  readonly progress: SourceProgress;
}

const SINGLE: ReadonlySet<InputKind> = new Set(['text', 'html']);

function head(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const n = readSync(fd, buf, 0, 1024, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * The input files under the given paths: folders walked for pages, texts, feeds and archives
 * (bulk files only when named), files named explicitly read by extension or sniffed.
 */
export function listInputs(paths: readonly string[]): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string, kind: { kind: InputKind; gz: boolean }, size: number) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, ...kind, size });
  };
  for (const path of paths) {
    const stat = statNamed(path, diagnostics);
    if (!stat) continue;
    if (stat.isDirectory()) {
      walkFolder(path, readInFolders, (file, size) => add(file, kindByName(file)!, size), diagnostics);
      continue;
    }
    let kind = kindByName(path);
    if (!kind) {
      try {
        kind = sniffKind(head(path));
      } catch (error) {
        diagnostics.push(problem('read/unreadable', path, (error as Error).message));
        continue;
      }
    }
    if (kind) add(path, kind, stat.size);
    else diagnostics.push(problem('read/unknown-kind', path, 'not a kind Parley reads (.txt, .html, .xml/.rss/.atom, .jsonl, .csv, .warc, optionally .gz)'));
  }
  return { files, diagnostics };
}

function stemOf(path: string, gz: boolean): string {
  const name = basename(gz ? path.slice(0, -3) : path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function folderOf(path: string): string | undefined {
  return basename(dirname(resolve(path))) || undefined;
}

type FileReaderOptions = InputOptions & { fetchUrl: (url: string) => Promise<Fetched>; sidecars: ReturnType<typeof sidecarLookup> };

async function* readFile(file: InputFile, options: FileReaderOptions, onBytes: (n: number) => void): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxFileBytes = options.maxFileBytes ?? Infinity;
  const id = stemOf(file.path, file.gz);
  switch (file.kind) {
    case 'text':
    case 'html': {
      // the folder's sidecar (parley-meta.jsonl) says what it knows of this file; it wins over --outlet and the folder name
      const side = options.sidecars.metaOf(file.path, id);
      for (const diagnostic of side.diagnostics) yield { diagnostic };
      const outlet = side.meta?.outlet ?? options.outlet ?? folderOf(file.path);
      const read = await readLimited(file.path, file.gz, maxBytes, onBytes);
      if (read.tooLarge !== undefined) {
        yield { diagnostic: problem('read/too-large', file.path, `${read.tooLarge}+ bytes, over the limit of ${maxBytes}`) };
        return;
      }
      if (file.kind === 'text') {
        const result = textDocument(read.bytes, file.path, id, maxBytes);
        if (result.document) result.document.meta = { ...result.document.meta, ...side.meta, ...(outlet ? { outlet } : {}) };
        yield result;
        return;
      }
      const utf16 = (read.bytes[0] === 0xff && read.bytes[1] === 0xfe) || (read.bytes[0] === 0xfe && read.bytes[1] === 0xff);
      if (!utf16 && read.bytes.includes(0)) {
        yield { diagnostic: problem('read/binary', file.path, 'contains NUL bytes: not a text file') };
        return;
      }
      const decoded = decodeHtml(read.bytes);
      if ('error' in decoded) {
        yield { diagnostic: problem(decoded.error === 'invalid-utf8' ? 'read/invalid-utf8' : 'read/unknown-charset', file.path, decoded.error === 'invalid-utf8' ? 'not valid UTF-8' : `unknown charset ${decoded.charset}`) };
        return;
      }
      const page = readHtml(decoded.text, { id, label: file.path, path: file.path, outlet, minArticleChars: options.minArticleChars });
      if (page.document && side.meta) page.document.meta = { ...page.document.meta, ...side.meta };
      yield page;
      return;
    }
    case 'feed': {
      const limit = Math.min(maxFileBytes, Math.max(maxBytes, 20 * 1024 * 1024));
      const read = await readLimited(file.path, file.gz, limit, onBytes);
      if (read.tooLarge !== undefined) {
        yield { diagnostic: problem('read/too-large', file.path, `${read.tooLarge}+ bytes, over the limit of ${limit}`) };
        return;
      }
      yield* readFeedText(read.bytes, { ...options, label: file.path, prefix: id });
      return;
    }
    case 'jsonl':
    case 'csv': {
      const ctx: BulkContext = { file: file.path, gz: file.gz, columns: { ...DEFAULT_COLUMNS, ...options.columns }, maxBytes, maxFileBytes, outlet: options.outlet, onBytes };
      yield* file.kind === 'jsonl' ? readJsonl(ctx) : readCsv(ctx);
      return;
    }
    case 'warc':
      yield* readWarc({ file: file.path, gz: file.gz, maxBytes, outlet: options.outlet, minArticleChars: options.minArticleChars, onBytes });
      return;
  }
}

/** Diagnostics listed one by one per input; the rest are counted (`read/more-problems`). */
export const DIAGNOSTICS_PER_INPUT = 20;

/** The source `parley ingest` reads from. */
export function readInputs(paths: readonly string[], options: InputOptions = {}): IngestSource {
  const { files, diagnostics } = listInputs(paths);
  const feeds = options.feeds ?? [];
  const progress: SourceProgress = {
    bytesRead: 0,
    totalBytes: files.reduce((n, f) => n + f.size, 0),
    inputs: files.length + feeds.length,
    totalItems: feeds.length === 0 && files.every((f) => SINGLE.has(f.kind)) ? files.length : null,
  };
  const fetchUrl = createFetcher(options.fetch);
  const readerOptions: FileReaderOptions = { ...options, fetchUrl, sidecars: sidecarLookup() };
  async function* run(): AsyncGenerator<ReadResult> {
    for (const diagnostic of diagnostics) yield { diagnostic };
    for (const file of files) {
      let counted = 0;
      const onBytes = (n: number) => {
        counted += n;
        progress.bytesRead += n;
      };
      // a file of millions of bad lines must not keep millions of diagnostics: the first few are
      // passed on, the rest counted by code into one closing diagnostic
      const limit = options.maxDiagnosticsPerInput ?? DIAGNOSTICS_PER_INPUT;
      const more = new Map<string, number>();
      let passed = 0;
      const bounded = function* (results: Iterable<ReadResult>): Generator<ReadResult> {
        for (const r of results) {
          if (!r.diagnostic) yield r;
          else if (passed++ < limit) yield r;
          else more.set(r.diagnostic.code, (more.get(r.diagnostic.code) ?? 0) + 1);
        }
      };
      try {
        for await (const r of readFile(file, readerOptions, onBytes)) yield* bounded([r]);
      } catch (error) {
        const code = error instanceof InputError ? error.code : /gzip|incorrect header|unexpected end/i.test((error as Error).message) ? 'read/bad-gzip' : 'read/unreadable';
        yield* bounded([{ diagnostic: problem(code, file.path, (error as Error).message) }]);
      }
      if (more.size) {
        const total = [...more.values()].reduce((a, b) => a + b, 0);
        const codes = [...more].sort((x, y) => y[1] - x[1]).map(([c, n]) => `${c} ${n}`).join(', ');
        yield { diagnostic: problem('read/more-problems', file.path, `${total} more problems in this input, not listed one by one (${codes})`) };
      }
      // whatever was left unread still counts as done
      progress.bytesRead += Math.max(0, file.size - counted);
    }
    for (const url of feeds) yield* readFeedUrl(url, readerOptions);
  }
  return { progress, [Symbol.asyncIterator]: () => run() };
}
