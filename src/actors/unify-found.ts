// Unknown actors across documents: "Nabil Qaouk" in one report and "Nabil Kaouk" in another are
// one actor. Found ids are mapped onto the first spelling seen that the name matcher accepts
// (src/actors/match), so the first document's spelling names the actor; different people
// (Hassan / Hussein Qaouk) stay apart.
import type { StoredAnalysis } from '../core/types.ts';
import { analyzeName, compareNames } from './match/index.ts';

export interface FoundRegistry {
  /** The canonical id for a found actor of this name (registering it when new). */
  resolve(id: string, name: string): string;
}

export function createFoundRegistry(known: Iterable<{ id: string; name: string }> = []): FoundRegistry {
  // blocking: every transliteration key of every token -> actors; a new name is compared only
  // with actors sharing a key of its last token (the family name, usually), never with all
  const byKey = new Map<string, Array<{ id: string; name: string }>>();
  const ids = new Set<string>();
  const add = (id: string, name: string): void => {
    ids.add(id);
    for (const t of analyzeName(name).tokens)
      for (const k of t.keys) {
        const list = byKey.get(k);
        if (!list) byKey.set(k, [{ id, name }]);
        else if (!list.some((c) => c.id === id)) list.push({ id, name });
      }
  };
  for (const k of known) if (k.id.startsWith('found:')) add(k.id, k.name);
  return {
    resolve(id, name) {
      if (ids.has(id)) return id;
      const last = analyzeName(name).tokens.at(-1);
      let best: { id: string; score: number } | null = null;
      const seen = new Set<string>();
      for (const k of last?.keys ?? [])
        for (const c of byKey.get(k) ?? []) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          const r = compareNames(name, c.name, { kind: 'person' });
          if (r.match && (!best || r.score > best.score)) best = { id: c.id, score: r.score };
        }
      if (best) return best.id;
      add(id, name);
      return id;
    },
  };
}

/** The analysis with found actors renamed to their canonical ids (a new value; the input is kept). */
export function unifyFoundActors<A extends StoredAnalysis>(analysis: A, registry: FoundRegistry): A {
  const map = new Map<string, string>();
  for (const a of analysis.actors) if (!a.fromKb && a.id.startsWith('found:')) map.set(a.id, registry.resolve(a.id, a.name));
  if ([...map].every(([from, to]) => from === to)) return analysis;
  const to = (id: string): string => map.get(id) ?? id;
  const actors = new Map<string, StoredAnalysis['actors'][number]>();
  for (const a of analysis.actors) {
    const id = to(a.id);
    const known = actors.get(id);
    actors.set(id, known ? { ...known, aliases: [...new Set([...known.aliases, ...a.aliases])] } : { ...a, id });
  }
  return {
    ...analysis,
    actors: [...actors.values()],
    mentions: analysis.mentions.map((m) => ({ ...m, actorIds: m.actorIds.map(to) })),
    reports: analysis.reports.map((r) => {
      const merged = new Map<string, (typeof r.participants)[number]['spans']>();
      for (const p of r.participants) merged.set(to(p.actorId), [...(merged.get(to(p.actorId)) ?? []), ...p.spans]);
      return { ...r, participants: [...merged].map(([actorId, spans]) => ({ actorId, spans })) };
    }),
  };
}
