// What one event says, derived from its reports and the analysts' corrections (never stored
// as an edit): the union of the participants with the reports naming each, the date the
// reports state, the most specific place, the mode, and every disagreement between reports.
import type { EventMode, EventReport, PlaceType } from '../core/types.ts';

export interface PlaceInfo {
  placeType: PlaceType | null;
  /** The places it lies within, nearest first. */
  within: readonly string[];
}

export interface FieldCorrection {
  judgementId: number;
  date?: string | null;
  place?: string | null;
  participants?: string[];
}

export interface DerivedFields {
  participants: { actorId: string; reports: string[] }[];
  date: string | null;
  place: string | null;
  mode: EventMode;
  conflicts: { field: 'date' | 'place' | 'mode'; values: { value: string; reports: string[] }[]; chosen: string | null }[];
}

const SPECIFICITY: Record<PlaceType, number> = { venue: 4, city: 3, region: 2, country: 1 };
const REMOTE: ReadonlySet<string> = new Set(['phone', 'video']);

function grouped(pairs: readonly { value: string; report: string }[]): { value: string; reports: string[] }[] {
  const out: { value: string; reports: string[] }[] = [];
  for (const { value, report } of pairs) {
    const entry = out.find((e) => e.value === value);
    if (entry) entry.reports.push(report);
    else out.push({ value, reports: [report] });
  }
  return out;
}

/** Most reports first; ties to `better`, then the first seen. */
function pick(values: { value: string; reports: string[] }[], better: (a: string, b: string) => number = () => 0): string | null {
  let best: { value: string; reports: string[] } | null = null;
  for (const v of values) {
    if (!best || v.reports.length > best.reports.length || (v.reports.length === best.reports.length && better(v.value, best.value) < 0)) {
      best = v;
    }
  }
  return best?.value ?? null;
}

export function deriveEventFields(
  reports: readonly EventReport[],
  places: (id: string) => PlaceInfo | undefined,
  corrections: readonly FieldCorrection[] = [],
): DerivedFields {
  const conflicts: DerivedFields['conflicts'] = [];

  const participants: DerivedFields['participants'] = [];
  for (const report of reports) {
    for (const p of report.participants) {
      const entry = participants.find((e) => e.actorId === p.actorId);
      if (entry) {
        if (!entry.reports.includes(report.id)) entry.reports.push(report.id);
      } else participants.push({ actorId: p.actorId, reports: [report.id] });
    }
  }

  // the date the reports state: most reports, then a date the text states in words, then the earliest
  const stated = new Set(reports.filter((r) => r.date?.span).map((r) => r.date!.value));
  const dates = grouped(reports.filter((r) => r.date).map((r) => ({ value: r.date!.value, report: r.id })));
  let date = pick(dates, (a, b) => Number(stated.has(b)) - Number(stated.has(a)) || (a < b ? -1 : a > b ? 1 : 0));
  // a coarser date that the chosen one falls in ("2024-04" and "2024-04-20") is no disagreement
  const dateClash = dates.filter((d) => !(date!.startsWith(d.value) || d.value.startsWith(date!)));
  if (dateClash.length > 0) conflicts.push({ field: 'date', values: dates, chosen: date });

  // the most specific place; a place within another is no disagreement (Beirut and Lebanon)
  const placeValues = grouped(reports.filter((r) => r.place).map((r) => ({ value: r.place!.actorId, report: r.id })));
  const specificity = (id: string) => {
    const type = places(id)?.placeType;
    return type ? SPECIFICITY[type] : 0;
  };
  const depth = (id: string) => places(id)?.within.length ?? 0;
  const top = Math.max(0, ...placeValues.map((v) => specificity(v.value)));
  let place = pick(
    placeValues.filter((v) => specificity(v.value) === top),
    (a, b) => depth(b) - depth(a),
  );
  const contains = (outer: string, inner: string) => outer === inner || (places(inner)?.within.includes(outer) ?? false);
  if (place && placeValues.some((v) => !contains(v.value, place!) && !contains(place!, v.value))) {
    conflicts.push({ field: 'place', values: placeValues, chosen: place });
  }

  const modes = grouped(reports.map((r) => ({ value: r.mode, report: r.id })));
  // a specific mode beats the generic 'meet' when as many reports give it
  const mode = (pick(modes, (a, b) => Number(a === 'meet') - Number(b === 'meet')) ?? 'meet') as EventMode;
  if (modes.some((m) => REMOTE.has(m.value)) && modes.some((m) => m.value === 'visit' || m.value === 'host')) {
    conflicts.push({ field: 'mode', values: modes, chosen: mode });
  }

  let chosenParticipants = participants;
  for (const c of corrections) {
    if (c.date !== undefined) date = c.date;
    if (c.place !== undefined) place = c.place;
    if (c.participants !== undefined) {
      chosenParticipants = c.participants.map((actorId) => ({
        actorId,
        reports: participants.find((p) => p.actorId === actorId)?.reports ?? [],
      }));
    }
  }
  for (const conflict of conflicts) {
    if (conflict.field === 'date') conflict.chosen = date;
    if (conflict.field === 'place') conflict.chosen = place;
  }
  return { participants: chosenParticipants, date, place, mode, conflicts };
}
