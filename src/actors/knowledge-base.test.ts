import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KB_DIR, loadKnowledgeBase, roleActiveOn } from './knowledge-base.ts';
import type { KbEntry } from '../core/types.ts';
import { normalizeName } from './name-key.ts';

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

// Scripts of the languages Parley reads; Persian is told from Arabic by its own letters.
const SCRIPTS: Record<string, RegExp> = {
  arabic: /\p{Script=Arabic}/u,
  persian: /[\u067e\u0686\u0698\u06a9\u06af\u06cc]/u,
  hebrew: /\p{Script=Hebrew}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  han: /\p{Script=Han}/u,
};
const P5 = ['united-states', 'china', 'russia', 'france', 'united-kingdom'];
const LEADING = ['president', 'prime-minister', 'chancellor', 'king', 'foreign-minister'];

function scriptsOf(e: KbEntry): Set<string> {
  const found = new Set<string>();
  for (const alias of [e.name, ...e.aliases]) for (const [script, re] of Object.entries(SCRIPTS)) if (re.test(alias)) found.add(script);
  return found;
}

test('the heads and foreign ministers of the P5 since 2015 carry labels in Arabic, Hebrew, Cyrillic and Han script', () => {
  const people = [...kb.entries.values()].filter(
    (e) => e.kind === 'person' && (e.roles ?? []).some((r) => P5.includes(r.of ?? '') && LEADING.includes(r.role) && (r.to ?? '9999') >= '2015'),
  );
  assert.ok(people.length >= 40, `only ${people.length} P5 leaders`);
  for (const e of people) {
    const have = scriptsOf(e);
    for (const script of ['arabic', 'hebrew', 'cyrillic', 'han']) assert.ok(have.has(script), `${e.id} has no ${script} label`);
  }
});

test('the heads of the P5 on a given day are found by their names in every script Parley reads', () => {
  for (const date of ['2016-06-01', '2020-06-01', '2025-06-01']) {
    for (const country of P5) {
      const heads = kb.holders(['president', 'prime-minister'], country, date);
      assert.ok(heads.length >= 1, `nobody heads ${country} on ${date}`);
      for (const e of heads) {
        const have = scriptsOf(e);
        for (const script of ['arabic', 'hebrew', 'cyrillic', 'han']) assert.ok(have.has(script), `${e.id} (${country}, ${date}) has no ${script} label`);
      }
    }
  }
  const xi = kb.entries.get('xi-jinping')!;
  for (const label of ['习近平', '習近平', 'Си Цзиньпин', 'شي جين بينغ']) assert.ok(xi.aliases.includes(label), `Xi Jinping lacks ${label}`);
  // Persian spells many names as Arabic does, but not these
  for (const [id, label] of [['donald-trump', 'ترامپ'], ['emmanuel-macron', 'مکرون'], ['keir-starmer', 'استارمر'], ['li-qiang', 'لی چیانگ']]) {
    assert.ok(kb.entries.get(id)!.aliases.includes(label), `${id} lacks ${label}`);
  }
  for (const label of ['Poutine', 'Путин', '普京', 'بوتين', 'پوتین', 'פוטין']) assert.ok(kb.entries.get('vladimir-putin')!.aliases.includes(label), `Putin lacks ${label}`);
});

test('every country is named in Arabic, Hebrew, Cyrillic and Han script and its people in Arabic and Cyrillic', () => {
  const countries = [...kb.entries.values()].filter((e) => e.kind === 'place' && e.type === 'country');
  for (const e of countries) {
    const have = scriptsOf(e);
    for (const script of ['arabic', 'hebrew', 'cyrillic', 'han']) assert.ok(have.has(script), `${e.id} has no ${script} name`);
  }
  const withDemonyms = (re: RegExp) => countries.filter((e) => (e.demonyms ?? []).some((d) => re.test(d))).length;
  assert.ok(withDemonyms(SCRIPTS.arabic) >= 150, 'Arabic demonyms');
  assert.ok(withDemonyms(SCRIPTS.cyrillic) >= 175, 'Russian demonyms');
  assert.ok(withDemonyms(SCRIPTS.hebrew) >= 130, 'Hebrew demonyms');
  assert.equal(kb.demonyms.get(normalizeName('האיראני')), 'iran');
  assert.equal(kb.demonyms.get(normalizeName('иранского')), 'iran');
  assert.equal(kb.demonyms.get(normalizeName('الإيرانية')), 'iran');
});

// Names one spelling truly gives to two entries of a kind (unvocalized Arabic writes Oman and Amman alike).
const AMBIGUOUS = new Set(['عمان']);

test('no alias is shared by two entries of one kind, unless the spelling is truly ambiguous', () => {
  const seen = new Map<string, string>();
  for (const e of kb.entries.values()) {
    for (const alias of new Set([e.name, ...e.aliases])) {
      const key = `${e.kind}\u0000${normalizeName(alias)}`;
      const other = seen.get(key);
      if (other && other !== e.id && !AMBIGUOUS.has(normalizeName(alias))) assert.fail(`"${alias}" names both ${other} and ${e.id}`);
      seen.set(key, e.id);
    }
  }
});

test('people added for Asia, Africa and Latin America hold dated roles and resolve by their native-script names', () => {
  assert.deepEqual(kb.holders(['president'], 'rwanda', '2024-01-01').map((e) => e.id), ['paul-kagame']);
  assert.deepEqual(kb.holders(['prime-minister'], 'bangladesh', '2020-01-01').map((e) => e.id), ['sheikh-hasina']);
  assert.deepEqual(kb.holders(['president'], 'peru', '2023-06-01').map((e) => e.id), ['dina-boluarte']);
  assert.deepEqual(kb.holders(['secretary-general'], 'asean', '2024-01-01').map((e) => e.id), ['kao-kim-hourn']);
  assert.deepEqual(kb.holders(['secretary-general'], 'oic', '2023-01-01').map((e) => e.id), ['hissein-brahim-taha']);
  assert.deepEqual(kb.byName.get(normalizeName('Шейх Хасина')), ['sheikh-hasina']);
  assert.deepEqual(kb.byName.get(normalizeName('洪森')), ['hun-sen']);
  for (const e of kb.entries.values()) {
    for (const r of e.roles ?? []) {
      for (const d of [r.from, r.to]) if (d) assert.match(d, /^\d{4}(-\d\d){0,2}$/, `${e.id}: role date ${d}`);
    }
  }
});
