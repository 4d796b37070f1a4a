import { Option, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildEventsCsv, buildParticipantsCsv } from '../export/csv.ts';
import { buildEventsJson } from '../export/events-json.ts';
import { buildGexf } from '../export/gexf.ts';
import { buildGraphml } from '../export/graphml.ts';
import { buildPloverJsonl } from '../export/plover.ts';
import type { Store } from '../store/store.ts';
import { type CliContext, openForReading, withStore } from './context.ts';

/** Every export format, with what it writes. */
export const EXPORT_FORMATS: Record<string, { describe: string; build: (store: Store) => Promise<string> }> = {
  'events-json': { describe: 'events, actors and documents (FORMAT.md)', build: async (store) => JSON.stringify(await buildEventsJson(store), null, 2) + '\n' },
  csv: { describe: 'one row per event', build: buildEventsCsv },
  'participants-csv': { describe: 'one row per participant of each event', build: buildParticipantsCsv },
  plover: { describe: 'PLOVER records, one JSON object per line', build: buildPloverJsonl },
  gexf: { describe: 'the co-meeting network for Gephi', build: buildGexf },
  graphml: { describe: 'the co-meeting network as GraphML', build: buildGraphml },
};

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the events in an exchange format')
    .addOption(
      new Option('--format <format>', `output format: ${Object.entries(EXPORT_FORMATS).map(([k, v]) => `${k} (${v.describe})`).join(', ')}`)
        .choices(Object.keys(EXPORT_FORMATS))
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: { format: string; out?: string; db?: string }) => {
      const output = await withStore(openForReading(ctx, flags.db), async (store) => await EXPORT_FORMATS[flags.format].build(store));
      if (flags.out) {
        mkdirSync(dirname(flags.out), { recursive: true });
        writeFileSync(flags.out, output);
      } else {
        ctx.stdout.write(output);
      }
    });
}
