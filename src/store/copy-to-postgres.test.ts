// A SQLite record with a judgement, copied to PostgreSQL: the same documents, events and
// judgements read back, and a second copy into the same database is refused. Skipped with the
// reason when no PostgreSQL server answers, except under $CI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ParleyError } from '../core/errors.ts';
import pg from 'pg';
import { copyToPostgres, evidenceText } from './copy-to-postgres.ts';
import { makeAnalysis, PUTIN, sampleAnalyses, XI } from './fixtures.ts';
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

// Spans count UTF-16 units; an astral character (two units, one code point) before a sentence
// shifts a cut made by code points.
const ASTRAL = 'Leaders meet \u{1F91D} \u{1D400}\n\nXi Jinping met Vladimir Putin to discuss wheat exports.\n';

test('copy: evidence after an astral character is cut by UTF-16 offsets', () => {
  const analysis = makeAnalysis('astral', ASTRAL, { reports: [{ sentence: 'Xi Jinping met Vladimir Putin to discuss wheat exports.', trigger: 'met', participants: [] }] });
  const span = analysis.reports[0].evidence[0];
  assert.equal(evidenceText(ASTRAL, JSON.stringify([span])), 'Xi Jinping met Vladimir Putin to discuss wheat exports.');
});

test('copy: a report after an emoji is found by its last word on PostgreSQL', { skip: 'skip' in probe ? probe.skip : undefined }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-copy-'));
  const db = await createTestDatabase();
  if (!('url' in db)) throw new Error(db.skip);
  try {
    const file = join(dir, 'astral.db');
    const sqlite = openSqliteStore(file);
    await sqlite.saveBatch([
      makeAnalysis('astral', ASTRAL, {
        actors: [XI, PUTIN].map((a) => ({ ...a, aliases: [...a.aliases] })),
        reports: [{ sentence: 'Xi Jinping met Vladimir Putin to discuss wheat exports.', trigger: 'met', participants: [{ actorId: XI.id, words: 'Xi Jinping' }, { actorId: PUTIN.id, words: 'Vladimir Putin' }] }],
      }),
    ]);
    await sqlite.close();
    await copyToPostgres(file, db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ evidence_text: string }>('SELECT evidence_text FROM event_reports');
      assert.deepEqual(rows.map((r) => r.evidence_text), ['Xi Jinping met Vladimir Putin to discuss wheat exports.']);
    } finally {
      await client.end();
    }
    const store = openPostgresStore(db.url);
    try {
      const page = await store.browse().listEvents({ q: 'exports' }, 'date', 'asc', { limit: 5, offset: 0 });
      assert.equal(page.total, 1, 'the last word of the sentence is searchable');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});
