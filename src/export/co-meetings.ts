// The co-meeting network: actors as nodes, and an edge between two actors for every pair that
// took part in one event, weighted by the number of such events, with their dates and ids.
import type { Store } from '../store/store.ts';
import { actorIndex } from './summarize-event.ts';
import { VIEW_ORDER, viewEvent } from './event-view.ts';
import { forEachEvent, type ExportScope } from './stream.ts';

export interface NetworkNode {
  id: string;
  label: string;
  kind: string;
  /** Events it took part in. */
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Events both took part in. */
  count: number;
  /** Their known dates, sorted, without repeats. */
  dates: string[];
  eventIds: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/**
 * The network, read one event at a time, each event once: memory holds the nodes (one per actor),
 * the edges (one per pair of actors who met), each edge's event ids, and each event's date (its
 * place in viewEvents' order, which each edge's event ids follow), never the events.
 */
export async function buildCoMeetingNetwork(store: Store, scope: ExportScope = {}): Promise<Network> {
  const actors = actorIndex(await store.getActors());
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  const keys = new Map<string, string | null>();
  await forEachEvent(store, scope, (event) => {
    const view = viewEvent(event, actors);
    keys.set(view.id, VIEW_ORDER.key(event));
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
  });
  const inOrder = (a: string, b: string) => VIEW_ORDER.compare({ key: keys.get(a) ?? null, id: a }, { key: keys.get(b) ?? null, id: b });
  for (const edge of edges.values()) {
    edge.dates.sort();
    edge.eventIds.sort(inOrder);
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...edges.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

// XML 1.0 allows neither most control characters nor lone surrogates, even escaped
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside an XML attribute or element. */
export function xmlEscape(value: string | number): string {
  return String(value)
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
