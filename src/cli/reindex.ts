// `parley reindex`: brings the browse index (what the event list, the filters and the server read)
// up to date. Every write command keeps it so; this is for a database written by an older Parley,
// or after a migration that re-derived the events, so that readers, which never write, see them.
import type { Command } from 'commander';
import { type CliContext, dbLabel, openForWriting, withStore, writeLine } from './context.ts';

export function registerReindex(program: Command, ctx: CliContext): void {
  program
    .command('reindex')
    .description('bring the browse index up to date (a database written by an older Parley); writes keep it so')
    .option('--db <file|url>', 'database (SQLite file or postgres:// URL)')
    .action(async (flags: { db?: string }) => {
      const started = performance.now();
      const indexed = await withStore(openForWriting(ctx, flags.db), (store) => store.browse().sync({ full: true }));
      writeLine(ctx.stdout, `indexed ${indexed} events in ${dbLabel(ctx, flags.db)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    });
}
