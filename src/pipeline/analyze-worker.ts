// A worker thread that runs the pipeline on documents sent to it (see worker-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type PipelineOptions } from './analyze.ts';

const pipeline = createPipeline(workerData as PipelineOptions);
parentPort!.on('message', (message: { id: number; doc: Parameters<typeof pipeline.analyze>[0] }) => {
  try {
    parentPort!.postMessage({ id: message.id, analysis: pipeline.analyze(message.doc) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
