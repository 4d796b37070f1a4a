// `parley ingest --queue`, `parley worker` and `parley jobs`: ingest spread over processes and
// machines through the job queue in the record's own PostgreSQL (src/queue/ingest-queue.ts).
import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import type { Diagnostic, Document } from '../core/types.ts';
import { readInputs, type InputOptions } from '../ingest/read-inputs.ts';
import { runIngest } from '../pipeline/run-ingest.ts';
import { failedJobs, INGEST_QUEUE, jobCounts, jobSource, jobsReport, openQueue, type IngestJobData, type JobCounts, type QueueOptions } from '../queue/ingest-queue.ts';
import { isPostgresUrl } from '../store/open-store.ts';
import { type CliContext, dbLabel, dbPath, openForWriting, withStore, writeLine } from './context.ts';
import { makePipeline } from './ingest.ts';

/** Documents per job: small enough to spread over workers, large enough to be cheap to queue. */
const DOCUMENTS_PER_JOB = 25;

function queueUrl(ctx: CliContext, option: string | undefined, what: string): string {
  const url = dbPath(ctx, option);
  if (!isPostgresUrl(url)) throw new ParleyError('usage', `${what} needs a PostgreSQL database (--db postgres://...): the queue is kept there`);
  return url;
}

export interface EnqueueResult {
  jobIds: string[];
  documents: number;
  diagnostics: Diagnostic[];
}

/** Reads the inputs here and queues their documents, DOCUMENTS_PER_JOB to a job. */
export async function enqueueInputs(url: string, paths: readonly string[], options: InputOptions, command: string, queue: QueueOptions = {}): Promise<EnqueueResult> {
  const boss = await openQueue(url, queue);
  try {
    const jobIds: string[] = [];
    const diagnostics: Diagnostic[] = [];
    let documents = 0;
    let batch: Document[] = [];
    const send = async () => {
      if (!batch.length) return;
      const data: IngestJobData = { documents: batch, command };
      const id = await boss.send(INGEST_QUEUE, data);
      if (id) jobIds.push(id);
      batch = [];
    };
    for await (const read of readInputs(paths, options)) {
      if (read.diagnostic) diagnostics.push(read.diagnostic);
      else {
        batch.push(read.document);
        documents++;
        if (batch.length >= DOCUMENTS_PER_JOB) await send();
      }
    }
    await send();
    return { jobIds, documents, diagnostics };
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

function countsLine(c: JobCounts): string {
  return `${c.queued} queued, ${c.running} running, ${c.done} done, ${c.failed} failed`;
}

/** Waits for the jobs to finish, showing their progress; true when none failed. */
export async function waitForJobs(ctx: CliContext, url: string, jobIds: readonly string[], intervalMs = 1000): Promise<boolean> {
  const boss = await openQueue(url);
  try {
    let last = '';
    for (;;) {
      const counts = await jobCounts(boss, jobIds);
      const line = countsLine(counts);
      if (line !== last) writeLine(ctx.stderr, `jobs: ${line}`);
      last = line;
      if (counts.queued + counts.running === 0) {
        for (const job of await failedJobs(boss, 20, jobIds)) writeLine(ctx.stderr, `failed job ${job.id} (${job.documents} documents): ${job.reason}`);
        return counts.failed === 0;
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** `ingest --queue`: enqueue, and with --wait follow the jobs to the end. */
export async function ingestThroughQueue(
  ctx: CliContext,
  dbOption: string | undefined,
  paths: readonly string[],
  options: InputOptions,
  wait: boolean,
  queue: QueueOptions = {},
): Promise<void> {
  const url = queueUrl(ctx, dbOption, 'ingest --queue');
  const result = await enqueueInputs(url, paths, options, `ingest --queue --db ${dbLabel(ctx, dbOption)}`, queue);
  for (const d of result.diagnostics) writeLine(ctx.stderr, `skipped ${d.file ?? d.docId ?? '?'}: ${d.code}: ${d.message}`);
  writeLine(ctx.stdout, `queued ${result.documents} documents in ${result.jobIds.length} jobs`);
  if (result.diagnostics.some((d) => d.severity === 'error')) ctx.exitCode = 1;
  if (wait && !(await waitForJobs(ctx, url, result.jobIds))) ctx.exitCode = 1;
}

export function registerWorker(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('take ingest jobs from the queue in the PostgreSQL database, analyze their documents and store them')
    .option('--db <url>', 'PostgreSQL database (default $PARLEY_DB)')
    .option('--until-idle', 'stop when no job is queued or running')
    .action(async (flags: { db?: string; untilIdle?: boolean }) => {
      const url = queueUrl(ctx, flags.db, 'worker');
      const pipeline = makePipeline();
      await withStore(openForWriting(ctx, flags.db), async (store) => {
        const boss = await openQueue(url);
        let jobs = 0;
        await boss.work<IngestJobData>(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
          const summary = await runIngest({ paths: [], source: jobSource(job.data.documents), store, pipeline, command: `${job.data.command} (worker, job ${job.id})` });
          // a store that failed is worth another attempt; a document refused for what it is is not
          const failedStoring = summary.failed.filter((d) => d.code === 'store/failed');
          if (failedStoring.length) throw new Error(`${failedStoring.length} documents could not be stored: ${failedStoring[0].message}`);
          jobs++;
          return { ingested: summary.ingested, duplicates: summary.duplicates.length, skipped: summary.failed.length };
        });
        writeLine(ctx.stderr, `parley: worker taking jobs from ${dbLabel(ctx, flags.db)} (Ctrl-C stops)`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            clearInterval(idle);
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          const idle = setInterval(async () => {
            if (!flags.untilIdle) return;
            const counts = await jobCounts(boss).catch(() => null);
            if (counts && counts.queued + counts.running === 0) stop();
          }, 1000);
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        // a job taken but not finished goes back to the queue when its expiry passes
        await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
        writeLine(ctx.stdout, `worker: ${jobs} jobs done`);
      });
    });
}

export function registerJobs(program: Command, ctx: CliContext): void {
  program
    .command('jobs')
    .description('the ingest jobs in the queue: queued, running, done, failed with reasons')
    .option('--db <url>', 'PostgreSQL database (default $PARLEY_DB)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const url = queueUrl(ctx, flags.db, 'jobs');
      const boss = await openQueue(url);
      try {
        const report = await jobsReport(boss);
        if (flags.json) {
          writeLine(ctx.stdout, JSON.stringify(report, null, 2));
          return;
        }
        writeLine(ctx.stdout, `${countsLine(report)}; ${report.deadLetter} in the dead-letter queue`);
        for (const job of report.failedJobs) writeLine(ctx.stdout, `failed ${job.id} (${job.documents} documents): ${job.reason}`);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    });
}
