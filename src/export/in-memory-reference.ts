// The exports as they were before they streamed (issue 17): every format built whole in memory
// from Store.listEvents. Kept only as the reference the streamed exports are compared with, byte
// for byte (streaming.test.ts); nothing else should import it.
import type { StoredActor, Store } from '../store/store.ts';
import { actorIndex, summarizeEvent } from './summarize-event.ts';
import { sidesOf, viewEvents, type EventView } from './event-view.ts';
import { dateFields, type EventsJson, type EventsJsonEvent } from './events-json.ts';
import { csvRow, CSV_COLUMNS, PARTICIPANT_COLUMNS } from './csv.ts';
import type { Network, NetworkEdge, NetworkNode } from './co-meetings.ts';
import { xmlEscape as x } from './co-meetings.ts';
import type { PloverActor, PloverRecord } from './plover.ts';
import { precisionOf } from '../events/resolve-date.ts';
import { placeLevels } from '../events/settlement.ts';
import { createEventSources } from '../sources/event-sources.ts';
import { attributionJson, sourcesJson } from '../sources/sources-json.ts';

export async function referenceEventsJson(store: Store): Promise<EventsJson> {
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

/** Dated events first, in date order; undated ones last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export async function referenceEventsCsv(store: Store): Promise<string> {
  const actors = actorIndex(await store.getActors());
  let out = csvRow(CSV_COLUMNS);
  const whoSays = await createEventSources(store);
  for (const e of viewEvents(await store.listEvents(), actors)) {
    const said = await whoSays.of(e);
    out += csvRow([
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
  }
  return out;
}

/** One row per participant of each event: which side it is on, and the reports that name it. */
export async function referenceParticipantsCsv(store: Store): Promise<string> {
  const actors = actorIndex(await store.getActors());
  let out = csvRow(PARTICIPANT_COLUMNS);
  for (const e of viewEvents(await store.listEvents(), actors)) {
    const sides = sidesOf(e);
    const docOf = new Map(e.reports.map((r) => [r.id, r.docId]));
    for (const p of e.participants) {
      const actor = actors.get(p.actorId);
      out += csvRow([
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
  }
  return out;
}

const CODER = 'parley 0.1.0';

async function referencePloverRecords(store: Store): Promise<PloverRecord[]> {
  const actors = actorIndex(await store.getActors());
  const documents = new Map((await store.listDocuments()).map((d) => [d.id, d]));
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
  const whoSays = await createEventSources(store);
  return Promise.all(viewEvents(await store.listEvents(), actors).map(async (view) => {
    const sides = sidesOf(view);
    const said = await whoSays.of(view);
    const reports = view.reports.map((r) => {
      const sentence = r.evidence[0] ?? r.trigger;
      return { report_id: r.id, doc_id: r.docId, start: sentence.start, end: sentence.end, trigger: { start: r.trigger.start, end: r.trigger.end }, attribution: (said.attributions.get(r.id) ?? []).map(attributionJson) };
    });
    const { status, sources } = sourcesJson(said);
    const first = documents.get(view.reports[0].docId);
    const actorList = await Promise.all(sides.actor.map((id) => person(view, id)));
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
      recipient: await Promise.all(sides.recipient.map((id) => person(view, id))),
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
  }));
}

/** Newline-delimited JSON, one event a line. */
export async function referencePloverJsonl(store: Store): Promise<string> {
  return (await referencePloverRecords(store))
    .map((r) => JSON.stringify(r) + '\n')
    .join('');
}

export async function referenceCoMeetingNetwork(store: Store): Promise<Network> {
  const actors = actorIndex(await store.getActors());
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  for (const view of viewEvents(await store.listEvents(), actors)) {
    const ids = [...new Set(view.participants.map((p) => p.actorId))].sort();
    for (const id of ids) {
      const node = nodes.get(id);
      if (node) node.events++;
      else nodes.set(id, { id, label: actors.get(id)?.name ?? id, kind: actors.get(id)?.kind ?? 'unknown', events: 1 });
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        let edge = edges.get(key);
        if (!edge) edges.set(key, (edge = { source: ids[i], target: ids[j], count: 0, dates: [], eventIds: [] }));
        edge.count++;
        edge.eventIds.push(view.id);
        if (view.date && !edge.dates.includes(view.date)) edge.dates.push(view.date);
      }
    }
  }
  for (const edge of edges.values()) edge.dates.sort();
  return {
    nodes: [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...edges.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

export async function referenceGexf(store: Store): Promise<string> {
  return writeGexf(await referenceCoMeetingNetwork(store));
}

export async function referenceGraphml(store: Store): Promise<string> {
  return writeGraphml(await referenceCoMeetingNetwork(store));
}

function writeGexf(network: Network): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Parley</creator><description>Actors who met, from news reports</description></meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="events" title="events" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="count" title="count" type="integer"/>',
    '      <attribute id="dates" title="dates" type="string"/>',
    '      <attribute id="first" title="first" type="string"/>',
    '      <attribute id="last" title="last" type="string"/>',
    '      <attribute id="event_ids" title="event_ids" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of network.nodes) {
    out.push(
      `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues><attvalue for="kind" value="${x(n.kind)}"/><attvalue for="events" value="${n.events}"/></attvalues></node>`,
    );
  }
  out.push('    </nodes>', '    <edges>');
  network.edges.forEach((e, i) => {
    const values = [
      `<attvalue for="count" value="${e.count}"/>`,
      `<attvalue for="dates" value="${x(e.dates.join(';'))}"/>`,
      ...(e.dates.length ? [`<attvalue for="first" value="${x(e.dates[0])}"/>`, `<attvalue for="last" value="${x(e.dates[e.dates.length - 1])}"/>`] : []),
      `<attvalue for="event_ids" value="${x(e.eventIds.join(';'))}"/>`,
    ];
    out.push(`      <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.count}"><attvalues>${values.join('')}</attvalues></edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

function writeGraphml(network: Network): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="events" for="node" attr.name="events" attr.type="int"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="dates" for="edge" attr.name="dates" attr.type="string"/>',
    '  <key id="first" for="edge" attr.name="first" attr.type="string"/>',
    '  <key id="last" for="edge" attr.name="last" attr.type="string"/>',
    '  <key id="event_ids" for="edge" attr.name="event_ids" attr.type="string"/>',
    '  <graph id="parley-co-meetings" edgedefault="undirected">',
  ];
  for (const n of network.nodes) {
    out.push(`    <node id="${x(n.id)}"><data key="label">${x(n.label)}</data><data key="kind">${x(n.kind)}</data><data key="events">${n.events}</data></node>`);
  }
  network.edges.forEach((e, i) => {
    const data = [
      `<data key="weight">${e.count}</data>`,
      `<data key="dates">${x(e.dates.join(';'))}</data>`,
      ...(e.dates.length ? [`<data key="first">${x(e.dates[0])}</data>`, `<data key="last">${x(e.dates[e.dates.length - 1])}</data>`] : []),
      `<data key="event_ids">${x(e.eventIds.join(';'))}</data>`,
    ];
    out.push(`    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}">${data.join('')}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

