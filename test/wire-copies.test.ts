// Wire copies (one story under many outlets, lightly edited) pile onto one event, and a rebuild
// around new copies keeps what it knows of the old ones (merge/event-resolution.ts) and scores
// copies alike once (merge/merge-reports.ts). None of that may change the record: copies ingested
// in small shuffled batches, then some documents replaced, must give the very events (the events
// JSON export, and each event's merge explanation) that deriving everything at once gives, on
// SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { article, seedArticles } from '../scripts/article-generator.ts';
import Database from 'better-sqlite3';
import { buildEventsJson } from '../src/export/events-json.ts';
import { createResolution } from '../src/merge/event-resolution.ts';
import { mergeReports } from '../src/merge/merge-reports.ts';
import { createSqliteResolutionStorage } from '../src/store/sqlite/resolution-queries.ts';
import { createPipeline, forStorage } from '../src/pipeline/analyze.ts';
import { openPostgresStore } from '../src/store/postgres/pg-store.ts';
import { createTestDatabase } from '../src/store/postgres/test-database.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import type { StoredAnalysis } from '../src/core/types.ts';
import { chunks, shuffled } from './batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-wire-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const clock = () => new Date('2026-01-01T00:00:00Z');

const OUTLETS = ['Reuters', 'AFP', 'AP', 'Xinhua', 'TASS', 'dpa', 'Anadolu', 'Kyodo'];

/** 24 stories (a third without their date line: undated copies take the slow paths) and 216 copies of them. */
function corpus(): StoredAnalysis[] {
  seedArticles(20_261_217);
  const stories: string[] = [];
  for (let k = 0; k < 24; k++) {
    const lines = article({ retell: 0.5, varied: 0.4 }).split('\n');
    if (k % 3 === 1 && /^\d{4}-\d{2}-\d{2}$/.test(lines[1])) lines[1] = '';
    stories.push(lines.join('\n'));
  }
  const texts = [...stories];
  for (let copy = 0; texts.length < 240; copy++) {
    const lines = stories[copy % stories.length].split('\n');
    // a later pair of lines swapped, and the outlet's credit with this edition's time
    const at = Math.ceil(lines.length / 3) + (copy % Math.max(1, lines.length - Math.ceil(lines.length / 3) - 1));
    if (copy % 3 !== 0 && at + 1 < lines.length) [lines[at], lines[at + 1]] = [lines[at + 1], lines[at]];
    const credit = `(${OUTLETS[copy % OUTLETS.length]}, ${String(copy % 24).padStart(2, '0')}:${String(copy % 60).padStart(2, '0')} #${copy})`;
    texts.push(copy % 2 ? [credit, ...lines].join('\n') : [...lines, '', credit].join('\n'));
  }
  const pipeline = createPipeline();
  return texts.map((text, i) => {
    const hash = createHash('sha256').update(text).digest('hex');
    return forStorage(pipeline.analyze({ id: `w${String(i).padStart(3, '0')}`, hash, text, source: {}, meta: {} }));
  });
}

/** The record: the events JSON export, and each event's members and merge explanation. */
async function record(store: Store): Promise<unknown> {
  const events = (await store.listEvents()).map((e) => ({ id: e.id, reports: e.reports.map((r) => r.id), judgements: e.judgements }));
  return { json: await buildEventsJson(store), events };
}

// asked before any test runs (a running test would keep the event loop past the connect timeout)
const probe = await createTestDatabase('wire4_probe');
if ('drop' in probe) await probe.drop();

const docs = corpus();
const batched = chunks(shuffled(docs, 17), 9);
// re-analysed documents (the same analyses stored again): their kept reports must be read anew
const replaced = [docs[0], docs[30], docs[31], docs[100]];

async function wholeAndBatched(open: (name: string) => Promise<Store>): Promise<{ whole: unknown; batched: unknown }> {
  const whole = await open('whole');
  await whole.saveBatch(docs);
  const wholeRecord = await record(whole);
  await whole.close();
  const store = await open('batched');
  for (const batch of batched) await store.saveBatch(batch);
  await store.replaceAnalyses(replaced);
  const batchedRecord = await record(store);
  await store.close();
  return { whole: wholeRecord, batched: batchedRecord };
}

let sqliteWhole: unknown;

test('wire copies in small batches give the events deriving everything at once gives (SQLite)', { timeout: 300_000 }, async () => {
  const { whole, batched: inBatches } = await wholeAndBatched(async (name) => openSqliteStore(join(dir, `${name}.db`), { now: clock }));
  const events = (whole as { events: { reports: string[] }[] }).events;
  // the corpus is worth the test: copies pile onto events, dated and not
  assert.ok(events.some((e) => e.reports.length >= 8), `largest event: ${Math.max(...events.map((e) => e.reports.length))} reports`);
  assert.ok((whole as { json: { events: { date: string | null }[] } }).json.events.some((e) => e.date === null), 'an undated event');
  // copies alike in all that merging reads join their story's first report as republished text
  const rules = new Map<string, number>();
  for (const e of events as { judgements: { rule: string }[] }[]) for (const j of e.judgements) rules.set(j.rule, (rules.get(j.rule) ?? 0) + 1);
  assert.ok((rules.get('copy') ?? 0) >= 100, `links by rule: ${JSON.stringify(Object.fromEntries(rules))}`);
  assert.deepEqual(inBatches, whole);
  sqliteWhole = whole;

  // copies alike are scored once per kind of report: the same events and explanations as scoring every pair
  const db = new Database(join(dir, 'whole.db'), { readonly: true });
  try {
    const inputs = await createResolution(createSqliteResolutionStorage(db), { now: clock }).mergeInputs();
    const each = { pairsScored: 0 };
    const byKind = { pairsScored: 0 };
    assert.deepEqual(mergeReports(inputs, {}, byKind), mergeReports(inputs, {}, each, { alike: false }));
    assert.equal(byKind.pairsScored, each.pairsScored);
  } finally {
    db.close();
  }
});

test('wire copies in small batches give the events deriving everything at once gives (PostgreSQL)', { timeout: 300_000, skip: 'skip' in probe ? probe.skip : false }, async () => {
  const databases: { drop(): Promise<void> }[] = [];
  try {
    const { whole, batched: inBatches } = await wholeAndBatched(async () => {
      const db = await createTestDatabase('wire4_copies');
      if (!('drop' in db)) throw new Error(db.skip);
      databases.push(db);
      return openPostgresStore(db.url, { now: clock });
    });
    assert.deepEqual(inBatches, whole);
    // and the two adapters agree
    if (sqliteWhole) assert.deepEqual(whole, sqliteWhole);
  } finally {
    for (const db of databases) await db.drop();
  }
});
