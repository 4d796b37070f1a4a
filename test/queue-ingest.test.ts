// Distributed ingest: `parley ingest --queue` reads the inputs and queues their documents in the
// PostgreSQL database; two `parley worker` processes take the jobs. The record they leave is the
// one a single process leaves in SQLite from the same input; queuing the same input again adds
// nothing. Skipped with the reason when no PostgreSQL server answers, except under $CI.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildEventsJson } from '../src/export/events-json.ts';
import { openPostgresStore } from '../src/store/postgres/pg-store.ts';
import { createTestDatabase } from '../src/store/postgres/test-database.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));

function run(args: string[], cwd: string, onOutput?: (out: string) => void): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      onOutput?.(out);
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const probe = await createTestDatabase();
if ('drop' in probe) await probe.drop();

test('ingest --queue and two workers leave the record one SQLite process leaves', { timeout: 600_000, skip: 'skip' in probe ? probe.skip : undefined }, async () => {
  const db = await createTestDatabase();
  if (!('url' in db)) throw new Error(db.skip);
  const dir = mkdtempSync(join(tmpdir(), 'parley-queue-'));
  try {
    const n = 60;
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    // no report states its day, only its page: pages of consecutive days must not chain, whichever
    // worker stores a report first
    mkdirSync(join(dir, 'in'));
    for (let i = 0; i < n; i++) {
      writeFileSync(join(dir, 'in', `a${i}.txt`), `Talks ${i}\n${day(i)}\n\nROME - Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sanchez in Rome to discuss question ${i}.\n`);
      writeFileSync(join(dir, 'in', `b${i}.txt`), `Question ${i}\n${day(i)}\n\nPedro Sanchez held talks with Giorgia Meloni in Rome on question ${i}.\n`);
    }
    const queued = await run(['ingest', '--queue', 'in', '--db', db.url], dir);
    assert.equal(queued.code, 0, queued.out);
    assert.match(queued.out, new RegExp(`queued ${2 * n} documents in \\d+ jobs`));
    const workers = await Promise.all([run(['worker', '--until-idle', '--db', db.url], dir), run(['worker', '--until-idle', '--db', db.url], dir)]);
    for (const w of workers) assert.equal(w.code, 0, w.out);
    const jobs = await run(['jobs', '--json', '--db', db.url], dir);
    assert.equal(jobs.code, 0, jobs.out);
    const state = JSON.parse(jobs.out) as { queued: number; running: number; failed: number; done: number };
    assert.deepEqual([state.queued, state.running, state.failed], [0, 0, 0]);

    // the same input again, followed with --wait while a worker takes it once it is queued: nothing added
    let worker: Promise<unknown> | undefined;
    const again = await run(['ingest', '--queue', '--wait', 'in', '--db', db.url], dir, (out) => {
      if (!worker && /queued \d+ documents/.test(out)) worker = run(['worker', '--until-idle', '--db', db.url], dir);
    });
    await worker;
    assert.equal(again.code, 0, again.out);
    assert.match(again.out, /jobs: 0 queued, 0 running, \d+ done, 0 failed/);
    const one = join(dir, 'one.db');
    const single = await run(['ingest', 'in', '--db', one], dir);
    assert.equal(single.code, 0, single.out);

    const pg = openPostgresStore(db.url);
    const sqlite = openSqliteStore(one);
    try {
      assert.deepEqual(await pg.counts(), await sqlite.counts());
      const exported = async (store: typeof sqlite) =>
        (await buildEventsJson(store)).events.map((e) => [e.date, e.mode, [...e.participants].sort().join(), e.mentions.map((m) => m.doc).sort().join()].join(' ')).sort();
      assert.deepEqual(await exported(pg), await exported(sqlite));
    } finally {
      await pg.close();
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});

test('a worker killed mid-job (kill -9) loses nothing: its job is handed out again once it expires', { timeout: 600_000, skip: 'skip' in probe ? probe.skip : undefined }, async () => {
  const db = await createTestDatabase();
  if (!('url' in db)) throw new Error(db.skip);
  const dir = mkdtempSync(join(tmpdir(), 'parley-queue-kill-'));
  try {
    const n = 75;
    const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
    // no report states its day, only its page
    mkdirSync(join(dir, 'in'));
    for (let i = 0; i < n; i++) {
      writeFileSync(join(dir, 'in', `k${i}.txt`), `Visit ${i}\n${day(i)}\n\nBERLIN - German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin to discuss item ${i}.\n`);
    }
    const queued = await run(['ingest', '--queue', '--job-timeout', '5', 'in', '--db', db.url], dir);
    assert.equal(queued.code, 0, queued.out);
    // a worker is killed as soon as it has taken a job
    const victim = spawn(bin, ['worker', '--db', db.url], { cwd: dir, env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' }, stdio: 'ignore' });
    for (let tries = 0; ; tries++) {
      const jobs = await run(['jobs', '--json', '--db', db.url], dir);
      const state = JSON.parse(jobs.out) as { running: number; done: number };
      if (state.running > 0 || tries > 120) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    victim.kill('SIGKILL');
    await new Promise((r) => victim.on('close', r));
    const survivor = await run(['worker', '--until-idle', '--db', db.url], dir);
    assert.equal(survivor.code, 0, survivor.out);
    const one = join(dir, 'one.db');
    assert.equal((await run(['ingest', 'in', '--db', one], dir)).code, 0);
    const pg = openPostgresStore(db.url);
    const sqlite = openSqliteStore(one);
    try {
      assert.deepEqual(await pg.counts(), await sqlite.counts());
    } finally {
      await pg.close();
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});
