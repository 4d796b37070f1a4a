// The knowledge base: people, organizations and places shipped as JSON files under data/kb/,
// indexed by normalized, light and skeleton keys of every alias. The index is built once and frozen
// into one SharedArrayBuffer (shared-table.ts) that every analysis thread reads without a copy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbEntry, Role } from '../core/types.ts';
import { lightKey, lightTokens, nameTokens, normalizeName, skeletonKey, skeletonToken, stemKey } from './name-key.ts';
import { analyzeName, compareNames, scriptOf } from './match/index.ts';
import { addStrings, addTable, ArenaBuilder, arenaPart, SharedTable, StringPool, TableMap, TableSet, type ArenaImage } from './shared-table.ts';

export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

export interface KnowledgeBase {
  entries: ReadonlyMap<string, KbEntry>;
  /** normalizeName(alias) -> ids */
  byName: ReadonlyMap<string, string[]>;
  /** lightKey(alias) -> ids */
  byLight: ReadonlyMap<string, string[]>;
  /** stemKey(alias) -> ids, for inflected scripts */
  byStem: ReadonlyMap<string, string[]>;
  /** skeletonKey(alias) -> aliases with their ids, for fuzzy candidates */
  bySkeleton: ReadonlyMap<string, Array<{ id: string; alias: string }>>;
  /** aliases in scripts written without spaces (Han), for substring search */
  readonly unspaced: ReadonlyArray<{ alias: string; id: string }>;
  /** normalizeName(demonym) -> country (or organization) id */
  demonyms: ReadonlyMap<string, string>;
  /** first words of every alias (normalized, light and skeleton forms): where a name can begin */
  starts: ReadonlySet<string>;
  /** longest alias, in tokens */
  maxTokens: number;
  /** person id -> ids of organizations and countries its roles are of (any date) */
  affiliations: ReadonlyMap<string, Set<string>>;
  /** people holding one of `roles` of `of` on `date` (any time when date is null) */
  holders(roles: readonly string[], of: string, date: string | null): KbEntry[];
  /**
   * The one person whose alias the name matcher accepts for `name` (a name found by its shape,
   * in any spelling or script), or null when none or several do. Candidates come from an index
   * of family-name keys, never from the whole knowledge base.
   */
  matchPerson(name: string, lang?: string): KbEntry | null;
  /**
   * The entries of the given types (KbEntry.type: "news-agency", ...) in the base's order. Read
   * from an index in the image, so a thread parses only these entries, never the whole base (as
   * iterating `entries` would: ~0.5 s and ~8 MB of parsed entries per thread with the generated base).
   */
  entriesOfType(...types: string[]): KbEntry[];
  /**
   * The index and entries in one SharedArrayBuffer: posted to a worker thread, it is shared, not
   * copied, and openKnowledgeBase(image) there reads the same base without building it again.
   */
  image: ArenaImage;
}

/** The index while it is built (and pruned by src/kb/load.ts), before it is frozen into an image. */
export interface KbMaps {
  entries: Map<string, KbEntry>;
  byName: Map<string, string[]>;
  byLight: Map<string, string[]>;
  byStem: Map<string, string[]>;
  bySkeleton: Map<string, Array<{ id: string; alias: string }>>;
  unspaced: Array<{ alias: string; id: string }>;
  demonyms: Map<string, string>;
  starts: Set<string>;
  maxTokens: number;
}

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (name.endsWith('.json')) yield path;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export function roleActiveOn(role: Role, date: string | null): boolean {
  if (!date) return true;
  const from = role.from ?? '0000';
  const to = role.to ?? '9999';
  return from.slice(0, date.length) <= date && date <= to + (to.length < 10 ? '\uffff' : '');
}

/** Every alias's keys, as Maps (one thread's working copy, only while building). */
export function indexKnowledgeBase(entries: KbEntry[]): KbMaps {
  const kb: KbMaps = {
    entries: new Map(),
    byName: new Map(),
    byLight: new Map(),
    byStem: new Map(),
    bySkeleton: new Map(),
    unspaced: [],
    demonyms: new Map(),
    maxTokens: 1,
    starts: new Set(),
  };
  for (const entry of entries) {
    if (!entry || typeof entry.id !== 'string' || typeof entry.name !== 'string') continue;
    const known = kb.entries.get(entry.id);
    if (known) {
      // a later entry of a known id (an analyst's local actor) adds names and roles to it
      known.aliases = [...new Set([...known.aliases, ...(entry.aliases ?? [])])];
      const roles = (entry.roles ?? []).filter((r) => !known.roles?.some((k) => JSON.stringify(k) === JSON.stringify(r)));
      if (roles.length) known.roles = [...(known.roles ?? []), ...roles];
      continue;
    }
    kb.entries.set(entry.id, { ...entry, aliases: entry.aliases ?? [] });
  }
  for (const entry of kb.entries.values()) {
    for (const alias of [entry.name, ...entry.aliases]) {
      if (!alias || !alias.trim()) continue;
      if (UNSPACED.test(alias)) kb.unspaced.push({ alias, id: entry.id });
      const norm = normalizeName(alias);
      if (!norm) continue;
      push(kb.byName, norm, entry.id);
      const light = lightKey(alias);
      if (light) push(kb.byLight, light, entry.id);
      kb.starts.add(norm.split(' ')[0]);
      if (light) kb.starts.add(light.split(' ')[0]);
      const stem = stemKey(alias);
      if (stem) kb.starts.add(stem.split(' ')[0]);
      if (stem) push(kb.byStem, stem, entry.id);
      const skel = skeletonKey(alias);
      if (skel) kb.starts.add('~' + skel.split(' ')[0]);
      if (skel && skel.length >= 3) {
        const list = kb.bySkeleton.get(skel) ?? [];
        list.push({ id: entry.id, alias });
        kb.bySkeleton.set(skel, list);
      }
      kb.maxTokens = Math.max(kb.maxTokens, nameTokens(alias).length);
    }
    for (const demonym of entry.demonyms ?? []) {
      const key = normalizeName(demonym);
      if (key && !kb.demonyms.has(key)) kb.demonyms.set(key, entry.id);
    }
  }
  kb.maxTokens = Math.min(kb.maxTokens, 8);
  return kb;
}

/** The Maps laid out in one SharedArrayBuffer: entries as JSON, ids as entry numbers. */
export function freezeKnowledgeBase(maps: KbMaps): ArenaImage {
  const list = [...maps.entries.values()];
  const index = new Map(list.map((e, i) => [e.id, i]));
  const num = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`knowledge-base index names unknown entry "${id}"`);
    return i;
  };
  // the aliases the pair tables name, by number: a thread reads them without parsing the entry
  const aliasIndex = new Map<string, number>();
  const aliasNo = (alias: string): number => {
    let n = aliasIndex.get(alias);
    if (n === undefined) aliasIndex.set(alias, (n = aliasIndex.size));
    return n;
  };
  const pairs = (items: Array<{ id: string; alias: string }>): number[] => items.flatMap((c) => [num(c.id), aliasNo(c.alias)]);
  const ids = (m: Map<string, string[]>) => new Map([...m].map(([k, v]) => [k, v.map(num)]));
  // family-name key -> person aliases (Latin aliases only: a found name is bridged towards Latin), for matchPerson
  const family = new Map<string, Array<{ id: string; alias: string }>>();
  // country or organization -> the people with a role of it, for holders()
  const holders = new Map<string, number[]>();
  list.forEach((e, i) => {
    if (e.kind !== 'person') return;
    for (const alias of [e.name, ...e.aliases]) {
      if (scriptOf(alias)) continue;
      const tokens = lightTokens(alias);
      if (tokens.length < 2) continue;
      const k = skeletonToken(tokens[tokens.length - 1]);
      const items = family.get(k) ?? [];
      items.push({ id: e.id, alias });
      family.set(k, items);
    }
    for (const r of e.roles ?? []) if (r.of) push(holders, r.of, i);
  });
  // type -> entry numbers, in the base's order, for entriesOfType()
  const byType = new Map<string, number[]>();
  list.forEach((e, i) => {
    if (e.type) push(byType, e.type, i);
  });
  const arena = new ArenaBuilder();
  arena.add('meta', Int32Array.of(maps.maxTokens));
  addTable(arena, 'id', new Map(list.map((e, i) => [e.id, [i]])));
  addStrings(arena, 'entry', list.map((e) => JSON.stringify(e)));
  addStrings(arena, 'ids', list.map((e) => e.id));
  addTable(arena, 'name', ids(maps.byName));
  addTable(arena, 'light', ids(maps.byLight));
  addTable(arena, 'stem', ids(maps.byStem));
  addTable(arena, 'skeleton', new Map([...maps.bySkeleton].map(([k, v]) => [k, pairs(v)])));
  addTable(arena, 'family', new Map([...family].map(([k, v]) => [k, pairs(v)])));
  addTable(arena, 'holders', holders);
  addTable(arena, 'type', byType);
  addTable(arena, 'demonym', new Map([...maps.demonyms].map(([k, id]) => [k, [num(id)]])));
  addTable(arena, 'start', new Map([...maps.starts].map((k) => [k, []])));
  arena.add('unspaced', Int32Array.from(pairs(maps.unspaced)));
  addStrings(arena, 'alias', [...aliasIndex.keys()]);
  return arena.finish();
}

/**
 * The knowledge base over a frozen image (this thread's or one posted from another): lookups
 * read the shared tables; an entry is parsed from its JSON the first time this thread asks for it.
 */
export function openKnowledgeBase(image: ArenaImage): KnowledgeBase {
  const idTable = new SharedTable(image, 'id');
  const json = new StringPool(image, 'entry');
  const parsed: Array<KbEntry | undefined> = new Array(json.size);
  const entryAt = (i: number): KbEntry => (parsed[i] ??= JSON.parse(json.get(i)) as KbEntry);
  // ids and aliases come from their own pools: a lookup parses no entry
  const idPool = new StringPool(image, 'ids');
  const idStrings: Array<string | undefined> = new Array(idPool.size);
  const idAt = (i: number): string => (idStrings[i] ??= idPool.get(i));
  const aliasPool = new StringPool(image, 'alias');
  const aliasAt = (_i: number, n: number): string => aliasPool.get(n);
  const idList = (v: Int32Array): string[] => Array.from(v, idAt);
  const pairList = (v: Int32Array): Array<{ id: string; alias: string }> => {
    const out: Array<{ id: string; alias: string }> = [];
    for (let k = 0; k + 1 < v.length; k += 2) out.push({ id: idAt(v[k]), alias: aliasAt(v[k], v[k + 1]) });
    return out;
  };
  const family = new TableMap(new SharedTable(image, 'family'), pairList);
  const holderTable = new SharedTable(image, 'holders');
  const typeTable = new SharedTable(image, 'type');
  const unspacedPairs = arenaPart(image, 'unspaced', 'i32');
  let unspaced: Array<{ alias: string; id: string }> | null = null;
  const entries = new TableMap(idTable, (v) => entryAt(v[0]));
  return {
    image,
    entries,
    byName: new TableMap(new SharedTable(image, 'name'), idList),
    byLight: new TableMap(new SharedTable(image, 'light'), idList),
    byStem: new TableMap(new SharedTable(image, 'stem'), idList),
    bySkeleton: new TableMap(new SharedTable(image, 'skeleton'), pairList),
    get unspaced() {
      return (unspaced ??= pairList(unspacedPairs));
    },
    demonyms: new TableMap(new SharedTable(image, 'demonym'), (v) => idAt(v[0])),
    starts: new TableSet(new SharedTable(image, 'start')),
    maxTokens: arenaPart(image, 'meta', 'i32')[0],
    affiliations: new TableMap(idTable, (v) => {
      const e = entryAt(v[0]);
      if (e.kind !== 'person') return undefined;
      const set = new Set<string>();
      for (const r of e.roles ?? []) if (r.of) set.add(r.of);
      if (e.country) set.add(e.country);
      return set;
    }),
    matchPerson(name, lang) {
      const last = analyzeName(name, lang ? { lang } : {}).tokens.at(-1);
      const ids = new Set<string>();
      const tried = new Set<string>();
      for (const k of last?.keys ?? [])
        for (const c of family.get(k) ?? []) {
          if (tried.has(c.alias)) continue;
          tried.add(c.alias);
          if (compareNames(name, c.alias, { kind: 'person', ...(lang ? { lang } : {}) }).match) ids.add(c.id);
        }
      return ids.size === 1 ? (entries.get([...ids][0]) ?? null) : null;
    },
    entriesOfType(...types) {
      const nums: number[] = [];
      for (const type of new Set(types)) {
        const t = typeTable.find(type);
        if (t >= 0) nums.push(...typeTable.values(t));
      }
      return nums.sort((a, b) => a - b).map(entryAt);
    },
    holders(roles, of, date) {
      const out: KbEntry[] = [];
      const t = holderTable.find(of);
      if (t < 0) return out;
      for (const i of holderTable.values(t)) {
        const e = entryAt(i);
        if (e.roles!.some((r) => r.of === of && roles.includes(r.role) && roleActiveOn(r, date))) out.push(e);
      }
      return out;
    },
  };
}

export function buildKnowledgeBase(entries: KbEntry[]): KnowledgeBase {
  return openKnowledgeBase(freezeKnowledgeBase(indexKnowledgeBase(entries)));
}

export function loadKnowledgeBase(dir: string = DEFAULT_KB_DIR): KnowledgeBase {
  const entries: KbEntry[] = [];
  for (const path of jsonFiles(dir)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`knowledge base file ${path} is not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(data)) throw new Error(`knowledge base file ${path} must hold a JSON array`);
    entries.push(...(data as KbEntry[]));
  }
  return buildKnowledgeBase(entries);
}
