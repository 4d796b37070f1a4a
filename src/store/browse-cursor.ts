// The event list's cursor: an opaque token for "the page after this row" (keyset paging, see
// keysetConditions in browse.ts). It holds the last row's sort key and id, where the next page
// starts (for the "151-200 of N" a pager shows), and the sort, order and filter it was made for:
// a token used with another list is refused, not read as a place in it.
import { createHash } from 'node:crypto';
import { ParleyError } from '../core/errors.ts';
import type { EventFilter, EventKey, EventSort } from './browse.ts';

export interface EventCursor {
  key: EventKey;
  /** The position of the first row after the key (the next page's offset when it was made). */
  position: number;
}

/** A short fingerprint of a filter, its keys in a fixed order. */
function fingerprint(sort: EventSort, order: 'asc' | 'desc', filter: EventFilter): string {
  const keys = Object.keys(filter).sort() as (keyof EventFilter)[];
  const canonical = JSON.stringify([sort, order, keys.map((k) => [k, filter[k]])]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 10);
}

export function encodeCursor(sort: EventSort, order: 'asc' | 'desc', filter: EventFilter, key: EventKey, position: number): string {
  return Buffer.from(JSON.stringify([1, fingerprint(sort, order, filter), key.reports, key.date, key.id, position])).toString('base64url');
}

/** The cursor a token holds; a usage error when it is not one, or was made for another sort, order or filter. */
export function decodeCursor(token: string, sort: EventSort, order: 'asc' | 'desc', filter: EventFilter): EventCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const ok =
    Array.isArray(value) &&
    value.length === 6 &&
    value[0] === 1 &&
    typeof value[1] === 'string' &&
    Number.isInteger(value[2]) &&
    (value[3] === null || typeof value[3] === 'string') &&
    typeof value[4] === 'string' &&
    Number.isInteger(value[5]) &&
    value[5] >= 0;
  if (!ok) throw new ParleyError('usage', 'after: not a cursor of the event list');
  const [, made, reports, date, id, position] = value as [number, string, number, string | null, string, number];
  if (made !== fingerprint(sort, order, filter)) throw new ParleyError('usage', 'after: the cursor was made for another sort, order or filter');
  return { key: { reports, date, id }, position };
}
