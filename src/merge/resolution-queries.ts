// What event derivation and judgements (event-resolution.ts) ask of storage: plain reads and
// writes, no rules. Each adapter (store/sqlite, store/postgres) implements it with its own SQL.
// A method may answer synchronously (SQLite) or with a promise (PostgreSQL); callers await both.
import type { ActorKind, EventMode, Judgement, NoiseRange, PlaceType, Span } from '../core/types.ts';
import type { AnchorableReport } from '../judgements/anchor.ts';
import type { MergeJudgement } from './merge-reports.ts';

type Answer<T> = T | Promise<T>;

/** A stored report row, its JSON fields parsed. */
export interface ReportRecord {
  id: string;
  docId: string;
  type: 'CONSULT';
  mode: EventMode;
  trigger: Span;
  evidence: Span[];
  dateValue: string | null;
  dateSpan: Span | null;
  placeActorId: string | null;
  placeSpan: Span | null;
}

export interface ParticipantRecord {
  reportId: string;
  actorId: string;
  kind: ActorKind;
  spans: Span[];
}

export interface ActorRecord {
  id: string;
  kind: ActorKind;
  name: string;
  aliases: string[];
  placeType: PlaceType | null;
  within: string[];
}

export interface NewJudgementRow {
  kind: Judgement['kind'];
  subjects: string[];
  value: Judgement['value'] | null;
  anchors: Judgement['anchors'];
  author: string;
  reason: string | null;
  createdAt: string;
}

export interface ResolutionQueries {
  report(id: string): Answer<ReportRecord | null>;
  reportExists(id: string): Answer<boolean>;
  reportsOfDoc(docId: string): Answer<AnchorableReport[]>;
  /** The ids of every report of these documents (each once; one read for a block). */
  reportIdsOfDocs(docIds: readonly string[]): Answer<string[]>;
  /** A report's participants in their stored order, with their actor's kind. */
  participants(reportId: string): Answer<ParticipantRecord[]>;
  allReports(): Answer<ReportRecord[]>;
  /** Every participant, by report then position. */
  allParticipants(): Answer<ParticipantRecord[]>;
  published(docId: string): Answer<{ value: string | null; precision: 'year' | 'month' | 'day' | null } | null>;
  docText(docId: string): Answer<string | null>;
  anchorSource(docId: string): Answer<{ text: string; language: string; noise: NoiseRange[] } | null>;
  /** The document's text signature (MinHash), or null when none is stored. */
  signature(docId: string): Answer<number[] | null>;
  reportDatesOfDoc(docId: string): Answer<({ value: string; span: Span | null } | null)[]>;
  /** The actor ids of each mention of a document. */
  mentionActors(docId: string): Answer<string[][]>;
  actor(id: string): Answer<ActorRecord | null>;
  places(): Answer<{ id: string; placeType: PlaceType | null; within: string[] }[]>;
  reportsOfActor(actorId: string): Answer<string[]>;
  replaceKeys(reportId: string, keys: readonly string[]): Answer<void>;
  reportsOfKey(key: string): Answer<string[]>;
  /** The reports indexed under any of these keys (each once; one read for a block). */
  reportsOfKeys(keys: readonly string[]): Answer<string[]>;
  /** Reports are stored but no blocking key is (a migration dropped them). */
  unkeyed(): Answer<boolean>;
  /** Reports are stored but no event is (a migration dropped them). */
  eventless(): Answer<boolean>;
  /** Report ids ordered by the time they tell of. */
  reportIdsByTime(): Answer<string[]>;
  eventOfReport(reportId: string): Answer<string | null>;
  membersOfEvent(eventId: string): Answer<string[]>;
  /** The events holding any of these reports, each with all its members (one read for a block), by event id then report id. */
  eventMembersOfReports(reportIds: readonly string[]): Answer<{ eventId: string; reportId: string }[]>;
  deleteEvent(eventId: string): Answer<void>;
  insertEvent(eventId: string, explanation: readonly MergeJudgement[], stamp: string, reportIds: readonly string[]): Answer<void>;
  /** Takes reports out of a stored event (before they join another: a report is in one event). */
  removeMembers(eventId: string, reportIds: readonly string[]): Answer<void>;
  /** A stored event derived again under the same id: its explanation and stamp replaced, members added. */
  updateEvent(eventId: string, explanation: readonly MergeJudgement[], stamp: string, added: readonly string[]): Answer<void>;
  event(id: string): Answer<{ id: string; explanation: MergeJudgement[] } | null>;
  allEvents(): Answer<{ id: string; explanation: MergeJudgement[] }[]>;
  allMembers(): Answer<{ eventId: string; reportId: string }[]>;
  insertJudgement(row: NewJudgementRow): Answer<number>;
  judgement(id: number): Answer<Judgement | null>;
  judgements(): Answer<Judgement[]>;
  undo(id: number, at: string, by: string, reason: string | null): Answer<void>;
  /** Remembers the reports an event held when its id stopped existing (replacing an older record of that id). */
  recordRedirect(fromId: string, reportIds: readonly string[], at: string): Answer<void>;
  /** The event holding most of the reports `fromId` held, or null (never itself). */
  followRedirect(fromId: string): Answer<string | null>;
}

/** How an adapter runs the rules: reads anywhere, writes inside its own transaction. */
export interface ResolutionStorage<Tx = unknown> {
  read: ResolutionQueries;
  /** Runs `work` in one transaction (serialized against other writers), committing if it returns; `tx` is the adapter's own handle. */
  write<T>(work: (q: ResolutionQueries, tx: Tx) => Promise<T>): Promise<T>;
}
