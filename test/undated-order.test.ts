// Reports that state no day of their own (only their page's publication day dates them), of one
// pair of leaders who meet again and again, told by several outlets day after day: the events
// they give must not depend on the order the documents arrive in, on how they are cut into
// batches, nor on the names they are stored under (two ingest processes given copies of one text
// store it under the name of whichever comes first). Each batch is merged into what is stored (a
// rebuild around its reports); that must agree with merging everything at once. Before the fix,
// pages of consecutive days agreed in time, so such a chain joined four days at a time, and which
// four followed the order of the report ids: PostgreSQL's concurrent ingest once gave 14 events
// where SQLite gave 13.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { StoredAnalysis } from '../src/core/types.ts';
import { createPipeline, forStorage } from '../src/pipeline/analyze.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { chunks, shuffled } from './batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-undated-order-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const clock = () => new Date('2026-01-01T00:00:00Z');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pipeline = createPipeline();

/** Documents written for this test: most state no day, a few do; a few are calls or in another city. */
function corpus(): string[] {
  const texts: string[] = [];
  for (let d = 0; d < 24; d++) {
    if (d % 7 === 5) continue; // a day without news
    const date = new Date(Date.UTC(2024, 2, 1 + d));
    const day = date.toISOString().slice(0, 10);
    const spoken = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
    const outlets = 1 + (d % 3);
    for (let o = 0; o < outlets; o++) {
      const n = texts.length;
      if (d % 6 === 2 && o === 0) {
        texts.push(`Talks on point ${n}\n${day}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on ${spoken} to discuss point ${n} of the budget.\n`);
      } else if (d % 9 === 4 && o === 1) {
        texts.push(`Call on point ${n}\n${day}\n\nFrench President Emmanuel Macron spoke by telephone with German Chancellor Olaf Scholz about point ${n} of the budget.\n`);
      } else if (d % 5 === 3 && o === 0) {
        texts.push(`Berlin talks ${n}\n${day}\n\nBERLIN - German Chancellor Olaf Scholz received French President Emmanuel Macron in Berlin for talks on point ${n} of the budget.\n`);
      } else if (o % 2 === 0) {
        texts.push(`Talks ${n}\n${day}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris to discuss point ${n} of the budget.\n`);
      } else {
        texts.push(`Budget point ${n}\n${day}\n\nGerman Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Paris on budget point ${n}.\n`);
      }
    }
  }
  return texts;
}

/** Two outlets a day, every day, no page stating the day (the PostgreSQL concurrent-ingest test's). */
function everyDay(days: number): string[] {
  const texts: string[] = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(Date.UTC(2024, 2, 1 + i)).toISOString().slice(0, 10);
    texts.push(`Talks ${i}\n${day}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris to discuss point ${i} of the budget.\n`);
    texts.push(`Budget point ${i}\n${day}\n\nGerman Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Paris on budget point ${i}.\n`);
  }
  return texts;
}

let stores = 0;
/**
 * The events, each as the headlines of its documents; documents are named in the order they
 * arrive, under `prefix`, or by `names` when given.
 */
async function eventsOf(batches: string[][], prefix = 'd', names?: ReadonlyMap<string, string>): Promise<string[]> {
  const store = openSqliteStore(join(dir, `s${stores++}.db`), { now: clock });
  const headline = new Map<string, string>();
  try {
    let n = 0;
    for (const batch of batches) {
      const analyses: StoredAnalysis[] = batch.map((text) => {
        const id = names?.get(text) ?? `${prefix}${n}`;
        n++;
        headline.set(id, text.slice(0, text.indexOf('\n')));
        const hash = createHash('sha256').update(text).digest('hex');
        return forStorage(pipeline.analyze({ id, hash, text, source: {}, meta: {} }));
      });
      assert.ok(analyses.every((a) => a.reports.length === 1), 'each document tells of one meeting');
      await store.saveBatch(analyses);
    }
    return (await store.listEvents()).map((e) => e.reports.map((r) => headline.get(r.docId)).sort().join(' + ')).sort();
  } finally {
    await store.close();
  }
}

test('undated reports of one pair, day after day, several outlets: the same events in any order, batching and naming', { timeout: 300_000 }, async () => {
  const docs = corpus();
  const whole = await eventsOf([docs]);
  // the corpus is worth the test: reports of several outlets are joined, and not all into one
  assert.ok(whole.some((e) => e.includes(' + ')), JSON.stringify(whole));
  assert.ok(whole.length >= 10, JSON.stringify(whole));
  assert.deepEqual(await eventsOf(chunks(docs, 1)), whole, 'one by one, in publication order');
  assert.deepEqual(await eventsOf(chunks([...docs].reverse(), 1)), whole, 'one by one, newest first');
  assert.deepEqual(await eventsOf([[...docs].reverse()], 'z'), whole, 'at once, named newest first');
  for (const [seed, size] of [
    [1, 1],
    [7, 2],
    [42, 3],
    [2024, 5],
    [99, 9],
  ]) {
    assert.deepEqual(await eventsOf(chunks(shuffled(docs, seed), size)), whole, `shuffled with seed ${seed}, batches of ${size}`);
    assert.deepEqual(await eventsOf([shuffled(docs, seed)], `n${seed}-`), whole, `named in the order of seed ${seed}`);
  }
});

test('two outlets a day, every day, no page stating its day: one event a day, whatever the naming and order', { timeout: 300_000 }, async () => {
  const docs = everyDay(30);
  const expected = Array.from({ length: 30 }, (_, i) => `Budget point ${i} + Talks ${i}`).sort();
  assert.deepEqual(await eventsOf([docs]), expected);
  for (const seed of [3, 11, 17]) {
    assert.deepEqual(await eventsOf(chunks(shuffled(docs, seed), 5), `p${seed}-`), expected, `shuffled with seed ${seed}, batches of 5`);
  }
});

/** Reports of one pair on random days of six weeks: most dated by their pages, some stating a day, some calls, some in Berlin. */
function randomDays(seed: number): string[] {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const texts: string[] = [];
  for (let n = 0; n < 40; n++) {
    const d = Math.floor(random() * 40);
    const day = new Date(Date.UTC(2024, 2, 1 + d)).toISOString().slice(0, 10);
    const r = random();
    if (r < 0.15) {
      const stated = new Date(Date.UTC(2024, 2, 1 + d - Math.floor(random() * 3)));
      texts.push(`T${n}\n${day}\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on ${MONTHS[stated.getUTCMonth()]} ${stated.getUTCDate()} to discuss point ${n}.\n`);
    } else if (r < 0.25) {
      texts.push(`T${n}\n${day}\n\nFrench President Emmanuel Macron spoke by telephone with German Chancellor Olaf Scholz about point ${n} of the budget.\n`);
    } else if (r < 0.35) {
      texts.push(`T${n}\n${day}\n\nBERLIN - German Chancellor Olaf Scholz received French President Emmanuel Macron in Berlin for talks on point ${n}.\n`);
    } else {
      texts.push(`T${n}\n${day}\n\nGerman Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Paris on budget point ${n}.\n`);
    }
  }
  return texts;
}

test('reports of one pair on random days, dated by pages or stated days, calls and visits: the same events in any order and batching', { timeout: 300_000 }, async () => {
  for (const seed of [55_433, 86_000]) {
    const docs = randomDays(seed);
    const names = new Map(docs.map((text, i) => [text, `r${i}`]));
    const whole = await eventsOf([docs], 'r', names);
    assert.ok(whole.some((e) => e.includes(' + ')) && whole.length >= 10, JSON.stringify(whole));
    assert.deepEqual(await eventsOf(chunks(shuffled(docs, seed), 1), 'r', names), whole, `seed ${seed}, one by one`);
    assert.deepEqual(await eventsOf(chunks(shuffled(docs, seed + 1), 4), 'r', names), whole, `seed ${seed}, batches of 4`);
  }
});
