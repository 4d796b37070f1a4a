// A report's merge reads its document's other reports: two documents that both tell of a second
// meeting corroborate their pair (undated reports of the same people, too weak alone, are one
// meeting when both documents also tell of another one together). Those other reports share no
// blocking key with it, so a rebuild around a later document must still bring them in, or the
// events depend on which document came last. Written here: two documents that each tell of two
// undated meetings, and a third that tells of one of them only, ingested together and apart, on
// SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { StoredAnalysis } from '../src/core/types.ts';
import { createPipeline, forStorage } from '../src/pipeline/analyze.ts';
import { openPostgresStore } from '../src/store/postgres/pg-store.ts';
import { createTestDatabase } from '../src/store/postgres/test-database.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-siblings-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const clock = () => new Date('2026-01-01T00:00:00Z');

const TEXTS = [
  'Indonesian President Joko Widodo met Russian President Vladimir Putin to talk about food supplies.\n\nWidodo also met Ukrainian President Volodymyr Zelensky, his office said.\n',
  // worded otherwise (not a republished copy of the first, which would join it as one)
  'Russian President Vladimir Putin received Joko Widodo of Indonesia for talks on grain and fertiliser.\n\nOn the same trip Joko Widodo held a meeting with Volodymyr Zelensky of Ukraine.\n',
  'Joko Widodo held talks with Vladimir Putin on grain exports.\n',
];

function analyses(): StoredAnalysis[] {
  const pipeline = createPipeline();
  return TEXTS.map((text, i) => {
    const hash = createHash('sha256').update(text).digest('hex');
    return forStorage(pipeline.analyze({ id: `s${i}`, hash, text, source: {}, meta: {} }));
  });
}

/** Each event as its documents, with the rule of each link. */
async function eventsOf(store: Store): Promise<string[]> {
  const events = await store.listEvents();
  return events
    .map((e) => `${[...new Set(e.reports.map((r) => r.docId))].sort().join('+')} ${e.judgements.map((j) => j.rule).join(',')}`)
    .sort();
}

async function together(open: (name: string) => Promise<Store>): Promise<{ whole: string[]; apart: string[] }> {
  const docs = analyses();
  const whole = await open('whole');
  await whole.saveBatch(docs);
  const wholeEvents = await eventsOf(whole);
  await whole.close();
  // the two documents of two meetings first, the third alone afterwards: its rebuild reaches the
  // first two documents' reports of Widodo and Putin by their keys, not their Zelensky reports
  const store = await open('apart');
  await store.saveBatch(docs.slice(0, 2));
  await store.saveBatch(docs.slice(2));
  const apartEvents = await eventsOf(store);
  await store.close();
  return { whole: wholeEvents, apart: apartEvents };
}

const EXPECTED = [
  // Widodo and Putin, undated in both documents, corroborated by their Zelensky reports
  's0+s1 score',
  // ...and Zelensky's meeting likewise
  's0+s1 score',
  // the third document's report: undated, no place, no other meeting to corroborate it
  's2 ',
];

const probe = await createTestDatabase('siblings_probe');
if ('drop' in probe) await probe.drop();

test("a document's other reports take part in a rebuild around a later document (SQLite)", async () => {
  const { whole, apart } = await together(async (name) => openSqliteStore(join(dir, `${name}.db`), { now: clock }));
  assert.deepEqual(whole, EXPECTED);
  assert.deepEqual(apart, whole);
});

test("a document's other reports take part in a rebuild around a later document (PostgreSQL)", { skip: 'skip' in probe ? probe.skip : false }, async () => {
  const databases: { drop(): Promise<void> }[] = [];
  try {
    const { whole, apart } = await together(async () => {
      const db = await createTestDatabase('siblings');
      if (!('drop' in db)) throw new Error(db.skip);
      databases.push(db);
      return openPostgresStore(db.url, { now: clock });
    });
    assert.deepEqual(whole, EXPECTED);
    assert.deepEqual(apart, whole);
  } finally {
    for (const db of databases) await db.drop();
  }
});
