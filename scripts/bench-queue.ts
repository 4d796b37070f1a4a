// Distributed ingest against one process, on the same generated articles: `parley ingest` into
// SQLite, then `parley ingest --queue` into a new PostgreSQL database with two `parley worker`
// processes. Prints both throughputs (from the start of reading to the last document stored)
// and checks that both record the same documents, reports and events.
// With --kills K, a worker is killed (SIGKILL, no chance to clean up) K times at random moments
// and a new one started in its place: its job must be handed out again and the counts stay equal
// (--job-timeout is then set low, so a dead worker's job comes back within a minute). The kills
// fall at random fractions of the stored documents, so they spread over the whole run.
//
//   node --import ./src/runtime/register.mjs scripts/bench-queue.ts --n 1000 [--workers 2] [--kills 5]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'pg';
import { buildEventsJson } from '../src/export/events-json.ts';
import { openPostgresStore } from '../src/store/postgres/pg-store.ts';
import { createTestDatabase } from '../src/store/postgres/test-database.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { article as generate, seedArticles } from './article-generator.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' }, workers: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' }, kills: { type: 'string', default: '0' } } });
const kills = Number(values.kills);
const n = Number(values.n);
const workers = Number(values.workers);
const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));

/** Runs parley; `done` settles when it exits (a kill by this script counts as done). */
function start(args: string[]): { child: ChildProcess; done: Promise<void> } {
  const child = spawn(bin, args, { env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<void>((resolve, reject) => {
    child.on('close', (code, signal) =>
      code === 0 || signal === 'SIGKILL' ? resolve() : reject(new Error(`parley ${args.join(' ')}: exit ${code ?? signal}\n${err}`)),
    );
  });
  return { child, done };
}

const run = (args: string[]) => start(args).done;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

seedArticles(Number(values.seed));
const root = mkdtempSync(join(tmpdir(), 'parley-bench-queue-'));
const corpus = join(root, 'corpus');
mkdirSync(corpus);
for (let i = 0; i < n; i++) writeFileSync(join(corpus, `article-${String(i).padStart(6, '0')}.txt`), generate({ retell: 0.7 }));
const db = await createTestDatabase('parley_bench');
if (!('url' in db)) throw new Error(db.skip);
try {
  const sqliteFile = join(root, 'one.db');
  let t = performance.now();
  await run(['ingest', corpus, '--db', sqliteFile]);
  const oneSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  await run(['ingest', '--queue', corpus, '--db', db.url, ...(kills ? ['--job-timeout', '30'] : [])]);
  const running = Array.from({ length: workers }, () => start(['worker', '--until-idle', '--db', db.url]));
  const killedAt: string[] = [];
  if (kills) {
    // random moments spread over the whole run: each kill waits until the stored documents pass
    // a random fraction of the input (a worker is then most likely inside a job)
    const at = Array.from({ length: kills }, () => 0.05 + Math.random() * 0.9).sort((a, b) => a - b);
    const watcher = new postgres.Client({ connectionString: db.url });
    await watcher.connect();
    try {
      for (const fraction of at) {
        for (;;) {
          // the first worker creates the tables
          const stored = await watcher.query<{ n: string }>('SELECT count(*) AS n FROM documents').then((r) => Number(r.rows[0].n), () => 0);
          if (stored >= fraction * n) break;
          if (running.every((w) => w.child.exitCode !== null || w.child.signalCode !== null)) break;
          await sleep(500 + Math.random() * 1000);
        }
        const live = running.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
        if (!live.length) break;
        const victim = live[Math.floor(Math.random() * live.length)];
        victim.child.kill('SIGKILL');
        killedAt.push(`${((performance.now() - t) / 1000).toFixed(1)} s (${Math.round(fraction * 100)}%)`);
        running.push(start(['worker', '--until-idle', '--db', db.url]));
      }
    } finally {
      await watcher.end();
    }
  }
  await Promise.all(running.map((w) => w.done));
  const queueSeconds = (performance.now() - t) / 1000;

  const sqlite = openSqliteStore(sqliteFile);
  const pg = openPostgresStore(db.url);
  const one = await sqlite.counts();
  const queued = await pg.counts();
  const shape = async (store: typeof sqlite) =>
    JSON.stringify((await buildEventsJson(store)).events.map((e) => [e.date, e.mode, [...e.participants].sort(), e.mentions.map((m) => m.doc).sort()]).sort());
  const same = (await shape(sqlite)) === (await shape(pg));
  await sqlite.close();
  await pg.close();
  console.log(`${n} articles`);
  console.log(`  one process, SQLite:              ${oneSeconds.toFixed(1)} s, ${(n / oneSeconds).toFixed(1)} articles/s -> ${JSON.stringify(one)}`);
  console.log(`  --queue + ${workers} workers, PostgreSQL: ${queueSeconds.toFixed(1)} s, ${(n / queueSeconds).toFixed(1)} articles/s -> ${JSON.stringify(queued)}`);
  if (kills) console.log(`  workers killed (SIGKILL) at ${killedAt.join(', ')} of the queued run`);
  console.log(`  same documents, reports and events: ${same && JSON.stringify(one) === JSON.stringify(queued) ? 'yes' : 'NO'}`);
} finally {
  await db.drop();
  rmSync(root, { recursive: true, force: true });
}
