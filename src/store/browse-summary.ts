// What the browse index keeps of one event (its list row): the rule both adapters share; each
// adapter only reads the documents and writes the rows.
import type { DocumentMeta } from '../core/types.ts';
import type { EventSources } from '../sources/event-sources.ts';
import type { EventRow } from './browse.ts';
import type { StoredActor, StoredEvent } from './store.ts';

const SNIPPET_CHARS = 240;

/** An event's row as the index keeps it: the list row with ids for its place and country. */
export interface EventSummaryRow extends Omit<EventRow, 'id' | 'place'> {
  placeId: string | null;
  /** The country its place is, or lies within. */
  countryId: string | null;
}

/** What the index adds to an event's row beyond the event itself. */
export interface SummaryExtras {
  said?: Pick<EventSources, 'status' | 'attributions'>;
  countryId?: string | null;
}

/** The country a place is or lies within: `within` lists the places around it, nearest first. */
export function countryOfPlace(place: Pick<StoredActor, 'id' | 'placeType' | 'within'> | undefined, placeTypes: ReadonlyMap<string, string | null>): string | null {
  if (!place) return null;
  if (place.placeType === 'country') return place.id;
  const country = place.within.find((id) => placeTypes.get(id) === 'country');
  if (country) return country;
  // the knowledge base's chains end at the country (city -> region -> country): an outermost
  // place not stored as an actor is taken as it
  const outermost = place.within.at(-1);
  return outermost !== undefined && !placeTypes.has(outermost) ? outermost : null;
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

/** The place an event's row shows: its own, else the one most of its reports give. */
export function summaryPlace(event: StoredEvent): string | null {
  return event.place !== undefined ? event.place : mostCommon(event.reports.map((r) => r.place?.actorId));
}

/** An event's list row; `docInfo` gives each report's document (its metadata and text). */
export function summarizeForBrowse(
  event: StoredEvent,
  names: ReadonlyMap<string, string>,
  docInfo: (docId: string) => { meta: DocumentMeta; text: string; language?: string } | undefined,
  extras: SummaryExtras = {},
): EventSummaryRow {
  const reports = event.reports;
  const participants = summaryParticipants(event);
  const date = event.date !== undefined ? event.date : mostCommon(reports.map((r) => r.date?.value));
  const place = summaryPlace(event);
  const mode = event.mode ?? mostCommon(reports.map((r) => r.mode)) ?? 'meet';
  const outlets = new Set<string>();
  const docs = new Set<string>();
  const languages = new Set<string>();
  let snippet = '';
  for (const report of reports) {
    docs.add(report.docId);
    const doc = docInfo(report.docId);
    if (!doc) continue;
    const outlet = outletOf(doc.meta);
    if (outlet) outlets.add(outlet);
    if (doc.language) languages.add(doc.language);
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
    status: extras.said?.status.status ?? null,
    independentSources: extras.said?.status.independentSources ?? null,
    sources: wireSources(extras.said?.attributions),
    languages: [...languages].sort(),
    countryId: extras.countryId ?? null,
  };
}

/** The wire agencies named as where reports' words come from, kept apart from the outlets that published them. */
export function wireSources(attributions: EventSources['attributions'] | undefined): { id: string; name: string }[] {
  const out = new Map<string, string>();
  for (const list of attributions?.values() ?? []) {
    for (const a of list) {
      const id = a.sourceId || a.name;
      if (a.kind === 'wire' && id && !out.has(id)) out.set(id, a.name || id);
    }
  }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([id, name]) => ({ id, name }));
}
