// The shared tables answer as the Maps they were built from, in this thread and in another one
// that receives the image (the buffer is shared, not rebuilt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { addStrings, addTable, ArenaBuilder, SharedTable, StringPool, TableMap, TableSet } from './shared-table.ts';
import { buildKnowledgeBase } from './knowledge-base.ts';

test('a table finds every key it was given, with its values in order, and no other key', () => {
  const map = new Map<string, number[]>();
  for (let i = 0; i < 5000; i++) map.set(`key ${i}`, [i, i * 2]);
  map.set('', [7]);
  map.set('Путин', [1]);
  map.set('普京', [2]);
  map.set('𝔘nicode', [3]); // outside the BMP: two code units
  const arena = new ArenaBuilder();
  addTable(arena, 't', map);
  addStrings(arena, 's', ['ä', '', 'אבג']);
  const image = arena.finish();
  assert.ok(image.buffer instanceof SharedArrayBuffer);
  const table = new SharedTable(image, 't');
  assert.equal(table.size, map.size);
  for (const [k, v] of map) assert.deepEqual([...table.values(table.find(k))], v, k);
  for (const absent of ['key 5000', 'key', 'Путина', '普', '𝔘nicod', 'key 12 ']) assert.equal(table.find(absent), -1, absent);
  const view = new TableMap(table, (v) => [...v]);
  assert.deepEqual(new Map(view), map);
  assert.equal(view.get('key 3'), view.get('key 3'), 'a decoded value is kept, as a Map keeps it');
  assert.ok(new TableSet(table).has('普京') && !new TableSet(table).has('普'));
  const pool = new StringPool(image, 's');
  assert.deepEqual([0, 1, 2].map((i) => pool.get(i)), ['ä', '', 'אבג']);
  assert.throws(() => new SharedTable(image, 'missing'), /lacks its "missing\.slots" table/);
});

test('a worker thread opens the image another thread built and reads the same base', async () => {
  const kb = buildKnowledgeBase([
    { id: 'lemuria', kind: 'place', type: 'country', name: 'Lemuria', aliases: ['Лемурия'], demonyms: ['Lemurian'] },
    { id: 'ana-voss', kind: 'person', name: 'Ana Voss', aliases: ['Анна Восс'], country: 'lemuria', roles: [{ role: 'president', of: 'lemuria', from: '2020-01-01' }] },
  ]);
  assert.deepEqual(kb.byName.get('ana voss'), ['ana-voss']);
  assert.deepEqual(kb.holders(['president'], 'lemuria', '2021').map((e) => e.id), ['ana-voss']);
  assert.equal(kb.demonyms.get('lemurian'), 'lemuria');
  assert.deepEqual([...kb.affiliations.get('ana-voss')!], ['lemuria']);
  assert.equal(kb.affiliations.get('lemuria'), undefined);
  const source = `
    import { parentPort, workerData } from 'node:worker_threads';
    import { openKnowledgeBase } from ${JSON.stringify(new URL('./knowledge-base.ts', import.meta.url).href)};
    const kb = openKnowledgeBase(workerData);
    parentPort.postMessage({
      shared: workerData.buffer instanceof SharedArrayBuffer,
      ids: kb.byName.get('анна восс'),
      country: kb.entries.get('lemuria').name,
      holders: kb.holders(['president'], 'lemuria', '2021').map((e) => e.id),
      matched: kb.matchPerson('Anna Voss')?.id ?? null,
    });`;
  const boot = `import ${JSON.stringify(new URL('../runtime/register.mjs', import.meta.url).href)}; await import(${JSON.stringify('data:text/javascript,' + encodeURIComponent(source))});`;
  const worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(boot)), { workerData: kb.image });
  const answer = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(answer, { shared: true, ids: ['ana-voss'], country: 'Lemuria', holders: ['ana-voss'], matched: 'ana-voss' });
});

test('entriesOfType gives the entries of those types in the base order, and parses no other entry', () => {
  const kb = buildKnowledgeBase([
    { id: 'wire-b', kind: 'organization', type: 'news-agency', name: 'Wire B', aliases: [] },
    { id: 'paper-a', kind: 'organization', type: 'news-outlet', name: 'Paper A', aliases: [] },
    { id: 'lemuria', kind: 'place', type: 'country', name: 'Lemuria', aliases: [] },
    { id: 'wire-c', kind: 'organization', type: 'news-agency', name: 'Wire C', aliases: [] },
  ]);
  const parse = JSON.parse;
  const parsed: string[] = [];
  JSON.parse = (text: string, ...rest: []) => {
    const v = parse(text, ...rest);
    if (v && typeof v === 'object' && 'id' in v) parsed.push(v.id);
    return v;
  };
  try {
    assert.deepEqual(kb.entriesOfType('news-agency', 'news-outlet').map((e) => e.id), ['wire-b', 'paper-a', 'wire-c']);
  } finally {
    JSON.parse = parse;
  }
  assert.deepEqual(parsed.sort(), ['paper-a', 'wire-b', 'wire-c'], 'the country entry is not parsed');
  assert.deepEqual(kb.entriesOfType('news-agency', 'news-agency').map((e) => e.id), ['wire-b', 'wire-c'], 'a type named twice gives its entries once');
  assert.deepEqual(kb.entriesOfType('venue'), []);
  assert.equal(kb.entriesOfType('country')[0], kb.entries.get('lemuria'), 'the same object as entries gives');
});
