// The Store on SQLite (better-sqlite3): WAL, foreign keys, one transaction per batch. A batch
// either lands whole or not at all; bad items inside an analysis (dangling actor ids, spans
// outside the text) are left out with a diagnostic rather than failing the batch.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { ParleyError } from '../../core/errors.ts';
import type {
  ActorKind,
  DocActor,
  Diagnostic,
  DocumentMeta,
  StoredAnalysis,
  EventReport,
  KbEntry,
  Mention,
  PlaceType,
  RawSource,
  Span,
} from '../../core/types.ts';
import type {
  DocumentSummary,
  RunStats,
  SaveResult,
  Store,
  StoredActor,
  StoredDocument,
  StoredEvent,
  StoredReport,
} from '../store.ts';
import type { Browse } from '../browse.ts';
import { createBrowse } from './browse.ts';
import { createDescriptorTable } from './descriptors.ts';
import { createSourcesTable, type SourcesTable } from './sources.ts';
import { migrate, sqliteSchemaState } from './migrate.ts';
import { requireCurrent } from '../schema-version.ts';
import { deadRunStats, isDeadRun, runOwner, toRunRecord, type RunRow } from '../runs.ts';
import { checkFileBytes, checkOpenDatabase, type FileCheckOptions } from './check-file.ts';
import { createResolution } from '../../merge/event-resolution.ts';
import { createSqliteResolutionStorage, sqliteTransaction } from './resolution-queries.ts';
import { parseMeta } from './parse-meta.ts';
import { pagedEvents, pagedRows } from '../paged-reads.ts';
import { actorUpdate, reportProblem, validSpan } from '../check-analysis.ts';
import { maintainingBrowse } from '../browse-maintenance.ts';

export interface SqliteStoreOptions {
  /** Fail with a `not-found` ParleyError instead of creating a missing database file. */
  mustExist?: boolean;
  /** Injected clock, for deterministic tests. */
  now?: () => Date;
  /** PRAGMAs run after opening (tests: `max_page_count = N` makes a disk that fills up). */
  pragmas?: readonly string[];
  /** How thoroughly an existing file is checked for damage before use (check-file.ts). */
  check?: FileCheckOptions;
  /**
   * false for readers: a schema older than this Parley's is refused (naming `parley migrate`)
   * instead of migrated. Default true (writers bring the schema up to date).
   */
  migrate?: boolean;
}

/**
 * A ParleyError('storage') for an SQLite failure that no retry of the same write can cure (a full
 * disk, an I/O error, a damaged or read-only file), saying what happened in words; null for any
 * other error.
 */
export function storageFault(error: unknown, file: string): ParleyError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const why =
    code === 'SQLITE_FULL'
      ? 'the disk is full (or the database reached its size limit)'
      : code.startsWith('SQLITE_IOERR')
        ? `the database file could not be read or written (${code})`
        : code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
          ? 'the database file is damaged'
          : code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN'
            ? 'the database file cannot be written here'
            : null;
  return why ? new ParleyError('storage', `${why}: ${file}`, { cause: error }) : null;
}

interface DocumentRow {
  id: string;
  hash: string;
  path: string | null;
  text?: string;
  language: string;
  title_start: number | null;
  title_end: number | null;
  published_value: string | null;
  published_precision: 'year' | 'month' | 'day' | null;
  published_start: number | null;
  published_end: number | null;
  noise?: string;
  meta?: string;
  ingested_at: string;
}

interface ActorRow {
  id: string;
  kind: ActorKind;
  name: string;
  from_kb: number;
  place_type: PlaceType | null;
  aliases: string;
  within: string;
}

function spanOf(start: number | null, end: number | null): Span | null {
  return start === null || end === null ? null : { start, end };
}

function toActor(row: ActorRow): StoredActor {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    fromKb: row.from_kb === 1,
    placeType: row.place_type,
    aliases: JSON.parse(row.aliases) as string[],
    within: JSON.parse(row.within ?? '[]') as string[],
  };
}

function toDocument(row: DocumentRow): DocumentSummary & { text?: string; noise?: string } {
  return {
    id: row.id,
    hash: row.hash,
    path: row.path,
    language: row.language,
    title: spanOf(row.title_start, row.title_end),
    published:
      row.published_value !== null && row.published_precision !== null
        ? {
            value: row.published_value,
            precision: row.published_precision,
            span: spanOf(row.published_start, row.published_end) ?? { start: 0, end: 0 },
          }
        : null,
    meta: parseMeta(row.meta),
    ingestedAt: row.ingested_at,
  };
}


export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) {
    throw new ParleyError('not-found', `no database at ${file} (run \`parley ingest\` first, or pass --db)`);
  }
  const now = options.now ?? (() => new Date());
  // an existing file is checked for damage before anything can write to it (check-file.ts)
  const size = file === ':memory:' || !existsSync(file) ? 0 : statSync(file).size;
  if (size > 0) {
    checkFileBytes(file, options.check);
    // the schema (and a small file's every page) through a read-only connection: closing it never
    // writes, where closing a writer moves its log into the file
    let probe: Database.Database | null = null;
    try {
      probe = new Database(file, { readonly: true, fileMustExist: true });
      probe.pragma('busy_timeout = 5000');
      checkOpenDatabase(probe, file, size, options.check);
    } catch (error) {
      if (error instanceof ParleyError) throw error;
      // could not open read-only (a folder the log's index cannot be made in): the writer below says why
    } finally {
      probe?.close();
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw storageFault(error, file) ?? new ParleyError('config', `cannot open database ${file}: ${(error as Error).message}`, { cause: error });
  }
  // the busy timeout first: switching a new file to WAL takes a lock another process may hold
  db.pragma('busy_timeout = 5000');
  if (options.migrate === false) {
    // a reader: the schema is read before anything could write (the WAL switch included)
    try {
      requireCurrent(sqliteSchemaState(db), file);
    } catch (error) {
      db.close();
      throw storageFault(error, file) ?? error;
    }
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  for (const pragma of options.pragmas ?? []) db.pragma(pragma);
  try {
    if (options.migrate !== false) migrate(db, undefined, now, file);
  } catch (error) {
    db.close();
    if (error instanceof ParleyError) throw error;
    throw new ParleyError('config', `cannot use database ${file}: ${(error as Error).message}`, { cause: error });
  }

  const q = {
    docByHash: db.prepare('SELECT id FROM documents WHERE hash = ?').pluck(),
    hashById: db.prepare('SELECT hash FROM documents WHERE id = ?').pluck(),
    insertDoc: db.prepare(`INSERT INTO documents (id, hash, path, text, language, title_start, title_end,
      published_value, published_precision, published_start, published_end, noise, meta, ingested_at, run_id)
      VALUES (@id, @hash, @path, @text, @language, @title_start, @title_end, @published_value,
      @published_precision, @published_start, @published_end, @noise, @meta, @ingested_at, @run_id)`),
    getDoc: db.prepare('SELECT * FROM documents WHERE id = ?'),
    deleteDoc: db.prepare('DELETE FROM documents WHERE id = ?'),
    listDocs: db.prepare(`SELECT id, hash, path, language, title_start, title_end, published_value,
      published_precision, published_start, published_end, meta, ingested_at FROM documents ORDER BY id`),
    // keyset pages over documents and events, for exports (listDocs' columns and order)
    docsAfter: db.prepare(`SELECT id, hash, path, language, title_start, title_end, published_value,
      published_precision, published_start, published_end, meta, ingested_at FROM documents
      WHERE @after IS NULL OR id > @after ORDER BY id LIMIT @limit`),
    docsByIds: db.prepare(`SELECT id, hash, path, language, title_start, title_end, published_value,
      published_precision, published_start, published_end, meta, ingested_at FROM documents
      WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`),
    eventIdsAfter: db.prepare('SELECT id FROM events WHERE @after IS NULL OR id > @after ORDER BY id LIMIT @limit').pluck(),
    getActor: db.prepare('SELECT * FROM actors WHERE id = ?'),
    allActors: db.prepare('SELECT * FROM actors ORDER BY name, id'),
    insertActor: db.prepare(`INSERT INTO actors (id, kind, name, from_kb, place_type, aliases, within)
      VALUES (@id, @kind, @name, @from_kb, @place_type, @aliases, @within)`),
    updateActor: db.prepare('UPDATE actors SET aliases = @aliases, from_kb = @from_kb, place_type = @place_type, within = @within WHERE id = @id'),
    insertMention: db.prepare(`INSERT INTO mentions (doc_id, start, "end", kind, via, actor_ids)
      VALUES (?, ?, ?, ?, ?, ?)`),
    reportExists: db.prepare('SELECT 1 FROM event_reports WHERE id = ?').pluck(),
    insertReport: db.prepare(`INSERT INTO event_reports (id, doc_id, type, mode, trigger_start, trigger_end,
      evidence, date_value, date_start, date_end, place_actor_id, place_start, place_end)
      VALUES (@id, @doc_id, @type, @mode, @trigger_start, @trigger_end, @evidence, @date_value,
      @date_start, @date_end, @place_actor_id, @place_start, @place_end)`),
    insertParticipant: db.prepare(
      'INSERT INTO report_participants (report_id, actor_id, position, spans) VALUES (?, ?, ?, ?)',
    ),
    insertSource: db.prepare('INSERT INTO document_sources (doc_id, content_type, raw, offset_map) VALUES (?, ?, ?, ?)'),
    getSource: db.prepare('SELECT content_type, raw, offset_map FROM document_sources WHERE doc_id = ?'),
    beginRun: db.prepare('INSERT INTO runs (command, args, started_at, stats) VALUES (?, ?, ?, ?)'),
    unfinishedRuns: db.prepare('SELECT id, finished_at, stats FROM runs WHERE finished_at IS NULL'),
    markRun: db.prepare('UPDATE runs SET finished_at = ?, stats = ? WHERE id = ? AND finished_at IS NULL'),
    listRuns: db.prepare('SELECT id, command, args, started_at, finished_at, stats FROM runs ORDER BY id DESC LIMIT ?'),
    finishRun: db.prepare('UPDATE runs SET finished_at = ?, stats = ? WHERE id = ?'),
    insertDiagnostic: db.prepare(`INSERT INTO diagnostics (run_id, code, severity, message, file, doc_id, span_start, span_end)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    counts: db.prepare(`SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM actors) AS actors,
      (SELECT COUNT(*) FROM event_reports) AS reports, (SELECT COUNT(*) FROM events) AS events`),
  };

  let currentRun: number | null = null;
  const descriptorTable = createDescriptorTable(db);
  const sourcesTable = createSourcesTable(db);
  let sharedSources: SourcesTable | undefined;
  const resolution = createResolution(createSqliteResolutionStorage(db), { now });
  let browser: Browse | undefined;
  // one operation at a time on this connection: the awaits inside a write transaction must not
  // let another operation of this process read its half-done state or write into it
  // keys and events a migration dropped are derived again before the first operation
  const ready = resolution.repair();
  let tail: Promise<unknown> = ready.catch(() => undefined);
  const exclusive = <T>(work: () => T | Promise<T>): Promise<T> => {
    const result = tail.then(() => ready).then(work);
    tail = result.catch(() => undefined);
    return result;
  };

  function upsertActor(actor: DocActor): void {
    const row = q.getActor.get(actor.id) as ActorRow | undefined;
    const stored = row ? { name: row.name, aliases: JSON.parse(row.aliases) as string[], fromKb: row.from_kb === 1, placeType: row.place_type, within: JSON.parse(row.within ?? '[]') as string[] } : null;
    const next = actorUpdate(stored, actor);
    if (!next) return;
    const values = { id: actor.id, from_kb: next.fromKb ? 1 : 0, place_type: next.placeType, aliases: JSON.stringify(next.aliases), within: JSON.stringify(next.within) };
    if (row) q.updateActor.run(values);
    else q.insertActor.run({ ...values, kind: actor.kind, name: next.name });
  }

  function actorKnown(id: string, batchActors: Set<string>): boolean {
    return batchActors.has(id) || q.getActor.get(id) !== undefined;
  }

  function checkReport(report: EventReport, docId: string, length: number, actors: Set<string>): string | null {
    return reportProblem(report, docId, length, (id) => actorKnown(id, actors), !!q.reportExists.get(report.id));
  }

  function saveReport(report: EventReport): void {
    q.insertReport.run({
      id: report.id,
      doc_id: report.docId,
      type: report.type,
      mode: report.mode,
      trigger_start: report.trigger.start,
      trigger_end: report.trigger.end,
      evidence: JSON.stringify(report.evidence),
      date_value: report.date?.value ?? null,
      date_start: report.date?.span?.start ?? null,
      date_end: report.date?.span?.end ?? null,
      place_actor_id: report.place?.actorId ?? null,
      place_start: report.place?.span.start ?? null,
      place_end: report.place?.span.end ?? null,
    });
    const seen = new Set<string>();
    report.participants.forEach((p, position) => {
      if (seen.has(p.actorId)) return;
      seen.add(p.actorId);
      q.insertParticipant.run(report.id, p.actorId, position, JSON.stringify(p.spans));
    });
  }

  /** Stores the documents (inside the caller's transaction); returns the result and the new reports. */
  function insertAnalyses(analyses: StoredAnalysis[]): { result: SaveResult; newReports: string[] } {
    const result: SaveResult = { saved: [], duplicates: [], diagnostics: [], eventsTouched: 0 };
    const newReports: string[] = [];
    const stamp = now().toISOString();
    for (const analysis of analyses) {
      const doc = analysis.document;
      const file = doc.source.path;
      const sameText = q.docByHash.get(doc.hash) as string | undefined;
      if (sameText !== undefined) {
        result.duplicates.push({ docId: doc.id, of: sameText, ...(file ? { file } : {}) });
        continue;
      }
      if (q.hashById.get(doc.id) !== undefined) {
        result.diagnostics.push({
          code: 'store/id-conflict',
          severity: 'error',
          message: `a different text is already stored as document ${doc.id}; kept the stored one`,
          docId: doc.id,
          ...(file ? { file } : {}),
        });
        continue;
      }
      const length = doc.text.length;
      const t = analysis.text;
      const published = t.published && validSpan(t.published.span, length) ? t.published : null;
      q.insertDoc.run({
        id: doc.id,
        hash: doc.hash,
        path: file ?? doc.source.url ?? null,
        text: doc.text,
        language: t.language,
        title_start: validSpan(t.title, length) ? t.title!.start : null,
        title_end: validSpan(t.title, length) ? t.title!.end : null,
        published_value: published?.value ?? null,
        published_precision: published?.precision ?? null,
        published_start: published?.span.start ?? null,
        published_end: published?.span.end ?? null,
        noise: JSON.stringify(t.noise.filter((n) => validSpan(n, length))),
        meta: JSON.stringify(doc.meta),
        ingested_at: stamp,
        run_id: currentRun,
      });
      const raw = doc.source.raw;
      if (raw) q.insertSource.run(doc.id, raw.contentType, raw.content, JSON.stringify(raw.map));
      const bad = (code: string, message: string) =>
        result.diagnostics.push({ code, severity: 'warning', message, docId: doc.id, ...(file ? { file } : {}) });

      const batchActors = new Set<string>();
      for (const actor of analysis.actors) {
        if (!actor.id || !actor.name) {
          bad('store/bad-actor', `actor without id or name: ${JSON.stringify(actor)}`);
          continue;
        }
        upsertActor(actor);
        batchActors.add(actor.id);
      }
      for (const mention of analysis.mentions as Mention[]) {
        if (!validSpan(mention, length) || !mention.actorIds.every((id) => actorKnown(id, batchActors))) {
          bad('store/bad-mention', `mention ${mention.start}-${mention.end} has a bad span or unknown actor`);
          continue;
        }
        q.insertMention.run(doc.id, mention.start, mention.end, mention.kind, mention.via, JSON.stringify(mention.actorIds));
      }
      descriptorTable.save(doc.id, doc.text, analysis.descriptors ?? [], (d) => bad(d.code, d.message));
      const storedReports = new Set<string>();
      for (const report of analysis.reports) {
        const problem = checkReport(report, doc.id, length, batchActors);
        if (problem) {
          bad('store/bad-report', problem);
          continue;
        }
        saveReport(report);
        newReports.push(report.id);
        storedReports.add(report.id);
      }
      sourcesTable.save(doc.id, length, analysis.sources, storedReports, bad);
      result.saved.push(doc.id);
    }
    return { result, newReports };
  }

  /** A write whose SQLite failure no retry can cure comes out as ParleyError('storage'). */
  const faultsNamed = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      throw storageFault(error, file) ?? error;
    }
  };

  const impl: Store = {
    saveBatch(analyses) {
      return faultsNamed(() =>
        resolution.write(async (rules) => {
          const { result, newReports } = insertAnalyses(analyses);
          await rules.indexReports(newReports);
          result.eventsTouched = await rules.rebuild(newReports);
          return result;
        }),
      );
    },
    replaceAnalyses(analyses) {
      return faultsNamed(() =>
        resolution.write(async (rules) => {
          const orphans: string[] = [];
          for (const analysis of analyses) {
            const doc = analysis.document;
            if (q.hashById.get(doc.id) !== doc.hash) continue;
            orphans.push(...(await rules.releaseDocument(doc.id)));
            q.deleteDoc.run(doc.id);
          }
          const { result, newReports } = insertAnalyses(analyses);
          await rules.indexReports(newReports);
          result.eventsTouched = await rules.rebuild(newReports);
          result.eventsTouched += await rules.rebuild(orphans.filter((id) => q.reportExists.get(id)));
          return result;
        }),
      );
    },
    async findDocumentByHash(hash) {
      return (q.docByHash.get(hash) as string | undefined) ?? null;
    },
    async findHashById(id) {
      return (q.hashById.get(id) as string | undefined) ?? null;
    },
    async getDocument(id) {
      const row = q.getDoc.get(id) as (DocumentRow & { text: string; noise: string }) | undefined;
      if (!row) return null;
      return { ...toDocument(row), text: row.text, noise: JSON.parse(row.noise) } as StoredDocument;
    },
    async getDocumentSource(id) {
      const row = q.getSource.get(id) as { content_type: string; raw: string; offset_map: string } | undefined;
      return row ? ({ contentType: row.content_type, content: row.raw, map: JSON.parse(row.offset_map) } as RawSource) : null;
    },
    async listDocuments() {
      return (q.listDocs.all() as DocumentRow[]).map((row) => toDocument(row));
    },
    iterateDocuments(options) {
      return pagedRows((after, limit) => exclusive(() => (q.docsAfter.all({ after, limit }) as DocumentRow[]).map((row) => toDocument(row))), options?.pageSize);
    },
    async getDocumentSummaries(ids) {
      return (q.docsByIds.all(JSON.stringify([...new Set(ids)])) as DocumentRow[]).map((row) => toDocument(row));
    },
    async getActors(ids) {
      if (!ids) return resolution.viewActors((q.allActors.all() as ActorRow[]).map(toActor), false);
      const out: StoredActor[] = [];
      for (const id of new Set(ids)) {
        const row = q.getActor.get(id) as ActorRow | undefined;
        if (row) out.push(toActor(row));
      }
      const viewed = await resolution.viewActors(out, true);
      // split-off actors exist only in the view: look them up among all
      const missing = [...new Set(ids)].filter((id) => !viewed.some((a) => a.id === id));
      if (missing.length === 0) return viewed.filter((a) => ids.includes(a.id));
      const all = await resolution.viewActors((q.allActors.all() as ActorRow[]).map(toActor), false);
      return [...viewed, ...all.filter((a) => missing.includes(a.id))].filter((a) => ids.includes(a.id));
    },
    async searchActors(query) {
      const all = await resolution.viewActors((q.allActors.all() as ActorRow[]).map(toActor), false);
      if (!query) return all;
      const needle = query.toLowerCase();
      return all.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase().includes(needle)));
    },
    async getEvent(id) {
      return resolution.getEvent(id);
    },
    async previewJudgement(input) {
      return resolution.previewJudgement(input);
    },
    async eventRedirect(id) {
      return resolution.eventRedirect(id);
    },
    async listEvents() {
      return resolution.listEvents();
    },
    iterateEvents(options) {
      return pagedEvents(
        (after, limit) => exclusive(() => q.eventIdsAfter.all({ after, limit }) as string[]),
        // every event once: nothing of it is kept for later reads
        (id) => exclusive(() => resolution.getEvent(id, { keep: false })),
        options?.pageSize,
      );
    },
    addJudgement(input) {
      return faultsNamed(() => resolution.addJudgement(input));
    },
    listJudgements(filter) {
      return resolution.listJudgements(filter);
    },
    undoJudgement(id, author, reason) {
      return faultsNamed(() => resolution.undoJudgement(id, author, reason));
    },
    async beginRun(command, args) {
      // runs whose process is gone (killed) are marked interrupted; this one records who runs it
      currentRun = db.transaction(() => {
        for (const run of q.unfinishedRuns.all() as Array<{ id: number; finished_at: string | null; stats: string | null }>) {
          if (isDeadRun(run.finished_at, run.stats)) q.markRun.run(now().toISOString(), JSON.stringify(deadRunStats(run.stats)), run.id);
        }
        return Number(q.beginRun.run(command, JSON.stringify(args), now().toISOString(), JSON.stringify(runOwner())).lastInsertRowid);
      }).immediate();
      return currentRun;
    },
    async listRuns(limit = 1000) {
      return (q.listRuns.all(limit) as RunRow[]).map(toRunRecord);
    },
    async finishRun(runId, stats: RunStats, diagnostics: readonly Diagnostic[]) {
      db.transaction(() => {
        q.finishRun.run(now().toISOString(), JSON.stringify(stats), runId);
        for (const d of diagnostics) {
          q.insertDiagnostic.run(runId, d.code, d.severity, d.message, d.file ?? null, d.docId ?? null, d.span?.start ?? null, d.span?.end ?? null);
        }
      }).immediate();
      if (currentRun === runId) currentRun = null;
    },
    async framing(filter) {
      const canonical = await resolution.canonicalActor();
      if (!filter?.event) return descriptorTable.framing(filter, undefined, canonical);
      const event = await resolution.getEvent(filter.event);
      if (!event) throw new ParleyError('not-found', `no event ${filter.event}`);
      return descriptorTable.framing(filter, new Set(event.reports.map((r) => r.docId)), canonical);
    },
    async counts() {
      return q.counts.get() as { documents: number; actors: number; reports: number; events: number };
    },
    sources() {
      // its reads and judgements wait for the operation before them, like the store's own
      return (sharedSources ??= serialized(sourcesTable as SourcesTable, exclusive, []));
    },
    async localActors() {
      return (db.prepare('SELECT entry FROM local_actors ORDER BY rowid').pluck().all() as string[]).map((e) => JSON.parse(e) as KbEntry);
    },
    async saveLocalActors(entries, source) {
      const known = db.prepare('SELECT 1 FROM local_actors WHERE id = ?').pluck();
      const put = db.prepare('INSERT OR REPLACE INTO local_actors (id, entry, source, imported_at) VALUES (?, ?, ?, ?)');
      const at = now().toISOString();
      return db.transaction(() => {
        let replaced = 0;
        for (const e of entries) {
          if (known.get(e.id)) replaced++;
          put.run(e.id, JSON.stringify(e), source, at);
        }
        return { added: entries.length - replaced, replaced };
      }).immediate();
    },
    browse() {
      return (browser ??= createBrowse(db, { getEvents: (ids) => resolution.getEvents(ids), getActors: (ids) => impl.getActors(ids) }, exclusive));
    },
    async close() {
      db.close();
    },
  };
  return maintainingBrowse(serialized(impl, exclusive, ['browse', 'sources', 'iterateDocuments', 'iterateEvents']));
}

/**
 * The object whose every method waits for the operation before it (the Store; its sources table),
 * but for the methods named in `own`, which hand back objects (tables, iterators) that serialize themselves.
 */
function serialized<T extends object>(impl: T, exclusive: <R>(work: () => R | Promise<R>) => Promise<R>, own: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(impl)) {
    const method = (impl as Record<string, (...args: unknown[]) => unknown>)[key];
    out[key] = own.includes(key) ? (...args: unknown[]) => method.apply(impl, args) : (...args: unknown[]) => exclusive(() => method.apply(impl, args));
  }
  return out as T;
}
