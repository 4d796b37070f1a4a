// /api/jobs on a real PostgreSQL queue: each state counted, failures with their reasons, a
// database where nothing was ever queued, the read guard (--private), and no route on SQLite.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { INGEST_QUEUE, openJobsView, openQueue, type JobsView } from '../../queue/ingest-queue.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { createTestDatabase, type TestDatabase } from '../../store/postgres/test-database.ts';
import { buildServer } from '../app.ts';

const TOKEN = 'kq3V9xW2pL7mT4sY8bN1cR6dF0gH5jZaQeUuIo-_Pw';
const made = await createTestDatabase();
const skip = 'skip' in made ? made.skip : false;

describe('/api/jobs', { skip }, () => {
  let db: TestDatabase;
  let boss: PgBoss;
  let view: JobsView;
  const store = openSqliteStore(':memory:');
  const apps: FastifyInstance[] = [];
  const serve = async (privateReads = false) => {
    const { app } = await buildServer({ store, webRoot: null, jobs: view, token: TOKEN, privateReads });
    apps.push(app);
    return app;
  };
  const get = async (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) };
  };

  before(async () => {
    db = made as TestDatabase;
    view = openJobsView(db.url);
  });
  after(async () => {
    for (const app of apps) await app.close();
    await store.close();
    await view?.close();
    await boss?.stop({ graceful: false, wait: true });
    await db?.drop();
  });

  it('shows nothing, not an error, where nothing was ever queued', async () => {
    const { status, body } = await get(await serve(), '/api/jobs');
    assert.equal(status, 200);
    assert.deepEqual(body, { queued: 0, running: 0, done: 0, failed: 0, deadLetter: 0, failedJobs: [] });
  });

  it('counts queued, running, done and failed jobs, with the reason of each failure', async () => {
    boss = await openQueue(db.url, { retryLimit: 0 });
    const job = { documents: [{ id: 'x' }], command: 'test' };
    for (let i = 0; i < 4; i++) await boss.send(INGEST_QUEUE, job);
    const [failing] = await boss.fetch(INGEST_QUEUE);
    await boss.fail(INGEST_QUEUE, failing.id, new Error('the database <refused> it'));
    const [finishing] = await boss.fetch(INGEST_QUEUE);
    await boss.complete(INGEST_QUEUE, finishing.id);
    await boss.fetch(INGEST_QUEUE); // taken, not finished: running

    const app = await serve();
    const { status, headers, body } = await get(app, '/api/jobs');
    assert.equal(status, 200);
    assert.equal(headers['cache-control'], 'no-store');
    assert.deepEqual({ ...body, failedJobs: undefined }, { queued: 1, running: 1, done: 1, failed: 1, deadLetter: 1, failedJobs: undefined });
    assert.equal(body.failedJobs.length, 1);
    assert.equal(body.failedJobs[0].id, failing.id);
    assert.equal(body.failedJobs[0].documents, 1);
    assert.match(body.failedJobs[0].reason, /the database <refused> it/);
    assert.equal((await get(app, '/api/jobs?failed=0')).body.failedJobs.length, 0);
    assert.equal((await get(app, '/api/jobs?failed=101')).status, 400);
  });

  it('is a read like any other: under --private it needs the token', async () => {
    const app = await serve(true);
    assert.equal((await get(app, '/api/jobs')).status, 401);
    assert.equal((await get(app, '/api/jobs', { authorization: `Bearer ${TOKEN}` })).status, 200);
  });

  it('does not exist on a server without a queue (SQLite)', async () => {
    const { app } = await buildServer({ store, webRoot: null });
    apps.push(app);
    assert.equal((await get(app, '/api/jobs')).status, 404);
  });
});
