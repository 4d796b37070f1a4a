// Events and their participants as CSV (RFC 4180: CRLF rows, fields quoted when they hold a
// comma, quote or line break). Fields that start like a formula (= + - @) are prefixed with a
// quote mark so a spreadsheet shows article words as text. A date is a day, a month or a year
// (YYYY-MM-DD, YYYY-MM, YYYY), and `date_precision` says which.
import type { Store } from '../store/store.ts';
import { actorIndex } from './summarize-event.ts';
import { renderViewsInOrder, sidesOf, type EventView } from './event-view.ts';
import { boundedEventSources, exportToString, writeRendered, type ExportScope, type ExportSink } from './stream.ts';
import { precisionOf } from '../events/resolve-date.ts';

export const CSV_COLUMNS = ['id', 'date', 'date_precision', 'mode', 'location', 'participants', 'documents', 'status', 'independent_sources', 'sources'] as const;

export const PARTICIPANT_COLUMNS = ['event_id', 'date', 'date_precision', 'mode', 'actor_id', 'actor_name', 'kind', 'side', 'reports', 'documents'] as const;

export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export async function buildEventsCsv(store: Store, scope: ExportScope = {}): Promise<string> {
  return exportToString((sink) => writeEventsCsv(store, sink, scope));
}

/** One row per event (in viewEvents' order), each event read once. */
export async function writeEventsCsv(store: Store, sink: ExportSink, scope: ExportScope = {}): Promise<void> {
  const actors = actorIndex(await store.getActors());
  await sink.write(csvRow(CSV_COLUMNS));
  const whoSays = await boundedEventSources(store);
  const row = async (e: EventView): Promise<string> => {
    const said = await whoSays.of(e);
    return csvRow([
      e.id,
      e.date,
      e.date && precisionOf({ value: e.date }),
      e.mode,
      e.place?.name,
      e.participants.map((p) => actors.get(p.actorId)?.name ?? p.actorId).join('; '),
      e.documents.join('; '),
      said.status.status,
      said.status.independentSources,
      // each independent source: where its words come from, and its first document
      said.sources.map((c) => `${c.origin.kind}${c.origin.name ? ` ${c.origin.name}` : ''} (${c.docs.join(' ')})`).join('; '),
    ]);
  };
  await writeRendered(sink, await renderViewsInOrder(store, scope, actors, row));
}

/** One row per participant of each event: which side it is on, and the reports that name it. */
export async function buildParticipantsCsv(store: Store, scope: ExportScope = {}): Promise<string> {
  return exportToString((sink) => writeParticipantsCsv(store, sink, scope));
}

export async function writeParticipantsCsv(store: Store, sink: ExportSink, scope: ExportScope = {}): Promise<void> {
  const actors = actorIndex(await store.getActors());
  await sink.write(csvRow(PARTICIPANT_COLUMNS));
  const rows = (e: EventView): string => {
    const sides = sidesOf(e);
    const docOf = new Map(e.reports.map((r) => [r.id, r.docId]));
    let rows = '';
    for (const p of e.participants) {
      const actor = actors.get(p.actorId);
      rows += csvRow([
        e.id,
        e.date,
        e.date && precisionOf({ value: e.date }),
        e.mode,
        p.actorId,
        actor?.name ?? p.actorId,
        actor?.kind ?? '',
        sides.recipient.includes(p.actorId) ? 'recipient' : 'actor',
        p.reports.join('; '),
        [...new Set(p.reports.map((r) => docOf.get(r)).filter((d) => d !== undefined))].sort().join('; '),
      ]);
    }
    return rows;
  };
  await writeRendered(sink, await renderViewsInOrder(store, scope, actors, rows));
}
