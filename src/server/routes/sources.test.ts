// The API's who-says-so: an event's sources, status and per-report attribution; source judgements
// refused without the token, checked, and shown on the event once made.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../app.ts';
import { buildFixture, type Fixture } from '../test-fixture.ts';

const TOKEN = 'Zr8Lq2Wv5Nx9Tb3Kc7Hm1Pd4Gf6Js0Ya-_EuQoIiUw';
let fixture: Fixture;
let app: FastifyInstance;

before(async () => {
  fixture = await buildFixture();
  app = (await buildServer({ store: fixture.store, token: TOKEN, webRoot: null })).app;
});
after(async () => {
  await app?.close();
  fixture?.close();
});

const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, auth = true) => {
  const r = await app.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: auth ? { authorization: `Bearer ${TOKEN}` } : {} });
  return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
};

test('an event carries its sources, status with reasons, and each report its attribution', async () => {
  const id = (await fixture.store.listEvents()).find((e) => e.reports.length)!.id;
  const { status, body } = await call('GET', `/api/events/${id}`);
  assert.equal(status, 200);
  assert.ok(['confirmed', 'corroborated', 'single-source', 'disputed'].includes(body.status.status));
  assert.ok(body.status.reasons.length >= 1);
  assert.equal(body.sources.length, body.status.independent_sources);
  for (const r of body.reports) assert.ok(Array.isArray(r.attribution) && r.attribution.length >= 1);
});

test('a status set by hand needs the token and a reason, and shows on the event', async () => {
  const id = (await fixture.store.listEvents()).find((e) => e.reports.length)!.id;
  const judgement = { kind: 'status', subjects: [id], status: 'disputed', author: 'ana', reason: 'the other side says no meeting took place' };
  assert.equal((await call('POST', '/api/source-judgements', judgement, false)).status, 401);
  assert.equal((await call('POST', '/api/source-judgements', { ...judgement, reason: null })).status, 400);
  assert.equal((await call('POST', '/api/source-judgements', { ...judgement, subjects: ['ev_nothing'] })).status, 404);
  const made = await call('POST', '/api/source-judgements', judgement);
  assert.equal(made.status, 201);
  const { body } = await call('GET', `/api/events/${id}`);
  assert.equal(body.status.status, 'disputed');
  assert.equal(body.status.override.reason, judgement.reason);
  const undone = await call('POST', `/api/source-judgements/${made.body.id}/undo`, { author: 'ana' });
  assert.equal(undone.status, 200);
  assert.equal((await call('GET', `/api/events/${id}`)).body.status.override, null);
  assert.equal((await call('POST', '/api/source-judgements', { kind: 'independent', subjects: ['x', 'x'], author: 'ana' })).status, 400);
});
