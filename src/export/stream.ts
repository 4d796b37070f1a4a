// What every streamed export shares: a sink that writes when its stream has room (backpressure)
// and fails once the reader is gone, the events in export order read one at a time, and who
// says so for each event with only that event's documents in memory.
//
// Memory: an export holds the actors (actors are far fewer than events), a page of events, and
// for the order one small entry per event (its sort key, id and where its rendered text lies in a
// temporary file): never the events themselves, their documents, or the output. Each event is read
// from the store once (renderInOrder).
import { readSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { DocumentSummary, Store, StoredEvent } from '../store/store.ts';
import { docInfo, readEventSources, type EventForSources, type EventSources, type SourceDocInfo } from '../sources/event-sources.ts';

/** Where an export writes: each write resolves once the text is accepted (or buffered). */
export interface ExportSink {
  write(text: string): Promise<void>;
}

/** Which events an export holds: the ids of a filter (the server's), else every event. */
export interface ExportScope {
  ids?: Iterable<string>;
  /** Stops the export (its reader went away) even while it reads without writing. */
  signal?: AbortSignal;
}

/** The reader went away (a closed connection, a broken pipe): the export stops. */
export class ExportAborted extends Error {
  constructor(message = 'the export was stopped: its reader went away') {
    super(message);
    this.name = 'ExportAborted';
  }
}

const BLOCK = 64 * 1024;

/**
 * A sink over a Node stream: small writes are gathered into blocks of about 64 KB; a block waits
 * for 'drain' when the stream is full, and a stream closed, failed or aborted (`signal`) before
 * the end rejects the write with ExportAborted. Call `end()` once done (it does not end the stream).
 */
export function streamSink(stream: Writable | NodeJS.WritableStream, signal?: AbortSignal): ExportSink & { end(): Promise<void> } {
  const s = stream as Writable;
  let block = '';
  let failure: Error | null = null;
  // an error between writes (a broken pipe) stops the next write instead of going uncaught
  s.on('error', (error: Error) => {
    failure ??= new ExportAborted(`the export was stopped: ${error.message}`);
  });
  const gone = () => failure ?? (signal?.aborted || s.destroyed || s.writableEnded ? new ExportAborted() : null);
  const push = async (chunk: string): Promise<void> => {
    const stopped = gone();
    if (stopped) throw stopped;
    if (s.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        s.off('drain', ok);
        s.off('close', closed);
        s.off('error', failed);
        signal?.removeEventListener('abort', closed);
        if (error) reject(error);
        else resolve();
      };
      const ok = () => done();
      const closed = () => done(new ExportAborted());
      const failed = (error: Error) => done((failure = new ExportAborted(`the export was stopped: ${error.message}`)));
      s.on('drain', ok);
      s.on('close', closed);
      s.on('error', failed);
      signal?.addEventListener('abort', closed);
      if (gone()) closed();
    });
  };
  return {
    async write(text) {
      block += text;
      if (block.length >= BLOCK) {
        const chunk = block;
        block = '';
        await push(chunk);
      }
    },
    async end() {
      if (block) {
        const chunk = block;
        block = '';
        await push(chunk);
      }
    },
  };
}

/** A sink gathering everything into one string (tests, and callers wanting the whole output). */
export function stringSink(): ExportSink & { text(): string } {
  const parts: string[] = [];
  return {
    async write(text) {
      parts.push(text);
    },
    text: () => parts.join(''),
  };
}

/** What an export writes into a string. */
export async function exportToString(write: (sink: ExportSink) => Promise<void>): Promise<string> {
  const sink = stringSink();
  await write(sink);
  return sink.text();
}

/** One item of a JSON array as JSON.stringify(array, null, 2) writes it at `depth` levels of nesting (its indent included, no separator). */
export function jsonItem(item: unknown, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  return `${pad}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${pad}`)}`;
}

/**
 * A JSON array of `items` as JSON.stringify(..., null, 2) writes it at `depth` levels of nesting:
 * each item is stringified alone and indented, so the whole array is never in memory.
 */
export async function writeJsonArray<T>(sink: ExportSink, items: AsyncIterable<T> | Iterable<T>, depth: number): Promise<void> {
  await writeJsonItems(
    sink,
    (async function* () {
      for await (const item of items) yield jsonItem(item, depth);
    })(),
    depth,
  );
}

/** A JSON array of items already made by jsonItem at this depth. */
export async function writeJsonItems(sink: ExportSink, texts: AsyncIterable<string> | Iterable<string>, depth: number): Promise<void> {
  let first = true;
  for await (const text of texts) {
    await sink.write(`${first ? '[\n' : ',\n'}${text}`);
    first = false;
  }
  await sink.write(first ? '[]' : `\n${'  '.repeat(depth)}]`);
}

/** Events with at least one report (the others have no provenance: not events). */
async function* eventsInScope(store: Store, scope: ExportScope): AsyncGenerator<StoredEvent> {
  const breathe = breather();
  if (!scope.ids) {
    for await (const event of store.iterateEvents()) {
      await breathe();
      stopIfAborted(scope);
      if (event.reports.length > 0) yield event;
    }
    return;
  }
  for (const id of [...new Set(scope.ids)].sort()) {
    await breathe();
    stopIfAborted(scope);
    const event = await store.getEvent(id);
    if (event && event.reports.length > 0) yield event;
  }
}

function stopIfAborted(scope: ExportScope): void {
  if (scope.signal?.aborted) throw new ExportAborted();
}

/**
 * Lets timers and I/O run every so many events: SQLite reads answer at once, so without it an
 * export would hold the event loop for all of a pass (a server would answer nothing else, and
 * never hear that its client went away).
 */
function breather(every = 100): () => Promise<void> {
  let n = 0;
  return async () => {
    if (++n % every === 0) await new Promise((resolve) => setImmediate(resolve));
  };
}

export interface EventOrder<K> {
  /** The sort key of an event (its date, as the format orders by). */
  key(event: StoredEvent): K;
  compare(a: { key: K; id: string }, b: { key: K; id: string }): number;
}

/**
 * The events of the scope rendered in export order, each event read once. The order (by a date
 * the merge derives) is known only once every event is read, and the rendered texts may be far
 * larger than memory: so each event is rendered as it is read, in id order, and its text appended
 * to a temporary file, keeping one small entry per event (sort key, id, where its text lies); the
 * texts are then read back in order. Iterate once, then `close()` (it removes the file; an
 * iteration that ends or stops early closes it too).
 */
export async function renderInOrder<K>(
  store: Store,
  scope: ExportScope,
  order: EventOrder<K>,
  render: (event: StoredEvent) => string | Promise<string>,
): Promise<RenderedInOrder> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-export-'));
  let handle: FileHandle | null = null;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle?.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  const entries: { key: K; id: string; at: number; bytes: number }[] = [];
  try {
    handle = await open(join(dir, 'rows'), 'w+', 0o600);
    let block = '';
    let at = 0;
    for await (const event of eventsInScope(store, scope)) {
      const text = await render(event);
      const bytes = Buffer.byteLength(text);
      entries.push({ key: order.key(event), id: event.id, at, bytes });
      at += bytes;
      block += text;
      if (block.length >= SPILL_BLOCK) {
        await handle.write(block);
        block = '';
      }
    }
    if (block) await handle.write(block);
  } catch (error) {
    await close();
    throw error;
  }
  entries.sort(order.compare);
  const file = handle;
  return {
    close,
    async *[Symbol.asyncIterator]() {
      const breathe = breather();
      let buffer = Buffer.alloc(64 * 1024);
      try {
        for (const { at, bytes } of entries) {
          await breathe();
          stopIfAborted(scope);
          if (bytes > buffer.length) buffer = Buffer.alloc(bytes);
          // synchronous reads: a row is a few hundred bytes in the page cache, and an await per
          // row cost a third of what reading each event once saves
          let read = 0;
          while (read < bytes) {
            const got = readSync(file.fd, buffer, read, bytes - read, at + read);
            if (got === 0) throw new Error('the export\'s temporary file ended early');
            read += got;
          }
          yield buffer.toString('utf8', 0, bytes);
        }
      } finally {
        await close();
      }
    },
  };
}

/** Texts an export rendered, in export order (renderInOrder). */
export interface RenderedInOrder extends AsyncIterable<string> {
  close(): Promise<void>;
}

/** Writes the rendered texts in order, then removes what held them (also when the reader goes away). */
export async function writeRendered(sink: ExportSink, texts: RenderedInOrder): Promise<void> {
  try {
    for await (const text of texts) await sink.write(text);
  } finally {
    await texts.close();
  }
}

/** Appends to the temporary file a block of about this many characters at a time (1 MB blocks raised the peak by about 8 MB). */
const SPILL_BLOCK = 1 << 16;

/** What `make` gives for each event of the scope, in export order, in memory (for callers wanting the whole result); each event read once. */
export async function collectInOrder<K, T>(store: Store, scope: ExportScope, order: EventOrder<K>, make: (event: StoredEvent) => T | Promise<T>): Promise<T[]> {
  const rows: { key: K; id: string; value: T }[] = [];
  for await (const event of eventsInScope(store, scope)) rows.push({ key: order.key(event), id: event.id, value: await make(event) });
  return rows.sort(order.compare).map((r) => r.value);
}

/**
 * Goes over the events of the scope once, in id order (for exports whose result does not depend
 * on the order they are read in, or that put it right themselves).
 */
export async function forEachEvent(store: Store, scope: ExportScope, visit: (event: StoredEvent) => void | Promise<void>): Promise<void> {
  for await (const event of eventsInScope(store, scope)) await visit(event);
}

/** Document summaries by id, the last few thousand kept: events of one story share documents. */
export function documentCache(store: Store, size = 4096): (ids: readonly string[]) => Promise<Map<string, DocumentSummary>> {
  const cache = new Map<string, DocumentSummary>();
  return async (ids) => {
    const out = new Map<string, DocumentSummary>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const known = cache.get(id);
      if (known) {
        cache.delete(id);
        cache.set(id, known);
        out.set(id, known);
      } else missing.push(id);
    }
    for (const d of missing.length ? await store.getDocumentSummaries(missing) : []) {
      cache.set(d.id, d);
      out.set(d.id, d);
    }
    while (cache.size > size) cache.delete(cache.keys().next().value as string);
    return out;
  };
}

/**
 * Who says so, event by event (as createEventSources over every document), holding only the
 * current event's documents and the denials' instead of every document of the record. Ask for
 * one event at a time.
 */
export async function boundedEventSources(store: Store, documents = documentCache(store)): Promise<{ of(event: EventForSources): Promise<EventSources> }> {
  const shared = store.sources();
  // every event once: nothing of it is kept for later reads
  const table = { ...shared, reportAttributions: (ids: readonly string[]) => shared.reportAttributions(ids, { keep: false }), signatures: (ids: readonly string[]) => shared.signatures(ids, { keep: false }) };
  const docs = new Map<string, SourceDocInfo>();
  // the denials are dated and placed once, when the reader is made
  for (const d of (await documents((await table.denials()).map((d) => d.docId))).values()) docs.set(d.id, docInfo(d));
  const reader = await readEventSources(table, docs);
  return {
    async of(event) {
      docs.clear();
      for (const d of (await documents(event.reports.map((r) => r.docId))).values()) docs.set(d.id, docInfo(d));
      return reader.of(event);
    },
  };
}
