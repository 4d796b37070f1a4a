// One merged event as readers see it: the mode, date and place its reports agree on.
import type { EventMode, PlaceType } from '../core/types.ts';
import type { StoredActor, StoredEvent } from '../store/store.ts';

export interface EventSummary {
  id: string;
  type: 'CONSULT';
  mode: EventMode;
  /** Actor ids, in order of first appearance over the reports. */
  participants: string[];
  date: string | null;
  /** Place actor id and canonical name. */
  place: { actorId: string; name: string } | null;
  documents: string[];
}

const SPECIFICITY: Record<PlaceType, number> = { venue: 4, city: 3, region: 2, country: 1 };

/** The value most entries have; ties go to the one `better` prefers, then the first seen. */
function mostCommon<T>(values: readonly T[], better: (a: T, b: T) => number = () => 0): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (best === null || count > bestCount || (count === bestCount && better(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function summarizeEvent(event: StoredEvent, actors: ReadonlyMap<string, StoredActor>): EventSummary {
  const participants: string[] = [];
  for (const report of event.reports) {
    for (const p of report.participants) if (!participants.includes(p.actorId)) participants.push(p.actorId);
  }
  const mode = mostCommon(event.reports.map((r) => r.mode)) ?? 'meet';
  // The date most reports state; ties to a date the text states in words, then the earliest.
  const stated = new Set(event.reports.filter((r) => r.date?.span).map((r) => r.date!.value));
  const date = mostCommon(
    event.reports.filter((r) => r.date).map((r) => r.date!.value),
    (a, b) => Number(stated.has(b)) - Number(stated.has(a)) || (a < b ? -1 : a > b ? 1 : 0),
  );
  // The most specific place named; among equally specific ones, the one most reports name.
  const placeIds = event.reports.filter((r) => r.place).map((r) => r.place!.actorId);
  const specificity = (id: string) => {
    const type = actors.get(id)?.placeType;
    return type ? SPECIFICITY[type] : 0;
  };
  const top = Math.max(0, ...placeIds.map(specificity));
  const placeId = mostCommon(placeIds.filter((id) => specificity(id) === top));
  const documents = [...new Set(event.reports.map((r) => r.docId))].sort();
  return {
    id: event.id,
    type: 'CONSULT',
    mode,
    participants,
    date,
    place: placeId ? { actorId: placeId, name: actors.get(placeId)?.name ?? placeId } : null,
    documents,
  };
}

export function actorIndex(actors: readonly StoredActor[]): Map<string, StoredActor> {
  return new Map(actors.map((a) => [a.id, a]));
}
