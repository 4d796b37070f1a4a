import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockingKeys, eventIdFor, judgePair, lookupKeys, mergeReports, type MergeInput } from './merge-reports.ts';

const person = (actorId: string) => ({ actorId, kind: 'person' as const });
const org = (actorId: string) => ({ actorId, kind: 'organization' as const });

function report(id: string, people: string[], date: string | null, published: string | null = null): MergeInput {
  return { id, docId: `doc-${id}`, participants: people.map(person), date, published };
}

test('same people, same date: one event, with the judgement explained', () => {
  const events = mergeReports([report('r1', ['xi', 'putin'], '2023-03-20'), report('r2', ['putin', 'xi'], '2023-03-20')]);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].reportIds, ['r1', 'r2']);
  assert.equal(events[0].judgements.length, 1);
  assert.equal(events[0].judgements[0].score, 1);
  assert.equal(events[0].judgements[0].features.date, 'same-date');
  assert.equal(events[0].id, eventIdFor(['r2', 'r1']));
});

test('different dates, or one date unknown, keep reports apart', () => {
  assert.equal(mergeReports([report('r1', ['xi', 'putin'], '2023-03-20'), report('r2', ['xi', 'putin'], '2023-03-21')]).length, 2);
  assert.equal(mergeReports([report('r1', ['xi', 'putin'], '2023-03-20'), report('r2', ['xi', 'putin'], null)]).length, 2);
});

test('Jaccard at 0.5 merges, below does not', () => {
  assert.ok(judgePair(report('a', ['x', 'y'], '2024-01-01'), report('b', ['x', 'y', 'z', 'w'], '2024-01-01')));
  assert.ok(judgePair(report('a', ['x'], '2024-01-01'), report('b', ['x', 'y'], '2024-01-01')));
  assert.equal(judgePair(report('a', ['x', 'y'], '2024-01-01'), report('b', ['x', 'z'], '2024-01-01')), null);
  assert.equal(judgePair(report('a', ['x'], '2024-01-01'), report('b', ['x', 'y', 'z'], '2024-01-01')), null);
});

test('persons count when there are any; organizations otherwise', () => {
  const a: MergeInput = { id: 'a', docId: 'd1', participants: [person('x'), person('y'), org('o1')], date: '2024-01-01', published: null };
  const b: MergeInput = { id: 'b', docId: 'd2', participants: [person('x'), person('y'), org('o2')], date: '2024-01-01', published: null };
  assert.equal(judgePair(a, b)?.score, 1);
  const c: MergeInput = { id: 'c', docId: 'd3', participants: [org('o1')], date: '2024-01-01', published: null };
  const d: MergeInput = { id: 'd', docId: 'd4', participants: [org('o1')], date: '2024-01-01', published: null };
  assert.ok(judgePair(c, d));
});

test('undated reports merge only with the very same people published within two days', () => {
  assert.ok(judgePair(report('a', ['x', 'y'], null, '2024-01-01'), report('b', ['x', 'y'], null, '2024-01-02')));
  assert.equal(judgePair(report('a', ['x', 'y'], null, '2024-01-01'), report('b', ['x', 'y'], null, '2024-01-06')), null);
  assert.equal(judgePair(report('a', ['x', 'y'], null, '2024-01-01'), report('b', ['x', 'y', 'z'], null, '2024-01-01')), null);
  assert.equal(judgePair(report('a', ['x', 'y'], null, '2024-01-01'), report('b', ['x', 'y'], null, null)), null);
  // with no publication dates two meetings of the same people cannot be told apart: kept apart
  assert.equal(judgePair(report('a', ['x', 'y'], null), report('b', ['x', 'y'], null)), null);
});

test('an undated report joins a dated one when published on that day or within three days after', () => {
  assert.ok(judgePair(report('a', ['x', 'y'], '2024-01-01'), report('b', ['x', 'y'], null, '2024-01-03')));
  assert.equal(judgePair(report('a', ['x', 'y'], '2024-01-01'), report('b', ['x', 'y'], null, '2024-01-09')), null);
  assert.equal(judgePair(report('a', ['x', 'y'], '2024-01-05'), report('b', ['x', 'y'], null, '2024-01-03')), null);
});

test('blocking keys cover every pair that can reach the threshold', () => {
  assert.deepEqual(blockingKeys(report('a', ['y', 'x'], null)), ['2:x', '2:y', 'x|y']);
  assert.deepEqual(lookupKeys(report('a', ['y', 'x'], null)), ['1:x', '1:y', 'x|y']);
  assert.deepEqual(blockingKeys(report('a', ['x', 'y', 'z'], null)), ['x|y', 'x|z', 'y|z']);
  const names = ['a', 'b', 'c', 'd', 'e'];
  const sets: string[][] = [];
  for (let mask = 1; mask < 32; mask++) sets.push(names.filter((_, i) => mask & (1 << i)));
  for (const s of sets) {
    for (const t of sets) {
      const r1 = report('1', s, '2024-01-01');
      const r2 = report('2', t, '2024-01-01');
      if (!judgePair(r1, r2)) continue;
      assert.ok(lookupKeys(r1).some((k) => blockingKeys(r2).includes(k)), `${s} vs ${t} match but ${s} cannot find ${t}`);
      assert.ok(lookupKeys(r2).some((k) => blockingKeys(r1).includes(k)), `${s} vs ${t} match but ${t} cannot find ${s}`);
    }
  }
});

test('reports without participants stay alone; the result is order-independent', () => {
  const reports = [report('r3', [], null), report('r1', ['x', 'y'], '2024-01-01'), report('r2', ['x', 'y'], '2024-01-01')];
  const forward = mergeReports(reports);
  const backward = mergeReports([...reports].reverse());
  assert.deepEqual(forward, backward);
  assert.deepEqual(forward.map((e) => e.reportIds), [['r1', 'r2'], ['r3']]);
});

test('two reports of one document are never merged across documents', () => {
  const a = { ...report('a', ['x', 'y'], '2024-01-01'), docId: 'same' };
  const b = { ...report('b', ['x', 'y'], '2024-01-01'), docId: 'same' };
  assert.equal(judgePair(a, b), null);
});
