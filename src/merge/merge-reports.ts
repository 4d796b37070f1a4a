// Reports -> events across documents: block, score, decide. Candidates come only from shared
// blocking keys (participant pairs), never from all pairs. Each candidate pair is scored with
// explained features (score-pair.ts); analysts' judgements come first (same / different /
// rejected), machine links follow in score order and never undo a human decision. A report
// with no time at all joins an event only when it is the one compatible event of those people.
// Pure: no store, no clock.
import { createHash } from 'node:crypto';
import { NEAR_DUPLICATE } from '../sources/independence.ts';
import { similarity } from '../sources/minhash.ts';
import {
  comparePlace,
  contactOf,
  contactOfReport,
  contextOverlap,
  dayFits,
  jaccard,
  matchingSet,
  MIN_JACCARD,
  PRECISE_DAYS,
  SAME_THRESHOLD,
  scorePair,
  SCORER_VERSION,
  sharedPlace,
  type SharedPlace,
  timesApart,
  timeWindow,
  type MergeInput,
  type PairFeatures,
  type PairScore,
  WEIGHTS,
} from './score-pair.ts';

export { matchingSet, type MergeInput } from './score-pair.ts';

/** The version of the whole merge (scorer + grouping rules). */
export const MERGE_VERSION = SCORER_VERSION;
/** An undated report picks among several compatible events only with this much context overlap... */
export const CONTEXT_MIN = 0.3;
/** ...and this far ahead of the next candidate. */
export const CONTEXT_MARGIN = 0.2;

export interface MergeJudgement {
  version: string;
  left: string;
  right: string;
  decision: 'same';
  /**
   * score: the pair reached the threshold; only-candidate: an undated report's one compatible
   * event, of people the store shows meeting once; dateline-day: the one compatible event whose
   * days hold its document's dateline day (a dateline without a year); best-context: of its
   * compatible events, the one whose documents clearly share its document's other actors;
   * same-place: a report with no precise time, and the reports of the same people that put
   * the meeting in the same city or venue (sameOccasion); copy: the same report republished (a
   * report alike in all that merging reads, in a document whose text is a near-duplicate of the
   * other's: republished); human: an analyst said so.
   */
  rule: 'score' | 'only-candidate' | 'dateline-day' | 'best-context' | 'same-place' | 'copy' | 'human';
  score: number;
  features?: PairFeatures;
  /** The analyst's judgement, for rule 'human'. */
  judgementId?: number;
}

/** Analysts' decisions, already resolved to current report ids. */
export interface MergeConstraints {
  /** Reports that are not meetings: in no event. */
  rejected?: ReadonlySet<string>;
  /** Each entry: these reports are one event. `order` (the judgement id) decides between contradicting judgements: later wins. */
  same?: readonly { reports: readonly string[]; judgementId: number }[];
  /** Each entry: `report` is not the same event as any of `others`. */
  different?: readonly { report: string; others: readonly string[]; judgementId: number }[];
}

export interface DerivedEvent {
  id: string;
  /** Member report ids, sorted. */
  reportIds: string[];
  judgements: MergeJudgement[];
}

export interface MergeStats {
  /** Candidate pairs scored (the blocking keeps this near-linear). */
  pairsScored: number;
  /**
   * Questions about whether groups can be one (a pair of groups, or a whole set at once):
   * linear in the pairs scored, where asking every pair of a loose report's candidate events
   * was cubic in a story's undated copies.
   */
  groupChecks?: number;
  /** Reports joined as republished copies of another (rule 'copy'): they take part in no pair of their own. */
  copies?: number;
}

/**
 * Blocking keys: participants, then time. Two reports can only reach Jaccard >= 0.5 if they
 * share a pair of participants, or if one has a single participant that the other (of at most
 * two) also has. Reports are indexed under `blockingKeys` and look candidates up under
 * `lookupKeys`; the asymmetry keeps a two-person report from being a candidate of every other
 * report naming one of its people. Each participant key is then split by the weeks the
 * report's time window touches (windows that share no day share no week bucket either, and
 * cannot agree), so leaders who are in the news every week do not make ever-growing blocks:
 * a block holds one week of a pair's reports, whatever the size of the corpus. Reports with no time at
 * all are indexed under `@-` (found by every dated lookup) and look up `@*` (every report with
 * those participants: they need all candidates to know whether one event is the only fit).
 */
export function blockingKeys(report: MergeInput): readonly string[] {
  let keys = indexKeys.get(report);
  if (!keys) indexKeys.set(report, (keys = Object.freeze(makeBlockingKeys(report))));
  return keys;
}

// a report's keys, kept per input object (inputs are never changed once made; event derivation
// keeps them from one rebuild to the next, and a story's copies are in every rebuild of its event)
const indexKeys = new WeakMap<MergeInput, readonly string[]>();
const searchKeys = new WeakMap<MergeInput, readonly string[]>();

function makeBlockingKeys(report: MergeInput): string[] {
  const base = participantKeys(report);
  const months = timeBuckets(report);
  const keys = base.map((k) => `${k}@*`);
  for (const k of base) for (const m of months ?? ['-']) keys.push(`${k}@${m}`);
  return keys;
}

export function lookupKeys(report: MergeInput): readonly string[] {
  let keys = searchKeys.get(report);
  if (!keys) searchKeys.set(report, (keys = Object.freeze(makeLookupKeys(report))));
  return keys;
}

function makeLookupKeys(report: MergeInput): string[] {
  const base = participantLookups(report);
  const months = timeBuckets(report);
  if (!months) return base.map((k) => `${k}@*`);
  return base.flatMap((k) => [...months.map((m) => `${k}@${m}`), `${k}@-`]);
}

function participantKeys(report: MergeInput): string[] {
  const set = matchingSet(report);
  if (set.length === 1) return [`1:${set[0]}`];
  if (set.length === 2) return [`2:${set[0]}`, `2:${set[1]}`, pairKey(set[0], set[1])];
  return pairs(set);
}

function participantLookups(report: MergeInput): string[] {
  const set = matchingSet(report);
  if (set.length === 1) return [`1:${set[0]}`, `2:${set[0]}`];
  if (set.length === 2) return [`1:${set[0]}`, `1:${set[1]}`, pairKey(set[0], set[1])];
  return pairs(set);
}

/** The weeks (w + days since 1970-01-01 divided by 7) a report's time window touches; null when it has no time. */
function timeBuckets(report: MergeInput): string[] | null {
  const w = timeWindow(report);
  if (!w) return null;
  const weeks: string[] = [];
  for (let week = Math.floor(w[0] / 7); week <= Math.floor(w[1] / 7); week++) weeks.push(`w${week}`);
  return weeks;
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

/** Scores one pair; returns the judgement when they are the same event (without corroboration), else null. */
export function judgePair(a: MergeInput, b: MergeInput): MergeJudgement | null {
  const s = scorePair(a, b);
  return s.same ? toJudgement(s) : null;
}

function toJudgement(s: PairScore, rule: MergeJudgement['rule'] = 'score'): MergeJudgement {
  return { version: s.version, left: s.left, right: s.right, decision: 'same', rule, score: s.score, features: s.features };
}

/** What a group of reports says together: what a report joining it must not contradict. */
interface Profile {
  /** The days every dated member allows (the intersection of their windows); lo > hi when members already disagree. */
  lo: number;
  hi: number;
  /** Whether any member dates the event at all. */
  dated: boolean;
  /** One member per distinct place. */
  places: MergeInput[];
  remote: boolean;
  inPerson: boolean;
  docs: Set<string>;
}

function profileOf(report: MergeInput): Profile {
  const w = timeWindow(report);
  const contact = contactOfReport(report);
  return {
    lo: w ? w[0] : -Infinity,
    hi: w ? w[1] : Infinity,
    dated: w !== null,
    places: report.place ? [report] : [],
    remote: contact === 'remote',
    inPerson: contact === 'in-person',
    docs: new Set([report.docId]),
  };
}

/**
 * Union-find over reports. Components may refuse to join: an analyst said "different", or
 * (for machine links) two of their members would contradict each other. A pair's veto holds
 * for the whole event: no event holds two reports of one document, two days that do not
 * meet, two places neither of which lies within the other, or a call and a visit, even when
 * each link of a chain between them agrees (a week of undated reports must not bridge a
 * leader's meetings of the whole year into one).
 */
class Groups {
  private parent: number[];
  private members: number[][];
  private forbidden: Set<number>[];
  private profiles: Profile[];
  private coherence = new Map<number, boolean>();
  /** Changes whenever two groups become one (what is known of the groups holds until then). */
  version = 0;

  constructor(
    private readonly reports: readonly MergeInput[],
    private readonly stats: MergeStats,
  ) {
    const n = reports.length;
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => [i]);
    this.forbidden = Array.from({ length: n }, () => new Set<number>());
    this.profiles = reports.map(profileOf);
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  forbid(i: number, j: number): void {
    this.forbidden[this.find(i)].add(j);
    this.forbidden[this.find(j)].add(i);
  }

  membersOf(i: number): readonly number[] {
    return this.members[this.find(i)];
  }

  /** The days every dated member of i's group allows; null when no member is dated. */
  window(i: number): [number, number] | null {
    const p = this.profiles[this.find(i)];
    return p.dated ? [p.lo, p.hi] : null;
  }

  /** No member of i's group contradicts a member of j's group (time, place, mode, document). */
  coherent(i: number, j: number): boolean {
    this.stats.groupChecks = (this.stats.groupChecks ?? 0) + 1;
    const [x, y] = [this.find(i), this.find(j)];
    // asked again and again of the same two groups (every pair of their members): known until a group changes
    const key = x < y ? x * this.parent.length + y : y * this.parent.length + x;
    let known = this.coherence.get(key);
    if (known === undefined) this.coherence.set(key, (known = this.coherentRoots(x, y)));
    return known;
  }

  /** coherent(i, j), not remembered: for pairs of groups asked about once (a loose report's candidate events). */
  coherentNow(i: number, j: number): boolean {
    this.stats.groupChecks = (this.stats.groupChecks ?? 0) + 1;
    return this.coherentRoots(this.find(i), this.find(j));
  }

  private coherentRoots(x: number, y: number): boolean {
    const i = x;
    const j = y;
    const a = this.profiles[x];
    const b = this.profiles[y];
    if (a.remote && b.inPerson) return false;
    if (a.inPerson && b.remote) return false;
    const [small, large] = a.docs.size < b.docs.size ? [a.docs, b.docs] : [b.docs, a.docs];
    for (const doc of small) if (large.has(doc)) return false;
    if (a.dated && b.dated) {
      if (a.lo <= a.hi && b.lo <= b.hi) {
        if (Math.max(a.lo, b.lo) > Math.min(a.hi, b.hi)) return false;
      } else if (this.membersApart(i, j)) {
        // an analyst joined reports whose days disagree: only the members themselves can say
        return false;
      }
    }
    for (const x of a.places) for (const y of b.places) if (comparePlace(x, y).verdict === 'conflict') return false;
    return true;
  }

  /** Some member of i's group and some member of j's group tell of times that cannot meet. */
  private membersApart(i: number, j: number): boolean {
    return this.membersOf(i).some((m) => this.membersOf(j).some((n) => timesApart(this.reports[m], this.reports[n])));
  }

  /**
   * Whether every two of these groups (distinct roots) are coherent: what asking coherent() of
   * each pair answers, without asking each pair (copies of an undated story each keep a group of
   * their own, and a report of it finds them all). Each condition of coherentRoots is checked
   * over the whole set at once: a remote and an in-person group, a document in two groups, days
   * (intervals that pairwise meet share a day, Helly in one dimension; groups whose own members
   * disagree are asked member by member, as coherentRoots does), places that conflict.
   */
  allCoherent(roots: readonly number[]): boolean {
    if (roots.length < 8) return roots.every((a, k) => roots.slice(k + 1).every((b) => this.coherent(a, b)));
    this.stats.groupChecks = (this.stats.groupChecks ?? 0) + 1;
    const remote = roots.filter((r) => this.profiles[r].remote);
    const inPerson = roots.filter((r) => this.profiles[r].inPerson);
    if (remote.length && inPerson.length && !(remote.length === 1 && inPerson.length === 1 && remote[0] === inPerson[0])) return false;
    const docRoot = new Map<string, number>();
    for (const r of roots) {
      for (const doc of this.profiles[r].docs) {
        const seen = docRoot.get(doc);
        if (seen !== undefined && seen !== r) return false;
        docRoot.set(doc, r);
      }
    }
    let lo = -Infinity;
    let hi = Infinity;
    const dated: number[] = [];
    const torn: number[] = [];
    for (const r of roots) {
      const p = this.profiles[r];
      if (!p.dated) continue;
      dated.push(r);
      if (p.lo <= p.hi) {
        lo = Math.max(lo, p.lo);
        hi = Math.min(hi, p.hi);
      } else torn.push(r);
    }
    if (lo > hi) return false;
    for (const a of torn) for (const b of dated) if (b !== a && this.membersApart(a, b)) return false;
    // each distinct place once, with the groups that state it
    const byPlace = new Map<string, { report: MergeInput; roots: number[] }>();
    for (const r of roots) {
      for (const x of this.profiles[r].places) {
        const key = placeKey(x);
        const entry = byPlace.get(key);
        if (entry) entry.roots.push(r);
        else byPlace.set(key, { report: x, roots: [r] });
      }
    }
    const places = [...byPlace.values()];
    for (let a = 0; a < places.length; a++) {
      for (let b = a + 1; b < places.length; b++) {
        const [x, y] = [places[a], places[b]];
        const oneGroup = x.roots.length === 1 && y.roots.length === 1 && x.roots[0] === y.roots[0];
        if (!oneGroup && comparePlace(x.report, y.report).verdict === 'conflict') return false;
      }
    }
    return true;
  }

  /**
   * Joins the groups of i and j unless a member of one is forbidden to the other, or (when
   * `checked`, for machine links) they are not coherent. 'joined' only when two groups became one.
   */
  union(i: number, j: number, checked: boolean): 'joined' | 'already' | 'refused' {
    let a = this.find(i);
    let b = this.find(j);
    if (a === b) return 'already';
    if (this.forbidden[a].size > 0 && this.members[b].some((m) => this.forbidden[a].has(m))) return 'refused';
    if (checked && !this.coherent(a, b)) return 'refused';
    if (this.members[a].length < this.members[b].length) [a, b] = [b, a];
    this.parent[b] = a;
    this.version++;
    this.coherence.clear();
    this.members[a].push(...this.members[b]);
    for (const f of this.forbidden[b]) this.forbidden[a].add(f);
    this.members[b] = [];
    const pa = this.profiles[a];
    const pb = this.profiles[b];
    pa.lo = Math.max(pa.lo, pb.lo);
    pa.hi = Math.min(pa.hi, pb.hi);
    pa.dated ||= pb.dated;
    for (const x of pb.places) if (!pa.places.some((y) => y.place!.actorId === x.place!.actorId)) pa.places.push(x);
    pa.remote ||= pb.remote;
    pa.inPerson ||= pb.inPerson;
    for (const doc of pb.docs) pa.docs.add(doc);
    return 'joined';
  }
}

/** A scored pair (i < j, indexes into the sorted reports); s is shared by pairs of the same kinds, its ids not theirs. */
interface Scored {
  i: number;
  j: number;
  s: PairScore;
}

/**
 * The scored pairs, a column a field (a story's copies make millions of pairs: as objects they
 * were most of the garbage a rebuild left). `at(k)` gives one as an object.
 */
class ScoredPairs {
  i: number[] = [];
  j: number[] = [];
  s: PairScore[] = [];

  get length(): number {
    return this.i.length;
  }

  push(i: number, j: number, s: PairScore): void {
    this.i.push(i);
    this.j.push(j);
    this.s.push(s);
  }

  at(k: number): Scored {
    return { i: this.i[k], j: this.j[k], s: this.s[k] };
  }

  /** Best first, then by i, then by j (a total order: each pair is there once). */
  sort(): void {
    const { i, j, s } = this;
    const order = Array.from({ length: i.length }, (_, k) => k);
    order.sort((a, b) => s[b].score - s[a].score || i[a] - i[b] || j[a] - j[b]);
    this.i = order.map((k) => i[k]);
    this.j = order.map((k) => j[k]);
    this.s = order.map((k) => s[k]);
  }
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/** Groups reports into events. */
export function mergeReports(
  reports: readonly MergeInput[],
  constraints: MergeConstraints = {},
  stats: MergeStats = { pairsScored: 0 },
  /** alike: false scores every pair on its own (the reference the tests hold PairKinds to). */
  options: { alike?: boolean } = {},
): DerivedEvent[] {
  const sorted = reports
    .filter((r) => !constraints.rejected?.has(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexOf = new Map(sorted.map((report, i) => [report.id, i]));
  const groups = new Groups(sorted, stats);
  const judgements: MergeJudgement[] = [];

  // analysts first: "different" holds unless a later "same" covers the very pair
  const laterSame = (a: string, b: string, after: number) =>
    (constraints.same ?? []).some((s) => s.judgementId > after && s.reports.includes(a) && s.reports.includes(b));
  for (const d of constraints.different ?? []) {
    const i = indexOf.get(d.report);
    if (i === undefined) continue;
    for (const other of d.others) {
      const j = indexOf.get(other);
      if (j !== undefined && j !== i && !laterSame(d.report, other, d.judgementId)) groups.forbid(i, j);
    }
  }
  for (const s of [...(constraints.same ?? [])].sort((a, b) => a.judgementId - b.judgementId)) {
    const present = s.reports.filter((id) => indexOf.has(id)).sort();
    for (let k = 1; k < present.length; k++) {
      if (groups.union(indexOf.get(present[0])!, indexOf.get(present[k])!, false) === 'joined') {
        judgements.push({
          version: MERGE_VERSION,
          left: present[0],
          right: present[k],
          decision: 'same',
          rule: 'human',
          score: 1,
          judgementId: s.judgementId,
        });
      }
    }
  }

  // Republished copies first: a report alike in all that merging reads whose document's text is a
  // near-duplicate of another report's document is that report again. It joins that report's
  // group here and takes part in no pair of its own: the pairs a story's copies made among
  // themselves grew with the square of its copies, and every rebuild around a new copy scored
  // them all again (the group's profile still holds each copy's document, so no event takes two
  // reports of one document).
  const kinds = new PairKinds(sorted, options.alike ?? true);
  const { copy, copiesOf } = republished(sorted, kinds, groups, judgements, stats);

  // candidates from shared blocking keys only
  const blocks = new Map<string, number[]>();
  const indexedUnder = sorted.map((report, i) => (copy[i] ? NO_KEYS : blockingKeys(report)));
  const lookedUp = sorted.map((report, i) => (copy[i] ? NO_KEYS : lookupKeys(report)));
  sorted.forEach((report, i) => {
    for (const key of indexedUnder[i]) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  });
  // each scored pair once, i < j; s is shared by every pair of the same kinds (PairKinds.shared):
  // its ids are not the pair's own (ownScore gives them), and it is never changed
  const scored = new ScoredPairs();
  // pairs of the same people whose times meet (vetoed or not): each shows a meeting of theirs then
  const overlapping: { i: number[]; j: number[] } = { i: [], j: [] };
  const vetoedPeers = new Map<number, number[]>();
  // per ordered pair of kinds: whether j's lookups find i, whether their times cannot meet, and
  // whether their people overlap enough to be peers (each depends only on what the two are like)
  const finds = new Map<number, boolean>();
  const found = (j: number, i: number) => {
    const key = kinds.pairKey(j, i);
    let known = finds.get(key);
    if (known === undefined) {
      const under = new Set(indexedUnder[i]);
      finds.set(key, (known = lookedUp[j].some((k) => under.has(k))));
    }
    return known;
  };
  const apart = new Map<number, boolean>();
  const sets = sorted.map((r) => matchingSet(r));
  const peers = new Map<number, boolean>();
  const dated = sorted.map((r) => timeWindow(r) !== null);
  // a report with no time at all must know every dated report of its people, fitting or not
  // (a place or mode that rules one out, or its own document telling of another meeting of
  // theirs, does not make the people meet only once)
  const notePeers = (i: number, j: number) => {
    if (dated[i] === dated[j]) return;
    const key = kinds.pairKey(i, j);
    let known = peers.get(key);
    if (known === undefined) peers.set(key, (known = jaccard(sets[i], sets[j]) >= MIN_JACCARD));
    if (!known) return;
    const [x, y] = dated[i] ? [j, i] : [i, j];
    const list = vetoedPeers.get(x);
    if (list) list.push(y);
    else vetoedPeers.set(x, [y]);
  };
  // documents by number (compared for every pair)
  const docIndex = new Map<string, number>();
  for (const r of sorted) if (!docIndex.has(r.docId)) docIndex.set(r.docId, docIndex.size);
  const docOf = Int32Array.from(sorted, (r) => docIndex.get(r.docId)!);
  // the candidates of a report, each once in the order first found (marked with the report's index)
  const seenBy = new Int32Array(sorted.length).fill(-1);
  sorted.forEach((report, i) => {
    for (const key of lookedUp[i]) {
      for (const j of blocks.get(key) ?? []) {
        if (j === i || seenBy[j] === i) continue;
        seenBy[j] = i;
        // each unordered pair once, where it is first found (lookups are asymmetric: a pair may be
        // found from either side): an earlier report that finds this one had the pair
        if (j < i && found(j, i)) continue;
        if (docOf[j] === docOf[i]) {
          notePeers(i, j);
          continue;
        }
        stats.pairsScored++;
        // a vetoed pair can never join, corroborate or be a candidate: it is not kept (in large
        // blocks most pairs are, and their features were most of the memory); times that cannot
        // meet are a veto whatever else the pair shares, so those are not even scored
        const key = kinds.pairKey(i, j);
        let far = apart.get(key);
        if (far === undefined) apart.set(key, (far = timesApart(report, sorted[j])));
        if (far) continue;
        const s = kinds.shared(i, j);
        if (dated[i] && dated[j] && s.features.participants.jaccard >= MIN_JACCARD) {
          overlapping.i.push(i);
          overlapping.j.push(j);
        }
        if (!s.veto) scored.push(Math.min(i, j), Math.max(i, j), s);
        else notePeers(i, j);
      }
    }
  });
  const ownScore = (k: number): PairScore => ({ ...scored.s[k], left: sorted[scored.i[k]].id, right: sorted[scored.j[k]].id });

  // corroboration: the two documents also report another meeting (other people) compatibly; only
  // two documents of two reports or more each can (the pairs between them must share no report)
  const docSize = new Map<string, number>();
  for (const r of sorted) docSize.set(r.docId, (docSize.get(r.docId) ?? 0) + 1);
  const shares = Uint8Array.from(sorted, (r) => (docSize.get(r.docId)! > 1 ? 1 : 0));
  const byDocs = new Map<number, number[]>();
  for (let k = 0; k < scored.length; k++) {
    if (!shares[scored.i[k]] || !shares[scored.j[k]]) continue;
    const a = docOf[scored.i[k]];
    const b = docOf[scored.j[k]];
    const key = Math.min(a, b) * docIndex.size + Math.max(a, b);
    const list = byDocs.get(key);
    if (list) list.push(k);
    else byDocs.set(key, [k]);
  }
  for (const list of byDocs.values()) {
    if (list.length < 2) continue;
    const pairs = list.map((k) => scored.at(k));
    const sharedOf = pairs.map((pair) => pair.s.features.participants.shared.join('|'));
    pairs.forEach((pair, n) => {
      const shared = sharedOf[n];
      const others = new Set<string>();
      pairs.forEach((other, m) => {
        if (other.i === pair.i || other.j === pair.j || other.i === pair.j || other.j === pair.i) return;
        if (sharedOf[m] !== shared) others.add(sharedOf[m]);
      });
      if (others.size > 0) scored.s[list[n]] = kinds.shared(pair.i, pair.j, others.size);
    });
  }

  // machine links, best first; a human "different" is never overridden
  scored.sort();
  for (let k = 0; k < scored.length; k++) {
    if (!scored.s[k].same) continue;
    if (groups.union(scored.i[k], scored.j[k], true) === 'joined') judgements.push(toJudgement(ownScore(k)));
  }
  for (const { i, j, s } of nearDays(sorted, groups, scored, overlapping, ownScore)) {
    if (groups.union(i, j, true) === 'joined') judgements.push(toJudgement(s, 'only-candidate'));
  }

  // A report with no time window (no date, no publication day, no full date in its document's
  // text) joins the one dated event of its people it fits (time, place, mode) only when the store
  // shows them meeting once: when it holds dated events of the same people in windows that do not
  // meet (fitting or not, in other documents or its own), the people meet repeatedly and
  // uniqueness says nothing. Then, or when several events fit, only positive evidence joins it: a
  // dateline's day without a year that only one fitting event's days hold, or the documents of
  // one fitting event clearly sharing what the report's document is about (its other actors).
  // An event known only to a month counts against uniqueness but is too loose to join.
  const byDoc = new Map<string, number[]>();
  sorted.forEach((r, x) => {
    const list = byDoc.get(r.docId);
    if (list) list.push(x);
    else byDoc.set(r.docId, [x]);
  });
  const anchored = (root: number) => groups.window(root) !== null;
  // asked of each candidate event of each loose report: known per group until the groups change
  const preciseOf = new Map<number, boolean>();
  let preciseAt = -1;
  const precise = (root: number) => {
    if (preciseAt !== groups.version) {
      preciseOf.clear();
      preciseAt = groups.version;
    }
    let known = preciseOf.get(root);
    if (known === undefined) {
      known = groups.membersOf(root).some((m) => {
        const w = timeWindow(sorted[m]);
        return w !== null && w[1] - w[0] <= PRECISE_DAYS;
      });
      preciseOf.set(root, known);
    }
    return known;
  };
  const joins: { i: number; root: number; s: PairScore; rule: MergeJudgement['rule'] }[] = [];
  const candidatesOf = new Map<number, Map<number, number>>();
  // only a report with no time at all looks at its candidates' events (below); scored is in
  // score order, so the first pair found for an event is its best (the first best, on a tie)
  const candidate = (x: number, y: number, k: number) => {
    let map = candidatesOf.get(x);
    if (!map) candidatesOf.set(x, (map = new Map()));
    const root = groups.find(y);
    if (!map.has(root)) map.set(root, k);
  };
  for (let k = 0; k < scored.length; k++) {
    if (!dated[scored.i[k]]) candidate(scored.i[k], scored.j[k], k);
    if (!dated[scored.j[k]]) candidate(scored.j[k], scored.i[k], k);
  }
  for (const [i, roots] of candidatesOf) {
    // still on its own (with its republished copies, if any)
    if (groups.membersOf(i).length !== 1 + copiesOf[i] || timeWindow(sorted[i]) !== null) continue;
    // a dateline's day without a year: only the events whose days hold it (whatever the year) fit
    const monthDay = sorted[i].anchor?.startsWith('--') ? sorted[i].anchor! : null;
    const fitting = [...roots].filter(
      ([root]) => anchored(root) && groups.coherent(i, root) && (!monthDay || dayFits(monthDay, groups.window(root)!)),
    );
    const events = new Set([...roots.keys()].filter(anchored));
    for (const j of vetoedPeers.get(i) ?? []) events.add(groups.find(j));
    // its own document telling of another meeting of the very same people, dated or not (its
    // extraction told them apart), shows them meeting more than once as well
    const people = matchingSet(sorted[i]).join('|');
    const toldTwice = (byDoc.get(sorted[i].docId) ?? []).some((p) => p !== i && matchingSet(sorted[p]).join('|') === people);
    const repeated = toldTwice || meetsRepeatedly([...events].map((root) => groups.window(root)!));
    const candidates = { events: events.size, fitting: fitting.length, repeated };
    if (fitting.length === 1 && (monthDay || !repeated)) {
      if (precise(fitting[0][0])) {
        const context = Math.max(-1, ...groups.membersOf(fitting[0][0]).map((m) => kinds.overlap(i, m) ?? -1));
        const own = ownScore(fitting[0][1]);
        const s = { ...own, features: { ...own.features, candidates, ...(context >= 0 ? { context } : {}) } };
        joins.push({ i, root: fitting[0][0], s, rule: monthDay ? 'dateline-day' : 'only-candidate' });
      }
      continue;
    }
    // several, or people who meet repeatedly: the one whose documents clearly share what the report's document is about
    const ranked = fitting
      .map(([root]) => {
        let best = -1;
        let bestMember = -1;
        for (const m of groups.membersOf(root)) {
          const overlap = kinds.overlap(i, m) ?? -1;
          if (overlap > best) [best, bestMember] = [overlap, m];
        }
        return { root, overlap: best, member: bestMember };
      })
      .sort((x, y) => y.overlap - x.overlap);
    const [top, second] = ranked;
    if (top && top.overlap >= CONTEXT_MIN && top.overlap - (second?.overlap ?? 0) >= CONTEXT_MARGIN && precise(top.root)) {
      const s = scorePair(sorted[i], sorted[top.member]);
      s.features.context = top.overlap;
      s.features.candidates = candidates;
      joins.push({ i, root: top.root, s, rule: 'best-context' });
    }
  }
  for (const { i, root, s, rule } of joins) if (groups.union(i, root, true) === 'joined') judgements.push(toJudgement(s, rule));

  for (const { i, root, score } of sameOccasion(sorted, groups, scored, vetoedPeers, byDoc, precise, kinds)) {
    if (groups.union(i, root, true) === 'joined') judgements.push(toJudgement(score(), 'same-place'));
  }

  const byRoot = new Map<number, string[]>();
  sorted.forEach((report, i) => {
    const root = groups.find(i);
    const list = byRoot.get(root);
    if (list) list.push(report.id);
    else byRoot.set(root, [report.id]);
  });
  const judgementsByRoot = new Map<number, MergeJudgement[]>();
  for (const judgement of judgements) {
    const root = groups.find(indexOf.get(judgement.left)!);
    const list = judgementsByRoot.get(root);
    if (list) list.push(judgement);
    else judgementsByRoot.set(root, [judgement]);
  }
  const events: DerivedEvent[] = [];
  for (const [root, reportIds] of byRoot) {
    events.push({ id: eventIdFor(reportIds), reportIds, judgements: judgementsByRoot.get(root) ?? [] });
  }
  return events.sort((a, b) => (a.reportIds[0] < b.reportIds[0] ? -1 : 1));
}

/**
 * Reports that state no day, dated only by the days their pages speak from, of different days
 * ("published Monday" / "published Tuesday"): their times are no more than compatible (score-pair's
 * compareTime), as a chain of such reports of people who meet day after day must not be grouped
 * by the order it is read in. Two such groups are one event only on positive evidence: the pair
 * would be the same if the days agreed (same people, place and mode not contradicting), and each
 * group is the other's only meeting of those people in that window: no other event of theirs,
 * joined or kept apart by a place, a mode or a document, has times that meet either group's.
 * Decided on the groups as they stand, then applied (so the result does not depend on order).
 */
function nearDays(
  sorted: readonly MergeInput[],
  groups: Groups,
  scored: ScoredPairs,
  overlapping: { readonly i: readonly number[]; readonly j: readonly number[] },
  ownScore: (k: number) => PairScore,
): { i: number; j: number; s: PairScore }[] {
  const near: number[] = [];
  for (let k = 0; k < scored.length; k++) {
    const s = scored.s[k];
    if (!s.same && daysOnlyFromPages(sorted[scored.i[k]], sorted[scored.j[k]]) && s.score + WEIGHTS.timeAgree >= SAME_THRESHOLD) near.push(k);
  }
  if (!near.length) return [];
  const rivals = new Map<number, Set<number>>();
  const rival = (x: number, y: number) => {
    const set = rivals.get(x);
    if (set) set.add(y);
    else rivals.set(x, new Set([y]));
  };
  for (let k = 0; k < overlapping.i.length; k++) {
    const [i, j] = [overlapping.i[k], overlapping.j[k]];
    const [a, b] = [groups.find(i), groups.find(j)];
    if (a === b) continue;
    rival(a, b);
    rival(b, a);
  }
  const only = (x: number, y: number) => {
    const set = rivals.get(x);
    return !!set && set.size === 1 && set.has(y);
  };
  const out: { i: number; j: number; s: PairScore }[] = [];
  const seen = new Set<string>();
  for (const k of near) {
    const pair = scored.at(k);
    const [a, b] = [groups.find(pair.i), groups.find(pair.j)];
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key) || !only(a, b) || !only(b, a) || !groups.coherent(a, b)) continue;
    seen.add(key);
    const own = ownScore(k);
    const s = { ...own, features: { ...own.features, candidates: { events: 1, fitting: 1, repeated: false } } };
    out.push({ i: pair.i, j: pair.j, s });
  }
  return out;
}

/** Neither report states a day, both are dated by a day their pages speak from, and those days differ. */
function daysOnlyFromPages(a: MergeInput, b: MergeInput): boolean {
  return pageDated(a) && pageDated(b) && timeWindow(a)![1] !== timeWindow(b)![1];
}

/**
 * A report that states no day and is dated by the day its page speaks from (publication day or
 * time anchor). Whether two groups of such reports of different days join (nearDays) depends on
 * every report of those people whose time meets either group's: re-deriving events around new
 * reports must reach one hop further from them (event-resolution.ts).
 */
export function pageDated(report: MergeInput): boolean {
  if (report.date) return false;
  const w = timeWindow(report);
  return !!w && w[1] - w[0] <= PRECISE_DAYS;
}

const PLACE_TIER = { local: 2, coarse: 1 } as const;

/**
 * Reports whose time says too little to join them (no window at all, or a month, in a group no
 * precise report dates), joined on where the meeting happened: the same people (the very same
 * set: a report naming a third leader may tell of the summit after the bilateral meeting) and a
 * city or venue that both put it in (SharedPlace), with nothing contradicting (time, place,
 * mode, document). This is what links two undated reports of one visit ("received him at Cairo
 * airport" / "the summit at the Ittihadiya Palace"), or a report dated only to a month to the
 * dated one in the same city.
 *
 * A place is evidence only when it tells the meetings of those people apart:
 * - the reports it points to, at the best evidence found, must be able to be one event
 *   (pairwise coherent); else it points at several meetings and says nothing, and the report
 *   is not linked from the other side either ("in Turkey" is not the Ankara visit's report
 *   when there was an Istanbul visit too);
 * - when the store shows those people meeting at different times (dated events in windows that
 *   do not meet, or its own document telling of another meeting), only a city or venue that
 *   both state counts ("Qatar" does not pick the Doha meeting out of their meetings), and every
 *   other dated event of theirs that the report could belong to must be placed only in a
 *   wider place holding that city (a country: a meeting with no place, or in a place whose
 *   country is not known, could have been in the same city);
 * - a document that tells of another in-person meeting of the same people (its extraction
 *   told them apart) shows them meeting more than once: unless that one's place contradicts,
 *   the place could be its, and nothing is linked;
 * - two countries never count (leaders meet in each other's countries again and again).
 * Decisions are taken on the groups as they stand, then applied (each union checked again).
 */
function sameOccasion(
  sorted: readonly MergeInput[],
  groups: Groups,
  scored: ScoredPairs,
  vetoedPeers: ReadonlyMap<number, readonly number[]>,
  byDoc: ReadonlyMap<string, readonly number[]>,
  precise: (root: number) => boolean,
  kinds: PairKinds,
): { i: number; root: number; score: () => PairScore }[] {
  // the groups do not change while deciding: each report's looseness is asked once
  const looseness: (boolean | undefined)[] = [];
  const loose = (x: number) => {
    const w = timeWindow(sorted[x]);
    return (looseness[x] ??= (w === null || w[1] - w[0] > PRECISE_DAYS) && !precise(groups.find(x)));
  };
  const peopleKeys: (string | undefined)[] = [];
  const peopleOf = (x: number) => (peopleKeys[x] ??= matchingSet(sorted[x]).join('|'));
  const partners = new Map<number, number[]>();
  const partner = (x: number, y: number) => {
    const list = partners.get(x);
    if (list) list.push(y);
    else partners.set(x, [y]);
  };
  for (let k = 0; k < scored.length; k++) {
    const [i, j] = [scored.i[k], scored.j[k]];
    if (loose(i)) partner(i, j);
    if (loose(j)) partner(j, i);
  }
  const links: { i: number; root: number; member: number; place: SharedPlace }[] = [];
  // reports whose evidence points at meetings that cannot be one: they link nothing, either way
  const ambiguous = new Set<number>();
  for (const [i, others] of [...partners].sort((a, b) => a[0] - b[0])) {
    const own = groups.find(i);
    const people = peopleOf(i);
    // per candidate event: the best place evidence any of its reports of the same people gives
    const evidence = new Map<number, { tier: number; member: number; place: SharedPlace }>();
    const fitting = new Set<number>();
    // the groups do not change while deciding: whether i fits a group is asked once per group
    const fits = new Map<number, boolean>();
    // what follows reads of j only its group and its kind: a second report of both changes nothing
    const seen = new Set<number>();
    const roots = new Set<number>();
    for (const j of others) {
      const root = groups.find(j);
      if (root === own) continue;
      const key = root * kinds.count + kinds.kind(j);
      if (seen.has(key)) continue;
      seen.add(key);
      roots.add(root);
      let fit = fits.get(root);
      if (fit === undefined) fits.set(root, (fit = groups.coherentNow(i, root)));
      if (!fit) continue;
      fitting.add(root);
      if (peopleOf(j) !== people) continue;
      const place = kinds.sharedPlace(i, j);
      if (!place) continue;
      const tier = PLACE_TIER[place.tier];
      if ((evidence.get(root)?.tier ?? 0) < tier) evidence.set(root, { tier, member: j, place });
    }
    if (!evidence.size) continue;
    const best = Math.max(...[...evidence.values()].map((e) => e.tier));
    const chosen = [...evidence].filter(([, e]) => e.tier === best);
    if (!groups.allCoherent(chosen.map(([root]) => root))) {
      ambiguous.add(i);
      continue;
    }
    // do those people meet more than once? (as for a report with no time at all, below)
    const events = new Set([...roots].filter((root) => groups.window(root) !== null));
    for (const j of vetoedPeers.get(i) ?? []) events.add(groups.find(j));
    const repeated = meetsRepeatedly([...events].map((root) => groups.window(root)!));
    if (repeated) {
      if (best < PLACE_TIER.local) continue;
      const chosenRoots = new Set(chosen.map(([root]) => root));
      const rest = [...fitting].filter((root) => groups.window(root) !== null && !chosenRoots.has(root));
      // each other meeting must be placed, only in a wider place holding this one ("Indonesia", not "Bogor")
      const placedAround = (root: number) =>
        groups.membersOf(root).some((m) => {
          const there = sorted[m].place;
          return !!there && !!sorted[i].place?.within.includes(there.actorId);
        });
      if (rest.some((root) => !placedAround(root))) continue;
    }
    // a document telling of another meeting of the same people in person (its extraction told
    // them apart) shows them meeting more than once: unless that one was elsewhere (or at a
    // time the report cannot tell of), the place could be that meeting's as well
    const elsewhere = (a: MergeInput, b: MergeInput) => comparePlace(a, b).verdict === 'conflict';
    const otherMeetingThere = (x: number) =>
      (byDoc.get(sorted[x].docId) ?? []).some(
        (p) =>
          p !== x &&
          contactOf(sorted[p].mode) !== 'remote' &&
          peopleOf(p) === people &&
          !timesApart(sorted[i], sorted[p]) &&
          !elsewhere(sorted[i], sorted[p]) &&
          !elsewhere(sorted[x], sorted[p]),
      );
    // (chosen is never empty: i's own document is asked once, not once per chosen event)
    if (otherMeetingThere(i) || chosen.some(([, e]) => otherMeetingThere(e.member))) continue;
    for (const [root, e] of chosen) links.push({ i, root, member: e.member, place: e.place });
  }
  // scored only when the link joins (most find i already there)
  return links
    .filter((l) => !ambiguous.has(l.member))
    .map(({ i, root, member, place }) => ({
      i,
      root,
      score: () => {
        const s = scorePair(sorted[i], sorted[member]);
        s.features.sharedPlace = place;
        return s;
      },
    }));
}

// Keys of what a report is like, kept per input object: event derivation keeps a report's
// MergeInput from one rebuild to the next (inputs are never changed once made), and a story's
// copies are in every rebuild of its event
const likenessKeys = new WeakMap<MergeInput, string>();
/** What scoring a pair reads of a report (PairKinds), as a key. */
function likenessKey(r: MergeInput): string {
  let key = likenessKeys.get(r);
  if (key === undefined) likenessKeys.set(r, (key = JSON.stringify([matchingSet(r), r.date, r.published, r.anchor ?? null, r.place ?? null, r.mode ?? null, r.contextPlaces ?? null])));
  return key;
}
const contextKeys = new WeakMap<MergeInput, string>();
/** What contextOverlap reads of a report, as a key. */
function contextKey(r: MergeInput): string {
  let key = contextKeys.get(r);
  if (key === undefined) contextKeys.set(r, (key = JSON.stringify([r.context ?? null, r.participants.map((p) => p.actorId)])));
  return key;
}

const placeKeys = new WeakMap<MergeInput, string>();
/** What comparePlace reads of a report's place, as a key (for a report that states one). */
function placeKey(report: MergeInput): string {
  let key = placeKeys.get(report);
  if (key === undefined) placeKeys.set(report, (key = JSON.stringify(report.place)));
  return key;
}

/** Two of these events' windows share no day: the same people met at different times. */
function meetsRepeatedly(windows: readonly [number, number][]): boolean {
  if (windows.length < 2) return false;
  const latestStart = Math.max(...windows.map((w) => w[0]));
  const earliestEnd = Math.min(...windows.map((w) => w[1]));
  // intervals that pairwise overlap share a common day (Helly, in one dimension)
  return latestStart > earliestEnd;
}

/**
 * Republished copies (mergeReports): a report whose document's text is a near-duplicate (MinHash
 * similarity at least NEAR_DUPLICATE, the threshold the sources stage chains copies by) of the
 * document of an earlier report of its kind (id order) joins that report's group, unless an
 * analyst's "different" or a contradiction of that group forbids it. Each is compared with the
 * first report of each chain of its kind, not with every other copy. Only reports with a
 * signature take part, and only where their document holds no other report of their kind (which
 * of two alike reports of one text a copy's report repeats is not known). `copy[i]`: report i
 * joined as a copy; `copiesOf[i]`: how many copies joined report i.
 */
function republished(
  sorted: readonly MergeInput[],
  kinds: PairKinds,
  groups: Groups,
  judgements: MergeJudgement[],
  stats: MergeStats,
): { copy: Uint8Array; copiesOf: Int32Array } {
  const copy = new Uint8Array(sorted.length);
  const copiesOf = new Int32Array(sorted.length);
  const perDoc = new Map<string, number>();
  const docKeys = sorted.map((r, i) => (r.signature?.length ? `${r.docId}\u0000${kinds.likeness(i)}` : null));
  for (const key of docKeys) if (key !== null) perDoc.set(key, (perDoc.get(key) ?? 0) + 1);
  const byKind = new Map<number, number[]>();
  for (let i = 0; i < sorted.length; i++) {
    if (docKeys[i] === null || perDoc.get(docKeys[i]!) !== 1) continue;
    const list = byKind.get(kinds.likeness(i));
    if (list) list.push(i);
    else byKind.set(kinds.likeness(i), [i]);
  }
  let count = 0;
  for (const list of byKind.values()) {
    if (list.length < 2) continue;
    const firsts: number[] = [];
    for (const i of list) {
      let joined = false;
      for (const f of firsts) {
        const alike = similarity(sorted[f].signature!, sorted[i].signature!);
        if (alike < NEAR_DUPLICATE || groups.union(f, i, true) !== 'joined') continue;
        const s = kinds.shared(f, i);
        judgements.push(toJudgement({ ...s, left: sorted[f].id, right: sorted[i].id, features: { ...s.features, copy: alike } }, 'copy'));
        copy[i] = 1;
        copiesOf[f]++;
        count++;
        joined = true;
        break;
      }
      if (!joined) firsts.push(i);
    }
  }
  if (count) stats.copies = (stats.copies ?? 0) + count;
  return { copy, copiesOf };
}

/**
 * Reports alike in all that scoring a pair reads (participants as matched, time, place, mode,
 * the places their documents mention), differing only in id and document: wire copies of one
 * story. A pair's score depends only on what the two are like, so it is computed once per pair
 * of kinds (in the order asked: a pair's features name a left and a right) and given each pair's
 * own ids: a block of N copies scores a handful of kinds, not N² pairs.
 */
class PairKinds {
  private readonly kindOf: number[];
  private readonly likenessOf: number[];
  /** How many kinds there are. */
  readonly count: number;
  private readonly scores = new Map<number, PairScore>();
  private readonly places = new Map<number, SharedPlace | null>();

  constructor(
    private readonly reports: readonly MergeInput[],
    private readonly alike: boolean,
  ) {
    const ids = new Map<string, number>();
    this.likenessOf = reports.map((r) => {
      const key = likenessKey(r);
      let kind = ids.get(key);
      if (kind === undefined) ids.set(key, (kind = ids.size));
      return kind;
    });
    this.kindOf = alike ? this.likenessOf : reports.map((_, i) => i);
    this.count = alike ? ids.size : reports.length;
  }

  /** Report i's kind whether or not pairs are scored by kind (alike: false): what republished copies share. */
  likeness(i: number): number {
    return this.likenessOf[i];
  }

  /** The kind of report i. */
  kind(i: number): number {
    return this.kindOf[i];
  }

  /** A key for the ordered pair of the two reports' kinds. */
  pairKey(i: number, j: number): number {
    return this.kindOf[i] * this.count + this.kindOf[j];
  }

  /**
   * scorePair(reports[i], reports[j], corroboration), for reports of different documents, as
   * scored for the first pair of these kinds asked: its ids are that pair's (the caller knows its
   * own) and it is shared: never change it.
   */
  shared(i: number, j: number, corroboration = 0): PairScore {
    const a = this.reports[i];
    const b = this.reports[j];
    if (corroboration > 1023) return scorePair(a, b, corroboration);
    const key = (this.kindOf[i] * this.count + this.kindOf[j]) * 1024 + corroboration;
    let known = this.scores.get(key);
    if (!known) this.scores.set(key, (known = scorePair(a, b, corroboration)));
    return known;
  }

  private contextKinds: number[] | null = null;
  private contextCount = 0;
  private readonly overlaps = new Map<number, number | null>();

  /** contextOverlap(reports[i], reports[j]): it reads the documents' actors and the reports' participants. */
  overlap(i: number, j: number): number | null {
    if (!this.contextKinds) {
      const ids = new Map<string, number>();
      this.contextKinds = this.reports.map((r, i) => {
        if (!this.alike) {
          ids.set(String(i), i);
          return i;
        }
        const key = contextKey(r);
        let kind = ids.get(key);
        if (kind === undefined) ids.set(key, (kind = ids.size));
        return kind;
      });
      this.contextCount = ids.size;
    }
    const key = this.contextKinds[i] * this.contextCount + this.contextKinds[j];
    let known = this.overlaps.get(key);
    if (known === undefined) this.overlaps.set(key, (known = contextOverlap(this.reports[i], this.reports[j])));
    return known;
  }

  /** sharedPlace(reports[i], reports[j]); shared: never change it. */
  sharedPlace(i: number, j: number): SharedPlace | null {
    const key = this.kindOf[i] * this.count + this.kindOf[j];
    let known = this.places.get(key);
    if (known === undefined) this.places.set(key, (known = sharedPlace(this.reports[i], this.reports[j])));
    return known;
  }
}
