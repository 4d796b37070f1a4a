// The streamed exports against the in-memory ones they replace, byte for byte, on the sample
// corpus (the pipeline's own output: sources, attributions, month dates) and on hand-built
// events with names that break careless CSV and XML; written through a small stream buffer so
// every block waits for room; and an export whose reader goes away stops reading the store.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { EXPORT_FORMATS } from '../cli/export.ts';
import { buildFixture, type Fixture } from '../server/test-fixture.ts';
import { makeAnalysis, sampleAnalyses } from '../store/fixtures.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store, StoredEvent } from '../store/store.ts';
import { referenceEventsCsv, referenceEventsJson, referenceGexf, referenceGraphml, referenceParticipantsCsv, referencePloverJsonl } from './in-memory-reference.ts';
import { ExportAborted, streamSink, writeJsonArray, stringSink } from './stream.ts';

const REFERENCE: Record<string, (store: Store) => Promise<string>> = {
  'events-json': async (store) => JSON.stringify(await referenceEventsJson(store), null, 2) + '\n',
  csv: referenceEventsCsv,
  'participants-csv': referenceParticipantsCsv,
  plover: referencePloverJsonl,
  gexf: referenceGexf,
  graphml: referenceGraphml,
};

let fixture: Fixture;
let handmade: Store;

before(async () => {
  fixture = await buildFixture();
  handmade = openSqliteStore(':memory:');
  const host = { id: 'ali-<al>', kind: 'person' as const, name: 'Ali <Al> & "Sons"\u0001' };
  const guest = { id: "mary-o'brien", kind: 'person' as const, name: "=Mary O'Brien, Jr." };
  const text = `Talks\n\nAli <Al> & "Sons" received =Mary O'Brien, Jr. in March 2024.\n`;
  await handmade.saveBatch([
    ...sampleAnalyses(),
    makeAnalysis('month-only', text, {
      actors: [host, guest],
      reports: [
        {
          sentence: `Ali <Al> & "Sons" received =Mary O'Brien, Jr. in March 2024.`,
          trigger: 'received',
          mode: 'host',
          participants: [
            { actorId: host.id, words: 'Ali <Al> & "Sons"' },
            { actorId: guest.id, words: "=Mary O'Brien, Jr." },
          ],
          date: { value: '2024-03', words: 'March 2024' },
        },
      ],
    }),
  ]);
});

after(async () => {
  await handmade?.close();
  await fixture?.close();
});

/** An export written into a stream whose buffer holds 1 KB, read slowly: every block waits for 'drain'. */
async function throughSmallBuffer(write: (sink: ReturnType<typeof streamSink>) => Promise<void>): Promise<{ text: string; waits: number }> {
  const chunks: Buffer[] = [];
  let waits = 0;
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  slow.on('drain', () => waits++);
  const sink = streamSink(slow);
  await write(sink);
  await sink.end();
  await new Promise<void>((resolve) => slow.end(resolve));
  return { text: Buffer.concat(chunks).toString('utf8'), waits };
}

for (const format of Object.keys(EXPORT_FORMATS)) {
  test(`${format}: the streamed export is byte for byte the in-memory one, on the sample corpus and on names that need escaping`, async () => {
    for (const store of [fixture.store, handmade]) {
      const expected = await REFERENCE[format](store);
      assert.ok(expected.length > 200, 'the sample gives the format something to write');
      assert.equal(await EXPORT_FORMATS[format].build(store), expected);
      const { text } = await throughSmallBuffer((sink) => EXPORT_FORMATS[format].write(store, sink));
      assert.equal(text, expected);
    }
  });
}

test('events-json: the streamed document is valid JSON with every event, and the events arrive in blocks that wait for room', async () => {
  const { text, waits } = await throughSmallBuffer((sink) => EXPORT_FORMATS['events-json'].write(fixture.store, sink));
  const parsed = JSON.parse(text) as { events: unknown[]; documents: unknown[] };
  assert.equal(parsed.events.length, (await fixture.store.listEvents()).filter((e) => e.reports.length > 0).length);
  assert.equal(parsed.documents.length, (await fixture.store.listDocuments()).length);
  assert.ok(text.length < 64 * 1024 || waits > 0, 'a full stream made the export wait');
});

test('a JSON array streamed item by item is what JSON.stringify writes, empty or not, at any depth', async () => {
  for (const items of [[], [1], [{ a: [1, { b: "x\ny" }], c: {} }, "two", null]] as unknown[][]) {
    for (const depth of [0, 1, 3]) {
      const sink = stringSink();
      await writeJsonArray(sink, items, depth);
      let expected = JSON.stringify(items, null, 2);
      for (let d = 0; d < depth; d++) expected = expected.replace(/\n/g, '\n  ');
      assert.equal(sink.text(), expected);
    }
  }
});

test('a scope of ids exports only those events, in the same order as the whole', async () => {
  const all = JSON.parse(await EXPORT_FORMATS['events-json'].build(fixture.store)) as { events: { id: string }[] };
  const some = all.events.filter((_, i) => i % 2 === 0).map((e) => e.id);
  const scoped = JSON.parse(await EXPORT_FORMATS['events-json'].build(fixture.store, { ids: [...some].reverse() })) as { events: { id: string }[] };
  assert.deepEqual(scoped.events.map((e) => e.id), some);
});

test('a reader that goes away stops the export: it reads no further events', async () => {
  // a store whose events never end: only a stop can end the export
  let reads = 0;
  const [sample] = (await handmade.listEvents()).filter((e) => e.reports.length > 0);
  const endless = Object.create(handmade) as Store;
  endless.iterateEvents = () =>
    (async function* (): AsyncGenerator<StoredEvent> {
      for (;;) {
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
        yield { ...sample, id: `ev_${String(reads).padStart(9, '0')}` };
      }
    })();
  for (const format of ['events-json', 'csv']) {
    const out = new PassThrough();
    const stop = new AbortController();
    const running = EXPORT_FORMATS[format].write(endless, streamSink(out, stop.signal), { signal: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort();
    out.destroy();
    await assert.rejects(running, ExportAborted);
    const stoppedAt = reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(reads, stoppedAt, `${format}: no event read after the stop`);
    assert.ok(stoppedAt > 0);
  }
});

test('a write into a destroyed stream fails at once instead of waiting for room', async () => {
  const out = new PassThrough();
  out.destroy();
  const sink = streamSink(out);
  await sink.write('x');
  await assert.rejects(sink.end(), ExportAborted);
});

test('every format reads each event once (a scope of ids too), and leaves no temporary file behind', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-export-tmp-'));
  const was = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const store = fixture.store;
    const events = (await store.listEvents()).filter((e) => e.reports.length > 0);
    assert.ok(events.length > 3);
    for (const format of Object.keys(EXPORT_FORMATS)) {
      for (const scope of [{}, { ids: events.slice(0, 3).map((e) => e.id) }]) {
        const reads = new Map<string, number>();
        const counted = Object.create(store) as Store;
        const count = (event: StoredEvent | null) => (event && reads.set(event.id, (reads.get(event.id) ?? 0) + 1), event);
        counted.iterateEvents = (options) =>
          (async function* () {
            for await (const event of store.iterateEvents(options)) yield count(event)!;
          })();
        counted.getEvent = async (id) => count(await store.getEvent(id));
        const text = await EXPORT_FORMATS[format].build(counted, scope);
        assert.ok(text.length > 0);
        const expected = 'ids' in scope ? scope.ids!.length : events.length;
        assert.equal(reads.size, expected, `${format}: every event in scope read`);
        assert.deepEqual([...new Set(reads.values())], [1], `${format}: each event read once`);
      }
    }
    assert.deepEqual(readdirSync(tmp), [], 'the spilled rows are removed');
  } finally {
    if (was === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = was;
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('an export stopped by its reader removes its temporary file, while reading events or writing them', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-export-tmp-'));
  const was = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const store = fixture.store;
    const ids = (await store.listEvents()).map((e) => e.id);
    for (const format of ['events-json', 'csv', 'participants-csv', 'plover']) {
      // stopped while the events are read: the reader goes away after the second event
      const stop = new AbortController();
      let n = 0;
      const stopping = Object.create(store) as Store;
      stopping.iterateEvents = (options) =>
        (async function* () {
          for await (const event of store.iterateEvents(options)) {
            if (++n === 2) stop.abort();
            yield event;
          }
        })();
      await assert.rejects(EXPORT_FORMATS[format].write(stopping, stringSink(), { signal: stop.signal }), ExportAborted);
      assert.deepEqual(readdirSync(tmp), [], `${format}: nothing left after a stop while reading`);
      // stopped while the events are written: the first event's text meets a closed stream
      const closed = {
        async write(text: string) {
          if (ids.some((id) => text.includes(id))) throw new ExportAborted();
        },
      };
      await assert.rejects(EXPORT_FORMATS[format].write(store, closed), ExportAborted);
      assert.deepEqual(readdirSync(tmp), [], `${format}: nothing left after a stop while writing`);
    }
  } finally {
    if (was === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = was;
    rmSync(tmp, { recursive: true, force: true });
  }
});
