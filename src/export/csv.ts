// Events as CSV (RFC 4180: CRLF rows, fields quoted when they hold a comma, quote or line break).
import type { Store } from '../store/store.ts';
import { actorIndex, summarizeEvent } from './summarize-event.ts';

export const CSV_COLUMNS = ['id', 'date', 'mode', 'location', 'participants', 'documents'] as const;

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function buildEventsCsv(store: Store): string {
  const actors = actorIndex(store.getActors());
  const rows = store
    .listEvents()
    .filter((e) => e.reports.length > 0)
    .map((event) => summarizeEvent(event, actors))
    .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.id.localeCompare(b.id));
  let out = csvRow(CSV_COLUMNS);
  for (const e of rows) {
    out += csvRow([
      e.id,
      e.date,
      e.mode,
      e.place?.name,
      e.participants.map((id) => actors.get(id)?.name ?? id).join('; '),
      e.documents.join('; '),
    ]);
  }
  return out;
}
