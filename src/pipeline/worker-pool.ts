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
  const workers = Array.from(
    { length: Math.max(1, size) },
    () => new Worker(new URL('./analyze-worker-boot.mjs', import.meta.url), { workerData: plain }),
  );
  const waiting = new Map<number, { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;
  for (const worker of workers) {
    worker.on('message', (m: { id: number; analysis?: DocumentAnalysis; error?: string }) => {
      load.set(worker, load.get(worker)! - 1);
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (!w) return;
      if (m.error !== undefined) w.reject(new Error(m.error));
      else w.resolve(m.analysis!);
    });
    worker.on('error', (error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    });
  }
  return {
    analyze(doc) {
      const id = next++;
      // the least busy worker
      const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      load.set(worker, load.get(worker)! + 1);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, doc });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
