import type { Command } from 'commander';
import { actorIndex, summarizeEvent, type EventSummary } from '../export/summarize-event.ts';
import type { Store } from '../store/store.ts';
import { type CliContext, openForReading, parsePartialDate, withStore, writeLine } from './context.ts';
import { table } from './format.ts';

export interface EventFilter {
  actor?: string;
  from?: string;
  to?: string;
}

/** Events matching the filter, dated ones first in date order. Dates compare at the filter's precision. */
export function findEvents(store: Store, filter: EventFilter): EventSummary[] {
  const actors = actorIndex(store.getActors());
  const wanted = filter.actor ? new Set(store.searchActors(filter.actor).map((a) => a.id)) : null;
  return store
    .listEvents()
    .filter((e) => e.reports.length > 0)
    .map((e) => summarizeEvent(e, actors))
    .filter((e) => !wanted || e.participants.some((id) => wanted.has(id)) || (e.place && wanted.has(e.place.actorId)))
    .filter((e) => !filter.from || (e.date !== null && e.date.slice(0, filter.from.length) >= filter.from))
    .filter((e) => !filter.to || (e.date !== null && e.date.slice(0, filter.to.length) <= filter.to))
    .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.id.localeCompare(b.id));
}

export function registerEvents(program: Command, ctx: CliContext): void {
  program
    .command('events')
    .description('list the events in the database')
    .option('--actor <name>', 'only events with a participant (or place) whose name or alias contains this')
    .option('--from <date>', 'only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: EventFilter & { json?: boolean; db?: string }) => {
      const filter: EventFilter = {
        actor: flags.actor,
        from: flags.from === undefined ? undefined : parsePartialDate(flags.from, '--from'),
        to: flags.to === undefined ? undefined : parsePartialDate(flags.to, '--to'),
      };
      await withStore(openForReading(ctx, flags.db), (store) => {
        const events = findEvents(store, filter);
        const names = actorIndex(store.getActors());
        const name = (id: string) => names.get(id)?.name ?? id;
        if (flags.json) {
          const out = events.map((e) => ({
            id: e.id,
            date: e.date,
            mode: e.mode,
            participants: e.participants.map((id) => ({ id, name: name(id) })),
            location: e.place?.name ?? null,
            documents: e.documents,
          }));
          writeLine(ctx.stdout, JSON.stringify(out, null, 2));
          return;
        }
        if (events.length === 0) {
          writeLine(ctx.stdout, 'no events');
          return;
        }
        const rows = events.map((e) => [
          e.date ?? '?',
          e.mode,
          e.participants.map(name).join(', '),
          e.place?.name ?? '',
          e.id,
        ]);
        writeLine(ctx.stdout, table(['date', 'mode', 'participants', 'place', 'event'], rows));
        writeLine(ctx.stdout, `${events.length} event${events.length === 1 ? '' : 's'}`);
      });
    });
}
