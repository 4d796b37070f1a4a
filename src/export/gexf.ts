// The co-meeting network as GEXF 1.3 (Gephi's format): undirected edges weighted by the number of
// meetings, with their dates; nodes labelled with the actor's name and kind.
import type { Store } from '../store/store.ts';
import { buildCoMeetingNetwork, xmlEscape as x, type Network } from './co-meetings.ts';
import { exportToString, type ExportScope, type ExportSink } from './stream.ts';

/** The document a line at a time (each line without its newline). */
export function* gexfLines(network: Network): Generator<string> {
  yield* [
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
    yield `      <node id="${x(n.id)}" label="${x(n.label)}"><attvalues><attvalue for="kind" value="${x(n.kind)}"/><attvalue for="events" value="${n.events}"/></attvalues></node>`;
  }
  yield* ['    </nodes>', '    <edges>'];
  for (const [i, e] of network.edges.entries()) {
    const values = [
      `<attvalue for="count" value="${e.count}"/>`,
      `<attvalue for="dates" value="${x(e.dates.join(';'))}"/>`,
      ...(e.dates.length ? [`<attvalue for="first" value="${x(e.dates[0])}"/>`, `<attvalue for="last" value="${x(e.dates[e.dates.length - 1])}"/>`] : []),
      `<attvalue for="event_ids" value="${x(e.eventIds.join(';'))}"/>`,
    ];
    yield `      <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.count}"><attvalues>${values.join('')}</attvalues></edge>`;
  }
  yield* ['    </edges>', '  </graph>', '</gexf>'];
}

export function writeGexf(network: Network): string {
  return [...gexfLines(network), ''].join('\n');
}

export async function buildGexf(store: Store, scope: ExportScope = {}): Promise<string> {
  return exportToString((sink) => streamGexf(store, sink, scope));
}

/** Written a line at a time once the network is gathered (its size is that of the actors and pairs, not of the events). */
export async function streamGexf(store: Store, sink: ExportSink, scope: ExportScope = {}): Promise<void> {
  for (const line of gexfLines(await buildCoMeetingNetwork(store, scope))) await sink.write(line + '\n');
}
