// Scoring two event reports from different documents: one explained feature per question
// (same people? same time? same place? same kind of contact?), hard vetoes for contradictions,
// and a weighted sum against a threshold. Pure; versioned so stored explanations say which
// scorer made them.
import type { ActorKind, EventMode } from '../core/types.ts';

/** Bumped whenever a weight, a window or the decision rule changes. */
export const SCORER_VERSION = 'merge-v8';
/** A pair is the same event when its score reaches this. */
export const SAME_THRESHOLD = 0.7;
/** Below this participant overlap two reports are never one event. */
export const MIN_JACCARD = 0.5;
/** An undated report is taken to tell of something that happened at most this many days before publication. */
export const REPORT_LAG_DAYS = 3;
/** Time intervals at most this wide count as a stated time; wider ones only as compatible. */
export const PRECISE_DAYS = 3;

export const WEIGHTS = {
  /** times the participant Jaccard overlap */
  participants: 0.5,
  timeAgree: 0.45,
  placeAgree: 0.1,
  modeSame: 0.05,
  /** the two documents also report another meeting in common */
  corroborated: 0.3,
} as const;

export interface MergeInput {
  id: string;
  docId: string;
  participants: { actorId: string; kind: ActorKind }[];
  mode?: EventMode;
  /** Day the event happened (YYYY-MM-DD, or coarser YYYY-MM / YYYY), or null. */
  date: string | null;
  /** Its document's publication date at the precision known (YYYY-MM-DD, YYYY-MM or YYYY), or null. */
  published: string | null;
  /**
   * The day its document speaks from when the document states no publication day: the latest full
   * date its text writes (time-anchor.ts), YYYY-MM-DD, which dates a report with no date of its own
   * like a publication day does; or --MM-DD, a dateline's day and month without a year, which
   * only picks among the dated events of a report's people (dayFits).
   */
  anchor?: string | null;
  /**
   * Place actor id and the places it lies within (nearest first). `known` says whether that
   * chain is known (a country, or a place the knowledge base puts within another): two places
   * contradict each other only when both chains are known.
   */
  place?: { actorId: string; within: readonly string[]; known?: boolean; local?: boolean } | null;
  /** Every actor its document mentions (people, organizations, places): what the story is about. */
  context?: readonly string[];
  /**
   * The cities and venues its document mentions (with the places each lies within): where the
   * story can be set when the report itself states no place.
   */
  contextPlaces?: readonly { actorId: string; within: readonly string[] }[];
  /**
   * Its document's text signature (MinHash, sources/minhash.ts), when stored: two reports alike in
   * all that merging reads, in documents whose texts are near-duplicates, are one report
   * republished (merge-reports.ts, rule 'copy').
   */
  signature?: readonly number[] | null;
}

export type TimeVerdict = 'agree' | 'compatible' | 'unknown' | 'conflict';
export type PlaceVerdict = 'same' | 'within' | 'unknown' | 'conflict';
export type ModeVerdict = 'same' | 'compatible' | 'conflict';

export interface PairFeatures {
  participants: { jaccard: number; shared: string[] };
  /** Where each report puts the event in time: its stated date, or the days before its publication day or time anchor. */
  time: { verdict: TimeVerdict; left: string | null; right: string | null; gapDays: number | null };
  place: { verdict: PlaceVerdict; left: string | null; right: string | null };
  mode: { verdict: ModeVerdict; left: EventMode | null; right: EventMode | null };
  /** Other meetings (other participants) that both documents report compatibly. */
  corroboration: number;
  /** Overlap of the other actors the two documents mention (Jaccard), when both are known. */
  context?: number;
  /**
   * For a report with no time at all (no date, publication or anchor): how many dated events of
   * the same people the store holds, and how many of them it could join (time, place and mode).
   */
  candidates?: { events: number; fitting: number; repeated: boolean };
  /** For a report with no precise time joined on where it happened: the place both tell of (sharedPlace). */
  sharedPlace?: SharedPlace;
  /** For a report joined as a republished copy: the estimated similarity of the two documents' texts (MinHash). */
  copy?: number;
}

/**
 * Where two reports put one meeting, as positive evidence that they tell of the same one when
 * time cannot say: 'local' when both state a city or venue and one lies within (or is) the
 * other ("in Cairo" / "at the Ittihadiya Palace"); 'coarse' when one of them is only a country
 * or region whose document also mentions the other's city ("in Turkey" ... "Ankara" / "in
 * Ankara"), or when one report states no place and its document
 * mentions a city or venue that agrees with the other's, or neither states one and their
 * documents are set in places that agree ('mentioned'). A call or video conference has no place.
 */
export interface SharedPlace {
  tier: 'local' | 'coarse';
  via: 'stated' | 'mentioned';
  left: string;
  right: string;
}

export interface PairScore {
  version: string;
  left: string;
  right: string;
  score: number;
  /** A contradiction that rules the pair out whatever the score, or null. */
  veto: string | null;
  same: boolean;
  features: PairFeatures;
}

/** The participants that count for matching: the persons, when the report names any. */
export function matchingSet(report: MergeInput): string[] {
  let set = matchingSets.get(report);
  if (!set) {
    const persons = report.participants.filter((p) => p.kind === 'person');
    const chosen = persons.length > 0 ? persons : report.participants;
    set = [...new Set(chosen.map((p) => p.actorId))].sort();
    matchingSets.set(report, set);
  }
  return set;
}

// inputs are not mutated while merging: what is derived from one is computed once
const matchingSets = new WeakMap<MergeInput, string[]>();
const windows = new WeakMap<MergeInput, [number, number] | null>();

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const shared = a.filter((x) => setB.has(x)).length;
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

const DAY = 86_400_000;

/** First and last day a partial date covers, as epoch days; null when unparsable. */
function covers(value: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) {
    const day = Date.UTC(year, Number(m[2]) - 1, Number(m[3])) / DAY;
    return Number.isNaN(day) ? null : [day, day];
  }
  if (m[2]) return [Date.UTC(year, Number(m[2]) - 1, 1) / DAY, Date.UTC(year, Number(m[2]), 1) / DAY - 1];
  return [Date.UTC(year, 0, 1) / DAY, Date.UTC(year + 1, 0, 1) / DAY - 1];
}

/**
 * The days the event can have happened on (interval arithmetic on epoch days), by what the report
 * states: its own date (a day, month or year); else the days up to its document's publication day
 * or time anchor (the anchor lies within a coarser publication month or year, and is narrower);
 * else up to the end of its publication month or year; null when nothing.
 */
export function timeWindow(report: MergeInput): [number, number] | null {
  let w = windows.get(report);
  if (w === undefined) {
    const p = report.date ? null : timeSource(report);
    const c = p && covers(p.value);
    w = report.date ? covers(report.date) : c && [c[0] - REPORT_LAG_DAYS, c[1]];
    windows.set(report, w);
  }
  return w;
}

/**
 * Whether a window holds a day REPORT_LAG_DAYS or less before the month and day of some year
 * (an anchor --MM-DD): a report speaking from that day can tell of the event.
 */
export function dayFits(monthDay: string, window: readonly [number, number]): boolean {
  const m = /^--(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m) return false;
  const firstYear = new Date(window[0] * DAY).getUTCFullYear();
  const lastYear = new Date(window[1] * DAY).getUTCFullYear();
  for (let year = firstYear; year <= lastYear + 1; year++) {
    const day = Date.UTC(year, Number(m[1]) - 1, Number(m[2])) / DAY;
    if (day - REPORT_LAG_DAYS <= window[1] && day >= window[0]) return true;
  }
  return false;
}

/** What dates a report that has no date of its own: its document's publication day, time anchor, or coarser publication date. */
export function timeSource(report: MergeInput): { value: string; from: 'published' | 'anchor' } | null {
  const p = report.published;
  if (p && p.length >= 10) return { value: p, from: 'published' };
  if (report.anchor && !report.anchor.startsWith('--') && (!p || report.anchor.startsWith(p))) return { value: report.anchor, from: 'anchor' };
  return p ? { value: p, from: 'published' } : null;
}

function daysApart(wa: [number, number], wb: [number, number]): number {
  return Math.max(0, wa[0] - wb[1], wb[0] - wa[1]);
}

/** The two reports' time windows do not overlap: compareTime's 'conflict' with a gap, a veto. */
export function timesApart(a: MergeInput, b: MergeInput): boolean {
  const wa = timeWindow(a);
  const wb = timeWindow(b);
  return wa !== null && wb !== null && daysApart(wa, wb) > 0;
}

export function compareTime(a: MergeInput, b: MergeInput): PairFeatures['time'] {
  const describe = (r: MergeInput) => {
    const source = r.date ? null : timeSource(r);
    return r.date ?? (source ? `${source.from === 'anchor' ? 'anchored' : 'published'} ${source.value}` : null);
  };
  const base = { left: describe(a), right: describe(b) };
  const wa = timeWindow(a);
  const wb = timeWindow(b);
  if (!wa || !wb) return { verdict: 'unknown', ...base, gapDays: null };
  const gap = daysApart(wa, wb);
  if (gap > 0) return { verdict: 'conflict', ...base, gapDays: gap };
  const precise = wa[1] - wa[0] <= PRECISE_DAYS && wb[1] - wb[0] <= PRECISE_DAYS;
  // two stated days must be the same day; a stated day and a publication window may overlap
  if (a.date && b.date && precise && wa[0] !== wb[0]) return { verdict: 'conflict', ...base, gapDays: Math.abs(wa[0] - wb[0]) };
  // neither states a day: only the days they speak from date them, and pages of different days
  // about people who meet day after day may tell of different meetings. Their windows meeting is
  // then no more than compatible (else which of the days' reports join is arbitrary: a chain of
  // them groups by the order it is read in); pages of one day agree.
  if (!a.date && !b.date && precise && wa[1] !== wb[1]) return { verdict: 'compatible', ...base, gapDays: 0 };
  return { verdict: precise ? 'agree' : 'compatible', ...base, gapDays: 0 };
}

export function comparePlace(a: MergeInput, b: MergeInput): PairFeatures['place'] {
  const left = a.place?.actorId ?? null;
  const right = b.place?.actorId ?? null;
  if (!a.place || !b.place) return { verdict: 'unknown', left, right };
  if (left === right) return { verdict: 'same', left, right };
  if (a.place.within.includes(b.place.actorId) || b.place.within.includes(a.place.actorId)) {
    return { verdict: 'within', left, right };
  }
  const known = (p: NonNullable<MergeInput['place']>) => p.known ?? p.within.length > 0;
  return { verdict: known(a.place) && known(b.place) ? 'conflict' : 'unknown', left, right };
}

/** One place is the other or lies within it. */
function nested(a: { actorId: string; within: readonly string[] }, b: { actorId: string; within: readonly string[] }): boolean {
  return a.actorId === b.actorId || a.within.includes(b.actorId) || b.within.includes(a.actorId);
}

/**
 * What the two reports' places say for their being one meeting (SharedPlace), or null when
 * nothing: no place on either side, places that do not nest, or two countries (leaders of a
 * country meet in it again and again; a city or venue narrows that down). A place stated by
 * one report and only mentioned by the other's document is never more than coarse evidence.
 */
export function sharedPlace(a: MergeInput, b: MergeInput): SharedPlace | null {
  // a call or a video conference happens in no one place: where it was placed says nothing
  if (contactOf(a.mode) === 'remote' || contactOf(b.mode) === 'remote') return null;
  if (a.place && b.place) {
    if (!nested(a.place, b.place)) return null;
    const localA = a.place.local ?? false;
    const localB = b.place.local ?? false;
    if (!localA && !localB) return null;
    if (localA && localB) return { tier: 'local', via: 'stated', left: a.place.actorId, right: b.place.actorId };
    // a country alone does not say which of the meetings held in it: the document that states
    // only the country must also mention the other's city or venue ("visit to Turkey ... in Ankara")
    const [coarse, local] = localA ? [b, a] : [a, b];
    if (!coarse.contextPlaces?.some((c) => nested(c, local.place!))) return null;
    return { tier: 'coarse', via: 'stated', left: a.place.actorId, right: b.place.actorId };
  }
  if (!a.place && !b.place) {
    // neither states one: a document whose cities and venues all lie in one another (Cairo and
    // its Ittihadiya Palace, or Rio de Janeiro alone) tells its story there; two such settings
    // that nest are coarse evidence (a document naming several cities sets it nowhere)
    const [x, y] = [settingOf(a), settingOf(b)];
    const pair = x && y && x.flatMap((p) => y.filter((q) => nested(p, q)).map((q) => [p, q] as const))[0];
    return pair ? { tier: 'coarse', via: 'mentioned', left: pair[0].actorId, right: pair[1].actorId } : null;
  }
  const [stated, other, flip] = a.place ? [a, b, false] : [b, a, true];
  const mention = other.contextPlaces?.find((c) => nested(c, stated.place!));
  if (!mention) return null;
  const [left, right] = flip ? [mention.actorId, stated.place!.actorId] : [stated.place!.actorId, mention.actorId];
  return { tier: 'coarse', via: 'mentioned', left, right };
}

/** The cities and venues a report's document mentions when they all lie in one another, else null. */
function settingOf(report: MergeInput): readonly { actorId: string; within: readonly string[] }[] | null {
  const places = report.contextPlaces ?? [];
  if (!places.length) return null;
  return places.every((p, k) => places.slice(k + 1).every((q) => nested(p, q))) ? places : null;
}

const REMOTE: ReadonlySet<EventMode> = new Set(['phone', 'video']);
const IN_PERSON: ReadonlySet<EventMode> = new Set(['visit', 'host']);

/** Whether a mode says the contact was at a distance or face to face; null when it does not say ('meet'). */
export function contactOf(mode: EventMode | null | undefined): 'remote' | 'in-person' | null {
  return !mode ? null : REMOTE.has(mode) ? 'remote' : IN_PERSON.has(mode) ? 'in-person' : null;
}

/**
 * Whether a report tells of contact at a distance or face to face: its mode says so, or a
 * meeting it places in a city or venue was held there in person (a call or a video conference
 * happens in no one place); null when it does not say (a 'meet' with no place, or a country).
 */
export function contactOfReport(report: MergeInput): 'remote' | 'in-person' | null {
  return contactOf(report.mode) ?? (report.place?.local ? 'in-person' : null);
}

/**
 * 'meet' is what a report says when it says nothing more: it goes with any mode, unless it puts
 * the meeting in a city or venue: then it was in person, and a call of the same people is another
 * contact of theirs (contactOfReport).
 */
export function compareMode(a: MergeInput, b: MergeInput): PairFeatures['mode'] {
  const left = a.mode ?? null;
  const right = b.mode ?? null;
  if (left === right) return { verdict: 'same', left, right };
  const x = contactOfReport(a);
  const y = contactOfReport(b);
  return { verdict: x && y && x !== y ? 'conflict' : 'compatible', left, right };
}

/** The features of a pair, before corroboration (which needs the other pairs of the two documents). */
export function pairFeatures(a: MergeInput, b: MergeInput, corroboration = 0): PairFeatures {
  const setA = matchingSet(a);
  const setB = matchingSet(b);
  const shared = setA.filter((x) => setB.includes(x));
  return {
    participants: { jaccard: shared.length / (setA.length + setB.length - shared.length || 1), shared },
    time: compareTime(a, b),
    place: comparePlace(a, b),
    mode: compareMode(a, b),
    corroboration,
  };
}

/** Jaccard overlap of what the two documents mention besides the report's own participants; null when unknown. */
export function contextOverlap(a: MergeInput, b: MergeInput): number | null {
  if (!a.context?.length || !b.context?.length) return null;
  const own = new Set([...a.participants, ...b.participants].map((p) => p.actorId));
  const setA = [...new Set(a.context)].filter((x) => !own.has(x));
  const setB = [...new Set(b.context)].filter((x) => !own.has(x));
  return round(jaccard(setA, setB));
}

export function vetoOf(f: PairFeatures): string | null {
  if (f.participants.jaccard < MIN_JACCARD) return `participants overlap ${round(f.participants.jaccard)} < ${MIN_JACCARD}`;
  if (f.time.verdict === 'conflict') return `times disagree (${f.time.left} vs ${f.time.right})`;
  if (f.place.verdict === 'conflict') return `places disagree (${f.place.left} vs ${f.place.right})`;
  if (f.mode.verdict === 'conflict') return `modes disagree (${f.mode.left} vs ${f.mode.right})`;
  return null;
}

export function scoreFeatures(f: PairFeatures): number {
  const score =
    WEIGHTS.participants * f.participants.jaccard +
    (f.time.verdict === 'agree' ? WEIGHTS.timeAgree : 0) +
    (f.place.verdict === 'same' || f.place.verdict === 'within' ? WEIGHTS.placeAgree : 0) +
    (f.mode.verdict === 'same' ? WEIGHTS.modeSame : 0) +
    (f.corroboration > 0 ? WEIGHTS.corroborated : 0);
  return round(score);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Scores one pair of reports (of different documents). */
export function scorePair(a: MergeInput, b: MergeInput, corroboration = 0): PairScore {
  const [left, right] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  const features = pairFeatures(a, b, corroboration);
  const veto = a.docId === b.docId ? 'same document (its extraction already told its meetings apart)' : vetoOf(features);
  const score = scoreFeatures(features);
  return { version: SCORER_VERSION, left, right, score, veto, same: veto === null && score >= SAME_THRESHOLD, features };
}

/** One line per feature, for people: why the pair was (or was not) judged the same. */
export function explainScore(s: PairScore): string[] {
  const f = s.features;
  const lines = [
    `participants: overlap ${round(f.participants.jaccard)} (${f.participants.shared.join(', ') || 'none shared'})`,
    `time: ${f.time.verdict} (${f.time.left ?? 'unknown'} / ${f.time.right ?? 'unknown'}${f.time.gapDays ? `, ${f.time.gapDays} days apart` : ''})`,
    `place: ${f.place.verdict} (${f.place.left ?? 'none'} / ${f.place.right ?? 'none'})`,
    `mode: ${f.mode.verdict} (${f.mode.left ?? '?'} / ${f.mode.right ?? '?'})`,
  ];
  if (f.corroboration > 0) lines.push(`corroborated: the two documents also report ${f.corroboration} other meeting(s) in common`);
  if (f.context !== undefined) lines.push(`context: the documents mention the same other actors at ${f.context}`);
  if (f.copy !== undefined) lines.push(`republished: the two texts are near-duplicates (similarity ${round(f.copy)})`);
  if (f.sharedPlace) {
    const p = f.sharedPlace;
    lines.push(`shared place (${p.tier}): ${p.left} / ${p.right}${p.via === 'mentioned' ? ' (one of them only mentioned by its document)' : ''}`);
  }
  lines.push(
    s.veto
      ? `decision: different (${s.veto})`
      : `decision: ${s.same ? 'same' : 'not enough'} (score ${s.score} ${s.same ? '>=' : '<'} ${SAME_THRESHOLD}, ${s.version})`,
  );
  return lines;
}
