// The knowledge base: people, organizations and places shipped as JSON files under data/kb/,
// indexed by normalized, light and skeleton keys of every alias.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbEntry, Role } from '../core/types.ts';
import { lightKey, lightTokens, nameTokens, normalizeName, skeletonKey, skeletonToken, stemKey } from './name-key.ts';
import { analyzeName, compareNames, scriptOf } from './match/index.ts';

export const DEFAULT_KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));

export interface KnowledgeBase {
  entries: Map<string, KbEntry>;
  /** normalizeName(alias) -> ids */
  byName: Map<string, string[]>;
  /** lightKey(alias) -> ids */
  byLight: Map<string, string[]>;
  /** stemKey(alias) -> ids, for inflected scripts */
  byStem: Map<string, string[]>;
  /** skeletonKey(alias) -> aliases with their ids, for fuzzy candidates */
  bySkeleton: Map<string, Array<{ id: string; alias: string }>>;
  /** aliases in scripts written without spaces (Han), for substring search */
  unspaced: Array<{ alias: string; id: string }>;
  /** normalizeName(demonym) -> country (or organization) id */
  demonyms: Map<string, string>;
  /** first words of every alias (normalized, light and skeleton forms): where a name can begin */
  starts: Set<string>;
  /** longest alias, in tokens */
  maxTokens: number;
  /** person id -> ids of organizations and countries its roles are of (any date) */
  affiliations: Map<string, Set<string>>;
  /** people holding one of `roles` of `of` on `date` (any time when date is null) */
  holders(roles: readonly string[], of: string, date: string | null): KbEntry[];
  /**
   * The one person whose alias the name matcher accepts for `name` (a name found by its shape,
   * in any spelling or script), or null when none or several do. Candidates come from an index
   * of family-name keys, never from the whole knowledge base.
   */
  matchPerson(name: string, lang?: string): KbEntry | null;
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

export function buildKnowledgeBase(entries: KbEntry[]): KnowledgeBase {
  // family-name key -> person aliases, built on first use by matchPerson
  let byFamilyKey: Map<string, Array<{ id: string; alias: string }>> | null = null;
  const kb: KnowledgeBase = {
    entries: new Map(),
    byName: new Map(),
    byLight: new Map(),
    byStem: new Map(),
    bySkeleton: new Map(),
    unspaced: [],
    demonyms: new Map(),
    maxTokens: 1,
    starts: new Set(),
    affiliations: new Map(),
    matchPerson(name, lang) {
      if (!byFamilyKey) {
        byFamilyKey = new Map();
        for (const e of this.entries.values()) {
          if (e.kind !== 'person') continue;
          for (const alias of [e.name, ...e.aliases]) {
            // Latin aliases only (a found name is bridged towards Latin), keyed by the plain skeleton
            if (scriptOf(alias)) continue;
            const tokens = lightTokens(alias);
            if (tokens.length < 2) continue;
            const k = skeletonToken(tokens[tokens.length - 1]);
            const list = byFamilyKey.get(k) ?? [];
            list.push({ id: e.id, alias });
            byFamilyKey.set(k, list);
          }
        }
      }
      const last = analyzeName(name, lang ? { lang } : {}).tokens.at(-1);
      const ids = new Set<string>();
      const tried = new Set<string>();
      for (const k of last?.keys ?? [])
        for (const c of byFamilyKey.get(k) ?? []) {
          if (tried.has(c.alias)) continue;
          tried.add(c.alias);
          if (compareNames(name, c.alias, { kind: 'person', ...(lang ? { lang } : {}) }).match) ids.add(c.id);
        }
      return ids.size === 1 ? (this.entries.get([...ids][0]) ?? null) : null;
    },
    holders(roles, of, date) {
      const out: KbEntry[] = [];
      for (const e of this.entries.values()) {
        if (e.kind !== 'person' || !e.roles) continue;
        if (e.roles.some((r) => r.of === of && roles.includes(r.role) && roleActiveOn(r, date))) out.push(e);
      }
      return out;
    },
  };
  for (const entry of entries) {
    if (!entry || typeof entry.id !== 'string' || typeof entry.name !== 'string') continue;
    const known = kb.entries.get(entry.id);
    if (known) {
      known.aliases = [...new Set([...known.aliases, ...(entry.aliases ?? [])])];
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
    if (entry.kind === 'person') {
      const set = new Set<string>();
      for (const r of entry.roles ?? []) if (r.of) set.add(r.of);
      if (entry.country) set.add(entry.country);
      kb.affiliations.set(entry.id, set);
    }
  }
  kb.maxTokens = Math.min(kb.maxTokens, 8);
  return kb;
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
