// `parley runs`: the ingest runs recorded in a database, newest first, each finished, interrupted
// (Ctrl-C, or its process found gone: killed), running, or unfinished (begun on another host, or by
// a Parley that did not record its process). Reads only: a killed run is shown as interrupted here
// and recorded as such by the next run.
import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import { type CliContext, openForReading, withStore, writeLine } from './context.ts';
import { table, terminalText } from './format.ts';

export function registerRuns(program: Command, ctx: CliContext): void {
  program
    .command('runs')
    .description('list ingest runs, newest first: finished, interrupted (Ctrl-C or killed), running')
    .option('--limit <n>', 'how many (default 20)', '20')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: { limit: string; json?: boolean; db?: string }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ParleyError('usage', `--limit wants a positive whole number, not "${flags.limit}"`);
      await withStore(openForReading(ctx, flags.db), async (store) => {
        const runs = await store.listRuns(limit);
        if (flags.json) {
          writeLine(ctx.stdout, JSON.stringify(runs, null, 2));
          return;
        }
        if (runs.length === 0) {
          writeLine(ctx.stdout, 'no runs');
          return;
        }
        const rows = runs.map((r) => {
          const s = r.stats ?? {};
          const state = r.state === 'interrupted' && s.killed ? 'interrupted (killed)' : r.state;
          const stored = typeof s.ingested === 'number' ? String(s.ingested) : '';
          return [String(r.id), r.startedAt.slice(0, 19).replace('T', ' '), state, stored, terminalText(`${r.command} ${r.args.join(' ')}`.trim()).slice(0, 80)];
        });
        writeLine(ctx.stdout, table(['id', 'started', 'state', 'stored', 'command'], rows));
      });
    });
}
