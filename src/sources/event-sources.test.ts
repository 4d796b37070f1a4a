// Through the store and the exports: reports analyzed, saved, merged, then read back with their
// sources, status, denials and the analysts' source judgements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPipeline, forStorage } from '../pipeline/analyze.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { buildEventsJson } from '../export/events-json.ts';
import { buildPloverRecords } from '../export/plover.ts';
import { createEventSources } from './event-sources.ts';

const pipeline = createPipeline();
const doc = (id: string, text: string, outlet: string, published: string) =>
  forStorage(pipeline.analyze({ id, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: { published, outlet, language: 'en' } }));

const STORY =
  'CAIRO (Reuters) - Egyptian President Abdel Fattah el-Sisi received Jordan\'s King Abdullah II in Cairo on Tuesday for talks on the crossing points into Gaza. ' +
  'The two leaders discussed the reopening of the Rafah crossing, the convoys of aid waiting in El Arish and the wounded who need treatment abroad. ' +
  'They agreed to coordinate their positions before the meeting of Arab foreign ministers.';

async function loaded() {
  const store = openSqliteStore(':memory:');
  await store.saveBatch([
    doc('one', `Leaders meet in Cairo\n\n${STORY}`, 'Outlet One', '2024-03-05'),
    doc('two', `Aid for Gaza on the agenda\n\n${STORY}`, 'Outlet Two', '2024-03-05'),
    doc('three', `Gaza crossings on the table\n\n${STORY.replace('on Tuesday', 'on Tuesday, March 5,')}`, 'Outlet Three', '2024-03-06'),
    doc('deny', 'The Jordanian royal court denied reports that King Abdullah II met Egyptian President Abdel Fattah el-Sisi in Cairo this week.', 'Outlet Four', '2024-03-07'),
  ]);
  return store;
}

test('events-json: a wire story in three outlets is one source, the denial is linked, never an event', async () => {
  const store = await loaded();
  const out = await buildEventsJson(store);
  assert.equal(out.events.length, 1, JSON.stringify(out.events.map((e) => e.mentions.map((m) => m.doc))));
  const [e] = out.events;
  assert.deepEqual(e.mentions.map((m) => m.doc).sort(), ['one', 'three', 'two']);
  assert.equal(e.sources.length, 1);
  assert.equal(e.sources[0].origin.source, 'reuters');
  assert.equal(e.sources[0].first.doc, 'one');
  assert.equal(e.status.status, 'disputed');
  assert.equal(e.status.independent_sources, 1);
  assert.equal(e.denials.length, 1);
  assert.equal(e.denials[0].doc, 'deny');
  const text = (await store.getDocument('deny'))!.text;
  assert.equal(text.slice(e.denials[0].cue!.start, e.denials[0].cue!.end), 'denied');
  for (const m of e.mentions) assert.deepEqual(m.attribution.map((a) => a.source), ['reuters']);
  const plover = (await buildPloverRecords(store))[0];
  assert.equal(plover.source_info.status.status, 'disputed');
  assert.equal(plover.reports[0].attribution[0].kind, 'wire');
  await store.close();
});

test('source judgements: two reports marked independent count twice; a status set by hand survives re-extraction', async () => {
  const store = await loaded();
  const table = store.sources();
  const event = (await store.listEvents())[0];
  await table.addJudgement({ kind: 'independent', subjects: ['one', 'two'], author: 'ana', reason: 'Outlet Two had its own reporter there' });
  await table.addJudgement({ kind: 'status', subjects: [event.id], status: 'confirmed', anchors: event.reports.map((r) => r.id), author: 'ana', reason: 'the royal court later published photographs' });
  let said = await (await createEventSources(store)).of((await store.listEvents())[0]);
  assert.equal(said.sources.length, 2);
  assert.equal(said.status.status, 'confirmed');
  assert.match(said.status.reasons.join(' | '), /denied by .*royal court|denied/);
  // the same documents analyzed again (new extraction rules): the judgements still hold
  await store.replaceAnalyses([doc('one', `Leaders meet in Cairo\n\n${STORY}`, 'Outlet One', '2024-03-05')]);
  said = await (await createEventSources(store)).of((await store.listEvents())[0]);
  assert.equal(said.status.status, 'confirmed');
  assert.equal(said.sources.length, 2);
  const undone = await table.undoJudgement((await table.judgements(true)).find((j) => j.kind === 'status')!.id, 'ana');
  assert.ok(undone.undone);
  assert.equal((await (await createEventSources(store)).of((await store.listEvents())[0])).status.status, 'disputed');
  await store.close();
});

test('denial claims in Arabic and Turkish: a relative clause under the denial, a verb-final denial', () => {
  const claim = (id: string, language: string, body: string) => {
    const a = pipeline.analyze({ id, hash: id, text: body, source: {}, meta: { published: '2024-03-07', language } });
    assert.equal(a.reports.length, 0, `${id}: a denied meeting is no report`);
    const denials = a.sources?.denials ?? [];
    assert.equal(denials.length, 1, `${id}: one denial claim`);
    const [d] = denials;
    return { who: [...d.participants].sort(), cue: d.cue ? body.slice(d.cue.start, d.cue.end) : null };
  };
  // Hamas denied the reports that spoke of a meeting between Haniyeh and Erdogan in Ankara
  assert.deepEqual(claim('ar', 'ar', 'نفت حماس التقارير التي تحدثت عن لقاء بين إسماعيل هنية ورجب طيب أردوغان في أنقرة.'), { who: ['ismail-haniyeh', 'recep-tayyip-erdogan'], cue: 'نفت' });
  // the Kremlin denied the claims that Putin met Erdogan in Ankara
  assert.deepEqual(claim('tr', 'tr', 'Kremlin, Putin’in Erdoğan ile Ankara’da görüştüğü iddialarını yalanladı.'), { who: ['recep-tayyip-erdogan', 'vladimir-putin'], cue: 'yalanladı' });
});
