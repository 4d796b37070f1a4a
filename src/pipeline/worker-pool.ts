// The pipeline on several cores: worker threads that each load the knowledge base once and
// analyze the documents handed to them. Results come back in any order; callers await each.
// Each thread's heap is capped, so a long bulk run keeps memory flat (the V8 default lets every
// thread's heap grow far past what it holds live before collecting); a document that needs more
// than the cap fails alone, and its thread is replaced.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Document, StoredAnalysis } from '../core/types.ts';
import type { PipelineOptions } from './analyze.ts';

export interface AnalyzerPool {
  /** What the store keeps of the document's analysis (no tokens or sentences); its document is the one given. */
  analyze(doc: Document): Promise<StoredAnalysis>;
  close(): Promise<void>;
}

/**
 * Per-thread heap caps: a thread holds about 50 MB live (knowledge base, lexicons, bounded name
 * caches) and the largest document accepted (5 MB by default) needs well under the rest.
 */
export const THREAD_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 8 };

export function createWorkerPool(size: number, options: PipelineOptions = {}, limits: ResourceLimits = THREAD_LIMITS): AnalyzerPool {
  const { kb: _kb, ...plain } = options; // a loaded knowledge base cannot cross threads
  type Job = { doc: Document; resolve: (a: StoredAnalysis) => void; reject: (e: Error) => void };
  // the jobs each thread holds, so a thread that dies fails only its own documents
  const jobs = new Map<Worker, Map<number, Job>>();
  let closing = false;
  let next = 0;
  // a thread that cannot even start (a broken knowledge base) must not be restarted forever
  let failedStarts = 0;
  const maxFailedStarts = 4 * Math.max(1, size);
  let lastError: Error | null = null;

  const send = (job: Job): void => {
    // the least busy thread
    let worker: Worker | undefined;
    for (const [w, held] of jobs) if (!worker || held.size < jobs.get(worker)!.size) worker = w;
    if (!worker) return job.reject(new Error(`no analysis thread left: ${lastError?.message ?? 'pool closed'}`));
    const id = next++;
    jobs.get(worker)!.set(id, job);
    worker.postMessage({ id, doc: job.doc });
  };

  const spawn = (): Worker => {
    const worker = new Worker(new URL('./analyze-worker-boot.mjs', import.meta.url), { workerData: plain, resourceLimits: limits });
    const held = new Map<number, Job>();
    let ready = false;
    jobs.set(worker, held);
    worker.on('message', (m: { ready?: true; id: number; analysis?: Omit<StoredAnalysis, 'document'>; error?: string }) => {
      if (m.ready) {
        ready = true;
        return;
      }
      const job = held.get(m.id);
      held.delete(m.id);
      if (!job) return;
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve({ ...m.analysis!, document: job.doc });
    });
    const retire = (error: Error) => {
      if (!jobs.has(worker)) return;
      jobs.delete(worker);
      lastError = error;
      // a thread takes documents in the order sent: the oldest it holds is the one it died on
      const waiting = [...held.values()];
      held.clear();
      if (ready) waiting.shift()?.reject(new Error(`the analysis thread stopped on this document: ${error.message}`));
      else failedStarts++;
      // a fresh thread takes its place and the documents queued behind the culprit
      if (!closing && (ready || failedStarts < maxFailedStarts)) spawn();
      for (const job of waiting) send(job);
    };
    worker.on('error', (error) => retire(error));
    worker.on('exit', (code) => retire(new Error(`analysis thread stopped (exit code ${code})`)));
    return worker;
  };
  for (let i = 0; i < Math.max(1, size); i++) spawn();

  return {
    analyze(doc) {
      return new Promise((resolve, reject) => send({ doc, resolve, reject }));
    },
    async close() {
      closing = true;
      await Promise.all([...jobs.keys()].map((w) => w.terminate()));
    },
  };
}
