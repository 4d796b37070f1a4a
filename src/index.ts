// The public entry: the vocabulary, the pipeline, the reader, the store, merging and exports.
export type * from './core/types.ts';
export { ParleyError, exitCodeFor, type ErrorCode } from './core/errors.ts';
export { createPipeline, type Pipeline, type PipelineOptions } from './pipeline/analyze.ts';
export { listTextFiles, readTextFile, readTextFiles, sha256, DEFAULT_MAX_BYTES, type ReadOptions, type ReadResult } from './ingest/read-text-files.ts';
export type { Store, StoredActor, StoredDocument, StoredEvent, StoredReport, SaveResult } from './store/store.ts';
export { openSqliteStore, type SqliteStoreOptions } from './store/sqlite/sqlite-store.ts';
export { mergeReports, judgePair, blockingKeys, lookupKeys, MERGE_VERSION, type MergeInput, type MergeJudgement, type DerivedEvent } from './merge/merge-reports.ts';
export { buildEventsJson, type EventsJson } from './export/events-json.ts';
export { buildEventsCsv } from './export/csv.ts';
export { summarizeEvent, type EventSummary } from './export/summarize-event.ts';
export { runIngest, type IngestOptions, type IngestSummary } from './pipeline/run-ingest.ts';
