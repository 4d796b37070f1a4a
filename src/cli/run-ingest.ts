// The ingest loop shared by `parley ingest` and the bench: read -> skip known texts -> analyze ->
// save in batches (one transaction each). One bad document never stops the run: a failing
// batch is retried one document at a time, so only the culprit is left out.
import type { Diagnostic, Document, DocumentAnalysis } from '../core/types.ts';
import { listTextFiles, readTextFile, type ReadOptions } from '../ingest/read-text-files.ts';
import type { Pipeline } from '../pipeline/analyze.ts';
import { createWorkerPool, type AnalyzerPool } from '../pipeline/worker-pool.ts';
import { createFoundRegistry, unifyFoundActors } from '../actors/unify-found.ts';
import type { DuplicateDocument, Store } from '../store/store.ts';

export interface IngestOptions extends ReadOptions {
  paths: readonly string[];
  store: Store;
  pipeline: Pipeline;
  /** Worker threads to analyze on; without one, documents are analyzed in this thread. */
  pool?: AnalyzerPool;
  /** Start this many worker threads for large inputs (64 files or more) when no pool is given. */
  workers?: number;
  /** Documents per transaction. */
  batchSize?: number;
  /** Called after every file (done counts files read, including skipped ones). */
  onProgress?: (done: number, total: number) => void;
  /** Recorded in the runs table. */
  command?: string;
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
}

function failure(code: string, message: string, docId: string, file?: string): Diagnostic {
  return { code, severity: 'error', message, docId, ...(file ? { file } : {}) };
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store, pipeline } = options;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const { files, diagnostics: listing } = listTextFiles(options.paths);
  const summary: IngestSummary = {
    files: files.length,
    ingested: 0,
    duplicates: [],
    failed: [...listing],
    warnings: [],
    reports: 0,
    eventsTouched: 0,
    words: 0,
    elapsedMs: 0,
  };
  const runId = store.beginRun(options.command ?? 'ingest', options.paths);
  const ownPool = !options.pool && (options.workers ?? 0) > 1 && files.length >= 64 ? createWorkerPool(options.workers!) : undefined;
  const pool = options.pool ?? ownPool;
  // unknown actors already stored, so a new spelling of one joins it
  const found = createFoundRegistry(store.getActors().filter((a) => !a.fromKb));

  let batch: DocumentAnalysis[] = [];
  // Texts and ids waiting in the current batch, so duplicates inside one batch are caught early.
  const pendingHashes = new Map<string, string>();
  const pendingIds = new Map<string, string>();

  const absorb = (result: ReturnType<Store['saveBatch']>) => {
    summary.ingested += result.saved.length;
    summary.duplicates.push(...result.duplicates);
    summary.eventsTouched += result.eventsTouched;
    for (const d of result.diagnostics) (d.severity === 'error' ? summary.failed : summary.warnings).push(d);
  };

  const flush = () => {
    if (batch.length === 0) return;
    try {
      absorb(store.saveBatch(batch));
    } catch {
      for (const analysis of batch) {
        try {
          absorb(store.saveBatch([analysis]));
        } catch (error) {
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

  // Files are taken a window at a time: read and checked in order, analyzed together (on the
  // pool's threads when there is one), then stored in order, so runs stay deterministic. The next
  // window is handed to the threads before the current one is stored, so they never wait.
  type Accepted = { doc: Document; file: string; analysis: Promise<DocumentAnalysis> | DocumentAnalysis };
  const windowSize = pool ? 64 : 1;
  const take = (at: number): Accepted[] => {
    const accepted: Accepted[] = [];
    for (const file of files.slice(at, at + windowSize)) {
      const read = readTextFile(file, options);
      if (read.diagnostic) {
        summary.failed.push(read.diagnostic);
        continue;
      }
      const doc = read.document;
      const sameText = pendingHashes.get(doc.hash) ?? store.findDocumentByHash(doc.hash);
      const storedHash = pendingIds.get(doc.id) ?? store.findHashById(doc.id);
      if (sameText !== null) {
        summary.duplicates.push({ docId: doc.id, of: sameText, file });
      } else if (storedHash !== null) {
        summary.failed.push(
          failure('store/id-conflict', `a different text is already stored as document ${doc.id}; kept the stored one`, doc.id, file),
        );
      } else {
        pendingHashes.set(doc.hash, doc.id);
        pendingIds.set(doc.id, doc.hash);
        let analysis: Promise<DocumentAnalysis> | DocumentAnalysis;
        try {
          analysis = pool ? pool.analyze(doc) : pipeline.analyze(doc);
        } catch (error) {
          analysis = Promise.reject(error);
        }
        if (analysis instanceof Promise) analysis.catch(() => undefined);
        accepted.push({ doc, file, analysis });
      }
    }
    return accepted;
  };
  let current = files.length ? take(0) : [];
  for (let at = 0; at < files.length; at += windowSize) {
    const next = at + windowSize < files.length ? take(at + windowSize) : [];
    for (const { doc, file, analysis: pending } of current) {
      let analysis: DocumentAnalysis | null = null;
      try {
        analysis = await pending;
      } catch (error) {
        summary.failed.push(failure('pipeline/failed', (error as Error).message, doc.id, file));
        pendingHashes.delete(doc.hash);
        pendingIds.delete(doc.id);
      }
      if (analysis) {
        analysis = unifyFoundActors(analysis, found);
        summary.words += countWords(doc.text);
        summary.reports += analysis.reports.length;
        summary.warnings.push(...analysis.diagnostics.map((d) => ({ ...d, file: d.file ?? file, docId: d.docId ?? doc.id })));
        batch.push(analysis);
        if (batch.length >= batchSize) flush();
      }
    }
    current = next;
    options.onProgress?.(Math.min(files.length, at + windowSize), files.length);
  }
  flush();
  await ownPool?.close();
  summary.elapsedMs = performance.now() - started;
  store.finishRun(
    runId,
    {
      files: summary.files,
      ingested: summary.ingested,
      duplicates: summary.duplicates.length,
      failed: summary.failed.length,
      warnings: summary.warnings.length,
      reports: summary.reports,
      elapsedMs: Math.round(summary.elapsedMs),
    },
    [...summary.failed, ...summary.warnings],
  );
  return summary;
}

function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
