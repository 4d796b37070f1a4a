// Reads that go over every event or document a page at a time, for exports that stream: memory
// stays flat in the size of the record (a page of ids, one event), whatever the adapter.
import type { StoredEvent } from './store.ts';

/** Default page size for the paged reads. */
export const PAGE_SIZE = 500;

/** Rows a page at a time by keyset paging: `page(after, limit)` answers rows with ids after `after`, in id order. */
export async function* pagedRows<T extends { id: string }>(page: (after: string | null, limit: number) => Promise<T[]>, pageSize = PAGE_SIZE): AsyncGenerator<T> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a positive integer, got ${pageSize}`);
  let after: string | null = null;
  for (;;) {
    const rows = await page(after, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

/** Events in id order: a page of ids at a time, each event then read whole (an event gone in between is skipped). */
export async function* pagedEvents(
  idsAfter: (after: string | null, limit: number) => Promise<string[]>,
  getEvent: (id: string) => Promise<StoredEvent | null>,
  pageSize = PAGE_SIZE,
): AsyncGenerator<StoredEvent> {
  for await (const { id } of pagedRows(async (after, limit) => (await idsAfter(after, limit)).map((id) => ({ id })), pageSize)) {
    const event = await getEvent(id);
    if (event) yield event;
  }
}
