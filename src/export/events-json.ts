// The prediction format of /work/shared/eval/FORMAT.md: documents, actors, events with mentions
// whose offsets point into each document's original text.
import type { Span } from '../core/types.ts';
import type { Store, StoredActor, StoredEvent } from '../store/store.ts';
import { boundedEventSources, collectInOrder, jsonItem, renderInOrder, writeJsonArray, writeJsonItems, type EventOrder, type ExportScope, type ExportSink } from './stream.ts';
import { actorIndex, summarizeEvent } from './summarize-event.ts';
import { intervalOf, precisionOf } from '../events/resolve-date.ts';
import { placeLevels } from '../events/settlement.ts';
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

/** The events-json document as one object (for callers that want it whole; exports stream it with writeEventsJson). */
export async function buildEventsJson(store: Store, scope: ExportScope = {}): Promise<EventsJson> {
  const actors = actorIndex(await store.getActors());
  const whoSays = await boundedEventSources(store);
  const documents: EventsJson['documents'] = [];
  for await (const d of documentsJson(store)) documents.push(d);
  const events = await collectInOrder(store, scope, EVENTS_JSON_ORDER, (event) => eventJson(event, actors, whoSays));
  const used = new Set(events.flatMap((e) => e.participants));
  return { documents, actors: actorsJson(used, actors), events };
}

/** Events in the format's order: dated ones first by day (a month or year by its first day), then by id. */
export const EVENTS_JSON_ORDER: EventOrder<string | null> = {
  key: (event) => {
    const d = dateFields(event.date);
    return d.date ?? d.date_from;
  },
  compare: (a, b) => compareNullable(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
};

/**
 * The events-json document (as JSON.stringify(..., null, 2) of buildEventsJson, then a newline),
 * written as it is read: documents a page at a time, then the actors in use (gathered as the
 * events are read and rendered, each once: renderInOrder), then the events in order.
 */
export async function writeEventsJson(store: Store, sink: ExportSink, scope: ExportScope = {}): Promise<void> {
  const actors = actorIndex(await store.getActors());
  const whoSays = await boundedEventSources(store);
  await sink.write('{\n  "documents": ');
  await writeJsonArray(sink, documentsJson(store), 1);
  const used = new Set<string>();
  const events = await renderInOrder(store, scope, EVENTS_JSON_ORDER, async (event) => {
    const json = await eventJson(event, actors, whoSays);
    for (const id of json.participants) used.add(id);
    return jsonItem(json, 1);
  });
  try {
    await sink.write(',\n  "actors": ');
    await writeJsonArray(sink, actorsJson(used, actors), 1);
    await sink.write(',\n  "events": ');
    await writeJsonItems(sink, events, 1);
    await sink.write('\n}\n');
  } finally {
    await events.close();
  }
}

function actorsJson(used: ReadonlySet<string>, actors: ReadonlyMap<string, StoredActor>): EventsJson['actors'] {
  return [...used]
    .sort()
    .map((id) => actors.get(id))
    .filter((a) => a !== undefined)
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases }));
}

async function* documentsJson(store: Store): AsyncGenerator<EventsJson['documents'][number]> {
  for await (const d of store.iterateDocuments()) {
    yield { id: d.id, published: d.published?.precision === 'day' ? d.published.value.slice(0, 10) : null };
  }
}

/** One event as the format writes it. */
async function eventJson(
  event: StoredEvent,
  actors: ReadonlyMap<string, StoredActor>,
  whoSays: Awaited<ReturnType<typeof boundedEventSources>>,
): Promise<EventsJsonEvent> {
  const summary = summarizeEvent(event, actors);
  const place = summary.place ? placeLevels(summary.place.actorId, actors) : null;
  const said = await whoSays.of(event);
  return {
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
