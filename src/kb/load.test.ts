// The shipped base (data/kb/generated/ beside the hand-written entries) answers dated role
// questions, and loads for the matcher with its limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdersOf } from '../cli/kb.ts';
import { readHandWritten } from './generate.ts';
import { loadFullKnowledgeBase, readGenerated, readLinks } from './load.ts';
import { normalizeName } from '../actors/name-key.ts';

const entries = [...readHandWritten(), ...readGenerated()];

test("who was Iran's foreign minister on 2023-05-03: Hossein Amir-Abdollahian, with his Wikidata id", () => {
  const found = holdersOf(entries, 'foreign-minister', 'iran', '2023-05-03');
  assert.deepEqual(found.map((f) => f.name), ['Hossein Amir-Abdollahian']);
  // he is hand-written; the generated base links that entry to Wikidata rather than repeating it
  assert.ok(readLinks().some((l) => l.id === found[0].id && l.wikidata === 'Q17991320'));
  // and the one before him, from the imported data alone
  const before = holdersOf(entries, 'foreign-minister', 'iran', '2019-01-01');
  assert.deepEqual(before.map((f) => f.name), ['Mohammad Javad Zarif']);
});

test("Spain's prime minister in 2024 is Pedro Sánchez (an imported open-ended term), and only he", () => {
  const found = holdersOf(entries, 'prime-minister', 'spain', '2024');
  assert.deepEqual(found.map((f) => [f.name, f.source]), [['Pedro Sánchez', 'wikidata Q6070218']]);
});

test('the generated base: over 20,000 people with dated roles, over 30,000 places with coordinates, every entry with its source id', () => {
  const generated = readGenerated();
  const people = generated.filter((e) => e.kind === 'person');
  const places = generated.filter((e) => e.kind === 'place');
  assert.ok(people.filter((p) => p.roles?.some((r) => r.from)).length >= 20_000);
  const placed = places.filter((p) => p.lat !== undefined).length + readLinks().filter((l) => l.lat !== undefined).length;
  assert.ok(placed >= 30_000, String(placed));
  assert.ok(people.every((p) => /^Q\d+$/.test(p.source.wikidata ?? '')));
  assert.ok(places.every((p) => /^\d+$/.test(p.source.geonames ?? '')));
  // within: city -> region -> country
  const byId = new Map(generated.map((e) => [e.id, e]));
  const city = places.find((p) => p.name === 'Ābdānān')!; // Abdanan, Ilam province, Iran
  assert.equal(byId.get(city.within!)?.within, 'iran');
});

test('loaded for the matcher: the whole base resolves an imported name, the kb answers holders() on a date', () => {
  const kb = loadFullKnowledgeBase();
  assert.equal(kb.holders(['foreign-minister'], 'iran', '2023-05-03').map((e) => e.name).join(), 'Hossein Amir-Abdollahian');
  const ids = kb.byName.get('pedro sanchez') ?? [];
  assert.ok(ids.includes('pedro-sanchez'));
  // generated regions are not matched by name; generated places not by skeleton
  const region = readGenerated().find((e) => e.type === 'region')!;
  assert.ok(kb.entries.has(region.id));
  assert.ok(![...kb.byName.values()].some((list) => list.includes(region.id)));
});

test('name collisions: two imported people with one name stay unresolved; a hand-written person keeps a name an imported one shares', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'parley-kbgen-'));
  try {
    const person = (id: string, name: string, qid: string, of: string) =>
      JSON.stringify({ id, kind: 'person', name, aliases: [], source: { wikidata: qid }, country: of, roles: [{ role: 'foreign-minister', of, from: '2001' }] });
    writeFileSync(
      join(dir, 'people.jsonl'),
      [person('karim-haddad', 'Karim Haddad', 'Q90001', 'atlantis'), person('karim-haddad-q90002', 'Karim Haddad', 'Q90002', 'lemuria'), person('ismail-haniyeh-q90003', 'Ismail Haniyeh', 'Q90003', 'palestine'), person('lena-varga', 'Lena Varga', 'Q90004', 'hungary')].join('\n') + '\n',
    );
    const kb = loadFullKnowledgeBase({ generatedDir: dir });
    assert.equal(kb.byName.get('karim haddad'), undefined);
    assert.deepEqual(kb.byName.get('ismail haniyeh'), ['ismail-haniyeh']);
    assert.deepEqual(kb.byName.get('lena varga'), ['lena-varga']);
    // the title path still tells the two apart by role, country and date
    assert.deepEqual(kb.holders(['foreign-minister'], 'lemuria', '2005').map((e) => e.id), ['karim-haddad-q90002']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the data README's known facts, asked of the base ingest loads: Iran's foreign minister on 2023-05-03, Spain's prime minister in 2024, the NPC Standing Committee's chairman in 2023", () => {
  const kb = loadFullKnowledgeBase();
  const who = (role: string, of: string, date: string) => kb.holders([role], of, date).map((e) => e.name);
  assert.deepEqual(who('foreign-minister', 'iran', '2023-05-03'), ['Hossein Amir-Abdollahian']);
  assert.deepEqual(who('prime-minister', 'spain', '2024'), ['Pedro Sánchez']);
  // missing from the office-holder extract (frozen before March 2023): hand-written
  assert.deepEqual(who('speaker', 'china', '2023-06-01'), ['Zhao Leji']);
  // and by name, in the scripts his entry carries
  for (const name of ['Zhao Leji', 'Чжао Лэцзи']) assert.deepEqual(kb.byName.get(normalizeName(name)), ['zhao-leji'], name);
});
