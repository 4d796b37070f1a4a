import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { ParleyError } from '../core/errors.ts';
import { createPipeline, type Pipeline } from '../pipeline/analyze.ts';
import { type CliContext, dbPath, openForWriting, withStore, writeLine } from './context.ts';
import { runIngest, type IngestSummary } from './run-ingest.ts';

interface IngestFlags {
  db?: string;
  json?: boolean;
  maxBytes?: string;
  batch?: string;
}

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ParleyError('usage', `${option} wants a positive whole number, not "${value}"`);
  return n;
}

export function makePipeline(): Pipeline {
  try {
    return createPipeline();
  } catch (error) {
    if (error instanceof ParleyError) throw error;
    throw new ParleyError('config', `cannot set up the pipeline: ${(error as Error).message}`, { cause: error });
  }
}

function countBy(items: readonly { code: string }[]): string {
  const counts = new Map<string, number>();
  for (const { code } of items) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ${n}`).join(', ');
}

export function summaryLine(s: IngestSummary, events: number): string {
  const skipped = s.failed.length ? ` (${countBy(s.failed)})` : '';
  const seconds = s.elapsedMs / 1000;
  const rate = seconds > 0 ? ` at ${Math.round(s.ingested / seconds)} docs/s` : '';
  return (
    `ingested ${s.ingested}, duplicates ${s.duplicates.length}, skipped ${s.failed.length}${skipped}; ` +
    `${s.reports} reports, ${events} events in the database; ${seconds.toFixed(1)} s${rate}`
  );
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('read .txt articles (files or folders, recursively) into the database')
    .argument('<paths...>', 'files or folders')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .option('--json', 'print the summary as JSON')
    .option('--max-bytes <n>', 'skip files larger than this (default 5 MB)')
    .option('--batch <n>', 'documents per transaction (default 100)')
    .action(async (paths: string[], flags: IngestFlags) => {
      const maxBytes = positiveInt(flags.maxBytes, '--max-bytes');
      const batchSize = positiveInt(flags.batch, '--batch');
      const pipeline = makePipeline();
      await withStore(openForWriting(ctx, flags.db), async (store) => {
        const showBar = !flags.json && ctx.stderr.isTTY === true;
        const bar = showBar
          ? new SingleBar(
              {
                format: 'ingest [{bar}] {value}/{total} files | {rate} docs/s | ETA {eta_formatted}',
                stream: ctx.stderr,
                etaBuffer: 200,
                hideCursor: true,
              },
            )
          : null;
        const started = performance.now();
        let barStarted = false;
        const summary = await runIngest({
          paths,
          store,
          pipeline,
          workers: availableParallelism(),
          maxBytes,
          batchSize,
          command: `ingest --db ${dbPath(ctx, flags.db)}`,
          onProgress(done, total) {
            if (!bar) return;
            if (!barStarted) {
              bar.start(total, 0, { rate: '0' });
              barStarted = true;
            }
            const seconds = (performance.now() - started) / 1000;
            if (done % 25 === 0 || done === total) {
              bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
            }
          },
        });
        if (bar && barStarted) bar.stop();
        const counts = store.counts();
        if (flags.json) {
          writeLine(
            ctx.stdout,
            JSON.stringify(
              {
                files: summary.files,
                ingested: summary.ingested,
                duplicates: summary.duplicates,
                skipped: summary.failed,
                warnings: summary.warnings.length,
                reports: summary.reports,
                database: counts,
                elapsedMs: Math.round(summary.elapsedMs),
              },
              null,
              2,
            ),
          );
        } else {
          for (const d of summary.failed) writeLine(ctx.stderr, `skipped ${d.file ?? d.docId ?? '?'}: ${d.code}: ${d.message}`);
          writeLine(ctx.stdout, summaryLine(summary, counts.events));
        }
        if (summary.failed.length > 0) ctx.exitCode = 1;
      });
    });
}
