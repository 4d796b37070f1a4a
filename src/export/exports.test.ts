// Each export checked against its format: PLOVER fields present and typed, CSV read back by a CSV
// parser, GEXF and GraphML read back by graphology's own parsers, with names that need escaping.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { makeAnalysis, sampleAnalyses } from '../store/fixtures.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { buildCoMeetingNetwork, xmlEscape } from './co-meetings.ts';
import { buildEventsCsv, buildParticipantsCsv, csvField, PARTICIPANT_COLUMNS } from './csv.ts';
import { buildGexf } from './gexf.ts';
import { buildGraphml } from './graphml.ts';
import { buildPloverJsonl, type PloverRecord } from './plover.ts';

// names a careless writer would break XML or CSV with
const HOST = { id: 'ali-<al>', kind: 'person' as const, name: 'Ali <Al> & "Sons"' };
const GUEST = { id: "mary-o'brien", kind: 'person' as const, name: "Mary O'Brien, Jr." };
const DOHA = { id: 'doha', kind: 'place' as const, name: 'Doha', placeType: 'city' as const };
const HOST_TEXT = `Visit to Doha\n2024-05-06\n\nSheikh Ali <Al> & "Sons" received Mary O'Brien, Jr. in Doha on 5 May 2024.\n`;
const VISIT_TEXT = `O'Brien in Doha\n2025-06-02\n\nMary O'Brien, Jr. visited Doha and met Ali <Al> & "Sons" on 1 June 2025.\n`;

let store: Store;

before(async () => {
  store = openSqliteStore(':memory:');
  const result = await store.saveBatch([
    ...sampleAnalyses(),
    makeAnalysis('d-host', HOST_TEXT, {
      published: { value: '2024-05-06', precision: 'day', words: '2024-05-06' },
      actors: [HOST, GUEST, DOHA],
      reports: [
        {
          sentence: `Sheikh Ali <Al> & "Sons" received Mary O'Brien, Jr. in Doha on 5 May 2024.`,
          trigger: 'received',
          mode: 'host',
          participants: [
            { actorId: HOST.id, words: 'Ali <Al> & "Sons"' },
            { actorId: GUEST.id, words: "Mary O'Brien, Jr." },
          ],
          date: { value: '2024-05-05', words: '5 May 2024' },
          place: { actorId: DOHA.id, words: 'Doha' },
        },
      ],
    }),
    makeAnalysis('e-visit', VISIT_TEXT, {
      published: { value: '2025-06-02', precision: 'day', words: '2025-06-02' },
      actors: [HOST, GUEST, DOHA],
      reports: [
        {
          sentence: `Mary O'Brien, Jr. visited Doha and met Ali <Al> & "Sons" on 1 June 2025.`,
          trigger: 'visited',
          mode: 'visit',
          participants: [
            { actorId: GUEST.id, words: "Mary O'Brien, Jr." },
            { actorId: HOST.id, words: 'Ali <Al> & "Sons"' },
          ],
          date: { value: '2025-06-01', words: '1 June 2025' },
          place: { actorId: DOHA.id, words: 'Doha' },
        },
      ],
    }),
  ]);
  assert.deepEqual(result.diagnostics, []);
});

after(async () => await store.close());

/** Events, as the store gives them, that name both actors: what an edge's weight must count. */
async function meetingsOf(a: string, b: string): Promise<string[]> {
  return (await store
    .listEvents())
    .filter((e) => e.reports.length > 0)
    .filter((e) => [a, b].every((id) => e.reports.some((r) => r.participants.some((p) => p.actorId === id))))
    .map((e) => e.id);
}

test('plover: one JSON record a line, with the fields PLOVER defines, typed', async () => {
  const lines = (await buildPloverJsonl(store)).split('\n');
  assert.equal(lines.pop(), '');
  const records = lines.map((l) => JSON.parse(l) as PloverRecord);
  assert.equal(records.length, (await store.listEvents()).filter((e) => e.reports.length > 0).length);
  for (const r of records) {
    assert.equal(typeof r.id, 'string');
    assert.ok(r.date === null || /^\d{4}-\d{2}-\d{2}$/.test(r.date), `date ${r.date}`);
    assert.deepEqual(r.event, ['CONSULT']);
    assert.equal(r.event_type, 'CONSULT');
    assert.equal(r.quad_code, 1);
    assert.ok(['meet', 'visit', 'host', 'phone', 'video'].includes(r.mode));
    assert.ok(Array.isArray(r.actor) && r.actor.length > 0 && Array.isArray(r.recipient));
    assert.deepEqual(r.source, r.actor);
    for (const a of [...r.actor, ...r.recipient]) {
      for (const key of ['actor_text', 'identifier_id', 'identifier_text', 'kind'] as const) assert.equal(typeof a[key], 'string', key);
    }
    assert.ok(r.event_loc === null || (typeof r.event_loc.name === 'string' && typeof r.event_loc.identifier_id === 'string'));
    // text_info offsets point at the reporting sentence in the document's own text
    const doc = (await store.getDocument(r.text_info.doc_id))!;
    assert.ok(Number.isInteger(r.text_info.start) && r.text_info.end > r.text_info.start && r.text_info.end <= doc.text.length);
    for (const rep of r.reports) {
      const text = (await store.getDocument(rep.doc_id))!.text;
      assert.ok(rep.trigger.start >= rep.start && rep.trigger.end <= rep.end, 'trigger inside its sentence');
      assert.ok(text.slice(rep.start, rep.end).length > 0);
    }
    assert.equal(typeof r.cite_info.coder, 'string');
  }
  const hosted = records.find((r) => r.text_info.doc_id === 'd-host')!;
  assert.equal(hosted.mode, 'host');
  assert.equal(hosted.date, '2024-05-05');
  assert.deepEqual(hosted.event_loc, { name: 'Doha', identifier_id: 'doha' });
  // the host is the recipient, the guest the actor; actor_text is the words as written
  assert.deepEqual(hosted.recipient.map((a) => a.identifier_id), [HOST.id]);
  assert.deepEqual(hosted.actor.map((a) => [a.identifier_id, a.actor_text]), [[GUEST.id, "Mary O'Brien, Jr."]]);
  assert.equal((await store.getDocument('d-host'))!.text.slice(hosted.text_info.start, hosted.text_info.end), `Sheikh Ali <Al> & "Sons" received Mary O'Brien, Jr. in Doha on 5 May 2024.`);
  const visit = records.find((r) => r.text_info.doc_id === 'e-visit')!;
  assert.equal(visit.mode, 'visit');
  // the visitor is the actor, the host the recipient
  assert.deepEqual(visit.actor.map((a) => a.identifier_id), [GUEST.id]);
  assert.deepEqual(visit.recipient.map((a) => a.identifier_id), [HOST.id]);
  // a meeting names no side: everyone is an actor, no recipient
  const met = records.find((r) => r.mode === 'meet')!;
  assert.deepEqual(met.recipient, []);
  assert.ok(met.actor.length >= 2);
});

test('csv: events and participants read back by a CSV parser, quoted where needed', async () => {
  const events = parseCsv(await buildEventsCsv(store), { columns: true }) as Record<string, string>[];
  const hosted = events.find((e) => e.documents === 'd-host')!;
  assert.equal(hosted.participants, `Ali <Al> & "Sons"; Mary O'Brien, Jr.`);
  assert.equal(hosted.location, 'Doha');
  const text = await buildParticipantsCsv(store);
  assert.ok(text.startsWith(PARTICIPANT_COLUMNS.join(',') + '\r\n'));
  const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
  const ofHost = rows.filter((r) => r.documents === 'd-host');
  assert.deepEqual(
    ofHost.map((r) => [r.actor_id, r.actor_name, r.kind, r.side, r.mode, r.date]),
    [
      [HOST.id, HOST.name, 'person', 'recipient', 'host', '2024-05-05'],
      [GUEST.id, GUEST.name, 'person', 'actor', 'host', '2024-05-05'],
    ],
  );
  // every participant of every event has a row
  const expected = (await store.listEvents()).filter((e) => e.reports.length > 0).reduce((n, e) => n + new Set(e.reports.flatMap((r) => r.participants.map((p) => p.actorId))).size, 0);
  assert.equal(rows.length, expected);
  // a value a spreadsheet would run as a formula is kept as text
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField(-3), '-3');
});

async function checkGraph(graph: UndirectedGraph, format: string): Promise<void> {
  const network = await buildCoMeetingNetwork(store);
  assert.equal(graph.order, network.nodes.length, `${format}: nodes`);
  assert.equal(graph.size, network.edges.length, `${format}: edges`);
  assert.ok(network.edges.length >= 3);
  const host = graph.getNodeAttributes(HOST.id);
  assert.equal(host.label, HOST.name);
  assert.equal(host.kind, 'person');
  assert.equal(graph.getNodeAttribute(GUEST.id, 'label'), GUEST.name);
  // places are where meetings happen, not who meets
  assert.equal(graph.hasNode(DOHA.id), false);
  const edge = graph.edge(HOST.id, GUEST.id) ?? graph.edge(GUEST.id, HOST.id);
  assert.ok(edge, `${format}: the host and the guest met`);
  const attrs = graph.getEdgeAttributes(edge);
  const meetings = await meetingsOf(HOST.id, GUEST.id);
  assert.equal(attrs.weight, meetings.length);
  assert.equal(attrs.dates, ['2024-05-05', '2025-06-01'].slice(0, meetings.length === 1 ? 1 : 2).join(';'));
  assert.deepEqual(String(attrs.event_ids).split(';').sort(), [...meetings].sort());
  // every edge weight is the number of events both ends took part in
  const edges: [Record<string, unknown>, string, string][] = [];
  graph.forEachEdge((_, a, source, target) => edges.push([a, source, target]));
  for (const [a, source, target] of edges) assert.equal(a.weight, (await meetingsOf(source, target)).length, `${format}: ${source}-${target}`);
}

test('gexf: read back by graphology-gexf with nodes, kinds, labels, weights and dates', async () => {
  const xml = await buildGexf(store);
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3" version="1.3">/);
  assert.ok(!xml.includes('<Al>') && xml.includes('&lt;Al&gt; &amp; &quot;Sons&quot;'));
  await checkGraph(parseGexf(UndirectedGraph, xml), 'gexf');
});

test('graphml: read back by graphology-graphml with nodes, kinds, labels, weights and dates', async () => {
  const xml = await buildGraphml(store);
  assert.ok(!xml.includes('<Al>'));
  await checkGraph(parseGraphml(UndirectedGraph, xml), 'graphml');
});

test('xml escaping: markup characters escaped, characters XML cannot hold replaced', async () => {
  assert.equal(xmlEscape(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  assert.equal(xmlEscape('bell\u0007 and lone \ud800 surrogate, pair 😀 kept'), 'bell\ufffd and lone \ufffd surrogate, pair 😀 kept');
  const graph = parseGexf(UndirectedGraph, await buildGexf(store));
  assert.ok(graph.order > 0);
});
