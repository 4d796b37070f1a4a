// `parley watch FEED...`: polls feeds on an interval and ingests what is new. Items already
// stored (by their stable id: the link's host and a hash of the guid or link) are passed over
// without fetching anything; the same text under a new id is still caught as a duplicate.
import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import type { Pipeline } from '../pipeline/analyze.ts';
import type { Store } from '../store/store.ts';
import { type CliContext, dbLabel, dbPath, openForWriting, withStore, writeLine } from './context.ts';
import { localKnowledgeBase, makePipeline } from './ingest.ts';
import { runIngest, type IngestSummary } from '../pipeline/run-ingest.ts';
import type { FetchOptions } from '../ingest/fetch-url.ts';

export interface WatchOptions {
  feeds: readonly string[];
  store: Store;
  pipeline: Pipeline;
  intervalMs: number;
  /** Stop after this many polls (default: until the signal aborts). */
  rounds?: number;
  fetchPages?: boolean;
  fetch?: FetchOptions;
  outlet?: string;
  signal?: AbortSignal;
  onPoll?: (round: number, summary: IngestSummary) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Polls until `rounds` polls are done or the signal aborts; returns the number of polls. */
export async function watchFeeds(options: WatchOptions): Promise<number> {
  const { store } = options;
  let round = 0;
  while (!options.signal?.aborted && (options.rounds === undefined || round < options.rounds)) {
    if (round > 0) await sleep(options.intervalMs, options.signal);
    if (options.signal?.aborted) break;
    round++;
    const summary = await runIngest({
      paths: [],
      feeds: options.feeds,
      store,
      pipeline: options.pipeline,
      fetchPages: options.fetchPages,
      fetch: options.fetch,
      outlet: options.outlet,
      isKnown: async (id) => await store.findHashById(id) !== null,
      command: `watch ${options.feeds.join(' ')}`,
    });
    await options.onPoll?.(round, summary);
  }
  return round;
}

interface WatchFlags {
  db?: string;
  interval?: string;
  rounds?: string;
  fetchPages?: boolean;
  outlet?: string;
  timeout?: string;
  perHost?: string;
  json?: boolean;
}

function positive(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new ParleyError('usage', `${option} wants a positive number, not "${value}"`);
  return n;
}

export function registerWatch(program: Command, ctx: CliContext): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds on an interval and ingest the items not seen before')
    .argument('<feeds...>', 'feed URLs (http or https)')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .option('--interval <seconds>', 'seconds between polls (default 900)')
    .option('--rounds <n>', 'stop after this many polls (default: until interrupted)')
    .option('--fetch-pages', "fetch each new item's linked page and read it instead of the item's summary")
    .option('--outlet <name>', 'the outlet for items whose metadata names none')
    .option('--timeout <ms>', 'HTTP timeout per request (default 15000)')
    .option('--per-host <n>', 'HTTP requests at once per host (default 2)')
    .option('--json', 'print one JSON line per poll')
    .action(async (feeds: string[], flags: WatchFlags) => {
      for (const feed of feeds) {
        if (!/^https?:\/\//i.test(feed)) throw new ParleyError('usage', `watch wants http(s) feed URLs, not "${feed}"`);
      }
      const intervalMs = (positive(flags.interval, '--interval') ?? 900) * 1000;
      const rounds = positive(flags.rounds, '--rounds');
      const timeoutMs = positive(flags.timeout, '--timeout');
      const perHost = positive(flags.perHost, '--per-host');
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await withStore(openForWriting(ctx, flags.db), async (store) => {
          // the analyst's own actors (parley kb import --db) on top of the shipped base
          const pipeline = makePipeline(await localKnowledgeBase(store));
          writeLine(ctx.stderr, `watching ${feeds.length} feed(s) every ${intervalMs / 1000} s into ${dbLabel(ctx, flags.db)} (Ctrl-C stops)`);
          await watchFeeds({
            feeds,
            store,
            pipeline,
            intervalMs,
            rounds: rounds === undefined ? undefined : Math.ceil(rounds),
            fetchPages: flags.fetchPages === true,
            fetch: { timeoutMs, perHost: perHost === undefined ? undefined : Math.ceil(perHost) },
            outlet: flags.outlet,
            signal: stop.signal,
            onPoll(round, s) {
              const line = { round, at: new Date().toISOString(), ingested: s.ingested, duplicates: s.duplicates.length, skipped: s.failed.length, reports: s.reports };
              if (flags.json) writeLine(ctx.stdout, JSON.stringify({ ...line, skippedInputs: s.failed }));
              else {
                for (const d of s.failed) writeLine(ctx.stderr, `skipped ${d.file ?? d.docId ?? '?'}: ${d.code}: ${d.message}`);
                writeLine(ctx.stdout, `poll ${round} ${line.at}: ingested ${line.ingested}, duplicates ${line.duplicates}, skipped ${line.skipped}; ${line.reports} reports`);
              }
              if (s.failed.length > 0) ctx.exitCode = 1;
            },
          });
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
