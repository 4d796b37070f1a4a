// A 5 MB article in an event: the event API sends windows around the evidence (well under
// 200 KB), and the rest of the text a part at a time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { Store } from '../../store/store.ts';
import { buildServer } from '../app.ts';
import { LONG_ARTICLE_ID, LONG_SENTENCE, longArticleAnalysis } from '../long-article-fixture.ts';

let store: Store;
let app: FastifyInstance;
before(async () => {
  store = openSqliteStore(':memory:');
  await store.saveBatch([longArticleAnalysis()]);
  app = (await buildServer({ store, webRoot: null })).app;
});
after(async () => {
  await app?.close();
  store?.close();
});

test('the event with a 5 MB article answers in under 200 KB, with the evidence in a window', async () => {
  const event = (await store.listEvents())[0];
  const response = await app.inject({ method: 'GET', url: `/api/events/${event.id}` });
  assert.equal(response.statusCode, 200);
  assert.ok(response.body.length < 200_000, `${response.body.length} bytes`);
  const body = JSON.parse(response.body);
  const doc = body.documents[LONG_ARTICLE_ID];
  assert.ok(doc.length > 4_900_000);
  assert.equal(doc.text, undefined, 'the whole text is not sent');
  const trigger = body.reports[0].trigger;
  const holding = doc.windows.find((w: { start: number; end: number }) => w.start <= trigger.start && w.end >= trigger.end);
  assert.ok(holding, 'a window holds the trigger');
  assert.ok(holding.text.includes(LONG_SENTENCE));
  assert.deepEqual(body.reports[0].quotes, [LONG_SENTENCE]);
});

test('the rest of the text comes a part at a time, with its offsets', async () => {
  const full = (await store.getDocument(LONG_ARTICLE_ID))!.text;
  const part = JSON.parse((await app.inject({ method: 'GET', url: `/api/documents/${LONG_ARTICLE_ID}/text?start=1000&end=21000` })).body);
  assert.deepEqual(part, { id: LONG_ARTICLE_ID, length: full.length, start: 1000, end: 21000, text: full.slice(1000, 21000) });
  const tooMuch = await app.inject({ method: 'GET', url: `/api/documents/${LONG_ARTICLE_ID}/text?start=0&end=4000000` });
  assert.equal(tooMuch.statusCode, 400);
  assert.match(JSON.parse(tooMuch.body).error.message, /at most 200000 characters/);
  const backwards = await app.inject({ method: 'GET', url: `/api/documents/${LONG_ARTICLE_ID}/text?start=50&end=10` });
  assert.equal(backwards.statusCode, 400);
});

test('documents with ids of up to 300 characters can be opened', async () => {
  const id = 'x'.repeat(150);
  const analysis = longArticleAnalysis(2000);
  await store.saveBatch([{ ...analysis, document: { ...analysis.document, id, hash: 'h'.repeat(64) } }]);
  const r = await app.inject({ method: 'GET', url: `/api/documents/${id}` });
  assert.equal(r.statusCode, 200, r.body.slice(0, 200));
});
