// Spans of one document found by where they start. A document's mentions, persons and demonyms
// are in text order, so the few a sentence, clause or trigger needs are found by binary search
// instead of a scan of the whole list: long texts hold tens of thousands of mentions.
// These only narrow the candidates (callers keep their exact conditions) and keep list order;
// a list not in start order is scanned whole, as before.
import type { Span } from './types.ts';

interface Order {
  length: number;
  sorted: boolean;
  /** the longest span: whatever overlaps a place starts at most this far before it */
  longest: number;
}

// checked once per list: lists are complete before they are searched (a new length checks again)
const orders = new WeakMap<readonly Span[], Order>();

function orderOf(list: readonly Span[]): Order {
  let order = orders.get(list);
  if (!order || order.length !== list.length) {
    order = { length: list.length, sorted: true, longest: 0 };
    for (let i = 0; i < list.length; i++) {
      if (i > 0 && list[i - 1].start > list[i].start) order.sorted = false;
      order.longest = Math.max(order.longest, list[i].end - list[i].start);
    }
    orders.set(list, order);
  }
  return order;
}

/** How many items of `list` (in start order) start before `at`, or at it too with `inclusive`. */
function countBefore(list: readonly Span[], at: number, inclusive: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < at || (inclusive && list[mid].start === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items starting within from..to (both included), in list order. */
export function startingWithin<T extends Span>(list: readonly T[], from: number, to: number): T[] {
  if (!orderOf(list).sorted) return list.filter((x) => x.start >= from && x.start <= to);
  return list.slice(countBefore(list, from, false), countBefore(list, to, true));
}

/** The items that may overlap or contain from..to: all those starting up to the longest span before it. */
export function reaching<T extends Span>(list: readonly T[], from: number, to: number): T[] {
  return startingWithin(list, from - orderOf(list).longest, to);
}

/** The items starting within from..to, last first, read lazily: a search back stops at its first find. */
export function* backwardWithin<T extends Span>(list: readonly T[], from: number, to: number): Generator<T> {
  const sorted = orderOf(list).sorted;
  for (let i = (sorted ? countBefore(list, to, true) : list.length) - 1; i >= 0; i--) {
    const x = list[i];
    if (sorted && x.start < from) return;
    if (x.start >= from && x.start <= to) yield x;
  }
}

/** The last item (in list order) starting within from..to that passes `test`. */
export function lastWithin<T extends Span>(list: readonly T[], from: number, to: number, test: (x: T) => boolean): T | undefined {
  for (const x of backwardWithin(list, from, to)) if (test(x)) return x;
  return undefined;
}
