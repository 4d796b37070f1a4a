// How often the name matcher resolves the native spellings (Arabic, Persian, Hebrew, Cyrillic,
// Han) of the gold people in the corpora, with the imported people alone (no hand-written entry
// to lean on), before and after the derived spellings of native-names.ts, and with the whole base.
//
//   node --import ./src/runtime/register.mjs src/kb/native-report.ts [CORPUS_DIR ...]   (default: ../shared/corpus*/*)
//
// A native spelling counts once per person and spelling, where it occurs in a document of the
// corpus. Resolved: the matcher's one answer is the gold person (its canonical name normalized
// is the gold name or an alias, as the scorer maps names); wrong: another person; unresolved:
// none, or several with one key (a name collision left open).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbEntry } from '../core/types.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../actors/knowledge-base.ts';
import { normalizeName, skeletonKey } from '../actors/name-key.ts';
import { scriptOf } from '../actors/match/index.ts';
import { detectLanguage } from '../text/detect-language.ts';
import type { GeneratedEntry } from './build.ts';
import { buildPeople, buildPlaces } from './build.ts';
import { readHandWritten } from './generate.ts';
import { readCountries } from './geonames.ts';
import { loadPositionMap } from './positions.ts';
import { readHolders, readJurisdictions } from './wikidata.ts';
import { compact, readGenerated } from './load.ts';
import { NATIVE_TARGETS, nativeSpelling } from './native-names.ts';

interface GoldActor {
  key: string;
  kind: string;
  name: string;
  aliases?: string[];
}

const HAN = /\p{Script=Han}/u;
const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export interface Outcome {
  resolved: number;
  wrong: number;
  unresolved: number;
}

/** The matcher's one person for a name: an exact key, else its skeleton, else matchPerson; null when none or several. */
export function resolvePerson(kb: KnowledgeBase, name: string, lang: string): KbEntry | null {
  const persons = (ids: string[] | undefined) => [...new Set(ids ?? [])].filter((id) => kb.entries.get(id)?.kind === 'person');
  const exact = persons(kb.byName.get(normalizeName(name)));
  if (exact.length === 1) return kb.entries.get(exact[0])!;
  if (exact.length > 1) return null;
  const skel = persons(kb.bySkeleton.get(skeletonKey(name, lang))?.map((c) => c.id));
  if (skel.length === 1) return kb.entries.get(skel[0])!;
  if (skel.length > 1) return null;
  return kb.matchPerson(name, lang);
}

function corpusDirs(args: string[]): string[] {
  if (args.length) return args.map((a) => resolve(a));
  const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
  const out: string[] = [];
  for (const top of readdirSync(shared).filter((n) => n.startsWith('corpus'))) {
    for (const d of readdirSync(join(shared, top))) if (existsSync(join(shared, top, d, 'actors.json'))) out.push(join(shared, top, d));
  }
  return out;
}

/** Native spellings of gold people that occur in a corpus: [gold actor, spelling, language]. */
export function nativeSpellings(dir: string): Array<{ actor: GoldActor; spelling: string; lang: string }> {
  const actors = JSON.parse(readFileSync(join(dir, 'actors.json'), 'utf8')) as GoldActor[];
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { text, lang: detectLanguage(text) as string };
    });
  const out: Array<{ actor: GoldActor; spelling: string; lang: string }> = [];
  for (const actor of actors) {
    if (actor.kind !== 'person') continue;
    for (const spelling of new Set([actor.name, ...(actor.aliases ?? [])])) {
      if (!scriptOf(spelling) && !HAN.test(spelling)) continue;
      const doc = docs.find((d) => d.text.includes(spelling));
      if (doc) out.push({ actor, spelling, lang: doc.lang });
    }
  }
  return out;
}

function score(kb: KnowledgeBase, items: ReturnType<typeof nativeSpellings>): Outcome {
  const o: Outcome = { resolved: 0, wrong: 0, unresolved: 0 };
  for (const { actor, spelling, lang } of items) {
    const e = resolvePerson(kb, spelling, lang);
    if (!e) o.unresolved++;
    else if ([actor.name, ...(actor.aliases ?? [])].some((a) => norm(a) === norm(e.name))) o.resolved++;
    else o.wrong++;
  }
  return o;
}

export function withDerived(people: GeneratedEntry[]): KbEntry[] {
  return people.map((p) => {
    const e = compact(p);
    const aliases = new Set(e.aliases);
    for (const t of NATIVE_TARGETS) {
      const s = nativeSpelling(e.name, t);
      if (s) aliases.add(s);
    }
    return { ...e, aliases: [...aliases] };
  });
}

/** Every office holder as imported, none linked away to a hand-written entry (English labels only). */
async function importedPeople(): Promise<GeneratedEntry[]> {
  const data = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
  const wd = join(data, 'wikidata-office-holders');
  const handWritten = readHandWritten();
  const { countryIndex } = await buildPlaces({
    countries: readCountries(join(data, 'geonames', 'countryInfo.tsv')),
    admin1: (async function* () {})(),
    places: (async function* () {})(),
    languages: ['en'],
    handWritten,
  });
  const { people } = await buildPeople({
    rows: readHolders(join(wd, 'holders21_all.csv')),
    positions: loadPositionMap(),
    jurisdictions: await readJurisdictions(join(wd, 'repo_jurisdictions.csv')),
    countryIndex,
    handWritten: handWritten.filter((e) => e.kind !== 'person'),
  });
  return people;
}

function explain(kb: KnowledgeBase, items: ReturnType<typeof nativeSpellings>, label: string): void {
  for (const { actor, spelling, lang } of items) {
    const e = resolvePerson(kb, spelling, lang);
    if (e && ![actor.name, ...(actor.aliases ?? [])].some((a) => norm(a) === norm(e.name))) console.log(`    ${label} wrong: ${spelling} (${lang}) -> ${e.name}, gold ${actor.name}`);
  }
}

async function main(): Promise<void> {
  const dirs = corpusDirs(process.argv.slice(2));
  const generated = readGenerated();
  const people = await importedPeople();
  const countries = readHandWritten().filter((e) => e.kind === 'place');
  const imported = buildKnowledgeBase([...countries, ...people.map(compact).map((e) => ({ ...e, aliases: e.aliases.filter((a) => !scriptOf(a)) }))]);
  const derived = buildKnowledgeBase([...countries, ...withDerived(people)]);
  const full = buildKnowledgeBase([...readHandWritten(), ...withDerived(generated.filter((e) => e.kind === 'person')), ...generated.filter((e) => e.kind !== 'person').map(compact)]);
  const hand = buildKnowledgeBase(readHandWritten());
  const importedNames = new Set(people.map((p) => norm(p.name)));
  const pct = (o: Outcome) => {
    const n = o.resolved + o.wrong + o.unresolved;
    return `${o.resolved}/${n} resolved (${n ? Math.round((100 * o.resolved) / n) : 0}%), ${o.wrong} wrong, ${o.unresolved} unresolved`;
  };
  const all: ReturnType<typeof nativeSpellings> = [];
  for (const dir of dirs) {
    const items = nativeSpellings(dir);
    all.push(...items);
    // people in the office-holder data: the imported base can know them
    const inData = items.filter((i) => [i.actor.name, ...(i.actor.aliases ?? [])].some((a) => importedNames.has(norm(a))));
    console.log(`${dir}: ${items.length} native spellings of ${new Set(items.map((i) => i.actor.key)).size} gold people; ${inData.length} of people in the office-holder data`);
    console.log(`  imported people, English labels only: ${pct(score(imported, inData))}`);
    console.log(`  imported people + derived spellings:  ${pct(score(derived, inData))}`);
    console.log(`  hand-written base (all spellings):    ${pct(score(hand, items))}`);
    console.log(`  whole base (hand-written + generated + derived, all spellings): ${pct(score(full, items))}`);
    explain(derived, inData, 'imported + derived');
    explain(full, items, 'whole base');
  }
  const inData = all.filter((i) => [i.actor.name, ...(i.actor.aliases ?? [])].some((a) => importedNames.has(norm(a))));
  const byScript = new Map<string, typeof inData>();
  for (const i of inData) {
    const s = HAN.test(i.spelling) ? 'Han' : (scriptOf(i.spelling)?.script ?? '?') + (i.lang === 'fa' ? ' (fa)' : '');
    byScript.set(s, [...(byScript.get(s) ?? []), i]);
  }
  console.log('all corpora, people in the office-holder data, per script (imported only -> with derived spellings):');
  for (const [s, items] of [...byScript].sort()) console.log(`  ${s}: ${pct(score(imported, items))} -> ${pct(score(derived, items))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
