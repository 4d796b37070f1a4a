// The event list's filters by who says so, wire source, language and country through the API
// (Fastify inject over a store of hand-built analyses: what the filters do, not what extraction finds).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { BIDEN, makeAnalysis, MOSCOW, PUTIN, RUSSIA, XI } from '../../store/fixtures.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { Store } from '../../store/store.ts';
import { buildServer } from '../app.ts';

const TOKEN = 'kq3V9xW2pL7mT4sY8bN1cR6dF0gH5jZaQeUuIo-_Pw';
let store: Store;
let app: FastifyInstance;

before(async () => {
  store = openSqliteStore(':memory:');
  const people = [XI, BIDEN, PUTIN].map((a) => ({ ...a, aliases: [...a.aliases] }));
  // an outlet relaying a wire agency's dateline (words written for this test)
  const wired = makeAnalysis('w1', 'GENEVA (AFP) - Xi met Biden on Monday.\n', {
    actors: people,
    reports: [{ sentence: 'GENEVA (AFP) - Xi met Biden on Monday.', trigger: 'met', participants: [{ actorId: XI.id, words: 'Xi' }, { actorId: BIDEN.id, words: 'Biden' }], date: { value: '2024-02-05' } }],
  });
  wired.document = { ...wired.document, meta: { outlet: 'Daily Example' } };
  wired.sources = {
    attributions: [{ start: 8, end: 11, kind: 'wire', sourceId: 'agency-afp', name: 'AFP', scope: 'document' }],
    reports: { [wired.reports[0].id]: [{ kind: 'wire', sourceId: 'agency-afp', name: 'AFP', span: { start: 8, end: 11 } }] },
    denials: [],
    signature: [],
  };
  // a Spanish report of a meeting in Moscow, in Russia
  const spanish = makeAnalysis('s1', 'Xi se reunió con Putin en Moscú.\n', {
    actors: [...people, { ...MOSCOW, aliases: ['Moscú'] }, { ...RUSSIA, aliases: ['Rusia'] }],
    reports: [{ sentence: 'Xi se reunió con Putin en Moscú.', trigger: 'se reunió', participants: [{ actorId: XI.id, words: 'Xi' }, { actorId: PUTIN.id, words: 'Putin' }], date: { value: '2023-03-20' }, place: { actorId: MOSCOW.id, words: 'Moscú' } }],
  });
  spanish.text = { ...spanish.text, language: 'es' };
  spanish.actors = spanish.actors.map((a) => (a.id === MOSCOW.id ? { ...a, within: [RUSSIA.id] } : a));
  await store.saveBatch([wired, spanish]);
  app = (await buildServer({ store, token: TOKEN, webRoot: null })).app;
});

after(async () => {
  await app?.close();
  await store?.close();
});

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

const dates = async (query: string) => {
  const response = await get(`/api/events?${query}`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.items.map((e: { date: string }) => e.date);
};

test('facets name the values to filter by, with their counts', async () => {
  const { status, body } = await get('/api/facets');
  assert.equal(status, 200);
  assert.deepEqual(body.sources, [{ id: 'agency-afp', name: 'AFP', events: 1 }]);
  assert.deepEqual(body.languages.map((l: { id: string }) => l.id), ['en', 'es']);
  assert.deepEqual(body.countries.map((c: { id: string; name: string }) => [c.id, c.name]), [[RUSSIA.id, 'Russia']]);
  assert.deepEqual(body.statuses.map((s: { id: string; events: number }) => [s.id, s.events]), [['confirmed', 0], ['corroborated', 0], ['single-source', 2], ['disputed', 0]]);
});

test('source, outlet, language, country and status each narrow the list', async () => {
  assert.deepEqual(await dates('source=agency-afp'), ['2024-02-05']);
  assert.deepEqual(await dates('outlet=Daily%20Example'), ['2024-02-05']);
  assert.deepEqual(await dates('source=Daily%20Example'), [], 'the outlet is not the source');
  assert.deepEqual(await dates('language=es'), ['2023-03-20']);
  assert.deepEqual(await dates(`country=${RUSSIA.id}`), ['2023-03-20']);
  assert.deepEqual(await dates('status=single-source&order=asc'), ['2023-03-20', '2024-02-05']);
  assert.deepEqual(await dates('status=disputed'), []);
  assert.deepEqual(await dates('language=en&country=' + RUSSIA.id), [], 'filters combine');
});

test('each listed event carries its status, independent sources and wire sources; documents their source apart from the outlet', async () => {
  const { body } = await get('/api/events?source=agency-afp');
  assert.deepEqual(
    body.items.map((e: { status: string; independentSources: number; sources: unknown; outlets: string[] }) => [e.status, e.independentSources, e.sources, e.outlets]),
    [['single-source', 1, [{ id: 'agency-afp', name: 'AFP' }], ['Daily Example']]],
  );
  const docs = await get('/api/documents?outlet=Daily%20Example');
  assert.deepEqual(docs.body.items.map((d: { id: string; outlet: string; source: string }) => [d.id, d.outlet, d.source]), [['w1', 'Daily Example', 'agency-afp']]);
});

test('bad filter values are 400 with the parameter named', async () => {
  for (const [query, name] of [
    ['status=rumoured', 'status'],
    ['language=EN%3B', 'language'],
    ['from=2023-02-31', 'from'],
    ['to=2024-13', 'to'],
  ]) {
    const response = await get(`/api/events?${query}`);
    assert.equal(response.status, 400, query);
    assert.match(response.body.error.message, new RegExp(name), query);
  }
});
