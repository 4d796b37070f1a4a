// The settlement an event's place lies in, for exports: analysts map meetings by town, so a
// venue (the Kremlin, a presidential palace) is exported as the city it is `within` in the
// knowledge base, and kept beside it as the venue.
import type { StoredActor } from '../store/store.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { defaultKnowledgeBase } from '../kb/load.ts';

export interface PlaceLevels {
  /** the place to map: the venue's city, or the place itself when it is no venue */
  location: { actorId: string; name: string };
  /** the venue, when the place named is one */
  venue: { actorId: string; name: string } | null;
}

let shared: KnowledgeBase | null = null;
/** The shipped knowledge base, loaded only when a venue's city is not among the stored actors. */
const defaultKb = (): KnowledgeBase => (shared ??= defaultKnowledgeBase());

/**
 * The city a place lies in and the venue it is, from the stored actors (their type and `within`
 * chain, nearest first), falling back to the knowledge base for a city no document named. A
 * venue whose chain holds no city (a palace known only within its country) stays the location.
 */
export function placeLevels(placeId: string, actors: ReadonlyMap<string, StoredActor>, kb?: KnowledgeBase): PlaceLevels {
  const stored = actors.get(placeId);
  const nameOf = (id: string): string => actors.get(id)?.name ?? (kb ?? defaultKb()).entries.get(id)?.name ?? id;
  const typeOf = (id: string): string | undefined => actors.get(id)?.placeType ?? (kb ?? defaultKb()).entries.get(id)?.type;
  const self = { actorId: placeId, name: nameOf(placeId) };
  if (typeOf(placeId) !== 'venue') return { location: self, venue: null };
  const chain = stored?.within.length ? stored.within : chainOf(kb ?? defaultKb(), placeId);
  const city = chain.find((id) => typeOf(id) === 'city');
  return city ? { location: { actorId: city, name: nameOf(city) }, venue: self } : { location: self, venue: self };
}

function chainOf(kb: KnowledgeBase, id: string): string[] {
  const out: string[] = [];
  for (let next = kb.entries.get(id)?.within; next && next !== id && !out.includes(next) && out.length < 8; next = kb.entries.get(next)?.within) out.push(next);
  return out;
}
