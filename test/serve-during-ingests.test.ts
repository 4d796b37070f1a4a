// A team on one SQLite file: `parley serve` answering eight API readers while two `parley ingest`
// processes write into the same database. Readers never write (the browse index is kept by the
// writers), and writers begin as writers, so no reader may see "database is locked", a 5xx or an
// inconsistent page, and no ingest may fail a document.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));
const { PARLEY_TOKEN: _token, ...inherited } = process.env;
const env = { ...inherited, PARLEY_DB: '', NO_COLOR: '1', PARLEY_DEBUG_LOG: '1' }; // a 500's stack reaches the failure message

function run(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Starts `parley serve` on a free port of 127.0.0.1 and resolves with its address once it listens. */
function serve(db: string, cwd: string): Promise<{ child: ChildProcess; base: string; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--no-build'], { cwd, env });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], log: () => out });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

test('serve with eight readers while two ingests write one database: every response 200, every document stored', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-serve-ingests-'));
  let server: ChildProcess | undefined;
  try {
    const n = 80;
    const folders = [
      ['seed', 3, (i: number) => `Talks ${i}\n2024-02-0${i + 1}\n\nBERLIN - German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on point ${i}.\n`],
      ['a', n, (i: number) => `Talks ${i}\n2024-03-${String((i % 27) + 1).padStart(2, '0')}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris to discuss point ${i} of the budget.\n`],
      ['b', n, (i: number) => `Talks ${i}\n2024-04-${String((i % 27) + 1).padStart(2, '0')}\n\nROME - Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sanchez in Rome to discuss question ${i}.\n`],
    ] as const;
    for (const [folder, count, text] of folders) {
      mkdirSync(join(dir, folder));
      for (let i = 0; i < count; i++) writeFileSync(join(dir, folder, `${folder}${i}.txt`), text(i));
    }
    const db = join(dir, 'team.db');
    const seeded = await run(['ingest', 'seed', '--db', db], dir);
    assert.equal(seeded.code, 0, seeded.out);
    const started = await serve(db, dir);
    server = started.child;
    const base = started.base;

    let writing = true;
    const failures: string[] = [];
    let answered = 0;
    const paths = ['/api/events', '/api/events?sort=reports&order=desc', '/api/documents', '/api/actors', '/api/status', '/api/network', '/api/timeline', '/api/map'];
    const reader = async (k: number): Promise<void> => {
      while (writing) {
        const path = paths[(k + answered) % paths.length];
        const res = await fetch(base + path);
        const body = await res.text();
        answered++;
        if (res.status === 404 && !path.startsWith('/api/events') && !path.startsWith('/api/documents')) continue; // a route this build lacks
        if (res.status !== 200) failures.push(`${path}: ${res.status} ${body.slice(0, 200)}`);
        else if (/database is locked|SQLITE_BUSY/i.test(body)) failures.push(`${path}: ${body.slice(0, 200)}`);
        if (path === '/api/events') {
          // an event listed is an event that opens
          const first = (JSON.parse(body) as { items?: Array<{ id: string }> }).items?.[0];
          if (first) {
            const page = await fetch(`${base}/api/events/${encodeURIComponent(first.id)}`);
            // an id merged away meanwhile redirects to its successor (fetch follows it)
            if (page.status !== 200) failures.push(`/api/events/${first.id}: ${page.status}`);
            await page.text();
          }
        }
      }
    };
    const ingests = Promise.all([run(['ingest', 'a', '--db', db, '--batch', '10'], dir), run(['ingest', 'b', '--db', db, '--batch', '10'], dir)]);
    const readers = Array.from({ length: 8 }, (_, k) => reader(k));
    const [a, b] = await ingests;
    writing = false;
    await Promise.all(readers);
    assert.equal(a.code, 0, a.out);
    assert.equal(b.code, 0, b.out);
    assert.deepEqual(failures, [], `${failures.length} failed responses of ${answered}; the server said:\n${started.log().slice(-3000)}`);
    assert.ok(answered >= 8, `the readers were answered while the ingests ran (${answered})`);
    // the server sees what the writers stored
    const status = (await (await fetch(`${base}/api/status`)).json()) as { counts: { documents: number } };
    assert.equal(status.counts.documents, 2 * n + 3);
    const store = openSqliteStore(db);
    try {
      assert.equal((await store.counts()).documents, 2 * n + 3);
    } finally {
      await store.close();
    }
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
