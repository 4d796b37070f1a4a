// The prediction format of /work/shared/eval/FORMAT.md: documents, actors, events with mentions
// whose offsets point into each document's original text.
import type { Span } from '../core/types.ts';
import type { Store } from '../store/store.ts';
import { actorIndex, summarizeEvent } from './summarize-event.ts';
import { intervalOf, precisionOf } from '../events/resolve-date.ts';
import { placeLevels } from '../events/settlement.ts';
import { createEventSources } from '../sources/event-sources.ts';
import { attributionJson, sourcesJson, type AttributionJson, type DenialJson, type SourceJson, type StatusJson } from '../sources/sources-json.ts';

export interface EventsJson {
  documents: { id: string; published: string | null }[];
  actors: { id: string; name: string; kind: string; aliases: string[] }[];
  events: EventsJsonEvent[];
}

export interface EventsJsonMention {
  doc: string;
  start: number;
  end: number;
  participants: string[];
  /** Extras (ignored by the scorer): the report, its trigger, and the words naming each participant. */
  report: string;
  trigger: Span;
  evidence: { actor: string; spans: Span[] }[];
  /** Extra: who the report's words come from (src/sources/). */
  attribution: AttributionJson[];
}

export interface EventsJsonEvent {
  id: string;
  type: 'CONSULT';
  mode: string;
  participants: string[];
  /** The day (YYYY-MM-DD) when the day is known, else null: a month or a year is never a day. */
  date: string | null;
  /** What is known of the time: 'day', 'month' or 'year'; null when nothing is. */
  date_precision: 'day' | 'month' | 'year' | null;
  /** The first and last day of what is known ("2022-11" gives 2022-11-01 and 2022-11-30). */
  date_from: string | null;
  date_to: string | null;
  /** the settlement (city) the event took place in; a venue is exported as the city it lies within */
  location: string | null;
  /** Extra: the venue named (the Kremlin, a presidential palace), when the place is one */
  venue: string | null;
  mentions: EventsJsonMention[];
  /** Extras (ignored by the scorer): reports that disagree, shown rather than hidden. */
  conflicts: { field: string; values: { value: string; reports: string[] }[]; chosen: string | null }[];
  /** Extras: ids of the analysts' judgements that shaped the event (see `parley judgements`). */
  judgements: number[];
  /** Extras: the independent sources (one chain of reports each), the status with its reasons, the denials linked to it. */
  sources: SourceJson[];
  status: StatusJson;
  denials: DenialJson[];
}

export async function buildEventsJson(store: Store): Promise<EventsJson> {
  const documents = (await store.listDocuments()).map((d) => ({
    id: d.id,
    published: d.published?.precision === 'day' ? d.published.value.slice(0, 10) : null,
  }));
  const actors = actorIndex(await store.getActors());
  const events: EventsJsonEvent[] = [];
  const used = new Set<string>();
  const whoSays = await createEventSources(store);
  for (const event of await store.listEvents()) {
    if (event.reports.length === 0) continue; // no provenance: not an event
    const summary = summarizeEvent(event, actors);
    for (const id of summary.participants) used.add(id);
    const place = summary.place ? placeLevels(summary.place.actorId, actors) : null;
    const said = await whoSays.of(event);
    events.push({
      id: event.id,
      type: summary.type,
      mode: summary.mode,
      participants: summary.participants,
      ...dateFields(summary.date),
      location: place?.location.name ?? null,
      venue: place?.venue?.name ?? null,
      mentions: event.reports.map((report) => {
        const sentence = report.evidence[0] ?? report.trigger;
        return {
          doc: report.docId,
          start: sentence.start,
          end: sentence.end,
          participants: report.participants.map((p) => p.actorId),
          report: report.id,
          trigger: report.trigger,
          evidence: report.participants.map((p) => ({ actor: p.actorId, spans: p.spans })),
          attribution: (said.attributions.get(report.id) ?? []).map(attributionJson),
        };
      }),
      conflicts: summary.conflicts.map((c) => ({
        field: c.field,
        // places are shown by name, like `location`
        values: c.values.map((v) => ({ value: c.field === 'place' ? (actors.get(v.value)?.name ?? v.value) : v.value, reports: v.reports })),
        chosen: c.field === 'place' && c.chosen ? (actors.get(c.chosen)?.name ?? c.chosen) : c.chosen,
      })),
      judgements: event.humanJudgements,
      ...sourcesJson(said),
    });
  }
  events.sort((a, b) => compareNullable(a.date ?? a.date_from, b.date ?? b.date_from) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    documents,
    actors: [...used]
      .sort()
      .map((id) => actors.get(id))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases })),
    events,
  };
}

/** A stored date value ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY') as the export's date fields. */
export function dateFields(value: string | null): Pick<EventsJsonEvent, 'date' | 'date_precision' | 'date_from' | 'date_to'> {
  if (!value) return { date: null, date_precision: null, date_from: null, date_to: null };
  const precision = precisionOf({ value });
  const [from, to] = intervalOf({ value });
  return { date: precision === 'day' ? value.slice(0, 10) : null, date_precision: precision === 'week' ? 'month' : precision, date_from: from, date_to: to };
}

/** Dated events first, in date order; undated ones last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
