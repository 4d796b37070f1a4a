// What the rest of Parley needs from storage. Backends (sqlite/ now) implement this contract;
// callers never see SQL.
import type {
  ActorKind,
  Diagnostic,
  DocumentAnalysis,
  DocumentMeta,
  EventMode,
  EventReport,
  LanguageCode,
  NoiseRange,
  PartialDate,
  ParticipantEvidence,
  PlaceType,
  Span,
} from '../core/types.ts';
import type { MergeJudgement } from '../merge/merge-reports.ts';

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
  /** Every spelling seen for it, over all documents. */
  aliases: string[];
}

/** A report as stored: the pipeline's own shape. */
export type StoredReport = EventReport;

export interface StoredEvent {
  id: string;
  /** Member reports, ordered by document id then trigger offset. */
  reports: StoredReport[];
  /** Why its reports were put together: one judgement per merge. */
  judgements: MergeJudgement[];
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

export interface RunStats {
  [key: string]: unknown;
}

export interface Store {
  /** Stores a batch of analyses in one transaction, then rebuilds the events they affect. */
  saveBatch(analyses: DocumentAnalysis[]): SaveResult;
  /** The id of the stored document with this text hash, if any. */
  findDocumentByHash(hash: string): string | null;
  /** The hash of the stored document with this id, if any. */
  findHashById(id: string): string | null;
  getDocument(id: string): StoredDocument | null;
  listDocuments(): DocumentSummary[];
  getActors(ids?: readonly string[]): StoredActor[];
  /** Actors whose name or an alias contains the query (case-insensitive); all when absent. */
  searchActors(query?: string): StoredActor[];
  getEvent(id: string): StoredEvent | null;
  listEvents(): StoredEvent[];
  /** Ingest-run bookkeeping. */
  beginRun(command: string, args: readonly string[]): number;
  finishRun(runId: number, stats: RunStats, diagnostics: readonly Diagnostic[]): void;
  counts(): { documents: number; actors: number; reports: number; events: number };
  close(): void;
}
