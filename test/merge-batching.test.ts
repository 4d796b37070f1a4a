// The events a corpus gives must not depend on how it was cut into batches or in which order
// the batches came: ingest merges each batch into what is stored (a rebuild around the new
// reports), and that must agree with merging the whole corpus at once. 1,500 articles: the
// order effects of undated reports (which need every candidate of their people) showed from ~1,000.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { article, seedArticles } from '../scripts/article-generator.ts';
import { createPipeline, forStorage } from '../src/pipeline/analyze.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { StoredAnalysis } from '../src/core/types.ts';
import { chunks, shuffled } from './batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-batching-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const clock = () => new Date('2026-01-01T00:00:00Z');

function corpus(count: number): StoredAnalysis[] {
  seedArticles(20_261_207);
  const pipeline = createPipeline();
  const out: StoredAnalysis[] = [];
  for (let i = 0; i < count; i++) {
    // many retellings of few meetings, some undated, some with a third leader: the merge has real work across batches
    const text = withoutDateLine(article({ retell: 0.6, varied: 0.4 }), i);
    const hash = createHash('sha256').update(text).digest('hex');
    out.push(forStorage(pipeline.analyze({ id: `g${i}`, hash, text, source: {}, meta: {} })));
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Some articles lose their date line, as real pages do: the day moves to the foot of the page
 * (a full date the text writes: the document's time anchor), or only its day and month stay, in
 * an agency dateline without a year (which picks among the meetings of the report's people).
 */
function withoutDateLine(text: string, i: number): string {
  const lines = text.split('\n');
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lines[1]);
  if (!day || i % 4 !== 1) return text;
  lines[1] = '';
  if (i % 8 === 1) return `${lines.join('\n')}Updated ${day[0]}\n`;
  lines[3] = lines[3].replace(/^([A-Z][A-Z .'-]*[A-Z]) \(/, `$1, ${MONTHS[Number(day[2]) - 1]} ${Number(day[3])} (`);
  return lines.join('\n');
}

async function eventsOf(batches: StoredAnalysis[][], name: string): Promise<string[]> {
  const store = openSqliteStore(join(dir, `${name}.db`), { now: clock });
  for (const batch of batches) await store.saveBatch(batch);
  const events = (await store.listEvents()).map((e) => e.reports.map((r) => r.id).sort().join(' '));
  await store.close();
  return events.sort();
}

test('one batch, small batches, and small batches in another order give the same events', { timeout: 300_000 }, async () => {
  const docs = corpus(1500);
  const whole = await eventsOf([docs], 'whole');
  const multi = whole.filter((e) => e.includes(' '));
  // the corpus is worth the test: many events join reports of several documents
  assert.ok(multi.length >= 30, `events of several reports: ${multi.length}`);
  assert.deepEqual(await eventsOf(chunks(docs, 7), 'in-order'), whole);
  assert.deepEqual(await eventsOf(chunks(shuffled(docs, 42), 5), 'shuffled'), whole);
  assert.deepEqual(await eventsOf(chunks([...docs].reverse(), 1), 'one-by-one'), whole);
});
