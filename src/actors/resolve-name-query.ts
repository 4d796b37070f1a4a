// What an analyst types into an actor filter or a search box, resolved to knowledge-base actors:
// any alias in any script ("Путин", "Poutine", "بوتين"), case endings ("Путина"), other
// transliterations through the name matcher ("Makron"), and the start of a name ("Haniy").
// Each result says how it was reached, so the interface can say which actor a query resolved to.
import type { KnowledgeBase } from './knowledge-base.ts';
import { lightKey, normalizeName, skeletonKey, stemKey } from './name-key.ts';

export type ResolvedVia = 'alias' | 'spelling' | 'matcher' | 'prefix';

export interface ResolvedName {
  actorId: string;
  /** The actor's canonical name. */
  name: string;
  via: ResolvedVia;
  /** The alias the query reached it through (its own script and spelling). */
  matched: string;
}

/** The shortest query read as the start of a name: shorter ones would match half the base. */
export const MIN_PREFIX = 3;

export function resolveNameQuery(kb: KnowledgeBase, query: string, limit = 10): ResolvedName[] {
  const q = query.trim();
  const norm = normalizeName(q);
  if (!norm) return [];
  const out: ResolvedName[] = [];
  const seen = new Set<string>();
  const aliasOf = (id: string, key: (alias: string) => string | null | undefined, value: string) => {
    const e = kb.entries.get(id);
    return [e?.name ?? id, ...(e?.aliases ?? [])].find((a) => key(a) === value) ?? q;
  };
  const add = (ids: readonly string[] | undefined, via: ResolvedVia, matched: (id: string) => string) => {
    for (const id of ids ?? []) {
      if (seen.has(id) || out.length >= limit) continue;
      const entry = kb.entries.get(id);
      if (!entry) continue;
      seen.add(id);
      out.push({ actorId: id, name: entry.name, via, matched: matched(id) });
    }
  };
  add(kb.byName.get(norm), 'alias', (id) => aliasOf(id, normalizeName, norm));
  const light = lightKey(q);
  if (light) add(kb.byLight.get(light), 'spelling', (id) => aliasOf(id, lightKey, light));
  const stem = stemKey(q);
  if (stem) add(kb.byStem.get(stem), 'spelling', (id) => aliasOf(id, stemKey, stem));
  if (out.length === 0) {
    const person = kb.matchPerson(q);
    if (person) add([person.id], 'matcher', () => person.name);
  }
  if (out.length === 0) {
    // a skeleton (consonants, vowel classes) names candidates; only an unambiguous one is taken
    const skel = skeletonKey(q);
    const ids = [...new Set((skel && skel.length >= 4 ? kb.bySkeleton.get(skel) : undefined)?.map((c) => c.id) ?? [])];
    if (ids.length === 1) add(ids, 'spelling', (id) => kb.bySkeleton.get(skel!)!.find((c) => c.id === id)!.alias);
  }
  if (norm.length >= MIN_PREFIX && out.length < limit) {
    // the start of any word of any alias, people first
    const hits: { id: string; alias: string; person: boolean }[] = [];
    for (const [key, ids] of kb.byName) {
      if (!key.split(' ').some((word) => word.startsWith(norm))) continue;
      for (const id of ids) if (!seen.has(id)) hits.push({ id, alias: key, person: kb.entries.get(id)?.kind === 'person' });
    }
    hits.sort((a, b) => Number(b.person) - Number(a.person) || a.alias.length - b.alias.length || (a.id < b.id ? -1 : 1));
    for (const hit of hits) {
      add([hit.id], 'prefix', (id) => aliasOf(id, normalizeName, hit.alias));
    }
  }
  return out;
}
