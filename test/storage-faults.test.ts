// A disk that fills up during an ingest: the run stops with a clear storage error (exit 74), what
// was stored before stays intact, and the same command run again once there is room stores the
// rest. SQLite's max_page_count makes the full disk: it fails writes with SQLITE_FULL exactly as a
// full file system does.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { exitCodeFor, ParleyError } from '../src/core/errors.ts';
import { createPipeline, openSqliteStore, runIngest } from '../src/index.ts';

test('a full disk stops the ingest with a storage error; what was stored stays; a re-run stores the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-full-'));
  try {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const n = 120;
    for (let i = 0; i < n; i++) {
      writeFileSync(
        join(corpus, `d${String(i).padStart(3, '0')}.txt`),
        `Talks ${i}\n2024-03-${String((i % 27) + 1).padStart(2, '0')}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on point ${i}. ${'They discussed the budget at length. '.repeat(40)}\n`,
      );
    }
    const file = join(dir, 'full.db');
    await openSqliteStore(file).close();
    const probe = new Database(file);
    const pages = probe.pragma('page_count', { simple: true }) as number;
    probe.close();
    const pipeline = createPipeline();
    const full = openSqliteStore(file, { pragmas: [`max_page_count = ${pages + 40}`] });
    let error: unknown = null;
    try {
      await runIngest({ paths: [corpus], store: full, pipeline, batchSize: 10 });
    } catch (e) {
      error = e;
    }
    await full.close();
    assert.ok(error instanceof ParleyError, `expected a ParleyError, got ${String(error)}`);
    assert.equal(error.code, 'storage');
    assert.equal(exitCodeFor(error), 74);
    assert.match(error.message, /disk is full/);
    const storedBefore = Number(/(\d+) documents were stored before it/.exec(error.message)?.[1]);
    assert.ok(storedBefore > 0 && storedBefore < n, error.message);

    const roomy = openSqliteStore(file);
    try {
      assert.equal((await roomy.counts()).documents, storedBefore, 'what was stored before the disk filled must stay, and nothing half-written');
      const again = await runIngest({ paths: [corpus], store: roomy, pipeline, batchSize: 10 });
      assert.equal(again.ingested, n - storedBefore);
      assert.equal(again.duplicates.length, storedBefore);
      assert.equal((await roomy.counts()).documents, n);
      assert.equal((await roomy.counts()).reports, n);
    } finally {
      await roomy.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
