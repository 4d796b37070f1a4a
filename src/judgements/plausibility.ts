// Why a requested event merge looks wrong: events that share no participant, dates that cannot be
// the same meeting, places neither of which lies within the other. Such a merge is not refused
// outright (the analyst may know better) but needs an explicit confirmation with these reasons
// shown. Parley's own rule, so hand-written; the date arithmetic is the calendar's.

export interface MergeCandidate {
  id: string;
  /** Actor ids of its participants. */
  participants: readonly string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null. */
  date: string | null;
  /** Place actor id, or null. */
  place: string | null;
}

/** Days two reports of one meeting may differ by (time zones, "yesterday" read from the next day's paper). */
export const DATE_SLACK_DAYS = 1;

const DAY = 86_400_000;

function daysCovered(value: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY;
    return [d, d];
  }
  if (m[2]) return [Date.UTC(y, Number(m[2]) - 1, 1) / DAY, Date.UTC(y, Number(m[2]), 1) / DAY - 1];
  return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y + 1, 0, 1) / DAY - 1];
}

/** Whether two partial dates can be the same meeting's (their days meet, within the slack). */
export function datesAgree(a: string, b: string): boolean {
  const x = daysCovered(a);
  const y = daysCovered(b);
  if (!x || !y) return true;
  return x[0] <= y[1] + DATE_SLACK_DAYS && y[0] <= x[1] + DATE_SLACK_DAYS;
}

/** Whether two places can be one meeting's: the same, or one lies within the other. */
export function placesAgree(a: string, b: string, within: (place: string) => readonly string[]): boolean {
  return a === b || within(a).includes(b) || within(b).includes(a);
}

/**
 * The reasons, for an analyst to read, why merging these events looks wrong; empty when it
 * looks plausible. `name` turns an actor id into a name for the message.
 */
export function mergeConcerns(
  events: readonly MergeCandidate[],
  within: (place: string) => readonly string[],
  name: (actorId: string) => string = (id) => id,
): string[] {
  const reasons: string[] = [];
  // every event must share a participant with another one (the merged events form one group)
  const lonely = events.filter((e) => !events.some((o) => o !== e && o.participants.some((p) => e.participants.includes(p))));
  if (events.length > 1 && lonely.length) {
    reasons.push(
      lonely.length === events.length
        ? `no participant in common: ${events.map((e) => `${e.id} (${e.participants.map(name).join(', ') || 'nobody'})`).join(' vs ')}`
        : `${lonely.map((e) => e.id).join(', ')} shares no participant with the other event(s)`,
    );
  }
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      const [a, b] = [events[i], events[j]];
      if (a.date && b.date && !datesAgree(a.date, b.date)) {
        reasons.push(`dates contradict: ${a.id} is ${a.date}, ${b.id} is ${b.date}`);
      }
      if (a.place && b.place && !placesAgree(a.place, b.place, within)) {
        reasons.push(`places contradict: ${a.id} is in ${name(a.place)}, ${b.id} in ${name(b.place)}, and neither lies within the other`);
      }
    }
  }
  return reasons;
}
