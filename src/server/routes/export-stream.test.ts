// /api/export over a real connection: the body arrives in pieces as the store is read (no
// whole-output buffer), and a client that hangs up stops the export: no further event is read.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { makeAnalysis, sampleAnalyses } from '../../store/fixtures.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { Store, StoredEvent } from '../../store/store.ts';
import { buildServer } from '../app.ts';

let store: Store;
let app: FastifyInstance;
let base: string;
let reads = 0;

before(async () => {
  store = openSqliteStore(':memory:');
  // enough documents that events-json writes some blocks before it reaches the events
  const docs = Array.from({ length: 1500 }, (_, i) => makeAnalysis(`filler-${String(i).padStart(4, '0')}`, `Filler article number ${i} with nothing to report.\n`));
  await store.saveBatch([...sampleAnalyses(), ...docs]);
  const [sample] = (await store.listEvents()).filter((e) => e.reports.length > 0);
  // a record whose events never end: only the client going away can end its export
  const endless = Object.create(store) as Store;
  endless.iterateEvents = () =>
    (async function* (): AsyncGenerator<StoredEvent> {
      for (;;) {
        reads++;
        yield { ...sample, id: `ev_${String(reads).padStart(9, '0')}` };
      }
    })();
  app = (await buildServer({ store: endless, token: null, webRoot: null })).app;
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

after(async () => {
  await app?.close();
  await store?.close();
});

test('a client that hangs up mid-export stops it: the store is read no further', async () => {
  // hang up once the first bytes arrive (the documents, before the endless events), or after a while
  const received = await new Promise<number>((resolve, reject) => {
    let bytes = 0;
    const req = request(`${base}/api/export?format=events-json`, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/json/);
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        req.destroy();
        resolve(bytes);
      });
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
    setTimeout(() => {
      req.destroy();
      resolve(bytes);
    }, 3000);
  });
  assert.ok(received > 0, 'the body streamed before the export was done');
  // the server notices the hang-up, and the export stops within a breath
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stoppedAt = reads;
  assert.ok(stoppedAt > 0);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(reads, stoppedAt, 'no event read after the client went away');
});

test('a whole export over HTTP is the same as the CLI writes', async () => {
  const real = await buildServer({ store, token: null, webRoot: null });
  try {
    const res = await real.app.inject({ method: 'GET', url: '/api/export?format=csv' });
    assert.equal(res.statusCode, 200);
    const { EXPORT_FORMATS } = await import('../../cli/export.ts');
    assert.equal(res.body, await EXPORT_FORMATS.csv.build(store));
  } finally {
    await real.app.close();
  }
});
