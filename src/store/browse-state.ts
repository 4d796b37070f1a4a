// What the browse index needs beyond an event itself, shared by both adapters: the statuses it
// keeps depend on denials and source judgements stored apart from the event (a denial in a later
// report disputes an event that is not rebuilt), so the index records a fingerprint of them and
// re-indexes every event when it changes; and the country of each event's place.
import { createHash } from 'node:crypto';
import { countryOfPlace } from './browse-summary.ts';
import type { StoredActor } from './store.ts';

/** A digest of the denial claims and source judgements (active or undone) statuses were computed from. */
export function sourcesFingerprint(denialIds: readonly string[], judgements: readonly { id: number; undone: unknown }[]): string {
  const hash = createHash('sha1');
  for (const id of [...denialIds].sort()) hash.update(`d:${id}\n`);
  for (const j of [...judgements].sort((a, b) => a.id - b.id)) hash.update(`j:${j.id}:${j.undone ? 1 : 0}\n`);
  return hash.digest('hex');
}

/** Place id -> the country it is or lies within (null when none is known). */
export async function countriesOfPlaces(placeIds: readonly string[], getActors: (ids: readonly string[]) => Promise<StoredActor[]>): Promise<Map<string, string | null>> {
  const ids = [...new Set(placeIds)];
  if (!ids.length) return new Map();
  const places = await getActors(ids);
  const around = [...new Set(places.flatMap((p) => p.within))];
  const types = new Map<string, string | null>([...places, ...(around.length ? await getActors(around) : [])].map((a) => [a.id, a.placeType]));
  const byId = new Map(places.map((p) => [p.id, p]));
  return new Map(ids.map((id) => [id, countryOfPlace(byId.get(id), types)]));
}
