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
import type { DocumentAnalysis } from '../core/types.ts';
import { makeAnalysis, PUTIN, RUSSIA, sampleAnalyses, XI } from './fixtures.ts';
import type { Store } from './store.ts';
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

test('copy: who says so (attributions, report attributions, denials and corrections, signatures, source judgements), local actors and redirects are copied and counted', { skip: 'skip' in probe ? probe.skip : undefined }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-copy-'));
  const db = await createTestDatabase();
  if (!('url' in db)) throw new Error(db.skip);
  try {
    const file = join(dir, 'sources.db');
    const sqlite = openSqliteStore(file);
    const [a, b, ...rest] = sampleAnalyses();
    const report = a.reports[0];
    const withSources: DocumentAnalysis = {
      ...a,
      sources: {
        attributions: [{ start: 0, end: 5, kind: 'wire', sourceId: 'reuters', name: 'Reuters', scope: 'document', joint: true, country: RUSSIA.id }],
        reports: { [report.id]: [{ kind: 'official', sourceId: null, name: 'the Kremlin', span: { start: 6, end: 10 }, side: PUTIN.id }, { kind: 'official', sourceId: null, name: null, span: { start: 11, end: 15 }, side: XI.id, joint: true }] },
        denials: [
          { id: 'd1', docId: a.document.id, reason: 'denied', trigger: { start: 6, end: 10 }, sentence: { start: 0, end: 20 }, cue: null, participants: [XI.id, PUTIN.id], date: '2023-03-20', by: null },
          { id: 'd2', docId: a.document.id, reason: 'corrected', trigger: { start: 0, end: 5 }, sentence: { start: 0, end: 20 }, cue: { start: 0, end: 5 }, participants: [], date: null, by: null,
            correction: { field: 'place', old: [{ value: 'ankara', text: 'Ankara', span: { start: 6, end: 10 } }], new: [{ value: 'sochi', text: 'Sochi', span: { start: 11, end: 15 } }], reports: [report.id] } },
        ],
        signature: [1, 4_000_000_000, 7],
      },
    };
    await sqlite.saveBatch([withSources, b, ...rest]);
    const first = await sqlite.sources().addJudgement({ kind: 'same-source', subjects: [a.document.id, b.document.id], author: 'ana', reason: 'one wire story' });
    await sqlite.sources().undoJudgement(first.id, 'ben');
    await sqlite.sources().addJudgement({ kind: 'independent', subjects: [a.document.id, b.document.id], author: 'ana' });
    await sqlite.saveLocalActors([{ id: 'local-b', kind: 'person', name: 'Bea Local', aliases: ['Bea Local'] }, { id: 'local-a', kind: 'person', name: 'Ana Local', aliases: ['Ana Local'] }], 'mine.json');
    const [one, two] = await sqlite.listEvents();
    await sqlite.addJudgement({ kind: 'event-merge', subjects: [one.id, two.id], author: 'ana', reason: 'one meeting', confirm: true });
    const left = new Set((await sqlite.listEvents()).map((e) => e.id));
    const gone = [one.id, two.id].find((id) => !left.has(id))!;
    const read = async (store: Store) => {
      const table = store.sources();
      return {
        attributions: await table.attributions(a.document.id),
        reports: [...(await table.reportAttributions([report.id]))],
        denials: await table.denials(),
        signatures: [...(await table.signatures([a.document.id, b.document.id]))],
        judgements: await table.judgements(),
        local: await store.localActors(),
        redirect: await store.eventRedirect(gone),
      };
    };
    const expected = await read(sqlite);
    await sqlite.close();
    assert.equal(expected.denials.length, 2);
    assert.equal(expected.judgements.length, 2);

    const { from, to } = await copyToPostgres(file, db.url);
    assert.deepEqual(to, from);
    assert.deepEqual(to.tables, { attributions: 1, report_attributions: 2, denial_claims: 2, text_signatures: 1, source_judgements: 2, local_actors: 2, event_redirects: to.tables.event_redirects });
    assert.ok(to.tables.event_redirects > 0, 'the merge left a redirect');
    const copied = openPostgresStore(db.url);
    try {
      assert.deepEqual(await read(copied), expected, 'the same rows read back');
      const next = await copied.sources().addJudgement({ kind: 'status', subjects: [one.id], status: 'confirmed', author: 'ana' });
      assert.equal(next.id, 3, 'new source judgements number on after the copied ones');
    } finally {
      await copied.close();
    }
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
