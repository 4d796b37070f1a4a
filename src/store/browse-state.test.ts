// Which summaries a change of denials or source judgements makes stale (browse-state.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourcesFingerprint, staleBySources } from './browse-state.ts';

const denial = (id: string, people: string[]) => ({ id, participants: JSON.stringify(people) });
const judged = [{ id: 1, undone: null }];

test('browse state: nothing known before, or a judgement changed: every summary is stale', () => {
  assert.equal(staleBySources(undefined, [], judged).all, true);
  assert.equal(staleBySources('not json', [], judged).all, true);
  const { state } = staleBySources(undefined, [denial('d1', ['a', 'b'])], judged);
  assert.equal(staleBySources(state, [denial('d1', ['a', 'b'])], [{ id: 1, undone: '2024-01-01' }]).all, true);
});

test('browse state: a denial added or gone makes only the events of its people stale', () => {
  const { state } = staleBySources(undefined, [denial('d1', ['a', 'b'])], judged);
  assert.deepEqual(staleBySources(state, [denial('d1', ['a', 'b'])], judged), { state, all: false, actors: [] });
  const added = staleBySources(state, [denial('d1', ['a', 'b']), denial('d2', ['c', 'a'])], judged);
  assert.deepEqual([added.all, added.actors], [false, ['a', 'c']]);
  const gone = staleBySources(added.state, [denial('d2', ['c', 'a'])], judged);
  assert.deepEqual([gone.all, gone.actors], [false, ['a', 'b']]);
});

test('browse state: the digest an older version kept, when still true, makes nothing stale', () => {
  const denials = [denial('d1', ['a', 'b'])];
  const old = sourcesFingerprint(['d1'], judged);
  assert.deepEqual(staleBySources(old, denials, judged).all, false);
  assert.deepEqual(staleBySources(old, [...denials, denial('d2', ['c'])], judged).all, true);
});
