// A SQLite record with a judgement, copied to PostgreSQL: the same documents, events and
// judgements read back, and a second copy into the same database is refused. Skipped with the
// reason when no PostgreSQL server answers, except under $CI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ParleyError } from '../core/errors.ts';
import { copyToPostgres } from './copy-to-postgres.ts';
import { sampleAnalyses } from './fixtures.ts';
import { openPostgresStore } from './postgres/pg-store.ts';
import { createTestDatabase } from './postgres/test-database.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';

const probe = await createTestDatabase();
if ('drop' in probe) await probe.drop();

test('copy: a SQLite record with its judgements reads the same from PostgreSQL', { skip: 'skip' in probe ? probe.skip : undefined }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-copy-'));
  const db = await createTestDatabase();
  if (!('url' in db)) throw new Error(db.skip);
  try {
    const file = join(dir, 'one.db');
    const sqlite = openSqliteStore(file);
    await sqlite.saveBatch(sampleAnalyses());
    const merged = (await sqlite.listEvents()).find((e) => e.reports.length === 2)!;
    await sqlite.addJudgement({ kind: 'event-split', subjects: [merged.id, merged.reports[1].id], author: 'ana', reason: 'two meetings' });
    const events = await sqlite.listEvents();
    const judgements = await sqlite.listJudgements();
    await sqlite.close();

    const { from, to } = await copyToPostgres(file, db.url);
    assert.deepEqual(to, from);
    assert.equal(to.events, 3, 'the split is applied there too');
    const pg = openPostgresStore(db.url);
    try {
      assert.deepEqual(
        (await pg.listEvents()).map((e) => e.reports.map((r) => r.id)).sort(),
        events.map((e) => e.reports.map((r) => r.id)).sort(),
      );
      assert.deepEqual(await pg.listJudgements(), judgements);
      const page = await pg.browse().listEvents({ q: 'Kremlin' }, 'date', 'asc', { limit: 5, offset: 0 });
      assert.equal(page.total, 1, 'the copied evidence is searchable');
      // new judgements number on after the copied ones
      const undo = await pg.undoJudgement(judgements[0].id, 'ben');
      assert.equal(undo.active, false);
      assert.equal((await pg.listEvents()).length, 2);
    } finally {
      await pg.close();
    }
    await assert.rejects(() => copyToPostgres(file, db.url), (e: unknown) => e instanceof ParleyError && /already holds/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});
