// The pipeline on several cores: worker threads that each load the knowledge base once and
// analyze the documents handed to them. Results come back in any order; callers await each.
import { Worker } from 'node:worker_threads';
import type { Document, DocumentAnalysis } from '../core/types.ts';
import type { PipelineOptions } from './analyze.ts';

export interface AnalyzerPool {
  analyze(doc: Document): Promise<DocumentAnalysis>;
  close(): Promise<void>;
}

export function createWorkerPool(size: number, options: PipelineOptions = {}): AnalyzerPool {
  const { kb: _kb, ...plain } = options; // a loaded knowledge base cannot cross threads
  type Job = { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void };
  // the jobs each thread holds, so a thread that dies fails only its own documents
  const jobs = new Map<Worker, Map<number, Job>>();
  let closing = false;
  let next = 0;
  // a thread that cannot even start (a broken knowledge base) must not be restarted forever
  let restarts = 0;
  const maxRestarts = 4 * Math.max(1, size);
  let lastError: Error | null = null;

  const spawn = (): Worker => {
    const worker = new Worker(new URL('./analyze-worker-boot.mjs', import.meta.url), { workerData: plain });
    const held = new Map<number, Job>();
    jobs.set(worker, held);
    worker.on('message', (m: { id: number; analysis?: DocumentAnalysis; error?: string }) => {
      const job = held.get(m.id);
      held.delete(m.id);
      if (!job) return;
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.analysis!);
    });
    const retire = (error: Error) => {
      if (!jobs.has(worker)) return;
      jobs.delete(worker);
      lastError = error;
      for (const job of held.values()) job.reject(error);
      held.clear();
      // a fresh thread takes its place, so the documents after these still get analyzed
      if (!closing && restarts++ < maxRestarts) spawn();
    };
    worker.on('error', (error) => retire(error));
    worker.on('exit', (code) => retire(new Error(`analysis thread stopped (exit code ${code})`)));
    return worker;
  };
  for (let i = 0; i < Math.max(1, size); i++) spawn();

  return {
    analyze(doc) {
      const id = next++;
      // the least busy thread
      let worker: Worker | undefined;
      for (const [w, held] of jobs) if (!worker || held.size < jobs.get(worker)!.size) worker = w;
      if (!worker) return Promise.reject(new Error(`no analysis thread left: ${lastError?.message ?? 'pool closed'}`));
      return new Promise((resolve, reject) => {
        jobs.get(worker!)!.set(id, { resolve, reject });
        worker!.postMessage({ id, doc });
      });
    },
    async close() {
      closing = true;
      await Promise.all([...jobs.keys()].map((w) => w.terminate()));
    },
  };
}
