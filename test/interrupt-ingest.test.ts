// Ctrl-C during `parley ingest`: what was read is stored, the run is recorded as interrupted, the
// exit code is 130, and the same command run again stores the rest.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));

function storedDocuments(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not set up yet
  }
}

test('Ctrl-C stores what was read, records the run as interrupted, exits 130; a re-run stores the rest', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-interrupt-'));
  try {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const n = 600;
    for (let i = 0; i < n; i++) {
      writeFileSync(join(corpus, `d${String(i).padStart(4, '0')}.txt`), `Talks ${i}\n2024-05-${String((i % 27) + 1).padStart(2, '0')}\n\nROME - Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sanchez in Rome on matter ${i}.\n`);
    }
    const db = join(dir, 'parley.db');
    const child = spawn(bin, ['ingest', corpus, '--db', db, '--batch', '10'], { cwd: dir, env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // interrupt once the first batches are stored
    const deadline = Date.now() + 120_000;
    while (storedDocuments(db) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 130, `${out}\n${err}`);
    assert.match(err, /interrupted: (\d+) documents stored/);
    const said = Number(/interrupted: (\d+) documents stored/.exec(err)![1]);
    const stored = storedDocuments(db);
    assert.equal(stored, said, 'the count said is the count stored');
    assert.ok(stored > 0 && stored < n, `stored ${stored}`);
    const conn = new Database(db, { readonly: true });
    const run = conn.prepare('SELECT finished_at, stats FROM runs ORDER BY id DESC LIMIT 1').get() as { finished_at: string | null; stats: string };
    conn.close();
    assert.ok(run.finished_at, 'the run is finished, not left open');
    assert.equal(JSON.parse(run.stats).interrupted, true);

    const again = spawn(bin, ['ingest', corpus, '--db', db, '--batch', '200'], { cwd: dir, env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
    const code2 = await new Promise<number | null>((resolve) => again.on('close', (c) => resolve(c)));
    assert.equal(code2, 0);
    assert.equal(storedDocuments(db), n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
