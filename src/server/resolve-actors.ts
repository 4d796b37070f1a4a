// Actor filters that are not actor ids ("Путин", "Poutine", "Haniy") resolved to stored actors
// through the knowledge base and the name matcher (actors/resolve-name-query.ts), so every route
// that takes an actor filter reads any spelling and says what it resolved to.
import type { ResolvedName } from '../actors/resolve-name-query.ts';
import type { Store } from '../store/store.ts';

export type NameResolver = (query: string) => ResolvedName[];

export interface ActorResolution {
  query: string;
  actorId: string | null;
  name: string | null;
  via: ResolvedName['via'] | null;
  matched: string | null;
}

/** Stored actors a query names, most likely first (only actors the database holds). */
export async function resolveStored(store: Store, resolve: NameResolver | undefined, query: string): Promise<ResolvedName[]> {
  if (!resolve) return [];
  const candidates = resolve(query);
  if (!candidates.length) return [];
  const stored = new Map((await store.getActors(candidates.map((c) => c.actorId))).map((a) => [a.id, a]));
  return candidates.filter((c) => stored.has(c.actorId)).map((c) => ({ ...c, name: stored.get(c.actorId)!.name }));
}

/**
 * The actor ids to filter by: each value that is a stored actor id stays; any other is resolved
 * as a name (the first stored actor it reaches), and is kept as typed when nothing resolves
 * (the filter then finds nothing, and `resolutions` says so).
 */
export async function resolveActorFilter(
  store: Store,
  resolve: NameResolver | undefined,
  values: readonly string[] | undefined,
): Promise<{ ids: string[] | undefined; resolutions: ActorResolution[] }> {
  if (!values?.length) return { ids: values ? [...values] : undefined, resolutions: [] };
  const known = new Set((await store.getActors(values)).map((a) => a.id));
  const resolutions: ActorResolution[] = [];
  const ids: string[] = [];
  for (const value of values) {
    if (known.has(value)) {
      ids.push(value);
      continue;
    }
    const hit = (await resolveStored(store, resolve, value))[0];
    resolutions.push({ query: value, actorId: hit?.actorId ?? null, name: hit?.name ?? null, via: hit?.via ?? null, matched: hit?.matched ?? null });
    ids.push(hit?.actorId ?? value);
  }
  return { ids, resolutions };
}
