// The co-meeting network as GraphML: undirected, a `weight` (number of meetings) and the dates on
// every edge, a label and kind on every node.
import type { Store } from '../store/store.ts';
import { buildCoMeetingNetwork, xmlEscape as x, type Network } from './co-meetings.ts';
import { exportToString, type ExportScope, type ExportSink } from './stream.ts';

/** The document a line at a time (each line without its newline). */
export function* graphmlLines(network: Network): Generator<string> {
  yield* [
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
    yield `    <node id="${x(n.id)}"><data key="label">${x(n.label)}</data><data key="kind">${x(n.kind)}</data><data key="events">${n.events}</data></node>`;
  }
  for (const [i, e] of network.edges.entries()) {
    const data = [
      `<data key="weight">${e.count}</data>`,
      `<data key="dates">${x(e.dates.join(';'))}</data>`,
      ...(e.dates.length ? [`<data key="first">${x(e.dates[0])}</data>`, `<data key="last">${x(e.dates[e.dates.length - 1])}</data>`] : []),
      `<data key="event_ids">${x(e.eventIds.join(';'))}</data>`,
    ];
    yield `    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}">${data.join('')}</edge>`;
  }
  yield* ['  </graph>', '</graphml>'];
}

export function writeGraphml(network: Network): string {
  return [...graphmlLines(network), ''].join('\n');
}

export async function buildGraphml(store: Store, scope: ExportScope = {}): Promise<string> {
  return exportToString((sink) => streamGraphml(store, sink, scope));
}

/** Written a line at a time once the network is gathered (its size is that of the actors and pairs, not of the events). */
export async function streamGraphml(store: Store, sink: ExportSink, scope: ExportScope = {}): Promise<void> {
  for (const line of graphmlLines(await buildCoMeetingNetwork(store, scope))) await sink.write(line + '\n');
}
