// What the rest of Parley needs from storage. Backends (sqlite/ now) implement this contract;
// callers never see SQL.
import type {
  ActorKind,
  Diagnostic,
  StoredAnalysis,
  DocumentMeta,
  EventMode,
  EventReport,
  FramingStance,
  KbEntry,
  Judgement,
  LanguageCode,
  NewJudgement,
  NoiseRange,
  PartialDate,
  ParticipantEvidence,
  PlaceType,
  RawSource,
  Span,
} from '../core/types.ts';
import type { MergeJudgement } from '../merge/merge-reports.ts';
import type { Browse } from './browse.ts';
import type { SourcesTable } from './sqlite/sources.ts';

export interface StoredDocument {
  id: string;
  hash: string;
  path: string | null;
  text: string;
  language: LanguageCode;
  title: Span | null;
  published: (PartialDate & { span: Span }) | null;
  noise: NoiseRange[];
  /** What arrived with the document from its reader (outlet, url, title, author, stated date). */
  meta: DocumentMeta;
  ingestedAt: string;
}

/** A document without its text, for listings. */
export type DocumentSummary = Omit<StoredDocument, 'text' | 'noise'>;

export interface StoredActor {
  id: string;
  kind: ActorKind;
  name: string;
  fromKb: boolean;
  placeType: PlaceType | null;
  /** Every spelling seen for it, over all documents (with analysts' alias judgements applied). */
  aliases: string[];
  /** Places: the places it lies within, nearest first. */
  within: string[];
}

/** A report as stored: the pipeline's own shape. */
export type StoredReport = EventReport;

/** Two or more reports of one event that disagree on a value: shown, not hidden. */
export interface EventConflict {
  field: 'date' | 'place' | 'mode';
  /** Each value stated, with the reports stating it. */
  values: { value: string; reports: string[] }[];
  /** The value the event carries. */
  chosen: string | null;
}

export interface StoredEvent {
  id: string;
  /** Member reports, ordered by document id then trigger offset (rejected reports excluded). */
  reports: StoredReport[];
  /** Why its reports were put together: one machine judgement per merge. */
  judgements: MergeJudgement[];
  /** Derived from the reports and the human judgements; never edited in place. */
  participants: { actorId: string; reports: string[] }[];
  /** The day the reports state (or a correction sets), YYYY[-MM[-DD]]. */
  date: string | null;
  /** Place actor id: the most specific one named (Beirut over Lebanon), or a correction. */
  place: string | null;
  mode: EventMode;
  conflicts: EventConflict[];
  /** Ids of the active human judgements that shaped this event. */
  humanJudgements: number[];
}

/** What a judgement would do, computed by applying it in a transaction that is rolled back. */
export interface JudgementPreview {
  /** The judgement as it would be recorded (validated, trimmed). */
  judgement: NewJudgement;
  /** The events it starts from, as they are now. */
  before: StoredEvent[];
  /** The events holding those reports afterwards (the resulting ids, reports and conflicts). */
  after: StoredEvent[];
  /** Ids of `before` that would no longer exist, with the event each would redirect to (or null). */
  vanished: { id: string; to: string | null }[];
  /** Reports the result holds that none of `before` held: pulled in by the re-derivation, not asked for. */
  pulledIn: string[];
  /** Why the request looks wrong (event merges): applying it then needs `confirm: true`. */
  concerns: string[];
}

export interface DuplicateDocument {
  docId: string;
  /** The stored document with the same text. */
  of: string;
  file?: string;
}

export interface SaveResult {
  /** Ids of the documents newly stored. */
  saved: string[];
  duplicates: DuplicateDocument[];
  /** Problems with the analyses (id conflicts, dangling references): those items were not stored. */
  diagnostics: Diagnostic[];
  /** Events created or rebuilt by this batch. */
  eventsTouched: number;
}

export type { RunRecord } from './runs.ts';
import type { RunRecord } from './runs.ts';

export interface RunStats {
  [key: string]: unknown;
}

/** How one outlet describes one actor with one descriptor, over all its documents. */
export interface FramingRow {
  /** DocumentMeta.outlet, else the folder of the document's file, else 'unknown'. */
  outlet: string;
  actorId: string;
  actorName: string;
  /** The descriptor's normalized words ("lebanese resistance movement"). */
  descriptor: string;
  count: number;
  /** The side its first loaded term takes, when it holds one. */
  stance?: FramingStance;
  /** Every loaded term it holds (ids from data/framing/<lang>.json). */
  loaded: { termId: string; stance: FramingStance }[];
  /** A few places it occurs, with the words as written. */
  examples: { docId: string; start: number; end: number; text: string }[];
}

export interface FramingFilter {
  /** Actor id, or part of its name or an alias (case-insensitive). */
  actor?: string;
  /** Outlet name (case-insensitive). */
  outlet?: string;
  /** Only the documents reporting this event: how each outlet described that meeting's actors. */
  event?: string;
}

export interface Store {
  /** Stores a batch of analyses in one transaction, then rebuilds the events they affect. */
  saveBatch(analyses: StoredAnalysis[]): Promise<SaveResult>;
  /** The id of the stored document with this text hash, if any. */
  findDocumentByHash(hash: string): Promise<string | null>;
  /** The hash of the stored document with this id, if any. */
  findHashById(id: string): Promise<string | null>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /** The markup the document's text was extracted from, with the offset map back into it. */
  getDocumentSource(id: string): Promise<RawSource | null>;
  listDocuments(): Promise<DocumentSummary[]>;
  /** Every document summary in id order (the order of listDocuments), read a page at a time: flat memory for exports. */
  iterateDocuments(options?: { pageSize?: number }): AsyncIterable<DocumentSummary>;
  /** The summaries of the documents with these ids that exist, in id order. */
  getDocumentSummaries(ids: readonly string[]): Promise<DocumentSummary[]>;
  getActors(ids?: readonly string[]): Promise<StoredActor[]>;
  /** Actors whose name or an alias contains the query (case-insensitive); all when absent. */
  searchActors(query?: string): Promise<StoredActor[]>;
  getEvent(id: string): Promise<StoredEvent | null>;
  /** Where an event id that no longer exists went (merged away, re-derived): the event holding its reports now, or null. */
  eventRedirect(id: string): Promise<string | null>;
  listEvents(): Promise<StoredEvent[]>;
  /** Every event as getEvent gives it, in id order, a page of ids at a time: flat memory for exports. */
  iterateEvents(options?: { pageSize?: number }): AsyncIterable<StoredEvent>;
  /** Ingest-run bookkeeping. */
  beginRun(command: string, args: readonly string[]): Promise<number>;
  finishRun(runId: number, stats: RunStats, diagnostics: readonly Diagnostic[]): Promise<void>;
  /** Every run, newest first, a run whose process is gone shown as interrupted (runs.ts). Never writes. */
  listRuns(limit?: number): Promise<RunRecord[]>;
  /**
   * Re-extraction (new extraction rules): for documents already stored with the same text, drops
   * what the old analysis found (mentions, reports) and stores the new one; other documents are
   * saved as by saveBatch. Judgements stay and re-attach to the new reports by their anchors.
   */
  replaceAnalyses(analyses: StoredAnalysis[]): Promise<SaveResult>;
  /** Records an analyst's judgement and re-derives what it touches. Bad ids: ParleyError('not-found'). */
  addJudgement(input: NewJudgement): Promise<Judgement>;
  /** What addJudgement would do, without doing it. Bad ids: ParleyError('not-found'). */
  previewJudgement(input: NewJudgement): Promise<JudgementPreview>;
  listJudgements(filter?: { kind?: string; active?: boolean }): Promise<Judgement[]>;
  /** Undoes an active judgement (kept, marked undone) and re-derives what it touched. */
  undoJudgement(id: number, author: string, reason?: string): Promise<Judgement>;
  /** How each outlet describes each actor: descriptor counts, most frequent first within outlet and actor. */
  framing(filter?: FramingFilter): Promise<FramingRow[]>;
  counts(): Promise<{ documents: number; actors: number; reports: number; events: number }>;
  /** The analyst's own knowledge-base entries (parley kb import --db), loaded on top of the shipped base at ingest. */
  localActors(): Promise<KbEntry[]>;
  /** Stores entries from `source` (a file name); an id stored before is replaced. */
  saveLocalActors(entries: readonly KbEntry[], source: string): Promise<{ added: number; replaced: number }>;
  /** Paged, filtered read queries for the API and web app (see sqlite/browse.ts). */
  browse(): Browse;
  /** Who says so: attributions, denial claims, text signatures, source judgements (see sqlite/sources.ts, src/sources/). */
  sources(): SourcesTable;
  close(): Promise<void>;
}
