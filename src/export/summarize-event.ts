// One event as readers see it: the fields the store derives from its reports and the analysts'
// judgements (see merge/derive-event.ts), with names for ids.
import type { EventMode } from '../core/types.ts';
import type { EventConflict, StoredActor, StoredEvent } from '../store/store.ts';

export interface EventSummary {
  id: string;
  type: 'CONSULT';
  mode: EventMode;
  /** Actor ids, in order of first appearance over the reports (or as an analyst set them). */
  participants: string[];
  date: string | null;
  /** Place actor id and canonical name. */
  place: { actorId: string; name: string } | null;
  documents: string[];
  conflicts: EventConflict[];
}

export function summarizeEvent(event: StoredEvent, actors: ReadonlyMap<string, StoredActor>): EventSummary {
  const documents = [...new Set(event.reports.map((r) => r.docId))].sort();
  return {
    id: event.id,
    type: 'CONSULT',
    mode: event.mode,
    participants: event.participants.map((p) => p.actorId),
    date: event.date,
    place: event.place ? { actorId: event.place, name: actors.get(event.place)?.name ?? event.place } : null,
    documents,
    conflicts: event.conflicts,
  };
}

export function actorIndex(actors: readonly StoredActor[]): Map<string, StoredActor> {
  return new Map(actors.map((a) => [a.id, a]));
}
