// The ingest loop shared by `parley ingest`, the server's uploads, the queue's workers and the
// bench: read -> skip known texts -> analyze ->
// save in batches (one transaction each). One bad document never stops the run: a failing
// batch is retried one document at a time, so only the culprit is left out.
import { ParleyError } from '../core/errors.ts';
import type { Diagnostic, Document, StoredAnalysis } from '../core/types.ts';
import { readInputs, type IngestSource, type InputOptions, type SourceProgress } from '../ingest/read-inputs.ts';
import { forStorage, type Pipeline } from './analyze.ts';
import { createWorkerPool, type AnalyzerPool } from './worker-pool.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { createFoundRegistry, unifyFoundActors } from '../actors/unify-found.ts';
import type { DuplicateDocument, Store } from '../store/store.ts';
import { createLexicons, type Lexicon } from '../events/lexicon.ts';

export interface IngestOptions extends InputOptions {
  /** Files and folders, read by readInputs when no source is given. */
  paths: readonly string[];
  /** What to read (documents and diagnostics, one at a time); defaults to readInputs(paths). */
  source?: IngestSource;
  store: Store;
  /** The pipeline, or a way to make it when first needed (with a pool it may never be). */
  pipeline: Pipeline | (() => Pipeline);
  /** Worker threads to analyze on; without one, documents are analyzed in this thread. */
  pool?: AnalyzerPool;
  /** Start this many worker threads for large inputs (64 documents or more, or bulk files) when no pool is given. */
  workers?: number;
  /** The knowledge base those threads read (its image), when not the shipped one (local actors). */
  kb?: KnowledgeBase;
  /** Documents per transaction. */
  batchSize?: number;
  /**
   * Called after every window of inputs: done counts items read (documents and skipped ones);
   * total is the item count when known (progress.totalItems), else an estimate from the bytes
   * read so far (bulk files, feeds): progress has the bytes for an ETA.
   */
  onProgress?: (done: number, total: number, progress: SourceProgress) => void;
  /** Go on past inputs that fail (the default); false stops reading at the first failure. */
  keepGoing?: boolean;
  /** Recorded in the runs table. */
  command?: string;
  /**
   * Aborting stops reading new inputs; the documents already read are analyzed and stored, the
   * run is recorded as interrupted, and the summary says so (Ctrl-C in `parley ingest`).
   */
  signal?: AbortSignal;
}

export interface IngestSummary {
  files: number;
  ingested: number;
  duplicates: DuplicateDocument[];
  /** Inputs that could not be stored, with why (read errors, id conflicts, stage failures). */
  failed: Diagnostic[];
  /** Problems that did not stop a document (pipeline warnings, dropped items). */
  warnings: Diagnostic[];
  reports: number;
  eventsTouched: number;
  words: number;
  elapsedMs: number;
  /** The signal stopped the run before every input was read. */
  interrupted?: boolean;
  /** Documents analyzed in this run, per detected language, most frequent first. */
  languages: Record<string, number>;
  /** The languages among them that no event lexicon reads: their documents yield no events. */
  noLexicon: string[];
}

function failure(code: string, message: string, docId: string, file?: string): Diagnostic {
  return { code, severity: 'error', message, docId, ...(file ? { file } : {}) };
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store } = options;
  let made: Pipeline | undefined;
  const pipeline = (): Pipeline => (made ??= typeof options.pipeline === 'function' ? options.pipeline() : options.pipeline);
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const source = options.source ?? readInputs(options.paths, options);
  const total = source.progress.totalItems;
  const summary: IngestSummary = {
    files: source.progress.inputs,
    ingested: 0,
    duplicates: [],
    failed: [],
    warnings: [],
    reports: 0,
    eventsTouched: 0,
    words: 0,
    elapsedMs: 0,
    languages: {},
    noLexicon: [],
  };
  const perLanguage = new Map<string, number>();
  const runId = await store.beginRun(options.command ?? 'ingest', options.paths);
  const large = total === null || total >= 64;
  const ownPool = !options.pool && (options.workers ?? 0) > 1 && large ? createWorkerPool(options.workers!, options.kb ? { kb: options.kb } : {}) : undefined;
  const pool = options.pool ?? ownPool;
  // unknown actors already stored, so a new spelling of one joins it
  const found = createFoundRegistry((await store.getActors()).filter((a) => !a.fromKb));

  let batch: StoredAnalysis[] = [];
  // Texts and ids waiting in the current batch, so duplicates inside one batch are caught early.
  const pendingHashes = new Map<string, string>();
  const pendingIds = new Map<string, string>();

  const absorb = (result: Awaited<ReturnType<Store['saveBatch']>>) => {
    summary.ingested += result.saved.length;
    summary.duplicates.push(...result.duplicates);
    summary.eventsTouched += result.eventsTouched;
    for (const d of result.diagnostics) (d.severity === 'error' ? summary.failed : summary.warnings).push(d);
  };

  const stopped = async (error: ParleyError): Promise<ParleyError> => {
    try {
      await store.finishRun(runId, { files: summary.files, ingested: summary.ingested, duplicates: summary.duplicates.length, failed: summary.failed.length + batch.length, warnings: summary.warnings.length, reports: summary.reports, elapsedMs: Math.round(performance.now() - started) }, []);
    } catch {
      // the run record cannot be written either: it stays unfinished
    }
    void ownPool?.close();
    return new ParleyError(
      'storage',
      `${error.message}. The run stopped: ${summary.ingested} documents were stored before it, the batch of ${batch.length} being saved was not (nothing stored was changed). Run the same command again once the cause is cured: stored documents are recognised and passed over.`,
      { cause: error },
    );
  };

  const flush = async () => {
    if (batch.length === 0) return;
    try {
      absorb(await store.saveBatch(batch));
    } catch (error) {
      // a full disk or a damaged file fails every write after it: stop, saying what was stored
      if (error instanceof ParleyError && error.code === 'storage') throw await stopped(error);
      for (const analysis of batch) {
        try {
          absorb(await store.saveBatch([analysis]));
        } catch (error) {
          if (error instanceof ParleyError && error.code === 'storage') throw await stopped(error);
          const doc = analysis.document;
          summary.failed.push(failure('store/failed', (error as Error).message, doc.id, doc.source.path));
        }
      }
    }
    // stored now: the store answers for them from here on
    for (const analysis of batch) {
      pendingHashes.delete(analysis.document.hash);
      pendingIds.delete(analysis.document.id);
    }
    batch = [];
  };

  // Inputs are taken a window at a time: read and checked in order, analyzed together (on the
  // pool's threads when there is one), then stored in order, so runs stay deterministic. The next
  // window is read and handed to the threads before the current one is stored, so they never wait.
  type Accepted = { doc: Document; file: string | undefined; analysis: Promise<StoredAnalysis> | StoredAnalysis };
  const windowSize = pool ? 64 : 1;
  const inputs = source[Symbol.asyncIterator]();
  let exhausted = false;
  let done = 0;
  const take = async (): Promise<Accepted[]> => {
    const accepted: Accepted[] = [];
    for (let n = 0; n < windowSize && !exhausted; n++) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        exhausted = true;
        break;
      }
      if (options.keepGoing === false && summary.failed.length > 0) {
        exhausted = true;
        break;
      }
      const next = await inputs.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      done++;
      const read = next.value;
      if (read.diagnostic) {
        summary.failed.push(read.diagnostic);
        continue;
      }
      const doc = read.document;
      const file = doc.source.path ?? doc.source.url;
      const sameText = pendingHashes.get(doc.hash) ?? await store.findDocumentByHash(doc.hash);
      const storedHash = pendingIds.get(doc.id) ?? await store.findHashById(doc.id);
      if (sameText !== null) {
        summary.duplicates.push({ docId: doc.id, of: sameText, ...(file ? { file } : {}) });
      } else if (storedHash !== null) {
        summary.failed.push(
          failure('store/id-conflict', `a different text is already stored as document ${doc.id}; kept the stored one`, doc.id, file),
        );
      } else {
        pendingHashes.set(doc.hash, doc.id);
        pendingIds.set(doc.id, doc.hash);
        let analysis: Promise<StoredAnalysis> | StoredAnalysis;
        // a pipeline that cannot be made is bad configuration: it stops the run
        const inThread = pool ? null : pipeline();
        try {
          // the raw markup stays here: the threads need only the text
          const { raw: _raw, ...plain } = doc.source;
          analysis = pool ? pool.analyze(doc.source.raw ? { ...doc, source: plain } : doc) : forStorage(inThread!.analyze(doc));
        } catch (error) {
          analysis = Promise.reject(error);
        }
        if (analysis instanceof Promise) analysis.catch(() => undefined);
        accepted.push({ doc, file, analysis });
      }
    }
    return accepted;
  };
  let current = await take();
  for (;;) {
    const next = exhausted ? [] : await take();
    for (const { doc, file, analysis: pending } of current) {
      let analysis: StoredAnalysis | null = null;
      try {
        analysis = await pending;
      } catch (error) {
        summary.failed.push(failure('pipeline/failed', (error as Error).message, doc.id, file));
        pendingHashes.delete(doc.hash);
        pendingIds.delete(doc.id);
      }
      if (analysis) {
        analysis = unifyFoundActors({ ...analysis, document: doc }, found);
        summary.words += countWords(doc.text);
        const lang = analysis.text.language;
        perLanguage.set(lang, (perLanguage.get(lang) ?? 0) + 1);
        summary.reports += analysis.reports.length;
        summary.warnings.push(...analysis.diagnostics.map((d) => ({ ...d, file: d.file ?? file, docId: d.docId ?? doc.id })));
        batch.push(analysis);
        if (batch.length >= batchSize) await flush();
      }
    }
    current = next;
    options.onProgress?.(done, estimateTotal(done, exhausted, source.progress), source.progress);
    if (exhausted && current.length === 0) break;
  }
  await flush();
  await ownPool?.close();
  summary.elapsedMs = performance.now() - started;
  summary.languages = Object.fromEntries([...perLanguage].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  summary.noLexicon = Object.keys(summary.languages).filter((lang) => !hasEventLexicon(lang));
  await store.finishRun(
    runId,
    {
      files: summary.files,
      ingested: summary.ingested,
      duplicates: summary.duplicates.length,
      failed: summary.failed.length,
      warnings: summary.warnings.length,
      reports: summary.reports,
      elapsedMs: Math.round(summary.elapsedMs),
      ...(summary.interrupted ? { interrupted: true } : {}),
    },
    [...summary.failed, ...summary.warnings],
  );
  return summary;
}

// the same lexicons the pipeline reads (data/lang/, with aliases.json): a language whose lexicon
// has no trigger finds no events. Compiled once per language, and only for the languages seen.
let lexicons: ((lang: string) => Lexicon) | null = null;
function hasEventLexicon(lang: string): boolean {
  lexicons ??= createLexicons();
  return lexicons(lang).triggers.length > 0;
}

/** What `/\s/` matches: ECMAScript white space and line terminators. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The number of runs of non-space characters (what `text.match(/\S+/g).length` counts), without
 * making the array of every word: the main thread counted each document's words that way, and
 * those arrays were its largest allocation after the store's rows.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function estimateTotal(done: number, exhausted: boolean, p: SourceProgress): number {
  if (p.totalItems !== null) return p.totalItems;
  if (exhausted || p.bytesRead <= 0 || p.totalBytes <= 0) return done;
  return Math.max(done, Math.round((done * p.totalBytes) / p.bytesRead));
}
