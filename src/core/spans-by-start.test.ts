import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from './types.ts';
import { backwardWithin, lastWithin, reaching, startingWithin } from './spans-by-start.ts';

// a deterministic list of spans, in start order or shuffled
function spans(count: number, sorted: boolean): Span[] {
  let seed = 7;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const list = Array.from({ length: count }, () => {
    const start = next(500);
    return { start, end: start + 1 + next(30) };
  });
  return sorted ? list.sort((a, b) => a.start - b.start) : list;
}

for (const sorted of [true, false]) {
  test(`spans by start find what a scan of the whole list finds, in list order (${sorted ? 'sorted' : 'unsorted'})`, () => {
    const list = spans(300, sorted);
    for (const [from, to] of [[0, 0], [10, 60], [250, 251], [480, 900], [-Infinity, 40], [600, 700]]) {
      assert.deepEqual(startingWithin(list, from, to), list.filter((s) => s.start >= from && s.start <= to));
      assert.deepEqual([...backwardWithin(list, from, to)], list.filter((s) => s.start >= from && s.start <= to).reverse());
      const overlapping = list.filter((s) => s.start < to && from < s.end);
      assert.deepEqual(reaching(list, from, to).filter((s) => s.start < to && from < s.end), overlapping);
      const long = (s: Span): boolean => s.end - s.start > 20;
      assert.equal(lastWithin(list, from, to, long), list.filter((s) => s.start >= from && s.start <= to && long(s)).pop());
    }
  });
}

test('a list that grows is checked again', () => {
  const list: Span[] = [{ start: 5, end: 8 }];
  assert.deepEqual(startingWithin(list, 0, 10), [{ start: 5, end: 8 }]);
  list.push({ start: 1, end: 2 });
  assert.deepEqual(startingWithin(list, 0, 3), [{ start: 1, end: 2 }]);
});
