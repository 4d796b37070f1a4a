import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KB_DIR, loadKnowledgeBase, roleActiveOn } from './knowledge-base.ts';
import type { KbEntry } from '../core/types.ts';

const kb = loadKnowledgeBase();

function allEntries(dir: string): KbEntry[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return allEntries(path);
    return name.endsWith('.json') ? (JSON.parse(readFileSync(path, 'utf8')) as KbEntry[]) : [];
  });
}

test('the shipped knowledge base is consistent: unique ids, references that exist', () => {
  const entries = allEntries(DEFAULT_KB_DIR);
  const ids = new Set<string>();
  for (const e of entries) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    assert.ok(['person', 'organization', 'place'].includes(e.kind), `${e.id}: kind ${e.kind}`);
  }
  for (const e of entries) {
    for (const ref of [e.within, e.capital, e.country, ...(e.roles ?? []).map((r) => r.of)]) if (ref) assert.ok(ids.has(ref), `${e.id} points at unknown ${ref}`);
    for (const r of e.roles ?? []) if (r.from && r.to) assert.ok(r.from <= r.to, `${e.id}: role ${r.role} ends before it starts`);
  }
  assert.ok(entries.filter((e) => e.kind === 'person').length > 500);
  assert.ok(entries.filter((e) => e.kind === 'place' && e.type === 'country').length >= 195);
});

test('no alias names two people', () => {
  for (const [key, ids] of kb.byName) {
    const people = ids.filter((id) => kb.entries.get(id)?.kind === 'person');
    assert.ok(people.length <= 1, `"${key}" names ${people.join(', ')}`);
  }
});

test('roles are read with their dates: the head of an organization on a given day', () => {
  assert.deepEqual(kb.holders(['secretary-general'], 'hezbollah', '2023-09-02').map((e) => e.id), ['hassan-nasrallah']);
  assert.deepEqual(kb.holders(['president'], 'iran', '2022-01-01').map((e) => e.id), ['ebrahim-raisi']);
  assert.ok(roleActiveOn({ role: 'x', from: '2021-08-03', to: '2024-05-19' }, '2024-05'));
  assert.ok(!roleActiveOn({ role: 'x', from: '2021-08-03', to: '2024-05-19' }, '2024-06-01'));
});

test('demonyms lead to their country, and a country to its capital', () => {
  assert.equal(kb.demonyms.get('lebanese'), 'lebanon');
  assert.equal(kb.entries.get(kb.entries.get('lebanon')!.capital!)?.name, 'Beirut');
});
