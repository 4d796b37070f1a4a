// Events as PLOVER records (Open Event Data Alliance, "PLOVER: Event, Actor and Data Interchange
// Specification", JSON data fields), one JSON object per line as the manual suggests. Every event
// here is a CONSULT (quad 1, verbal cooperation); `mode` is Parley's (meet, visit, host, phone,
// video). Actors are lists (compound actors are one record); the visitor is the actor and the
// host the recipient where the mode says so (see sidesOf). Fields beyond the manual's are named
// plainly (`reports`); `source` repeats `actor` under the manual's older name.
import { dateFields } from './events-json.ts';
import type { StoredActor, Store } from '../store/store.ts';
import { actorIndex } from './summarize-event.ts';
import { renderViewsInOrder, sidesOf, viewEvent, VIEW_ORDER, type EventView } from './event-view.ts';
import { boundedEventSources, collectInOrder, documentCache, exportToString, writeRendered, type ExportScope, type ExportSink } from './stream.ts';
import { placeLevels } from '../events/settlement.ts';
import { attributionJson, sourcesJson, type AttributionJson, type SourceJson, type StatusJson } from '../sources/sources-json.ts';

export interface PloverActor {
  /** The words the first report naming it uses. */
  actor_text: string;
  /** Parley's actor id (the knowledge-base id where known). */
  identifier_id: string;
  identifier_text: string;
  /** person, organization */
  kind: string;
}

export interface PloverTextInfo {
  doc_id: string;
  /** Character offsets (UTF-16, end exclusive) of the sentence reporting the event. */
  start: number;
  end: number;
}

export interface PloverRecord {
  id: string;
  has_event: true;
  /** YYYY-MM-DD when the day is known, else null (date_precision says what is known). */
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  /** The first and last day of what is known ("2022-11": 2022-11-01 to 2022-11-30), or null. */
  date_from: string | null;
  date_to: string | null;
  event: ['CONSULT'];
  event_type: 'CONSULT';
  quad_code: 1;
  mode: string;
  actor: PloverActor[];
  source: PloverActor[];
  recipient: PloverActor[];
  event_loc: { name: string; identifier_id: string; venue?: { name: string; identifier_id: string } } | null;
  text_info: PloverTextInfo;
  /** Every report of the event: document, sentence offsets and the trigger's. */
  reports: (PloverTextInfo & { report_id: string; trigger: { start: number; end: number }; attribution: AttributionJson[] })[];
  /** Who says so (src/sources/): the status with its reasons and the independent sources (one chain of reports each). */
  source_info: { status: StatusJson; sources: SourceJson[] };
  cite_info: { corpus: string; publication: string | null; url: string | null; title: string | null; language: string | null; coder: string };
}

const CODER = 'parley 0.1.0';

/** Every record, in memory (for callers that want them all; exports stream them with writePloverJsonl). */
export async function buildPloverRecords(store: Store, scope: ExportScope = {}): Promise<PloverRecord[]> {
  const { actors, record } = await ploverMaker(store);
  return collectInOrder(store, scope, VIEW_ORDER, (event) => record(viewEvent(event, actors)));
}

/** What makes one event's record: the actors, and the documents and texts in use, a few at a time. */
async function ploverMaker(store: Store): Promise<{ actors: Map<string, StoredActor>; record(view: EventView): Promise<PloverRecord> }> {
  const actors = actorIndex(await store.getActors());
  const documents = documentCache(store);
  // texts of the documents in use, a few at a time: exports stream over many documents
  const texts = new Map<string, string>();
  const textOf = async (docId: string): Promise<string> => {
    let text = texts.get(docId);
    if (text === undefined) {
      text = (await store.getDocument(docId))?.text ?? '';
      if (texts.size >= 64) texts.delete(texts.keys().next().value as string);
      texts.set(docId, text);
    }
    return text;
  };
  const person = async (view: EventView, id: string): Promise<PloverActor> => {
    const a: StoredActor | undefined = actors.get(id);
    let written = a?.name ?? id;
    for (const r of view.reports) {
      const span = r.participants.find((p) => p.actorId === id)?.spans[0];
      if (span) {
        written = (await textOf(r.docId)).slice(span.start, span.end) || written;
        break;
      }
    }
    return { actor_text: written, identifier_id: id, identifier_text: a?.name ?? id, kind: a?.kind ?? 'unknown' };
  };
  const locOf = (id: string): NonNullable<PloverRecord['event_loc']> => {
    const { location, venue } = placeLevels(id, actors);
    return { name: location.name, identifier_id: location.actorId, ...(venue ? { venue: { name: venue.name, identifier_id: venue.actorId } } : {}) };
  };
  const whoSays = await boundedEventSources(store, documents);
  const record = async (view: EventView): Promise<PloverRecord> => {
    const sides = sidesOf(view);
    const said = await whoSays.of(view);
    const reports = view.reports.map((r) => {
      const sentence = r.evidence[0] ?? r.trigger;
      return { report_id: r.id, doc_id: r.docId, start: sentence.start, end: sentence.end, trigger: { start: r.trigger.start, end: r.trigger.end }, attribution: (said.attributions.get(r.id) ?? []).map(attributionJson) };
    });
    const { status, sources } = sourcesJson(said);
    const first = (await documents([view.reports[0].docId])).get(view.reports[0].docId);
    const actorList: PloverActor[] = [];
    for (const id of sides.actor) actorList.push(await person(view, id));
    const recipient: PloverActor[] = [];
    for (const id of sides.recipient) recipient.push(await person(view, id));
    const { date, date_precision, date_from, date_to } = dateFields(view.date);
    return {
      id: view.id,
      has_event: true,
      date,
      date_precision,
      date_from,
      date_to,
      event: ['CONSULT'],
      event_type: 'CONSULT',
      quad_code: 1,
      mode: view.mode,
      actor: actorList,
      source: actorList,
      recipient,
      // the settlement analysts map, the venue kept beside it
      event_loc: view.place ? locOf(view.place.actorId) : null,
      text_info: { doc_id: reports[0].doc_id, start: reports[0].start, end: reports[0].end },
      reports,
      source_info: { status, sources },
      cite_info: {
        corpus: 'parley',
        publication: first?.meta.outlet ?? null,
        url: first?.meta.url ?? null,
        title: first?.meta.title ?? null,
        language: first?.language ?? null,
        coder: CODER,
      },
    } satisfies PloverRecord;
  };
  return { actors, record };
}

/** Newline-delimited JSON, one event a line. */
export async function buildPloverJsonl(store: Store, scope: ExportScope = {}): Promise<string> {
  return exportToString((sink) => writePloverJsonl(store, sink, scope));
}

/** One line an event, in viewEvents' order, each event read once. */
export async function writePloverJsonl(store: Store, sink: ExportSink, scope: ExportScope = {}): Promise<void> {
  const { actors, record } = await ploverMaker(store);
  await writeRendered(sink, await renderViewsInOrder(store, scope, actors, async (view) => JSON.stringify(await record(view)) + '\n'));
}
