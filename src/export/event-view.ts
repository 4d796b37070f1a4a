// One merged event as the exports need it: the derived values the store gives (participants with
// the reports naming each, date, place, mode), falling back to a summary of its reports for
// events stored without them.
import type { EventMode } from '../core/types.ts';
import type { Store, StoredActor, StoredEvent, StoredReport } from '../store/store.ts';
import { summarizeEvent } from './summarize-event.ts';
import { renderInOrder, type EventOrder, type ExportScope, type RenderedInOrder } from './stream.ts';

export interface EventView {
  id: string;
  mode: EventMode;
  date: string | null;
  place: { actorId: string; name: string } | null;
  /** Actor ids with the reports that name each, in order of first appearance. */
  participants: { actorId: string; reports: string[] }[];
  reports: StoredReport[];
  documents: string[];
}

export function viewEvent(event: StoredEvent, actors: ReadonlyMap<string, StoredActor>): EventView {
  const summary = summarizeEvent(event, actors);
  const derived = event as Partial<StoredEvent>;
  const participants =
    derived.participants ??
    summary.participants.map((actorId) => ({
      actorId,
      reports: event.reports.filter((r) => r.participants.some((p) => p.actorId === actorId)).map((r) => r.id),
    }));
  const placeId = derived.place !== undefined ? derived.place : (summary.place?.actorId ?? null);
  return {
    id: event.id,
    mode: derived.mode ?? summary.mode,
    date: derived.date !== undefined ? derived.date : summary.date,
    place: placeId ? { actorId: placeId, name: actors.get(placeId)?.name ?? placeId } : null,
    participants,
    reports: event.reports,
    documents: summary.documents,
  };
}

// String.prototype.localeCompare's order, made once (it is the same comparison, much faster)
const collate = new Intl.Collator().compare;

/** Dated events first in date order (as stored: YYYY, YYYY-MM or YYYY-MM-DD), then by id. */
export const VIEW_ORDER: EventOrder<string | null> = {
  key: (event) => viewDate(event),
  compare: (a, b) => collate(a.key ?? '\uffff', b.key ?? '\uffff') || collate(a.id, b.id),
};

function viewDate(event: StoredEvent): string | null {
  const derived = event as Partial<StoredEvent>;
  return (derived.date !== undefined ? derived.date : event.date) ?? null;
}

/** Events with provenance (at least one report), dated ones first in date order, then by id. */
export function viewEvents(events: readonly StoredEvent[], actors: ReadonlyMap<string, StoredActor>): EventView[] {
  return events
    .filter((e) => e.reports.length > 0)
    .map((e) => viewEvent(e, actors))
    .sort((a, b) => VIEW_ORDER.compare({ key: a.date, id: a.id }, { key: b.date, id: b.id }));
}

/** Each event of the scope as `render` writes its view, in viewEvents' order, each event read once (see renderInOrder). */
export function renderViewsInOrder(
  store: Store,
  scope: ExportScope,
  actors: ReadonlyMap<string, StoredActor>,
  render: (view: EventView) => string | Promise<string>,
): Promise<RenderedInOrder> {
  return renderInOrder(store, scope, VIEW_ORDER, (event) => render(viewEvent(event, actors)));
}

export interface Sides {
  /** PLOVER's actor (source): the visitor on a visit, the guests of a host, everyone at a meeting. */
  actor: string[];
  /** PLOVER's recipient: the host, where the mode says who hosts; empty otherwise. */
  recipient: string[];
}

/**
 * Who visits and who hosts. Extraction lists a report's participants in text order, so on a
 * 'visit' report the first named is the visitor ("X visited Tehran and met Y") and on a 'host'
 * report the first named is the host ("X received Y"). Participants other reports add go to the
 * other side. Every other mode is reciprocal: all are actors, no recipient (PLOVER manual, 2.x).
 */
export function sidesOf(view: EventView): Sides {
  const all = view.participants.map((p) => p.actorId);
  const lead = view.reports.find((r) => r.mode === view.mode && r.participants.length >= 2);
  if ((view.mode !== 'visit' && view.mode !== 'host') || !lead) return { actor: all, recipient: [] };
  const first = lead.participants[0].actorId;
  const others = all.filter((id) => id !== first);
  return view.mode === 'visit' ? { actor: [first], recipient: others } : { actor: others, recipient: [first] };
}
