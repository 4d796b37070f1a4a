// What every streamed export shares: a sink that writes when its stream has room (backpressure)
// and fails once the reader is gone, the events in export order read one at a time, and who
// says so for each event with only that event's documents in memory.
//
// Memory: an export holds the actors (actors are far fewer than events), a page of events, and
// for the order one small entry per event (its sort key and id): never the events themselves,
// their documents, or the output.
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

/**
 * A JSON array of `items` as JSON.stringify(..., null, 2) writes it at `depth` levels of nesting:
 * each item is stringified alone and indented, so the whole array is never in memory.
 */
export async function writeJsonArray<T>(sink: ExportSink, items: AsyncIterable<T> | Iterable<T>, depth: number): Promise<void> {
  const pad = '  '.repeat(depth + 1);
  let first = true;
  for await (const item of items) {
    await sink.write(`${first ? '[\n' : ',\n'}${pad}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${pad}`)}`);
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
 * The events of the scope in export order, in two passes: the first reads every event once for
 * its sort key (and hands it to `visit`, e.g. to gather the actors in use), keeping only keys
 * and ids; the second reads each event again, in order, as it is written.
 */
export async function orderEvents<K>(store: Store, scope: ExportScope, order: EventOrder<K>, visit?: (event: StoredEvent) => void): Promise<AsyncIterable<StoredEvent>> {
  const keys: { key: K; id: string }[] = [];
  for await (const event of eventsInScope(store, scope)) {
    keys.push({ key: order.key(event), id: event.id });
    visit?.(event);
  }
  keys.sort(order.compare);
  const breathe = breather();
  return (async function* () {
    for (const { id } of keys) {
      await breathe();
      stopIfAborted(scope);
      const event = await store.getEvent(id);
      // an event re-derived between the passes is gone: its successor was read in the first pass or is new
      if (event && event.reports.length > 0) yield event;
    }
  })();
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
  const table = store.sources();
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
