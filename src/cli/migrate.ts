// `parley migrate`: brings an existing database to this Parley's schema. Read commands (serve,
// events, show, export...) never migrate: on an older database they stop and name this command.
// Write commands (ingest, reindex, judgements) keep migrating as they write.
import type { Command } from 'commander';
import { migrateDatabase } from '../store/open-store.ts';
import { type CliContext, dbLabel, dbPath, writeLine } from './context.ts';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description("bring an existing database to this Parley's schema (read commands never do)")
    .option('--db <file|url>', 'database (SQLite file or postgres:// URL; default $PARLEY_DB or ./parley.db)')
    .action(async (flags: { db?: string }) => {
      const started = performance.now();
      const { before, after } = await migrateDatabase(dbPath(ctx, flags.db));
      const label = dbLabel(ctx, flags.db);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (before.missing.length === 0) {
        writeLine(ctx.stdout, `${label} is current (schema version ${after.current}); nothing to do`);
        return;
      }
      const applied = before.missing.length;
      writeLine(
        ctx.stdout,
        `${label}: schema version ${before.current} → ${after.current} (${applied} migration${applied === 1 ? '' : 's'} applied, ${seconds} s)`,
      );
    });
}
