// A denial is a claim against a meeting: it is linked to the events it contradicts, those of the
// same people (at least two of the denial's people, and half of all named on either side) at a
// compatible time (the day it names overlaps the event's; else the event lies within the month
// before the denial's publication, or has no date). A correction is linked to the events holding
// the reports it corrects; one saying no meeting took place, with no report of its own document
// left to correct, like a denial.
import type { DenialClaim } from '../core/types.ts';

export interface DatedDenial extends DenialClaim {
  /** The denying document's publication (YYYY[-MM[-DD]]), or null. */
  published: string | null;
  outlet: string | null;
}

export interface EventForLinking {
  id: string;
  participants: readonly string[];
  /** YYYY[-MM[-DD]] or null. */
  date: string | null;
}

/** Days a denial may come after the meeting it denies, with no day of its own stated. */
const DENIAL_LAG_DAYS = 31;

const day = (s: string): number => Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86_400_000;

export function timeCompatible(denial: DatedDenial, eventDate: string | null): boolean {
  if (!eventDate) return true;
  if (denial.date) return denial.date.startsWith(eventDate) || eventDate.startsWith(denial.date);
  if (!denial.published || denial.published.length < 10 || eventDate.length < 10) return true;
  const gap = day(denial.published) - day(eventDate);
  return gap >= -1 && gap <= DENIAL_LAG_DAYS;
}

export function samePeople(denial: readonly string[], event: readonly string[]): boolean {
  const e = new Set(event);
  const shared = new Set(denial.filter((p) => e.has(p))).size;
  const union = new Set([...denial, ...event]).size;
  return shared >= Math.min(2, denial.length) && shared >= 1 && shared / union >= 0.5;
}

/** Event id -> the denials that contradict it. */
export function linkDenials(denials: readonly DatedDenial[], events: readonly EventForLinking[]): Map<string, DatedDenial[]> {
  const byActor = new Map<string, EventForLinking[]>();
  for (const e of events) for (const p of e.participants) byActor.set(p, [...(byActor.get(p) ?? []), e]);
  const out = new Map<string, DatedDenial[]>();
  for (const d of denials) {
    const candidates = new Set(d.participants.flatMap((p) => byActor.get(p) ?? []));
    for (const e of candidates) {
      if (samePeople(d.participants, e.participants) && timeCompatible(d, e.date)) out.set(e.id, [...(out.get(e.id) ?? []), d]);
    }
  }
  return out;
}

/** The claims against one event: denials by people and time, corrections by the reports they correct. */
export function linkClaims(claims: readonly DatedDenial[], event: EventForLinking & { reports: readonly string[] }): DatedDenial[] {
  const byPeople = claims.filter((c) => !c.correction || (c.correction.field === 'occurrence' && !c.correction.reports.length));
  const out = [...(linkDenials(byPeople, [event]).get(event.id) ?? [])];
  for (const c of claims) if (c.correction?.reports.some((r) => event.reports.includes(r)) && !out.includes(c)) out.push(c);
  return out;
}
