// Reports -> events across documents: block, score, decide. Two reports are one event when
// their participants overlap enough and their dates agree; every merge is kept as a judgement
// (features + score) so a reader can see why. Pure: no store, no clock.
import { createHash } from 'node:crypto';
import type { ActorKind } from '../core/types.ts';

/** Bumped whenever the scoring or the decision rule changes. */
export const MERGE_VERSION = 'merge-v2';
export const JACCARD_THRESHOLD = 0.5;
/** Undated reports of the same people are one event only if published this close together. */
export const UNDATED_WINDOW_DAYS = 2;
/** An undated report joins a dated event when published this many days after it at most. */
export const DATED_WINDOW_DAYS = 3;

export interface MergeInput {
  id: string;
  docId: string;
  participants: { actorId: string; kind: ActorKind }[];
  /** Day the event happened (YYYY-MM-DD), or null. */
  date: string | null;
  /** Day its document was published (YYYY-MM-DD), or null. */
  published: string | null;
}

export interface MergeJudgement {
  version: string;
  left: string;
  right: string;
  decision: 'same';
  score: number;
  features: {
    jaccard: number;
    /** Which date rule allowed the merge. */
    date: 'same-date' | 'undated-same-people' | 'dated-and-recent';
    publishedGapDays?: number | null;
  };
}

export interface DerivedEvent {
  id: string;
  /** Member report ids, sorted. */
  reportIds: string[];
  judgements: MergeJudgement[];
}

/** The participants that count for matching: the persons, when the report names any. */
export function matchingSet(report: MergeInput): string[] {
  const persons = report.participants.filter((p) => p.kind === 'person');
  const chosen = persons.length > 0 ? persons : report.participants;
  return [...new Set(chosen.map((p) => p.actorId))].sort();
}

/**
 * Blocking keys. Two reports can only reach Jaccard >= 0.5 if they share a pair of participants,
 * or if one has a single participant that the other (of at most two) also has. Reports are
 * indexed under `blockingKeys` and look candidates up under `lookupKeys`; the asymmetry keeps a
 * two-person report from being a candidate of every other report naming one of its people.
 */
export function blockingKeys(report: MergeInput): string[] {
  const set = matchingSet(report);
  if (set.length === 1) return [`1:${set[0]}`];
  if (set.length === 2) return [`2:${set[0]}`, `2:${set[1]}`, pairKey(set[0], set[1])];
  return pairs(set);
}

export function lookupKeys(report: MergeInput): string[] {
  const set = matchingSet(report);
  if (set.length === 1) return [`1:${set[0]}`, `2:${set[0]}`];
  if (set.length === 2) return [`1:${set[0]}`, `1:${set[1]}`, pairKey(set[0], set[1])];
  return pairs(set);
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function pairs(set: readonly string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) keys.push(pairKey(set[i], set[j]));
  return keys;
}

export function eventIdFor(reportIds: readonly string[]): string {
  const first = [...reportIds].sort()[0] ?? '';
  return 'ev_' + createHash('sha256').update(first).digest('hex').slice(0, 16);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  const shared = a.filter((x) => setB.has(x)).length;
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

function dayGap(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ms = Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10));
  return Number.isNaN(ms) ? null : Math.abs(ms) / 86_400_000;
}

/** Scores one pair; returns the judgement when they are the same event, else null. */
export function judgePair(a: MergeInput, b: MergeInput): MergeJudgement | null {
  // the extraction already told apart the meetings one document reports
  if (a.docId === b.docId) return null;
  const setA = matchingSet(a);
  const setB = matchingSet(b);
  const score = jaccard(setA, setB);
  if (score < JACCARD_THRESHOLD) return null;
  const [left, right] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  const judgement = (date: MergeJudgement['features']['date'], gap?: number | null): MergeJudgement => ({
    version: MERGE_VERSION,
    left,
    right,
    decision: 'same',
    score,
    features: gap === undefined ? { jaccard: score, date } : { jaccard: score, date, publishedGapDays: gap },
  });
  if (a.date !== null && b.date !== null) return a.date === b.date ? judgement('same-date') : null;
  if (a.date === null && b.date === null) {
    // without dates, only the very same people in reports published within days of each other;
    // with no publication dates at all there is no way to tell two meetings apart
    if (setA.join('\u0000') !== setB.join('\u0000')) return null;
    const gap = dayGap(a.published, b.published);
    if (gap === null || gap > UNDATED_WINDOW_DAYS) return null;
    return judgement('undated-same-people', gap);
  }
  // one dated, one not: the undated report must be published on or shortly after that day
  const [dated, undated] = a.date !== null ? [a, b] : [b, a];
  if (!undated.published || undated.published.length < 10) return null;
  const after = (Date.parse(undated.published.slice(0, 10)) - Date.parse(dated.date!)) / 86_400_000;
  if (!(after >= 0 && after <= DATED_WINDOW_DAYS)) return null;
  return judgement('dated-and-recent', after);
}

/** Groups reports into events: candidates from shared blocking keys, linked when judged the same. */
export function mergeReports(reports: readonly MergeInput[]): DerivedEvent[] {
  const sorted = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexOf = new Map(sorted.map((report, i) => [report.id, i]));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };

  const blocks = new Map<string, number[]>();
  sorted.forEach((report, i) => {
    for (const key of blockingKeys(report)) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  });

  const judgements: MergeJudgement[] = [];
  sorted.forEach((report, i) => {
    const candidates = new Set<number>();
    for (const key of lookupKeys(report)) for (const j of blocks.get(key) ?? []) if (j > i) candidates.add(j);
    for (const j of [...candidates].sort((a, b) => a - b)) {
      const judgement = judgePair(report, sorted[j]);
      if (!judgement) continue;
      judgements.push(judgement);
      const ri = find(i);
      const rj = find(j);
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  });

  const groups = new Map<number, string[]>();
  sorted.forEach((report, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(report.id);
    else groups.set(root, [report.id]);
  });
  const judgementsByRoot = new Map<number, MergeJudgement[]>();
  for (const judgement of judgements) {
    const root = find(indexOf.get(judgement.left)!);
    const list = judgementsByRoot.get(root);
    if (list) list.push(judgement);
    else judgementsByRoot.set(root, [judgement]);
  }
  const events: DerivedEvent[] = [];
  for (const [root, reportIds] of groups) {
    events.push({ id: eventIdFor(reportIds), reportIds, judgements: judgementsByRoot.get(root) ?? [] });
  }
  return events.sort((a, b) => (a.reportIds[0] < b.reportIds[0] ? -1 : 1));
}
