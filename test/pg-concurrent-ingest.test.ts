// Two `parley ingest` processes into one PostgreSQL database at once, over inputs that overlap
// (the same texts under other file names, and reports of the same meetings from both sides):
// nothing lost, nothing doubled, and the same documents, reports and events as one process
// storing everything into SQLite. Skipped with the reason when no PostgreSQL server answers,
// except under $CI.
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

function run(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const probe = await createTestDatabase();
if ('drop' in probe) await probe.drop();

test(
  'two ingest processes into one PostgreSQL: nothing lost or doubled, the same record as one SQLite process',
  { timeout: 300_000, skip: 'skip' in probe ? probe.skip : undefined },
  async () => {
    const db = await createTestDatabase();
    if (!('url' in db)) throw new Error(db.skip);
    const dir = mkdtempSync(join(tmpdir(), 'parley-pg-concurrent-'));
    try {
      const n = 40;
      // meetings written for this test: each is reported by two outlets, one in each folder
      // one meeting a day, so that no two of them can be taken for one
      const day = (i: number) => new Date(Date.UTC(2024, 2, 1 + i)).toISOString().slice(0, 10);
      // no report states its day: only the pages' days date them, so pages of consecutive days must
      // not chain, whichever process stores a shared text under its own name first
      const paris = (i: number) =>
        `Talks ${i}\n${day(i)}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris to discuss point ${i} of the budget.\n`;
      const parisAgain = (i: number) =>
        `Budget point ${i}\n${day(i)}\n\nGerman Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Paris on budget point ${i}.\n`;
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'b'));
      for (let i = 0; i < n; i++) {
        writeFileSync(join(dir, 'a', `a${i}.txt`), paris(i));
        writeFileSync(join(dir, 'b', `b${i}.txt`), parisAgain(i));
        // the same text in both folders, under other names: stored once
        if (i % 4 === 0) {
          writeFileSync(join(dir, 'a', `shared${i}.txt`), parisAgain(i));
          writeFileSync(join(dir, 'b', `copy${i}.txt`), paris(i));
        }
      }
      const [a, b] = await Promise.all([run(['ingest', 'a', '--db', db.url, '--batch', '5'], dir), run(['ingest', 'b', '--db', db.url, '--batch', '5'], dir)]);
      assert.equal(a.code, 0, a.out);
      assert.equal(b.code, 0, b.out);

      const one = join(dir, 'one.db');
      const single = await run(['ingest', 'a', 'b', '--db', one], dir);
      assert.equal(single.code, 0, single.out);

      const pgStore = openPostgresStore(db.url);
      const sqlite = openSqliteStore(one);
      try {
        const counts = await pgStore.counts();
        assert.equal(counts.documents, 2 * n, 'every text once');
        assert.equal(counts.reports, 2 * n);
        assert.deepEqual(counts, await sqlite.counts());
        assert.equal(counts.events, n, 'one event a meeting: each told by two outlets');
        const shape = async (store: typeof sqlite) =>
          (await store.listEvents()).map((e) => [e.date, e.reports.length]).sort();
        assert.deepEqual(await shape(pgStore), await shape(sqlite));
        // the export names the same events and participants, whichever process stored which text
        const exported = async (store: typeof sqlite) =>
          (await buildEventsJson(store)).events.map((e) => [e.date, e.mode, [...e.participants].sort().join(), e.mentions.length].join(' ')).sort();
        assert.deepEqual(await exported(pgStore), await exported(sqlite));
      } finally {
        await pgStore.close();
        await sqlite.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  },
);
