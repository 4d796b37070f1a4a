// A worker thread that runs the pipeline on documents sent to it (see worker-pool.ts). It sends
// back what the store keeps, without the document (the caller has it): copying between threads
// costs time and memory on both sides, and the tokens alone are several times the text.
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, forStorage, type PipelineOptions } from './analyze.ts';

const pipeline = createPipeline(workerData as PipelineOptions);
// started: from here on, a thread that dies was killed by a document, not by its set-up
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (message: { id: number; doc: Parameters<typeof pipeline.analyze>[0] }) => {
  try {
    const { document: _document, ...analysis } = forStorage(pipeline.analyze(message.doc));
    parentPort!.postMessage({ id: message.id, analysis });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
