// Review that cannot go wrong: a merge is previewed before it is applied (which reports, which
// resulting id, what vanishes), an implausible one needs confirmation, and a merged-away id keeps
// answering by redirecting to the event that holds its reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParleyError } from '../../core/errors.ts';
import type { Store } from '../store.ts';
import { reviewAnalyses } from './review-fixture.ts';
import { openSqliteStore } from './sqlite-store.ts';

async function build(): Promise<Store> {
  const store = openSqliteStore(':memory:');
  await store.saveBatch(reviewAnalyses());
  return store;
}

const eventOf = async (store: Store, docId: string) => (await store.listEvents()).find((e) => e.reports.some((r) => r.docId === docId))!;

test('a merge preview shows the result and changes nothing; applied, the merged-away id redirects', async () => {
  const store = await build();
  const [pt, en] = [(await eventOf(store, 'pt-madrid')), (await eventOf(store, 'en-madrid'))];
  assert.notEqual(pt.id, en.id, 'two spellings of Sánchez keep the reports apart');
  const snapshot = JSON.stringify((await store.listEvents()));

  const preview = (await store.previewJudgement({ kind: 'event-merge', subjects: [pt.id, en.id], author: 'analyst' }));
  assert.deepEqual(preview.concerns, [], 'same day, same city, Lula in both');
  assert.deepEqual(preview.before.map((e) => e.id).sort(), [pt.id, en.id].sort());
  assert.equal(preview.after.length, 1);
  const result = preview.after[0];
  assert.deepEqual(result.reports.map((r) => r.docId).sort(), ['en-madrid', 'pt-madrid']);
  assert.deepEqual(preview.pulledIn, []);
  const gone = [pt.id, en.id].filter((id) => id !== result.id);
  assert.deepEqual(preview.vanished, gone.map((id) => ({ id, to: result.id })));
  assert.equal(JSON.stringify((await store.listEvents())), snapshot, 'the preview was rolled back');
  assert.equal((await store.listJudgements()).length, 0);

  await store.addJudgement({ kind: 'event-merge', subjects: [pt.id, en.id], author: 'analyst' });
  assert.equal((await eventOf(store, 'en-madrid')).id, result.id, 'the preview named the resulting id');
  for (const id of gone) {
    assert.equal((await store.getEvent(id)), null);
    assert.equal((await store.eventRedirect(id)), result.id);
  }
  assert.equal((await store.eventRedirect(result.id)), null, 'an existing id is no redirect');
  assert.equal((await store.eventRedirect('ev_never')), null);

  // undoing brings the vanished id back: it answers itself again
  await store.undoJudgement((await store.listJudgements())[0].id, 'analyst');
  for (const id of gone) assert.ok((await store.getEvent(id)));
  await store.close();
});

test('an implausible merge is refused with its reasons until confirmed', async () => {
  const store = await build();
  const [madrid, baires] = [(await eventOf(store, 'pt-madrid')), (await eventOf(store, 'es-baires'))];
  const preview = (await store.previewJudgement({ kind: 'event-merge', subjects: [madrid.id, baires.id], author: 'analyst' }));
  assert.equal(preview.concerns.length, 2, preview.concerns.join('\n'));
  assert.match(preview.concerns[0], /dates contradict: .* is 2023-04-26, .* is 2022-05-10/);
  assert.match(preview.concerns[1], /places contradict: .* in Madrid, .* in Buenos Aires/);
  await assert.rejects(
    async () => (await store.addJudgement({ kind: 'event-merge', subjects: [madrid.id, baires.id], author: 'analyst' })),
    (e: unknown) => e instanceof ParleyError && e.code === 'usage' && /looks wrong: dates contradict/.test(e.message) && /confirm/.test(e.message),
  );
  assert.equal((await store.listJudgements()).length, 0);
  await store.addJudgement({ kind: 'event-merge', subjects: [madrid.id, baires.id], author: 'analyst', confirm: true });
  assert.equal((await eventOf(store, 'pt-madrid')).id, (await eventOf(store, 'es-baires')).id);
  await store.close();
});

test('previews of a split and a rejection name the events that result', async () => {
  const store = await build();
  const merged = (await store.addJudgement({ kind: 'event-merge', subjects: [(await eventOf(store, 'pt-madrid')).id, (await eventOf(store, 'en-madrid')).id], author: 'a' }));
  const event = (await eventOf(store, 'en-madrid'));
  const report = event.reports.find((r) => r.docId === 'en-madrid')!.id;
  const split = (await store.previewJudgement({ kind: 'event-split', subjects: [event.id, report], author: 'a' }));
  assert.equal(split.after.length, 2);
  assert.deepEqual(split.after.map((e) => e.reports.length), [1, 1]);
  const reject = (await store.previewJudgement({ kind: 'report-reject', subjects: [report], author: 'a' }));
  assert.deepEqual(reject.after.map((e) => e.reports.map((r) => r.docId)), [['pt-madrid']]);
  assert.equal((await eventOf(store, 'en-madrid')).reports.length, 2, 'previews change nothing');
  await assert.rejects(
    async () => (await store.previewJudgement({ kind: 'report-reject', subjects: ['r-nope'], author: 'a' })), /no report r-nope/);
  assert.ok(merged.id > 0);
  await store.close();
});
