import { Option, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildEventsCsv } from '../export/csv.ts';
import { buildEventsJson } from '../export/events-json.ts';
import { type CliContext, openForReading, withStore } from './context.ts';

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the events in an exchange format')
    .addOption(new Option('--format <format>', 'output format').choices(['events-json', 'csv']).makeOptionMandatory())
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: { format: 'events-json' | 'csv'; out?: string; db?: string }) => {
      const output = await withStore(openForReading(ctx, flags.db), (store) =>
        flags.format === 'csv' ? buildEventsCsv(store) : JSON.stringify(buildEventsJson(store), null, 2) + '\n',
      );
      if (flags.out) {
        mkdirSync(dirname(flags.out), { recursive: true });
        writeFileSync(flags.out, output);
      } else {
        ctx.stdout.write(output);
      }
    });
}
