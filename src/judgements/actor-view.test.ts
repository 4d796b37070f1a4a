import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Judgement } from '../core/types.ts';
import { buildActorView, splitId } from './actor-view.ts';

let n = 0;
function j(kind: Judgement['kind'], subjects: string[], aliases?: string[], active = true): Judgement {
  n++;
  return {
    id: n,
    kind,
    subjects,
    ...(aliases ? { value: { aliases } } : {}),
    author: 't',
    reason: null,
    createdAt: '2024-01-01T00:00:00Z',
    anchors: [],
    undone: active ? null : { at: '2024-01-02T00:00:00Z', by: 't', reason: null },
    active,
  };
}

test('merges chain, splits go by the words naming the participant, undone judgements do nothing', () => {
  const view = buildActorView([j('actor-merge', ['a', 'b']), j('actor-merge', ['b', 'c']), j('actor-merge', ['x', 'y'], undefined, false)]);
  assert.equal(view.canonical('c'), 'a');
  assert.equal(view.canonical('y'), 'y');
  assert.deepEqual([...view.absorbed.keys()].sort(), ['b', 'c']);
  // a merge back the other way would close a loop: ignored
  assert.equal(buildActorView([j('actor-merge', ['a', 'b']), j('actor-merge', ['b', 'a'])]).canonical('b'), 'a');

  const split = buildActorView([j('actor-merge', ['a', 'b']), j('actor-split', ['a'], ['Abu Bakr'])]);
  const other = splitId('a', ['Abu Bakr']);
  assert.equal(split.resolve('a', () => ['ABU BAKR']), other, 'case and accents aside');
  assert.equal(split.resolve('b', () => ['Abu-Bakr']), other, 'the split reaches actors merged into it');
  assert.equal(split.resolve('a', () => ['Abdullah']), 'a');
  assert.equal(buildActorView([]).empty, true);
});
