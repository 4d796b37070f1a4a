import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKnowledgeBase } from '../actors/knowledge-base.ts';
import type { StoredActor } from '../store/store.ts';
import { placeLevels } from './settlement.ts';

const kb = buildKnowledgeBase([
  { id: 'ruritania', kind: 'place', name: 'Ruritania', aliases: [], type: 'country' },
  { id: 'strelsau', kind: 'place', name: 'Strelsau', aliases: [], type: 'city', within: 'ruritania' },
  { id: 'old-palace', kind: 'place', name: 'Old Palace', aliases: [], type: 'venue', within: 'strelsau' },
  { id: 'summer-lodge', kind: 'place', name: 'Summer Lodge', aliases: [], type: 'venue', within: 'ruritania' },
]);
const stored = (id: string, name: string, placeType: StoredActor['placeType'], within: string[]): StoredActor => ({ id, kind: 'place', name, fromKb: true, placeType, aliases: [name], within });

test('a venue is exported as the city it lies within, the venue kept beside it', () => {
  const actors = new Map([['old-palace', stored('old-palace', 'Old Palace', 'venue', ['strelsau', 'ruritania'])]]);
  // the city was never named in a document: its name comes from the knowledge base
  assert.deepEqual(placeLevels('old-palace', actors, kb), {
    location: { actorId: 'strelsau', name: 'Strelsau' },
    venue: { actorId: 'old-palace', name: 'Old Palace' },
  });
});

test('a city or a country is its own location, with no venue', () => {
  const actors = new Map([['strelsau', stored('strelsau', 'Strelsau', 'city', ['ruritania'])]]);
  assert.deepEqual(placeLevels('strelsau', actors, kb), { location: { actorId: 'strelsau', name: 'Strelsau' }, venue: null });
  assert.deepEqual(placeLevels('ruritania', new Map(), kb), { location: { actorId: 'ruritania', name: 'Ruritania' }, venue: null });
});

test('a venue known only within its country stays the location rather than widening to the country', () => {
  assert.deepEqual(placeLevels('summer-lodge', new Map(), kb).location, { actorId: 'summer-lodge', name: 'Summer Lodge' });
});

test('the shipped knowledge base gives every venue a within', async () => {
  const { loadKnowledgeBase } = await import('../actors/knowledge-base.ts');
  const shipped = loadKnowledgeBase();
  const venues = [...shipped.entries.values()].filter((e) => e.type === 'venue');
  assert.ok(venues.length > 10);
  for (const v of venues) assert.ok(v.within && shipped.entries.has(v.within), `${v.id} lies within a known place`);
  assert.equal(placeLevels('kremlin', new Map(), shipped).location.name, 'Moscow');
});
