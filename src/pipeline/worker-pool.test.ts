import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../core/types.ts';
import { createWorkerPool } from './worker-pool.ts';

const doc = (id: string, text: string): Document => ({ id, hash: id, text, source: {}, meta: {} });

test('the pool analyzes documents on its threads', async () => {
  const pool = createWorkerPool(2);
  try {
    const text = 'Published 2024-03-02\n\nPresident Vladimir Putin met Xi Jinping in Moscow on Friday.';
    const results = await Promise.all(['a', 'b', 'c'].map((id) => pool.analyze(doc(id, text))));
    assert.deepEqual(results.map((r) => r.document.id), ['a', 'b', 'c']);
    assert.ok(results.every((r) => r.reports.length === 1), 'each finds the meeting');
  } finally {
    await pool.close();
  }
});

test('threads that die fail their documents with an error instead of leaving them waiting', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-pool-'));
  writeFileSync(join(dir, 'broken.json'), '{ not json');
  const pool = createWorkerPool(1, { kbDir: dir });
  try {
    // every thread dies loading the broken knowledge base; each document is rejected, none hangs
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => pool.analyze(doc(`d${i}`, 'Text.'))));
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
    await assert.rejects(pool.analyze(doc('late', 'Text.')), /analysis thread|no analysis thread left|broken/);
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a document that exhausts its capped thread is analyzed on a thread of its own; the documents queued behind it go on', async () => {
  // a heap cap that holds the knowledge base but not a 1.2 MB text's tokens
  const pool = createWorkerPool(1, {}, { maxOldGenerationSizeMb: 40, maxYoungGenerationSizeMb: 8 });
  try {
    const small = 'Published 2024-03-02\n\nPresident Vladimir Putin met Xi Jinping in Moscow on Friday.';
    const huge = 'Published 2024-03-02\n\n' + 'President Vladimir Putin met Xi Jinping in Moscow on Friday. '.repeat(20_000);
    const outcomes = await Promise.allSettled([small, huge, small, small].map((text, i) => pool.analyze(doc(`d${i}`, text))));
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    for (const o of outcomes) if (o.status === 'fulfilled') assert.equal(o.value.reports.length, 1);
    const big = (outcomes[1] as PromiseFulfilledResult<Awaited<ReturnType<typeof pool.analyze>>>).value;
    assert.equal(big.document.id, 'd1');
    assert.ok(big.mentions.length >= 40_000, 'the whole text was read');
  } finally {
    await pool.close();
  }
});

test('what comes back is what the store keeps: the document given, no tokens or sentences', async () => {
  const pool = createWorkerPool(1);
  try {
    const given = doc('a', 'Published 2024-03-02\n\nPresident Vladimir Putin met Xi Jinping in Moscow on Friday.');
    const analysis = await pool.analyze(given);
    assert.equal(analysis.document, given);
    assert.equal(analysis.text.published?.value, '2024-03-02', 'the parts the store keeps are there');
    assert.ok(!('tokens' in analysis.text) && !('sentences' in analysis.text));
  } finally {
    await pool.close();
  }
});
