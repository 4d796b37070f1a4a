// What the browse index keeps of one event (its list row): the rule both adapters share; each
// adapter only reads the documents and writes the rows.
import type { DocumentMeta } from '../core/types.ts';
import type { StoredEvent } from './store.ts';

const SNIPPET_CHARS = 240;

export interface EventSummaryRow {
  date: string | null;
  mode: string;
  placeId: string | null;
  participants: { id: string; name: string }[];
  reports: number;
  documents: number;
  outlets: string[];
  conflicts: number;
  /** The first evidence sentence, shortened: plain text. */
  snippet: string;
}

function mostCommon(values: readonly (string | null | undefined)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

export function outletOf(meta: DocumentMeta): string | null {
  return typeof meta.outlet === 'string' && meta.outlet.trim() ? meta.outlet.trim() : null;
}

/** The actor ids an event's row lists. */
export function summaryParticipants(event: StoredEvent): string[] {
  return event.participants?.map((p) => p.actorId) ?? [...new Set(event.reports.flatMap((r) => r.participants.map((p) => p.actorId)))];
}

/** An event's list row; `docInfo` gives each report's document (its metadata and text). */
export function summarizeForBrowse(
  event: StoredEvent,
  names: ReadonlyMap<string, string>,
  docInfo: (docId: string) => { meta: DocumentMeta; text: string } | undefined,
): EventSummaryRow {
  const reports = event.reports;
  const participants = summaryParticipants(event);
  const date = event.date !== undefined ? event.date : mostCommon(reports.map((r) => r.date?.value));
  const place = event.place !== undefined ? event.place : mostCommon(reports.map((r) => r.place?.actorId));
  const mode = event.mode ?? mostCommon(reports.map((r) => r.mode)) ?? 'meet';
  const outlets = new Set<string>();
  const docs = new Set<string>();
  let snippet = '';
  for (const report of reports) {
    docs.add(report.docId);
    const doc = docInfo(report.docId);
    if (!doc) continue;
    const outlet = outletOf(doc.meta);
    if (outlet) outlets.add(outlet);
    if (!snippet && report.evidence[0]) {
      const span = report.evidence[0];
      const text = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
      snippet = text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1)}…` : text;
    }
  }
  return {
    date,
    mode,
    placeId: place,
    participants: participants.map((id) => ({ id, name: names.get(id) ?? id })),
    reports: reports.length,
    documents: docs.size,
    outlets: [...outlets].sort(),
    conflicts: event.conflicts?.length ?? 0,
    snippet,
  };
}
