import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFoundRegistry, unifyFoundActors } from './unify-found.ts';
import type { DocumentAnalysis } from '../core/types.ts';

function analysis(id: string, name: string): DocumentAnalysis {
  return {
    document: { id: 'd', hash: 'h', text: `${name} met X`, source: {}, meta: {} },
    text: { language: 'en', title: null, published: null, noise: [], sentences: [], tokens: [] },
    actors: [{ id, kind: 'person', name, aliases: [name], fromKb: false }],
    mentions: [{ start: 0, end: name.length, actorIds: [id], kind: 'person', via: 'shape' }],
    reports: [{ id: 'r', docId: 'd', type: 'CONSULT', mode: 'meet', trigger: { start: 0, end: 1 }, evidence: [], participants: [{ actorId: id, spans: [] }], date: null, place: null }],
    diagnostics: [],
  };
}

test('one unknown person under two spellings in two documents is one actor', () => {
  const registry = createFoundRegistry();
  const first = unifyFoundActors(analysis('found:nabil-qaouk', 'Nabil Qaouk'), registry);
  const second = unifyFoundActors(analysis('found:nabil-qauk', 'Nabil Qauk'), registry);
  assert.equal(first.actors[0].id, 'found:nabil-qaouk');
  assert.equal(second.actors[0].id, 'found:nabil-qaouk');
  assert.equal(second.mentions[0].actorIds[0], 'found:nabil-qaouk');
  assert.equal(second.reports[0].participants[0].actorId, 'found:nabil-qaouk');
});

test('different people stay apart, and actors already stored are known', () => {
  const registry = createFoundRegistry([{ id: 'found:hassan-qaouk', name: 'Hassan Qaouk' }]);
  assert.equal(unifyFoundActors(analysis('found:hussein-qaouk', 'Hussein Qaouk'), registry).actors[0].id, 'found:hussein-qaouk');
  assert.equal(unifyFoundActors(analysis('found:hasan-qaouk', 'Hasan Qaouk'), registry).actors[0].id, 'found:hassan-qaouk');
});

test('transliterations across documents end as one actor, in any order of arrival', () => {
  const registry = createFoundRegistry();
  const spellings = ['Ziyad al-Nakhalah', 'Ziad al-Nakhala', 'Ziyad Nakhaleh', 'Siad Nachali', 'زياد النخالة'];
  const ids = spellings.map((name, i) => unifyFoundActors(analysis(`found:x${i}`, name), registry).actors[0].id);
  assert.deepEqual(new Set(ids), new Set(['found:x0']));
  const other = unifyFoundActors(analysis('found:hassan-nasrallah', 'Hassan Nasrallah'), registry).actors[0].id;
  assert.equal(unifyFoundActors(analysis('found:hassan-rouhani', 'Hassan Rouhani'), registry).actors[0].id, 'found:hassan-rouhani');
  assert.equal(other, 'found:hassan-nasrallah');
});
