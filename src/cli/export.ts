import { Option, type Command } from 'commander';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { ParleyError } from '../core/errors.ts';
import { writeEventsCsv, writeParticipantsCsv } from '../export/csv.ts';
import { writeEventsJson } from '../export/events-json.ts';
import { streamGexf } from '../export/gexf.ts';
import { streamGraphml } from '../export/graphml.ts';
import { writePloverJsonl } from '../export/plover.ts';
import { ExportAborted, exportToString, streamSink, type ExportScope, type ExportSink } from '../export/stream.ts';
import type { Store } from '../store/store.ts';
import { type CliContext, openForReading, withStore } from './context.ts';

export interface ExportFormat {
  describe: string;
  /** Writes the export as it reads the store (flat memory in the number of events). */
  write: (store: Store, sink: ExportSink, scope?: ExportScope) => Promise<void>;
  /** The whole export as one string (small records, tests). */
  build: (store: Store, scope?: ExportScope) => Promise<string>;
}

const format = (describe: string, write: ExportFormat['write']): ExportFormat => ({
  describe,
  write,
  build: (store, scope) => exportToString((sink) => write(store, sink, scope)),
});

/** Every export format, with what it writes. */
export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  'events-json': format('events, actors and documents (FORMAT.md)', writeEventsJson),
  csv: format('one row per event', writeEventsCsv),
  'participants-csv': format('one row per participant of each event', writeParticipantsCsv),
  plover: format('PLOVER records, one JSON object per line', writePloverJsonl),
  gexf: format('the co-meeting network for Gephi', streamGexf),
  graphml: format('the co-meeting network as GraphML', streamGraphml),
};

/** Writes a format to a file: into FILE.partial, renamed to FILE once whole (a failed export leaves no half file). */
async function exportToFile(store: Store, chosen: ExportFormat, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    const sink = streamSink(out);
    await chosen.write(store, sink);
    await sink.end();
    out.end();
    await finished(out);
    renameSync(partial, file);
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    if (error instanceof ExportAborted) throw new ParleyError('storage', `cannot write ${file}: ${error.message}`, { cause: error });
    throw error;
  }
}

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
      const chosen = EXPORT_FORMATS[flags.format];
      await withStore(openForReading(ctx, flags.db), async (store) => {
        if (flags.out) return exportToFile(store, chosen, flags.out);
        const sink = streamSink(ctx.stdout);
        try {
          await chosen.write(store, sink);
          await sink.end();
        } catch (error) {
          // a reader that went away (a closed pipe): stop, and say so
          if (error instanceof ExportAborted) throw new ParleyError('input', `export stopped: standard output was closed (${error.message})`, { cause: error });
          throw error;
        }
      });
    });
}
