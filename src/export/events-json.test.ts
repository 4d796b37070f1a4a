import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { BALI, BIDEN, MOSCOW, PUTIN, sampleAnalyses, XI } from '../store/fixtures.ts';
import { buildEventsCsv, csvField } from './csv.ts';
import { buildEventsJson } from './events-json.ts';

async function loadedStore() {
  const store = openSqliteStore(':memory:');
  await store.saveBatch(sampleAnalyses());
  return store;
}

test('events-json has the shape FORMAT.md asks for', async () => {
  const store = await loadedStore();
  const out = await buildEventsJson(store);
  assert.deepEqual(Object.keys(out), ['documents', 'actors', 'events']);
  // Published only at day precision, as YYYY-MM-DD.
  assert.deepEqual(out.documents, [
    { id: 'a-xi-putin', published: '2023-03-21' },
    { id: 'b-putin-xi', published: '2023-03-20' },
    { id: 'c-biden-xi', published: null },
  ]);
  // Actors: participants only (places are not listed), with name, kind, aliases.
  assert.deepEqual(out.actors.map((a) => a.id).sort(), [BIDEN.id, PUTIN.id, XI.id].sort());
  for (const actor of out.actors) {
    assert.deepEqual(Object.keys(actor).sort(), ['aliases', 'id', 'kind', 'name']);
  }
  assert.equal(out.events.length, 2);
  const [bali, moscow] = out.events;
  assert.equal(bali.date, '2022-11-14');
  assert.equal(bali.location, BALI.name);
  assert.deepEqual(bali.participants, [BIDEN.id, XI.id]);
  assert.equal(moscow.type, 'CONSULT');
  assert.equal(moscow.mode, 'meet');
  assert.equal(moscow.date, '2023-03-20');
  // Moscow (a city) beats Russia (a country), whatever the report count.
  assert.equal(moscow.location, MOSCOW.name);
  assert.deepEqual(moscow.mentions.map((m) => m.doc), ['a-xi-putin', 'b-putin-xi']);
  for (const event of out.events) {
    assert.match(event.id, /^ev_[0-9a-f]{16}$/);
    assert.ok(event.mentions.length > 0);
    for (const m of event.mentions) {
      assert.ok(m.participants.every((p) => event.participants.includes(p)));
      assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end);
    }
  }
  // Round-trips through JSON unchanged (no undefined, no class instances).
  assert.deepEqual(JSON.parse(JSON.stringify(out)), out);
  await store.close();
});

test('every mention span, sliced from the original text, is the evidence sentence', async () => {
  const store = await loadedStore();
  const texts = new Map(sampleAnalyses().map((a) => [a.document.id, a.document.text]));
  const out = await buildEventsJson(store);
  const sliced = out.events.flatMap((e) => e.mentions.map((m) => texts.get(m.doc)!.slice(m.start, m.end)));
  assert.deepEqual(sliced, [
    'Joe Biden met Xi Jinping on the island of Bali on 14 November 2022, their first in-person meeting as leaders.',
    'Chinese President Xi Jinping met Vladimir Putin in Moscow on 20 March 2023, the Kremlin said.',
    'Russian President Vladimir Putin held talks with Xi Jinping in Russia on Monday.',
  ]);
  for (const event of out.events) {
    for (const m of event.mentions) {
      const text = texts.get(m.doc)!;
      for (const e of m.evidence) {
        for (const s of e.spans) {
          const actor = out.actors.find((a) => a.id === e.actor)!;
          assert.ok(actor.aliases.includes(text.slice(s.start, s.end)), `${text.slice(s.start, s.end)} is a name of ${actor.name}`);
        }
      }
      assert.match(text.slice(m.trigger.start, m.trigger.end), /^(met|held talks)$/);
    }
  }
  await store.close();
});

test('an empty database exports empty lists', async () => {
  const store = openSqliteStore(':memory:');
  assert.deepEqual(await buildEventsJson(store), { documents: [], actors: [], events: [] });
  assert.equal(await buildEventsCsv(store), 'id,date,date_precision,mode,location,participants,documents,status,independent_sources,sources\r\n');
  await store.close();
});

test('csv: one row per event, names joined, fields quoted when needed', async () => {
  const store = await loadedStore();
  const lines = (await buildEventsCsv(store)).split('\r\n');
  assert.equal(lines[0], 'id,date,date_precision,mode,location,participants,documents,status,independent_sources,sources');
  assert.match(lines[1], /^ev_[0-9a-f]{16},2022-11-14,day,meet,Bali,Joe Biden; Xi Jinping,c-biden-xi,single-source,1,own unknown \(c-biden-xi\)$/);
  assert.match(lines[2], /^ev_[0-9a-f]{16},2023-03-20,day,meet,Moscow,Xi Jinping; Vladimir Putin,a-xi-putin; b-putin-xi,corroborated,2,own unknown \(b-putin-xi\); own unknown \(a-xi-putin\)$/);
  assert.equal(lines[3], '');
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
  await store.close();
});

test("events-json reflects analysts' judgements and shows conflicts between reports", async () => {
  const store = await loadedStore();
  const [bali, moscow] = (await buildEventsJson(store)).events;
  // two events judged one: the merged event has both reports, each naming its own participants
  await store.addJudgement({ kind: 'event-merge', subjects: [bali.id, moscow.id], author: 'tester', reason: 'test', confirm: true });
  let out = await buildEventsJson(store);
  assert.equal(out.events.length, 1);
  const [merged] = out.events;
  assert.equal(merged.mentions.length, 3);
  assert.deepEqual(merged.mentions.find((m) => m.doc === 'c-biden-xi')!.participants, [BIDEN.id, XI.id]);
  assert.deepEqual([...merged.participants].sort(), [BIDEN.id, PUTIN.id, XI.id].sort());
  assert.deepEqual(
    merged.conflicts.map((c) => [c.field, c.values.map((v) => v.value).sort()]),
    [
      ['date', ['2022-11-14', '2023-03-20']],
      ['place', ['Bali', 'Moscow', 'Russia']],
    ],
  );
  assert.equal(merged.judgements.length, 1);
  // a corrected date is what the export says
  await store.addJudgement({ kind: 'field-correct', subjects: [merged.id], value: { date: '2023-03-20' }, author: 'tester' });
  out = await buildEventsJson(store);
  assert.equal(out.events[0].date, '2023-03-20');
  assert.equal(out.events[0].judgements.length, 2);
  await store.close();
});

test('a month or a year is exported with its precision and interval, never as a day', async () => {
  const { dateFields } = await import('./events-json.ts');
  assert.deepEqual(dateFields('2022-11-20'), { date: '2022-11-20', date_precision: 'day', date_from: '2022-11-20', date_to: '2022-11-20' });
  assert.deepEqual(dateFields('2022-11'), { date: null, date_precision: 'month', date_from: '2022-11-01', date_to: '2022-11-30' });
  assert.deepEqual(dateFields('2024-02'), { date: null, date_precision: 'month', date_from: '2024-02-01', date_to: '2024-02-29' });
  assert.deepEqual(dateFields('2017'), { date: null, date_precision: 'year', date_from: '2017-01-01', date_to: '2017-12-31' });
  assert.deepEqual(dateFields(null), { date: null, date_precision: null, date_from: null, date_to: null });
  // through the store and the export: a judgement that sets a month
  const store = await loadedStore();
  const [first] = (await buildEventsJson(store)).events;
  await store.addJudgement({ kind: 'field-correct', subjects: [first.id], value: { date: '2023-03' }, author: 'tester' });
  const after = (await buildEventsJson(store)).events.find((e) => e.id === first.id)!;
  assert.deepEqual([after.date, after.date_precision, after.date_from, after.date_to], [null, 'month', '2023-03-01', '2023-03-31']);
  const csv = (await buildEventsCsv(store)).split('\r\n').find((l) => l.startsWith(first.id))!;
  assert.match(csv, /^ev_[0-9a-f]{16},2023-03,month,/);
});
