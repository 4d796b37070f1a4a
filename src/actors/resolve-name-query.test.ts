import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadKnowledgeBase } from './knowledge-base.ts';
import { resolveNameQuery } from './resolve-name-query.ts';

const kb = loadKnowledgeBase();
const first = (q: string) => resolveNameQuery(kb, q)[0];

test('an alias in another script or language resolves, saying which alias', () => {
  assert.deepEqual(first('Путин'), { actorId: 'vladimir-putin', name: 'Vladimir Putin', via: 'alias', matched: 'Путин' });
  assert.equal(first('Poutine')?.actorId, 'vladimir-putin');
  assert.equal(first('بوتين')?.actorId, 'vladimir-putin');
  assert.equal(first('Си Цзиньпин')?.actorId, 'xi-jinping');
  assert.equal(first('Эрдоган')?.actorId, 'recep-tayyip-erdogan');
});

test('case endings and other transliterations resolve through stems and the name matcher', () => {
  const inflected = first('Путина');
  assert.equal(inflected?.actorId, 'vladimir-putin');
  assert.equal(inflected?.via, 'spelling');
  assert.equal(first('erdogan')?.actorId, 'recep-tayyip-erdogan');
});

test('the start of a name resolves, people first', () => {
  const hits = resolveNameQuery(kb, 'Haniy');
  assert.equal(hits[0]?.actorId, 'ismail-haniyeh');
  assert.equal(hits[0]?.via, 'prefix');
  assert.ok(resolveNameQuery(kb, 'Scho').some((h) => h.actorId === 'olaf-scholz'));
});

test('too short or unknown queries resolve to nothing rather than to anyone', () => {
  assert.deepEqual(resolveNameQuery(kb, 'Zq'), []);
  assert.deepEqual(resolveNameQuery(kb, 'Qwxzvbnm'), []);
  assert.deepEqual(resolveNameQuery(kb, '   '), []);
  assert.ok(resolveNameQuery(kb, 'an').length === 0 || resolveNameQuery(kb, 'an').every((h) => h.via !== 'prefix'));
});
