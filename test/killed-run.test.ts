// A run killed with SIGKILL cannot record its end: `parley runs` shows it as interrupted (without
// writing), and the next run records it so. Two processes opening one new database at once both
// get a working database.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parley-killed-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, PARLEY_DB: '', NO_COLOR: '1' };

function runsIn(db: string): Array<{ id: number; finished_at: string | null; stats: string | null }> {
  if (!existsSync(db)) return [];
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT id, finished_at, stats FROM runs ORDER BY id').all() as Array<{ id: number; finished_at: string | null; stats: string | null }>;
    } finally {
      conn.close();
    }
  } catch {
    return []; // not set up yet
  }
}

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

test('an unfinished run whose process is gone is shown as interrupted, and marked so by the next run; a live one is left running', async () => {
  const file = join(dir, 'store.db');
  const store = openSqliteStore(file);
  await store.close();
  const conn = new Database(file);
  const add = conn.prepare("INSERT INTO runs (command, args, started_at, stats) VALUES ('ingest', '[]', '2026-01-01T00:00:00Z', ?)");
  const dead = Number(add.run(JSON.stringify({ pid: deadPid(), host: hostname() })).lastInsertRowid);
  const live = Number(add.run(JSON.stringify({ pid: process.ppid, host: hostname() })).lastInsertRowid);
  const elsewhere = Number(add.run(JSON.stringify({ pid: deadPid(), host: `not-${hostname()}` })).lastInsertRowid);
  conn.close();
  const reopened = openSqliteStore(file);
  try {
    const state = async () => Object.fromEntries((await reopened.listRuns()).map((r) => [r.id, r.state]));
    assert.deepEqual(await state(), { [dead]: 'interrupted', [live]: 'running', [elsewhere]: 'unfinished' });
    assert.equal(runsIn(file).find((r) => r.id === dead)!.finished_at, null, 'listing runs writes nothing');
    const next = await reopened.beginRun('ingest', []);
    const rows = runsIn(file);
    const marked = rows.find((r) => r.id === dead)!;
    assert.ok(marked.finished_at, 'the next run records the dead run as ended');
    assert.equal(JSON.parse(marked.stats!).interrupted, true);
    assert.equal(rows.find((r) => r.id === live)!.finished_at, null);
    assert.equal(rows.find((r) => r.id === elsewhere)!.finished_at, null);
    assert.equal(JSON.parse(rows.find((r) => r.id === next)!.stats!).pid, process.pid, 'a run records who runs it');
    assert.equal((await state())[next], 'running');
    await reopened.finishRun(next, { ingested: 0 }, []);
    assert.equal((await state())[next], 'finished');
  } finally {
    await reopened.close();
  }
});

test('parley ingest killed with SIGKILL: `runs` says interrupted, the next ingest records it', { timeout: 240_000 }, async () => {
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 400; i++) {
    writeFileSync(join(corpus, `d${String(i).padStart(4, '0')}.txt`), `Talks ${i}\n2024-05-${String((i % 27) + 1).padStart(2, '0')}\n\nROME - Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sanchez in Rome on matter ${i}.\n`);
  }
  const db = join(dir, 'killed.db');
  const child = spawn(bin, ['ingest', corpus, '--db', db, '--batch', '10'], { cwd: dir, env });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const deadline = Date.now() + 120_000;
  while (runsIn(db).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await exited;
  assert.equal(runsIn(db).length, 1);
  assert.equal(runsIn(db)[0].finished_at, null, 'a killed run records nothing');
  const listed = spawnSync(bin, ['runs', '--db', db], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /interrupted \(killed\)/);
  assert.equal(runsIn(db)[0].finished_at, null, '`parley runs` writes nothing');
  const again = spawnSync(bin, ['ingest', corpus, '--db', db, '--batch', '50'], { cwd: dir, env, encoding: 'utf8', timeout: 180_000 });
  assert.equal(again.status, 0, again.stderr);
  const [killed, rerun] = runsIn(db);
  assert.ok(killed.finished_at);
  assert.equal(JSON.parse(killed.stats!).killed, true);
  assert.ok(rerun.finished_at);
  const json = JSON.parse(spawnSync(bin, ['runs', '--db', db, '--json'], { cwd: dir, env, encoding: 'utf8' }).stdout);
  assert.deepEqual(json.map((r: { state: string }) => r.state), ['finished', 'interrupted']);
});

test('several processes opening one new database at once all get a working database', async () => {
  const file = join(dir, 'new-at-once.db');
  const script = `import { openSqliteStore } from ${JSON.stringify(new URL('../src/store/sqlite/sqlite-store.ts', import.meta.url).href)};
const s = openSqliteStore(${JSON.stringify(file)}); await s.beginRun('open', []); console.log(JSON.stringify(await s.counts())); await s.close();`;
  const runs = Array.from({ length: 4 }, () => {
    const child = spawn(process.execPath, ['--import', fileURLToPath(new URL('../src/runtime/register.mjs', import.meta.url)), '--input-type=module', '-e', script], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  });
  for (const r of await Promise.all(runs)) {
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { documents: 0, actors: 0, reports: 0, events: 0 });
  }
  assert.equal(runsIn(file).length, 4);
});
