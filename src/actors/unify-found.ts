// Unknown actors across documents: "Nabil Qaouk" in one report and "Nabil Kaouk" in another are
// one actor. Found ids are mapped onto the first spelling seen that agrees (same skeleton, similar
// tokens), so the first document's spelling names the actor.
import type { DocumentAnalysis } from '../core/types.ts';
import { skeletonKey, spellingsAgree } from './name-key.ts';

export interface FoundRegistry {
  /** The canonical id for a found actor of this name (registering it when new). */
  resolve(id: string, name: string): string;
}

export function createFoundRegistry(known: Iterable<{ id: string; name: string }> = []): FoundRegistry {
  const bySkeleton = new Map<string, Array<{ id: string; name: string }>>();
  const ids = new Set<string>();
  const add = (id: string, name: string): void => {
    ids.add(id);
    const key = skeletonKey(name);
    bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), { id, name }]);
  };
  for (const k of known) if (k.id.startsWith('found:')) add(k.id, k.name);
  return {
    resolve(id, name) {
      if (ids.has(id)) return id;
      const same = bySkeleton.get(skeletonKey(name))?.find((c) => spellingsAgree(name, c.name));
      if (same) return same.id;
      add(id, name);
      return id;
    },
  };
}

/** The analysis with found actors renamed to their canonical ids (a new value; the input is kept). */
export function unifyFoundActors(analysis: DocumentAnalysis, registry: FoundRegistry): DocumentAnalysis {
  const map = new Map<string, string>();
  for (const a of analysis.actors) if (!a.fromKb && a.id.startsWith('found:')) map.set(a.id, registry.resolve(a.id, a.name));
  if ([...map].every(([from, to]) => from === to)) return analysis;
  const to = (id: string): string => map.get(id) ?? id;
  const actors = new Map<string, DocumentAnalysis['actors'][number]>();
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
