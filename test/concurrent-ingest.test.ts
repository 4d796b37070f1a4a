// Several processes on one SQLite file, as a team would run them: two `parley ingest` into one new
// database at once, with `parley events` reading in between. Before write transactions began as
// writers (BEGIN IMMEDIATE) and schema set-up was serialized, most batches of one of them failed
// at once with "database is locked".
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
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

test('two ingests and a reader on one new database: nothing lost, nothing doubled, no failure', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-concurrent-'));
  try {
    const n = 120;
    for (const [folder, text] of [
      ['a', (i: number) => `Talks ${i}\n2024-03-${String((i % 27) + 1).padStart(2, '0')}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris to discuss point ${i} of the budget.\n`],
      ['b', (i: number) => `Talks ${i}\n2024-04-${String((i % 27) + 1).padStart(2, '0')}\n\nROME - Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sanchez in Rome to discuss question ${i}.\n`],
    ] as const) {
      mkdirSync(join(dir, folder));
      for (let i = 0; i < n; i++) writeFileSync(join(dir, folder, `${folder}${i}.txt`), text(i));
    }
    const db = join(dir, 'team.db');
    const ingests = [run(['ingest', 'a', '--db', db, '--batch', '10'], dir), run(['ingest', 'b', '--db', db, '--batch', '10'], dir)];
    await new Promise((r) => setTimeout(r, 1500));
    const reader = await run(['events', '--db', db], dir);
    const [a, b] = await Promise.all(ingests);
    assert.equal(a.code, 0, a.out);
    assert.equal(b.code, 0, b.out);
    assert.ok(reader.code === 0 || /no database|not found/i.test(reader.out), reader.out);
    const store = openSqliteStore(db);
    try {
      assert.equal((await store.counts()).documents, 2 * n);
      assert.equal((await store.counts()).reports, 2 * n);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
