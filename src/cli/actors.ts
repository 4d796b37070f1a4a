import type { Command } from 'commander';
import { type CliContext, openForReading, withStore, writeLine } from './context.ts';
import { table } from './format.ts';

export function registerActors(program: Command, ctx: CliContext): void {
  program
    .command('actors')
    .description('list the people, organizations and places found')
    .argument('[query]', 'only actors whose name or an alias contains this (case-insensitive)')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (query: string | undefined, flags: { json?: boolean; db?: string }) => {
      await withStore(openForReading(ctx, flags.db), (store) => {
        const actors = store.searchActors(query);
        if (flags.json) {
          writeLine(ctx.stdout, JSON.stringify(actors, null, 2));
          return;
        }
        if (actors.length === 0) {
          writeLine(ctx.stdout, query ? `no actor matches "${query}"` : 'no actors');
          return;
        }
        const rows = actors.map((a) => {
          const aliases = a.aliases.filter((x) => x !== a.name);
          const shown = aliases.slice(0, 4).join(', ') + (aliases.length > 4 ? `, +${aliases.length - 4}` : '');
          return [a.kind, a.name, a.fromKb ? 'kb' : 'found', a.id, shown];
        });
        writeLine(ctx.stdout, table(['kind', 'name', 'source', 'id', 'aliases'], rows));
      });
    });
}
