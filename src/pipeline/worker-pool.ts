// The pipeline on several cores: worker threads that read one knowledge base (its image, shared
// between threads, see src/actors/shared-table.ts) and analyze the documents handed to them.
// Results come back in any order; callers await each.
// Each thread's heap is capped, so a long bulk run keeps memory flat (the V8 default lets every
// thread's heap grow far past what it holds live before collecting). A document that needs more
// than the cap is analyzed again on a thread of its own without one; its thread is replaced, and
// the documents queued behind it go on.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Document, StoredAnalysis } from '../core/types.ts';
import type { PipelineOptions } from './analyze.ts';
import { defaultKnowledgeBase } from '../kb/load.ts';

export interface AnalyzerPool {
  /** What the store keeps of the document's analysis (no tokens or sentences); its document is the one given. */
  analyze(doc: Document): Promise<StoredAnalysis>;
  close(): Promise<void>;
}

/**
 * Per-thread heap caps: a thread holds about 40 MB live on generated articles (lexicons, bounded
 * name caches, the knowledge-base entries it has parsed; the index itself is shared, outside the
 * heap), but real reports in fourteen languages parse far more entries and compile every language's
 * lexicon: at a 96 MB cap threads spent most of their time collecting garbage near the cap and
 * died of it (16 threads started for 2 over 300 real articles, each reloading the pipeline).
 * `npm run bench:real -- --n 300` on a quiet machine, 2 threads: cap 96 MB 5.5 articles/s
 * (107 s CPU, peak RSS 500 MB), 128 MB 9.0/s, 160 MB 13.7/s, 256 MB 19.2/s (30 s CPU, 630 MB);
 * generated articles (`npm run bench`) unchanged. The cap is a ceiling, not a reservation. Only
 * very long documents (megabytes of text) need more, and get a thread of their own.
 */
export const THREAD_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

export function createWorkerPool(size: number, options: PipelineOptions = {}, limits: ResourceLimits = THREAD_LIMITS): AnalyzerPool {
  // a loaded knowledge base cannot cross threads, but its image (one SharedArrayBuffer) can: every
  // thread reads the one the caller (or this process) loaded, instead of building its own index
  const { kb, ...rest } = options;
  const plain: PipelineOptions = rest.kbImage || rest.kbDir ? rest : { ...rest, kbImage: (kb ?? defaultKnowledgeBase()).image };
  type Job = { doc: Document; resolve: (a: StoredAnalysis) => void; reject: (e: Error) => void };
  type Reply = { ready?: true; id: number; analysis?: Omit<StoredAnalysis, 'document'>; error?: string };
  // a thread's answer to the job: the analysis with the document the job holds, or its error
  const deliver = (job: Job, m: Reply): void =>
    m.error !== undefined ? job.reject(new Error(m.error)) : job.resolve({ ...m.analysis!, document: job.doc });
  // the jobs each thread holds, so a thread that dies fails only its own documents
  const jobs = new Map<Worker, Map<number, Job>>();
  // threads started for one document that needed more memory than the cap
  const solo = new Set<Worker>();
  const script = new URL('./analyze-worker-boot.mjs', import.meta.url);
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
    const worker = new Worker(script, { workerData: plain, resourceLimits: limits });
    const held = new Map<number, Job>();
    let ready = false;
    jobs.set(worker, held);
    worker.on('message', (m: Reply) => {
      if (m.ready) {
        ready = true;
        return;
      }
      const job = held.get(m.id);
      held.delete(m.id);
      if (job) deliver(job, m);
    });
    const retire = (error: Error) => {
      if (!jobs.has(worker)) return;
      jobs.delete(worker);
      lastError = error;
      // a thread takes documents in the order sent: the oldest it holds is the one it died on
      const waiting = [...held.values()];
      held.clear();
      const culprit = ready ? waiting.shift() : undefined;
      if (!ready) failedStarts++;
      else if (culprit && (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' && !closing) alone(culprit, error);
      else culprit?.reject(new Error(`the analysis thread stopped on this document: ${error.message}`));
      // a fresh thread takes its place and the documents queued behind the culprit
      if (!closing && (ready || failedStarts < maxFailedStarts)) spawn();
      for (const job of waiting) send(job);
    };
    worker.on('error', (error) => retire(error));
    worker.on('exit', (code) => retire(new Error(`analysis thread stopped (exit code ${code})`)));
    return worker;
  };
  // one document on a thread of its own, without the cap; the thread ends with it
  const alone = (job: Job, cause: Error): void => {
    const worker = new Worker(script, { workerData: plain });
    solo.add(worker);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      solo.delete(worker);
      void worker.terminate();
      outcome();
    };
    worker.on('message', (m: Reply) => {
      if (!m.ready) settle(() => deliver(job, m));
    });
    const fail = (error: Error) =>
      settle(() => job.reject(new Error(`the analysis thread stopped on this document (${cause.message}), and again on a thread of its own: ${error.message}`)));
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    worker.postMessage({ id: 0, doc: job.doc });
  };
  for (let i = 0; i < Math.max(1, size); i++) spawn();

  return {
    analyze(doc) {
      return new Promise((resolve, reject) => send({ doc, resolve, reject }));
    },
    async close() {
      closing = true;
      await Promise.all([...jobs.keys(), ...solo].map((w) => w.terminate()));
    },
  };
}
