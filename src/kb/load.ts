// Reading the generated base (data/kb/generated/*.jsonl, one entry a line) beside the
// hand-written one. The generated files are JSON lines, not JSON arrays, so that
// loadKnowledgeBase (which reads every *.json array under data/kb/) does not pick them up
// unasked: a pipeline uses them through loadFullKnowledgeBase(), the default (PARLEY_KB=hand for
// the hand-written entries alone, see kbFromEnv).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbEntry, Role } from '../core/types.ts';
import { DEFAULT_KB_DIR, freezeKnowledgeBase, indexKnowledgeBase, openKnowledgeBase, type KnowledgeBase } from '../actors/knowledge-base.ts';
import type { ArenaImage } from '../actors/shared-table.ts';
import { cachedImage, inputsKey } from './image-cache.ts';
import { fileURLToPath } from 'node:url';
import { giveWay, type GeneratedEntry, type Link } from './build.ts';
import { DEFAULT_GENERATED_DIR, readHandWritten } from './generate.ts';
import { loadPositionMap } from './positions.ts';

export function* readJsonl<T>(path: string): Generator<T> {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) yield JSON.parse(text.slice(start, end)) as T;
    start = end + 1;
  }
}

/** The generated entries (people, places) of a folder, with the source fields they carry. */
export function readGenerated(dir: string = DEFAULT_GENERATED_DIR): GeneratedEntry[] {
  const out: GeneratedEntry[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.jsonl') || name === 'links.jsonl') continue;
    for (const e of readJsonl<GeneratedEntry>(join(dir, name))) out.push(e);
  }
  return out;
}

export function readLinks(dir: string = DEFAULT_GENERATED_DIR): Link[] {
  const path = join(dir, 'links.jsonl');
  return existsSync(path) ? [...readJsonl<Link>(path)] : [];
}

/**
 * Only what the matcher and the event stages read of a generated entry: the source ids,
 * coordinates and population stay in the files (and in `parley kb` answers), not in every
 * thread's copy of the base.
 */
export function compact(e: GeneratedEntry): KbEntry {
  const { source: _s, lat: _lat, lon: _lon, population: _p, ...entry } = e;
  return entry;
}

export interface FullLoadOptions {
  handDir?: string;
  generatedDir?: string;
  extra?: KbEntry[];
  /** generated cities smaller than this are not loaded (default 100,000) */
  cityPopulation?: number;
  /** let generated people match by consonant skeleton too (default false: exact and light keys only) */
  personSkeleton?: boolean;
  /**
   * Which imported people are loaded: 'key' (default), those who held a role that
   * data/kb/wikidata/positions.tsv maps to a role key (heads of state and government, foreign,
   * defence, interior and finance ministers, speakers ...); 'all', every office holder. Every
   * person costs index memory in each analysis thread (see README, "Knowledge base from open data").
   */
  people?: 'key' | 'all';
}

function prune<V>(index: Map<string, V[]>, drop: Set<string>, idOf: (v: V) => string): void {
  for (const [key, list] of index) {
    if (!list.some((v) => drop.has(idOf(v)))) continue;
    const kept = list.filter((v) => !drop.has(idOf(v)));
    if (kept.length) index.set(key, kept);
    else index.delete(key);
  }
}

/**
 * Hand-written entries first (they win where ids meet), then the generated ones, loaded for the
 * matcher with these limits (besides `people`, above), because the matcher's fuzzy keys (consonant skeleton, Russian stem)
 * were made for a curated base:
 * - generated cities below `cityPopulation` are left out (GeoNames' towns are named like common
 *   words and surnames: Republic, Alliance, Reigate for "Rigathi");
 * - generated places match by their exact and light keys only, never by consonant skeleton
 *   ("Minister" is Münster's skeleton); admin-1 regions are loaded for `within` but not matched
 *   by name at all (Cameroon's "North", "East");
 * - generated people match by exact and light keys (and the family-name matcher for names found
 *   by their shape), not by skeleton, unless `personSkeleton`: in Arabic-script text the
 *   consonant skeleton of two ordinary words often equals an imported name's;
 * - a name several imported people share resolves to none of them (a hand-written person of that
 *   name keeps it): the mention detector would take the first id, and the title path
 *   (kb.holders(role, of, date)) is what picks among holders by role and date.
 */
export function loadFullKnowledgeBase(options: FullLoadOptions = {}): KnowledgeBase {
  const { handDir = DEFAULT_KB_DIR, generatedDir = DEFAULT_GENERATED_DIR, ...rest } = options;
  const key = inputsKey([handDir, generatedDir, ...KEY_INPUTS], { base: 'full', ...rest });
  return openKnowledgeBase(cachedImage(key, () => buildFullImage(options)));
}

/** What the index's keys are made by, besides the entries: lexicon data and the name-key code. */
const KEY_INPUTS = ['../../data/lang/', '../actors/', '../text/', '../core/', './load.ts', './image-cache.ts'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** The hand-written base (with `extra` entries on top), through the image cache. */
export function loadHandKnowledgeBase(extra: readonly KbEntry[] = [], handDir: string = DEFAULT_KB_DIR): KnowledgeBase {
  const key = inputsKey([handDir, ...KEY_INPUTS], { base: 'hand', extra });
  return openKnowledgeBase(cachedImage(key, () => freezeKnowledgeBase(indexKnowledgeBase([...readHandWritten(handDir), ...extra]))));
}

function buildFullImage(options: FullLoadOptions): ArenaImage {
  const entries: KbEntry[] = readHandWritten(options.handDir ?? DEFAULT_KB_DIR);
  const minCity = options.cityPopulation ?? 100_000;
  const noSkeleton = new Set<string>();
  const noName = new Set<string>();
  const generatedIds = new Set<string>();
  const keyRoles = new Set(loadPositionMap().rules.map((r) => r.role));
  const allPeople = options.people === 'all';
  // an analyst's local terms are authoritative like hand-written ones: an imported term of the
  // same post gives way to them (the generated files already gave way to the hand-written ones)
  const localTerms = new Map<string, Role[]>();
  for (const x of options.extra ?? []) for (const r of x.roles ?? []) if (r.of) localTerms.set(`${r.role}\u0000${r.of}`, [...(localTerms.get(`${r.role}\u0000${r.of}`) ?? []), r]);
  for (const e of readGenerated(options.generatedDir)) {
    if (e.kind === 'place' && e.type === 'city' && (e.population ?? 0) < minCity) continue;
    if (localTerms.size && e.roles)
      e.roles = e.roles.flatMap((r) => {
        const kept = r.of ? giveWay({ ...r }, localTerms.get(`${r.role}\u0000${r.of}`)) : r;
        return kept ? [kept] : [];
      });
    if (e.kind === 'person' && !allPeople && !e.roles?.some((r) => keyRoles.has(r.role))) continue;
    generatedIds.add(e.id);
    if (e.kind === 'place' || !options.personSkeleton) noSkeleton.add(e.id);
    if (e.kind === 'place' && e.type === 'region') noName.add(e.id);
    entries.push(compact(e));
  }
  if (options.extra) entries.push(...options.extra);
  const kb = indexKnowledgeBase(entries);
  // (generated ids never take a hand-written id: build.ts gives them another)
  // one name, several people: a hand-written person keeps it (the base's own judgement); two
  // imported people with one name stay unresolved rather than the first one winning, since the
  // mention detector picks the first of several ids of one kind
  const generatedPeople = new Set([...generatedIds].filter((id) => kb.entries.get(id)?.kind === 'person'));
  for (const index of [kb.byName, kb.byLight]) {
    for (const [key, ids] of index) {
      const people = ids.filter((id) => kb.entries.get(id)?.kind === 'person');
      if (people.length < 2 || !people.some((id) => generatedPeople.has(id))) continue;
      const handPeople = people.filter((id) => !generatedPeople.has(id));
      const drop = new Set(handPeople.length ? people.filter((id) => generatedPeople.has(id)) : people);
      const kept = ids.filter((id) => !drop.has(id));
      if (kept.length) index.set(key, kept);
      else index.delete(key);
    }
  }
  prune(kb.bySkeleton, noSkeleton, (c) => c.id);
  prune(kb.byStem, noSkeleton, (id) => id); // Russian stems are fuzzy keys too (Китая is not Kitami)
  for (const index of [kb.byName, kb.byLight, kb.byStem]) prune(index, noName, (id) => id);
  kb.unspaced = kb.unspaced.filter((u) => !noName.has(u.id));
  return freezeKnowledgeBase(kb);
}

/**
 * The shipped base: the hand-written and generated entries (loadFullKnowledgeBase), or with
 * PARLEY_KB=hand the hand-written ones alone. An unknown value is an error, not a silent default.
 */
export function kbFromEnv(env: NodeJS.ProcessEnv = process.env): KnowledgeBase {
  return usesGenerated(env) ? loadFullKnowledgeBase() : loadHandKnowledgeBase();
}

function usesGenerated(env: NodeJS.ProcessEnv): boolean {
  const v = env.PARLEY_KB;
  if (v === undefined || v === '' || v === 'full') return true;
  if (v === 'hand') return false;
  throw new Error(`PARLEY_KB must be "full" (the default: hand-written and generated entries) or "hand" (hand-written only), not "${v}"`);
}

/**
 * The shipped base (as kbFromEnv chooses it) with an analyst's own entries on top (the database's
 * local actors, src/kb/local-actors.ts): a new id is one more actor; an id the base has adds its
 * aliases and roles to that entry. Local entries count as hand-written: a name they share with an
 * imported person stays theirs.
 */
export function knowledgeBaseWith(extra: readonly KbEntry[], env: NodeJS.ProcessEnv = process.env): KnowledgeBase {
  if (!extra.length) return defaultKnowledgeBase();
  return usesGenerated(env) ? loadFullKnowledgeBase({ extra: [...extra] }) : loadHandKnowledgeBase(extra);
}

let shipped: KnowledgeBase | null = null;
/**
 * The shipped base (as kbFromEnv chooses it), loaded once per process: every pipeline of the
 * process and, through its image, every analysis thread it starts read this one.
 */
export function defaultKnowledgeBase(): KnowledgeBase {
  return (shipped ??= kbFromEnv());
}
