// Distributed ingest through a job queue kept in the same PostgreSQL as the record (pg-boss: a
// maintained queue on plain PostgreSQL, SKIP LOCKED fetching, retries with backoff, dead-letter
// queues and expiry of jobs whose worker died; no broker or scheduler of our own to run).
// The enqueuing process reads the inputs and puts the documents themselves in the jobs, so
// workers on other machines need no shared disk. A worker runs each job through runIngest, the
// same loop as `parley ingest`: documents already stored (by text hash) are passed over, so a job
// run twice (its worker killed after storing, before completing) changes nothing.
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Diagnostic, Document } from '../core/types.ts';
import type { IngestSource, SourceProgress } from '../ingest/read-inputs.ts';

export const INGEST_QUEUE = 'parley-ingest';
export const DEAD_LETTER_QUEUE = 'parley-ingest-dead';

export interface IngestJobData {
  /** The documents read by the enqueuing process, as read (text, source, metadata). */
  documents: Document[];
  /** The command that enqueued them, for the run records. */
  command: string;
}

export interface QueueOptions {
  /** Attempts after the first, each after a longer wait (backoff). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job not completed this long after a worker took it is taken again (the worker died); given, it is set on the queue. */
  expireInSeconds?: number;
}

/** How often this process looks for jobs whose worker died (expired) and hands them out again. */
const MAINTENANCE_SECONDS = 10;

/** Starts pg-boss on the database (creating its schema once) and the two queues. */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 3, supervise: true, schedule: false, maintenanceIntervalSeconds: MAINTENANCE_SECONDS });
  // errors of its background maintenance are reported by the calls that fail
  boss.on('error', () => undefined);
  await boss.start();
  const ensure = async (name: string, queue: Omit<PgBoss.Queue, 'name'>) => {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...queue });
    } catch (error) {
      // another process created it at the same moment
      if (!(await boss.getQueue(name))) throw error;
    }
  };
  await ensure(DEAD_LETTER_QUEUE, { retentionDays: 30 });
  await ensure(INGEST_QUEUE, {
    retryLimit: options.retryLimit ?? 4,
    retryDelay: options.retryDelaySeconds ?? 5,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 900,
    deadLetter: DEAD_LETTER_QUEUE,
  });
  if (options.expireInSeconds !== undefined) {
    const queue = (await boss.getQueue(INGEST_QUEUE))!;
    if (queue.expireInSeconds !== options.expireInSeconds) {
      await boss.updateQueue(INGEST_QUEUE, { ...queue, name: INGEST_QUEUE, expireInSeconds: options.expireInSeconds });
    }
  }
  return boss;
}

/** A job's documents as the input of runIngest. */
export function jobSource(documents: readonly Document[]): IngestSource {
  const progress: SourceProgress = { bytesRead: 0, totalBytes: 0, inputs: documents.length, totalItems: documents.length };
  return {
    progress,
    async *[Symbol.asyncIterator]() {
      for (const document of documents) yield { document };
    },
  };
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  /** The last error, as the worker reported it. */
  reason: string;
  documents: number;
}

/** Runs SQL on the queue's database: pg-boss's own connection, or a plain pool (readers that start no pg-boss). */
export interface QueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const dbOf = (queue: PgBoss | QueueDb): QueueDb => ('getDb' in queue ? (queue.getDb() as QueueDb) : queue);

/** Job counts by state, of the given jobs or of every job of the ingest queue. */
export async function jobCounts(queue: PgBoss | QueueDb, ids?: readonly string[]): Promise<JobCounts> {
  const db = dbOf(queue);
  const { rows } = (await db.executeSql(
    `SELECT state, COUNT(*)::int AS n FROM pgboss.job WHERE name = $1 ${ids ? 'AND id = ANY($2::uuid[])' : ''} GROUP BY state`,
    ids ? [INGEST_QUEUE, ids] : [INGEST_QUEUE],
  )) as { rows: { state: JobState; n: number }[] };
  const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const { state, n } of rows) {
    if (state === 'created' || state === 'retry') counts.queued += n;
    else if (state === 'active') counts.running += n;
    else if (state === 'completed') counts.done += n;
    else counts.failed += n;
  }
  return counts;
}

/** Jobs that failed for good (their documents wait in the dead-letter queue), newest first. */
export async function failedJobs(queue: PgBoss | QueueDb, limit = 20, ids?: readonly string[]): Promise<FailedJob[]> {
  const db = dbOf(queue);
  const { rows } = (await db.executeSql(
    `SELECT id::text, output, jsonb_array_length(data->'documents') AS documents FROM pgboss.job
     WHERE name = $1 AND state = 'failed' ${ids ? 'AND id = ANY($3::uuid[])' : ''} ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
    ids ? [INGEST_QUEUE, limit, ids] : [INGEST_QUEUE, limit],
  )) as { rows: { id: string; output: { message?: string } | null; documents: number | null }[] };
  return rows.map((r) => ({ id: r.id, reason: r.output?.message ?? JSON.stringify(r.output ?? 'no reason given'), documents: r.documents ?? 0 }));
}

export interface JobsReport extends JobCounts {
  /** Documents' jobs waiting in the dead-letter queue (failed for good, kept for a look). */
  deadLetter: number;
  /** The latest jobs that failed for good, with the worker's reason. */
  failedJobs: FailedJob[];
}

/** What `parley jobs` and /api/jobs show; a database where nothing was ever queued has no queue schema and shows nothing. */
export async function jobsReport(queue: PgBoss | QueueDb, limit = 20): Promise<JobsReport> {
  const db = dbOf(queue);
  try {
    const counts = await jobCounts(db);
    const { rows } = (await db.executeSql(`SELECT COUNT(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry')`, [DEAD_LETTER_QUEUE])) as {
      rows: { n: number }[];
    };
    return { ...counts, deadLetter: rows[0]?.n ?? 0, failedJobs: await failedJobs(db, limit) };
  } catch (error) {
    // 42P01 undefined_table, 3F000 invalid_schema_name: pg-boss never started on this database
    const code = (error as { code?: string })?.code;
    if (code === '42P01' || code === '3F000') return { queued: 0, running: 0, done: 0, failed: 0, deadLetter: 0, failedJobs: [] };
    throw error;
  }
}

export interface JobsView {
  report(limit?: number): Promise<JobsReport>;
  close(): Promise<void>;
}

/**
 * The queue read-only, for the server: one connection of its own, and no pg-boss started (its
 * maintenance belongs to the processes that queue and work, not to a reader).
 */
export function openJobsView(url: string): JobsView {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  const db: QueueDb = { executeSql: (text, values) => pool.query(text, values) };
  return { report: (limit) => jobsReport(db, limit), close: () => pool.end() };
}

export type { Diagnostic };
