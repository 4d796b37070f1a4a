import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ParleyError } from '../../core/errors.ts';
import type { DocumentAnalysis } from '../../core/types.ts';
import { makeAnalysis, PUTIN, sampleAnalyses, TEXT_A, XI } from '../fixtures.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openSqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `t${n++}.db`);
const clock = () => new Date('2024-05-01T12:00:00Z');

test('migrations are recorded once and the schema is in WAL with foreign keys', async () => {
  const file = fresh();
  await openSqliteStore(file, { now: clock }).close();
  await openSqliteStore(file, { now: clock }).close();
  const db = new Database(file);
  const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations').all();
  assert.deepEqual(
    rows,
    MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: '2024-05-01T12:00:00.000Z' })),
  );
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
});

test('a later migration is applied on open; a database from a newer Parley is refused', () => {
  const db = new Database(':memory:');
  migrate(db);
  const next = Math.max(...MIGRATIONS.map((m) => m.version)) + 1;
  const applied = migrate(db, [...MIGRATIONS, { version: next, name: 'extra', statements: ['CREATE TABLE extra (x INTEGER)'] }]);
  assert.deepEqual(applied, [next]);
  assert.throws(() => migrate(db), (e: unknown) => e instanceof ParleyError && e.code === 'config');
  db.close();
});

test('a migration numbered below one already applied is still applied once', () => {
  const db = new Database(':memory:');
  const [first, ...rest] = [...MIGRATIONS].sort((a, b) => a.version - b.version);
  const skipped = rest[0]!;
  // a database that saw every migration but one in the middle (written on a parallel branch)
  migrate(db, [first!, ...rest.slice(1)]);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations WHERE version = ?').get(skipped.version) as { n: number }).n, 0);
  assert.deepEqual(migrate(db), [skipped.version]);
  assert.deepEqual(migrate(db), []);
  db.close();
});

test('a missing database is not-found when it must exist', () => {
  assert.throws(
    () => openSqliteStore(join(dir, 'nope.db'), { mustExist: true }),
    (e: unknown) => e instanceof ParleyError && e.code === 'not-found',
  );
});

test('a batch is stored whole: documents, actors, mentions, reports, merged events', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  const result = await store.saveBatch(sampleAnalyses());
  assert.deepEqual(result.saved, ['a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(await store.counts(), { documents: 3, actors: 6, reports: 3, events: 2 });

  const doc = (await store.getDocument('a-xi-putin'))!;
  assert.equal(doc.text, TEXT_A);
  assert.deepEqual(doc.published, { value: '2023-03-21', precision: 'day', span: { start: 24, end: 34 } });

  const xi = (await store.getActors([XI.id]))[0];
  assert.deepEqual(xi.aliases, ['Xi Jinping', 'Xi']);

  const events = await store.listEvents();
  const merged = events.find((e) => e.reports.length === 2)!;
  assert.deepEqual(merged.reports.map((r) => r.docId), ['a-xi-putin', 'b-putin-xi']);
  assert.equal(merged.judgements[0].features?.time.verdict, 'agree');
  assert.equal(merged.date, '2023-03-20');
  assert.equal(merged.place, 'Q649', 'Moscow: more specific than Russia');
  assert.deepEqual(await store.getEvent(merged.id), merged);
  await store.close();
});

test('the same batch again changes nothing: duplicates, same event ids', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  await store.saveBatch(sampleAnalyses());
  const before = await store.listEvents();
  const again = await store.saveBatch(sampleAnalyses());
  assert.deepEqual(again.saved, []);
  assert.deepEqual(again.duplicates.map((d) => d.of), ['a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
  assert.deepEqual(await store.listEvents(), before);
  assert.deepEqual(await store.counts(), { documents: 3, actors: 6, reports: 3, events: 2 });
  await store.close();
});

test('the same text under another id is a duplicate; another text under a stored id is a conflict', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  await store.saveBatch([makeAnalysis('one', 'Some text\n')]);
  const result = await store.saveBatch([makeAnalysis('two', 'Some text\n'), makeAnalysis('one', 'Other text\n')]);
  assert.deepEqual(result.duplicates, [{ docId: 'two', of: 'one', file: 'two.txt' }]);
  assert.equal(result.diagnostics.length, 1);
  assert.equal(result.diagnostics[0].code, 'store/id-conflict');
  assert.equal((await store.getDocument('one'))!.text, 'Some text\n');
  await store.close();
});

test('a failing batch rolls back whole and keeps the data stored before', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  const [a, b, c] = sampleAnalyses();
  await store.saveBatch([a]);
  const broken = { ...c, document: { ...c.document, text: null } } as unknown as DocumentAnalysis;
  await assert.rejects(() => store.saveBatch([b, broken]));
  assert.deepEqual(await store.counts(), { documents: 1, actors: 3, reports: 1, events: 1 });
  assert.equal(await store.getDocument('b-putin-xi'), null);
  assert.equal((await store.getDocument('a-xi-putin'))!.text, TEXT_A);
  await store.close();
});

test('bad items are left out with a diagnostic, the document is kept', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  const [a] = sampleAnalyses();
  const bad: DocumentAnalysis = {
    ...a,
    reports: [
      { ...a.reports[0], id: 'r-out', trigger: { start: 5, end: 99_999 } },
      { ...a.reports[0], id: 'r-ghost', participants: [{ actorId: 'ghost', spans: [] }] },
    ],
  };
  const result = await store.saveBatch([bad]);
  assert.deepEqual(result.saved, ['a-xi-putin']);
  assert.deepEqual(result.diagnostics.map((d) => d.code), ['store/bad-report', 'store/bad-report']);
  assert.equal((await store.counts()).reports, 0);
  await store.close();
});

test('events are rebuilt when a later batch brings another report of the same meeting', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  const [a, b] = sampleAnalyses();
  await store.saveBatch([a]);
  const first = await store.listEvents();
  assert.equal(first.length, 1);
  await store.saveBatch([b]);
  const events = await store.listEvents();
  assert.equal(events.length, 1);
  assert.equal(events[0].reports.length, 2);
  // The event keeps the id of its first report, whichever order the batches came in.
  const other = openSqliteStore(fresh(), { now: clock });
  await other.saveBatch([b]);
  await other.saveBatch([a]);
  assert.equal((await other.listEvents())[0].id, events[0].id);
  await other.close();
  await store.close();
});

test('actor aliases are the union over documents', async () => {
  const store = openSqliteStore(fresh(), { now: clock });
  await store.saveBatch([makeAnalysis('p1', 'Putin spoke.\n', { actors: [{ ...PUTIN, aliases: ['Putin'] }] })]);
  await store.saveBatch([makeAnalysis('p2', 'Poutine a parlé.\n', { actors: [{ ...PUTIN, aliases: ['Poutine'] }] })]);
  assert.deepEqual((await store.getActors([PUTIN.id]))[0].aliases, ['Putin', 'Poutine']);
  assert.deepEqual((await store.searchActors('pout')).map((a) => a.id), [PUTIN.id]);
  await store.close();
});

test('runs are recorded with their diagnostics', async () => {
  const file = fresh();
  const store = openSqliteStore(file, { now: clock });
  const run = await store.beginRun('ingest', ['x']);
  await store.saveBatch([makeAnalysis('one', 'Text\n')]);
  await store.finishRun(run, { ingested: 1 }, [{ code: 'read/empty', severity: 'error', message: 'no text', file: 'e.txt' }]);
  await store.close();
  const db = new Database(file);
  assert.equal((db.prepare('SELECT run_id FROM documents').pluck().get() as number), run);
  assert.equal(db.prepare('SELECT code FROM diagnostics WHERE run_id = ?').pluck().get(run), 'read/empty');
  db.close();
});

test('a database whose blocking keys were dropped (a new scheme) gets them again on open, so later reports still find their events', async () => {
  const file = fresh();
  const [a, b] = sampleAnalyses();
  let store = openSqliteStore(file, { now: clock });
  await store.saveBatch([a]);
  await store.close();
  const db = new Database(file);
  db.exec('DELETE FROM report_keys');
  db.close();
  store = openSqliteStore(file, { now: clock });
  // the keys are written again before the first operation answers
  await store.counts();
  const raw = new Database(file, { readonly: true });
  const keys = raw.prepare('SELECT key FROM report_keys').pluck().all() as string[];
  raw.close();
  assert.ok(keys.some((k) => /@w\d+$/.test(k)), `weekly keys: ${keys.join(', ')}`);
  await store.saveBatch([b]);
  assert.deepEqual(await store.counts(), { ...await store.counts(), reports: 2, events: 1 });
  await store.close();
});

test('a database whose events were dropped (new merge rules) derives them again on open', async () => {
  const file = fresh();
  const [a, b] = sampleAnalyses();
  let store = openSqliteStore(file, { now: clock });
  await store.saveBatch([a, b]);
  const before = (await store.listEvents()).map((e) => [e.id, e.reports.map((r) => r.id)]);
  await store.close();
  const db = new Database(file);
  db.exec('DELETE FROM events');
  db.close();
  store = openSqliteStore(file, { now: clock });
  assert.deepEqual(
    (await store.listEvents()).map((e) => [e.id, e.reports.map((r) => r.id)]),
    before,
  );
  assert.equal(before.length, 1);
  await store.close();
});
