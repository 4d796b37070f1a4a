// What every adapter checks before storing an analysis, and how a stored actor takes a new
// sighting: rules, not queries, so both adapters share them. Article text is untrusted and so
// are analyses (a worker on another machine sends them): spans are checked against the text.
import type { Descriptor, DocActor, EventReport, Span } from '../core/types.ts';

export function validSpan(span: Span | null | undefined, length: number): boolean {
  return (
    !!span &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= length
  );
}

/** Why a report cannot be stored, or null. `actorKnown`: stored or in this batch; `stored`: the report id is taken. */
export function reportProblem(report: EventReport, docId: string, length: number, actorKnown: (id: string) => boolean, stored: boolean): string | null {
  if (report.docId !== docId) return `report ${report.id} names document ${report.docId}`;
  if (!validSpan(report.trigger, length)) return `report ${report.id}: trigger span outside the text`;
  if (!report.evidence.every((s) => validSpan(s, length))) return `report ${report.id}: evidence span outside the text`;
  for (const p of report.participants) {
    if (!actorKnown(p.actorId)) return `report ${report.id}: unknown participant ${p.actorId}`;
    if (!p.spans.every((s) => validSpan(s, length))) return `report ${report.id}: participant span outside the text`;
  }
  if (report.date?.span && !validSpan(report.date.span, length)) return `report ${report.id}: date span outside the text`;
  if (report.place) {
    if (!actorKnown(report.place.actorId)) return `report ${report.id}: unknown place ${report.place.actorId}`;
    if (!validSpan(report.place.span, length)) return `report ${report.id}: place span outside the text`;
  }
  if (stored) return `report id ${report.id} is already stored`;
  return null;
}

/** An actor as stored, for merging a new sighting into it. */
export interface ActorState {
  name: string;
  aliases: string[];
  fromKb: boolean;
  placeType: string | null;
  within: string[];
}

/**
 * What storing `actor` changes: the whole row when it is new, the changed row when the sighting
 * adds a spelling, a knowledge-base link, a place type or (for the first time) what it lies
 * within; null when it adds nothing.
 */
export function actorUpdate(stored: ActorState | null, actor: DocActor): ActorState | null {
  if (!stored) {
    return { name: actor.name, aliases: [...new Set(actor.aliases)], fromKb: !!actor.fromKb, placeType: actor.placeType ?? null, within: actor.within ?? [] };
  }
  const names = [actor.name, ...actor.aliases].filter((n) => typeof n === 'string' && n.length > 0);
  const known = new Set([...stored.aliases, stored.name]);
  const added = names.filter((n) => !known.has(n) && (known.add(n), true));
  const newWithin = stored.within.length === 0 && (actor.within?.length ?? 0) > 0;
  if (added.length === 0 && (stored.fromKb || !actor.fromKb) && (stored.placeType || !actor.placeType) && !newWithin) return null;
  return {
    name: stored.name,
    aliases: [...stored.aliases, ...added],
    fromKb: stored.fromKb || !!actor.fromKb,
    placeType: stored.placeType ?? actor.placeType ?? null,
    within: newWithin ? (actor.within ?? []) : stored.within,
  };
}

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span?.start) && Number.isInteger(span?.end) && span.start >= 0 && span.start < span.end && span.end <= length;
}

/** A descriptor worth storing: an actor, non-empty spans inside the text, its normalized words. */
export function descriptorOk(d: Descriptor, length: number): boolean {
  return !!d.actorId && inside(d, length) && inside(d.of, length) && typeof d.normalized === 'string';
}
