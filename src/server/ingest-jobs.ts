// Uploaded articles (text, HTML, a feed) become ingest jobs: written to a private temporary folder
// and read by the same ingest loop as `parley ingest`, one job at a time, with progress to poll.
// With an analysis pool (as `parley serve` gives), documents are analyzed on its worker thread,
// so the server's own thread keeps answering requests while a long upload is analyzed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { SIDECAR_NAME } from '../ingest/sidecar-meta.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../pipeline/run-ingest.ts';
import type { Pipeline } from '../pipeline/analyze.ts';
import type { AnalyzerPool } from '../pipeline/worker-pool.ts';
import type { Store } from '../store/store.ts';

export type UploadFormat = 'text' | 'html' | 'feed';

const EXTENSION: Record<UploadFormat, string> = { text: '.txt', html: '.html', feed: '.xml' };

export interface Upload {
  format: UploadFormat;
  /** Becomes the document id (file name without extension) for text and HTML. */
  name?: string;
  content: string;
  /** Who published it (else the host of `url`; else "unknown", never the upload's temporary folder). */
  outlet?: string;
  /** Where it was published. */
  url?: string;
}

export interface IngestJob {
  id: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  format: UploadFormat;
  name: string;
  /** Files read so far, out of total. */
  done: number;
  total: number;
  result: {
    ingested: number;
    duplicates: number;
    reports: number;
    skipped: { code: string; message: string }[];
  } | null;
  error: string | null;
}

export interface IngestJobs {
  /** A new job, owned by `owner` (who uploaded it: an analyst's name, '' for the shared token). */
  submit(upload: Upload, owner?: string): IngestJob;
  /** The job, when `owner` uploaded it (else null, as for a job that does not exist). */
  get(id: number, owner?: string): IngestJob | null;
  /** Resolves when every submitted job has finished. */
  idle(): Promise<void>;
}

/** A safe file name from what the client sent: letters, digits, dot, dash and underscore. */
export function uploadName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '')
    .replace(/\.(txt|html?|xml|rss|atom)$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  return cleaned || fallback;
}

export function createIngestJobs(store: Store, pipeline: () => Pipeline, onStored: () => unknown, pool?: () => AnalyzerPool): IngestJobs {
  const jobs = new Map<number, IngestJob>();
  const owners = new Map<number, string>();
  let next = 1;
  let queue: Promise<void> = Promise.resolve();

  async function run(job: IngestJob, upload: Upload): Promise<void> {
    job.state = 'running';
    const dir = mkdtempSync(join(tmpdir(), 'parley-upload-'));
    try {
      const file = join(dir, `${job.name}${EXTENSION[upload.format]}`);
      writeFileSync(file, upload.content, { encoding: 'utf8', mode: 0o600 });
      // what the analyst said of it travels as the folder's sidecar, read as any folder's is
      const meta = { id: job.name, ...(upload.url ? { url: upload.url } : {}), ...(upload.outlet || !upload.url ? { outlet: upload.outlet || 'unknown' } : {}) };
      writeFileSync(join(dir, SIDECAR_NAME), JSON.stringify(meta) + '\n', { encoding: 'utf8', mode: 0o600 });
      const summary = await runIngest({
        paths: [file],
        store,
        // made only when there is no pool to analyze on
        pipeline,
        pool: pool?.(),
        command: `serve upload ${upload.format}`,
        onProgress(done, total) {
          job.done = done;
          job.total = total;
        },
      });
      job.result = {
        ingested: summary.ingested,
        duplicates: summary.duplicates.length,
        reports: summary.reports,
        skipped: summary.failed.map((d) => ({ code: d.code, message: d.message })),
      };
      job.state = 'done';
      await onStored();
    } catch (error) {
      job.state = 'failed';
      job.error = (error as Error).message;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  return {
    submit(upload, owner = '') {
      const id = next++;
      const job: IngestJob = {
        id,
        state: 'queued',
        format: upload.format,
        name: uploadName(upload.name, `upload-${Date.now()}-${id}`),
        done: 0,
        total: 1,
        result: null,
        error: null,
      };
      jobs.set(id, job);
      owners.set(id, owner);
      if (jobs.size > 200) {
        const oldest = Math.min(...jobs.keys());
        jobs.delete(oldest);
        owners.delete(oldest);
      }
      queue = queue.then(() => run(job, upload));
      return job;
    },
    get(id, owner = '') {
      return owners.get(id) === owner ? (jobs.get(id) ?? null) : null;
    },
    idle() {
      return queue;
    },
  };
}
