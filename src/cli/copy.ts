// `parley copy --from parley.db --to postgres://...`: a SQLite record moved up to PostgreSQL.
import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import { copyToPostgres } from '../store/copy-to-postgres.ts';
import { isPostgresUrl, redactUrl } from '../store/postgres/pg-store.ts';
import { type CliContext, writeLine } from './context.ts';

export function registerCopy(program: Command, ctx: CliContext): void {
  program
    .command('copy')
    .description('copy a SQLite database, judgements included, into an empty PostgreSQL database and check the counts after')
    .requiredOption('--from <file>', 'SQLite database')
    .requiredOption('--to <url>', 'PostgreSQL database (postgres://...)')
    .action(async (flags: { from: string; to: string }) => {
      if (!isPostgresUrl(flags.to)) throw new ParleyError('usage', `--to wants a postgres:// URL, not "${flags.to}"`);
      const { to } = await copyToPostgres(flags.from, flags.to, (table, rows) => writeLine(ctx.stderr, `copied ${table}: ${rows}`));
      writeLine(
        ctx.stdout,
        `copied ${flags.from} to ${redactUrl(flags.to)}: ${to.documents} documents, ${to.actors} actors, ${to.reports} reports, ${to.events} events, ${to.judgements} judgements (counts checked)`,
      );
    });
}
