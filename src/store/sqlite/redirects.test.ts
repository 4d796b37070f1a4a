// Review that cannot go wrong: a merge is previewed before it is applied (which reports, which
// resulting id, what vanishes), an implausible one needs confirmation, and a merged-away id keeps
// answering by redirecting to the event that holds its reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParleyError } from '../../core/errors.ts';
import type { Store } from '../store.ts';
import { reviewAnalyses } from './review-fixture.ts';
import { openSqliteStore } from './sqlite-store.ts';

function build(): Store {
  const store = openSqliteStore(':memory:');
  store.saveBatch(reviewAnalyses());
  return store;
}

const eventOf = (store: Store, docId: string) => store.listEvents().find((e) => e.reports.some((r) => r.docId === docId))!;

test('a merge preview shows the result and changes nothing; applied, the merged-away id redirects', () => {
  const store = build();
  const [pt, en] = [eventOf(store, 'pt-madrid'), eventOf(store, 'en-madrid')];
  assert.notEqual(pt.id, en.id, 'two spellings of Sánchez keep the reports apart');
  const snapshot = JSON.stringify(store.listEvents());

  const preview = store.previewJudgement({ kind: 'event-merge', subjects: [pt.id, en.id], author: 'analyst' });
  assert.deepEqual(preview.concerns, [], 'same day, same city, Lula in both');
  assert.deepEqual(preview.before.map((e) => e.id).sort(), [pt.id, en.id].sort());
  assert.equal(preview.after.length, 1);
  const result = preview.after[0];
  assert.deepEqual(result.reports.map((r) => r.docId).sort(), ['en-madrid', 'pt-madrid']);
  assert.deepEqual(preview.pulledIn, []);
  const gone = [pt.id, en.id].filter((id) => id !== result.id);
  assert.deepEqual(preview.vanished, gone.map((id) => ({ id, to: result.id })));
  assert.equal(JSON.stringify(store.listEvents()), snapshot, 'the preview was rolled back');
  assert.equal(store.listJudgements().length, 0);

  store.addJudgement({ kind: 'event-merge', subjects: [pt.id, en.id], author: 'analyst' });
  assert.equal(eventOf(store, 'en-madrid').id, result.id, 'the preview named the resulting id');
  for (const id of gone) {
    assert.equal(store.getEvent(id), null);
    assert.equal(store.eventRedirect(id), result.id);
  }
  assert.equal(store.eventRedirect(result.id), null, 'an existing id is no redirect');
  assert.equal(store.eventRedirect('ev_never'), null);

  // undoing brings the vanished id back: it answers itself again
  store.undoJudgement(store.listJudgements()[0].id, 'analyst');
  for (const id of gone) assert.ok(store.getEvent(id));
  store.close();
});

test('an implausible merge is refused with its reasons until confirmed', () => {
  const store = build();
  const [madrid, baires] = [eventOf(store, 'pt-madrid'), eventOf(store, 'es-baires')];
  const preview = store.previewJudgement({ kind: 'event-merge', subjects: [madrid.id, baires.id], author: 'analyst' });
  assert.equal(preview.concerns.length, 2, preview.concerns.join('\n'));
  assert.match(preview.concerns[0], /dates contradict: .* is 2023-04-26, .* is 2022-05-10/);
  assert.match(preview.concerns[1], /places contradict: .* in Madrid, .* in Buenos Aires/);
  assert.throws(
    () => store.addJudgement({ kind: 'event-merge', subjects: [madrid.id, baires.id], author: 'analyst' }),
    (e: unknown) => e instanceof ParleyError && e.code === 'usage' && /looks wrong: dates contradict/.test(e.message) && /confirm/.test(e.message),
  );
  assert.equal(store.listJudgements().length, 0);
  store.addJudgement({ kind: 'event-merge', subjects: [madrid.id, baires.id], author: 'analyst', confirm: true });
  assert.equal(eventOf(store, 'pt-madrid').id, eventOf(store, 'es-baires').id);
  store.close();
});

test('previews of a split and a rejection name the events that result', () => {
  const store = build();
  const merged = store.addJudgement({ kind: 'event-merge', subjects: [eventOf(store, 'pt-madrid').id, eventOf(store, 'en-madrid').id], author: 'a' });
  const event = eventOf(store, 'en-madrid');
  const report = event.reports.find((r) => r.docId === 'en-madrid')!.id;
  const split = store.previewJudgement({ kind: 'event-split', subjects: [event.id, report], author: 'a' });
  assert.equal(split.after.length, 2);
  assert.deepEqual(split.after.map((e) => e.reports.length), [1, 1]);
  const reject = store.previewJudgement({ kind: 'report-reject', subjects: [report], author: 'a' });
  assert.deepEqual(reject.after.map((e) => e.reports.map((r) => r.docId)), [['pt-madrid']]);
  assert.equal(eventOf(store, 'en-madrid').reports.length, 2, 'previews change nothing');
  assert.throws(() => store.previewJudgement({ kind: 'report-reject', subjects: ['r-nope'], author: 'a' }), /no report r-nope/);
  assert.ok(merged.id > 0);
  store.close();
});
