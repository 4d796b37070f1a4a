// What the browse index needs beyond an event itself, shared by both adapters: the statuses it
// keeps depend on denials and source judgements stored apart from the event (a denial in a later
// report disputes an event that is not rebuilt), so the index records what they were
// (staleBySources) and re-indexes the events a change can touch; and the country of each
// event's place.
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

/** What the statuses were computed from, kept in browse_state: the judgements' digest, each denial's people. */
interface SourcesState {
  judgements: string;
  denials: Record<string, string[]>;
}

/**
 * Which summaries a change of denials or source judgements makes stale. A judgement changed
 * (an analyst's act, rare): all of them. Denials added or gone (documents stored or re-extracted):
 * only the events of their people, since a denial is linked to events sharing its people
 * (sources/link-denials.ts), so an ingest that stores a denial does not re-index the record.
 * `previous` is the state stored last (absent or unreadable: all are stale).
 */
export function staleBySources(
  previous: string | undefined,
  denials: readonly { id: string; participants: string }[],
  judgements: readonly { id: number; undone: unknown }[],
): { state: string; all: boolean; actors: string[] } {
  const next: SourcesState = { judgements: sourcesFingerprint([], judgements), denials: {} };
  for (const d of denials) next.denials[d.id] = JSON.parse(d.participants) as string[];
  const state = JSON.stringify(next);
  let before: SourcesState | null = null;
  try {
    const parsed = previous === undefined ? null : (JSON.parse(previous) as SourcesState);
    if (parsed && typeof parsed.judgements === 'string' && parsed.denials && typeof parsed.denials === 'object') before = parsed;
  } catch {
    before = null;
  }
  // the digest an older Parley kept of the same denials and judgements: nothing changed since
  if (!before && previous === sourcesFingerprint(denials.map((d) => d.id), judgements)) return { state, all: false, actors: [] };
  if (!before || before.judgements !== next.judgements) return { state, all: true, actors: [] };
  const actors = new Set<string>();
  for (const [id, people] of Object.entries(next.denials)) if (!(id in before.denials)) for (const p of people) actors.add(p);
  for (const [id, people] of Object.entries(before.denials)) if (!(id in next.denials)) for (const p of people) actors.add(p);
  return { state, all: false, actors: [...actors].sort() };
}
