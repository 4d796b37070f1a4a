import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { ParleyError } from '../core/errors.ts';
import { createPipeline, type Pipeline } from '../pipeline/analyze.ts';
import { type CliContext, dbLabel, dbPath, openForWriting, withStore, writeLine } from './context.ts';
import { runIngest, type IngestSummary } from '../pipeline/run-ingest.ts';
import { ingestThroughQueue } from './queue.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { knowledgeBaseWith } from '../kb/load.ts';
import type { Store } from '../store/store.ts';
import { DEFAULT_COLUMNS, type ColumnNames } from '../ingest/options.ts';
import type { SourceProgress } from '../ingest/read-inputs.ts';

interface IngestFlags {
  db?: string;
  json?: boolean;
  maxBytes?: string;
  maxFileBytes?: string;
  batch?: string;
  feed?: string[];
  fetchPages?: boolean;
  outlet?: string;
  column?: string[];
  timeout?: string;
  perHost?: string;
  keepGoing?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--column text=body` pairs -> column names. */
export function parseColumns(pairs: readonly string[] = []): Partial<ColumnNames> {
  const columns: Partial<ColumnNames> = {};
  for (const pair of pairs) {
    const m = pair.match(/^(\w+)=(.+)$/);
    if (!m || !(m[1] in DEFAULT_COLUMNS)) {
      throw new ParleyError('usage', `--column wants FIELD=NAME with FIELD one of ${Object.keys(DEFAULT_COLUMNS).join(', ')}, not "${pair}"`);
    }
    columns[m[1] as keyof ColumnNames] = m[2];
  }
  return columns;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Seconds left: by items when their total is known, else by bytes read. */
export function etaSeconds(done: number, elapsed: number, p: SourceProgress): number {
  if (p.totalItems !== null) return done > 0 ? (elapsed * (p.totalItems - done)) / done : NaN;
  return p.bytesRead > 0 ? (elapsed * Math.max(0, p.totalBytes - p.bytesRead)) / p.bytesRead : NaN;
}

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ParleyError('usage', `${option} wants a positive whole number, not "${value}"`);
  return n;
}

/** The pipeline over the shipped knowledge base, or the one given (the shipped base with a database's local actors). */
export function makePipeline(kb?: KnowledgeBase): Pipeline {
  try {
    return createPipeline(kb ? { kb } : {});
  } catch (error) {
    if (error instanceof ParleyError) throw error;
    throw new ParleyError('config', `cannot set up the pipeline: ${(error as Error).message}`, { cause: error });
  }
}

/** The shipped base with the store's local actors on top, or undefined when it has none (the shipped base, loaded when needed). */
export async function localKnowledgeBase(store: Store): Promise<KnowledgeBase | undefined> {
  const local = await store.localActors();
  if (!local.length) return undefined;
  try {
    return knowledgeBaseWith(local);
  } catch (error) {
    throw new ParleyError('config', `cannot load the database's local actors: ${(error as Error).message}`, { cause: error });
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

/** "12 documents: en 7, fr 3, ja 2 (no event lexicon: ja)"; empty when nothing was analyzed. */
export function languageLine(s: Pick<IngestSummary, 'languages' | 'noLexicon'>): string {
  const counts = Object.entries(s.languages);
  if (!counts.length) return '';
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const none = s.noLexicon.length ? ` (no event lexicon: ${s.noLexicon.join(', ')})` : '';
  return `${total} document${total === 1 ? '' : 's'}: ${counts.map(([lang, n]) => `${lang} ${n}`).join(', ')}${none}`;
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description(
      'read articles into the database: .txt, .html/.htm pages, RSS/Atom feeds (.xml/.rss/.atom or --feed URL), ' +
        '.jsonl/.ndjson and .csv bulk files, .warc web archives; any of them .gz (files or folders, recursively)',
    )
    .argument('[paths...]', 'files or folders')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .option('--json', 'print the summary as JSON')
    .option('--max-bytes <n>', 'skip documents (files, pages, lines, records) larger than this (default 5 MB)')
    .option('--max-file-bytes <n>', 'read bulk files (JSONL, CSV) only up to this many bytes')
    .option('--batch <n>', 'documents per transaction (default 100)')
    .option('--feed <url>', 'fetch an RSS/Atom feed over HTTP(S) and read its items (repeatable)', collect)
    .option('--fetch-pages', "fetch each feed item's linked page and read it instead of the item's summary")
    .option('--outlet <name>', 'the outlet for documents whose metadata names none (else the folder name)')
    .option('--column <field=name>', 'column (CSV) or field (JSONL) names, e.g. text=body, published=date (repeatable)', collect)
    .option('--timeout <ms>', 'HTTP timeout per request (default 15000)')
    .option('--per-host <n>', 'HTTP requests at once per host (default 2)')
    .option('--no-keep-going', 'stop at the first input that cannot be read or stored')
    .option('--queue', 'read the inputs here and queue their documents for `parley worker` processes (PostgreSQL only)')
    .option('--wait', 'with --queue: show the jobs\' progress and return when they are done (exit 1 if any failed)')
    .option('--job-timeout <seconds>', 'with --queue: a job not done this long after a worker took it is handed out again (default 900)')
    .action(async (paths: string[], flags: IngestFlags & { queue?: boolean; wait?: boolean; jobTimeout?: string }) => {
      const maxBytes = positiveInt(flags.maxBytes, '--max-bytes');
      const maxFileBytes = positiveInt(flags.maxFileBytes, '--max-file-bytes');
      const batchSize = positiveInt(flags.batch, '--batch');
      const timeoutMs = positiveInt(flags.timeout, '--timeout');
      const perHost = positiveInt(flags.perHost, '--per-host');
      const columns = parseColumns(flags.column);
      if (paths.length === 0 && !flags.feed?.length) throw new ParleyError('usage', 'nothing to read: give files or folders, or --feed URL');
      if (flags.queue) {
        const read = { maxBytes, maxFileBytes, feeds: flags.feed ?? [], fetchPages: flags.fetchPages === true, outlet: flags.outlet, columns, fetch: { timeoutMs, perHost, maxBytes }, keepGoing: flags.keepGoing !== false };
        const jobTimeout = positiveInt(flags.jobTimeout, '--job-timeout');
        await ingestThroughQueue(ctx, flags.db, paths, read, flags.wait === true, jobTimeout === undefined ? {} : { expireInSeconds: jobTimeout });
        return;
      }
      await withStore(openForWriting(ctx, flags.db), async (store) => {
        // the analyst's own actors (parley kb import --db) on top of the shipped base
        const kb = await localKnowledgeBase(store);
        // made when first needed: with worker threads, each reads the knowledge base's image instead
        const pipeline = () => makePipeline(kb);
        const showBar = !flags.json && ctx.stderr.isTTY === true;
        const bar = showBar
          ? new SingleBar(
              {
                format: 'ingest [{bar}] {value}/{total} | {rate} docs/s | {read} | ETA {left}',
                stream: ctx.stderr,
                etaBuffer: 200,
                hideCursor: true,
              },
            )
          : null;
        const started = performance.now();
        let barStarted = false;
        // Ctrl-C (or a TERM) once: stop reading, store what was read, say so; twice: stop now
        const stop = new AbortController();
        const interrupt = (signal: NodeJS.Signals) => {
          if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
          stop.abort();
          if (!flags.json) writeLine(ctx.stderr, `\nparley: ${signal === 'SIGINT' ? 'interrupted' : 'stopping'}: storing what was read (${signal === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again stops at once)`);
        };
        process.on('SIGINT', interrupt);
        process.on('SIGTERM', interrupt);
        const summary = await runIngest({
          signal: stop.signal,
          paths,
          store,
          pipeline,
          workers: availableParallelism(),
          kb,
          maxBytes,
          maxFileBytes,
          batchSize,
          feeds: flags.feed ?? [],
          fetchPages: flags.fetchPages === true,
          outlet: flags.outlet,
          columns,
          fetch: { timeoutMs, perHost, maxBytes },
          keepGoing: flags.keepGoing !== false,
          command: `ingest --db ${dbLabel(ctx, flags.db)}`,
          onProgress(done, total, progress) {
            if (!bar) return;
            const seconds = (performance.now() - started) / 1000;
            const tokens = {
              rate: seconds > 0 ? Math.round(done / seconds).toString() : '0',
              read: `${(progress.bytesRead / 1e6).toFixed(1)}/${(progress.totalBytes / 1e6).toFixed(1)} MB`,
              left: formatSeconds(etaSeconds(done, seconds, progress)),
            };
            if (!barStarted) {
              bar.start(total, 0, tokens);
              barStarted = true;
            }
            bar.setTotal(total);
            bar.update(done, tokens);
          },
        });
        process.off('SIGINT', interrupt);
        process.off('SIGTERM', interrupt);
        if (bar && barStarted) bar.stop();
        const counts = await store.counts();
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
                languages: summary.languages,
                noLexicon: summary.noLexicon,
                database: counts,
                elapsedMs: Math.round(summary.elapsedMs),
                interrupted: summary.interrupted === true,
              },
              null,
              2,
            ),
          );
        } else {
          for (const d of summary.failed) writeLine(ctx.stderr, `skipped ${d.file ?? d.docId ?? '?'}: ${d.code}: ${d.message}`);
          writeLine(ctx.stdout, summaryLine(summary, counts.events));
          const languages = languageLine(summary);
          if (languages) writeLine(ctx.stdout, languages);
        }
        if (summary.failed.length > 0) ctx.exitCode = 1;
        if (summary.interrupted) {
          if (!flags.json) writeLine(ctx.stderr, `parley: interrupted: ${summary.ingested} documents stored; run the same command again to read the rest (stored ones are passed over)`);
          ctx.exitCode = 130;
        }
      });
    });
}
