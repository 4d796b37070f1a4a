// The Store on PostgreSQL (node-postgres with a pool: the maintained driver with the widest use,
// typed results, plain parameterized queries; postgres.js would do as well, but pg-boss, the
// queue kept in the same database, is built on node-postgres). Queries only: events and
// judgements are derived by merge/event-resolution.ts, framing rows by framing/framing-rows.ts.
// Several processes write one database at once: a document's text hash is UNIQUE, and every
// write transaction holds one advisory lock (resolution-queries.ts), so batches and the event
// rebuilds they cause land one after another, whole or not at all.
import { deadRunStats, isDeadRun, runOwner, toRunRecord, type RunRow } from '../runs.ts';
import pg from 'pg';
import { ParleyError } from '../../core/errors.ts';
import type { ActorKind, Diagnostic, DocumentMeta, KbEntry, LoadedTermMatch, Mention, PlaceType, RawSource, StoredAnalysis } from '../../core/types.ts';
import { framingRows, type DescriptorRecord } from '../../framing/framing-rows.ts';
import { createResolution } from '../../merge/event-resolution.ts';
import { actorUpdate, descriptorOk, reportProblem, validSpan, type ActorState } from '../check-analysis.ts';
import type { DocumentSummary, SaveResult, Store, StoredActor, StoredDocument } from '../store.ts';
import type { SourcesTable } from '../sqlite/sources.ts';
import { createPostgresBrowse } from './pg-browse.ts';
import { createPostgresSourcesTable, saveSourceRows } from './pg-sources.ts';
import { sourceRows, type SourceRows } from '../source-rows.ts';
import { insertRows } from './insert-rows.ts';
import { migratePostgres, postgresSchemaState } from './migrate.ts';
import { requireCurrent } from '../schema-version.ts';
import { createPostgresResolutionStorage, postgresTransaction, primeReports } from './resolution-queries.ts';
import { maintainingBrowse } from '../browse-maintenance.ts';
import { pagedEvents, pagedRows } from '../paged-reads.ts';

export interface PostgresStoreOptions {
  /** Injected clock, for deterministic tests. */
  now?: () => Date;
  /** Connections in the pool (default 4). */
  max?: number;
  /**
   * false for readers: a schema older than this Parley's is refused (naming `parley migrate`)
   * instead of migrated. Default true (writers bring the schema up to date).
   */
  migrate?: boolean;
}

/** A `postgres://` or `postgresql://` URL selects this adapter. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
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
  noise?: unknown;
  meta: DocumentMeta | null;
  ingested_at: string;
}

interface ActorRow {
  id: string;
  kind: ActorKind;
  name: string;
  from_kb: boolean;
  place_type: PlaceType | null;
  aliases: string[];
  within: string[];
}

const SUMMARY_COLUMNS = `id, hash, path, language, title_start, title_end, published_value, published_precision,
  published_start, published_end, meta, ingested_at`;

function toActor(row: ActorRow): StoredActor {
  return { id: row.id, kind: row.kind, name: row.name, fromKb: row.from_kb, placeType: row.place_type, aliases: row.aliases, within: row.within ?? [] };
}

function toDocument(row: DocumentRow): DocumentSummary {
  const span = (start: number | null, end: number | null) => (start === null || end === null ? null : { start, end });
  return {
    id: row.id,
    hash: row.hash,
    path: row.path,
    language: row.language,
    title: span(row.title_start, row.title_end),
    published:
      row.published_value !== null && row.published_precision !== null
        ? { value: row.published_value, precision: row.published_precision, span: span(row.published_start, row.published_end) ?? { start: 0, end: 0 } }
        : null,
    meta: row.meta && typeof row.meta === 'object' && !Array.isArray(row.meta) ? row.meta : {},
    ingestedAt: row.ingested_at,
  };
}

/** A PostgreSQL failure that no retry cures (server gone, disk full, no such database) as ParleyError('storage'|'config'). */
function named(error: unknown, url: string): unknown {
  if (error instanceof ParleyError) return error;
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01' || code === '28000') {
    return new ParleyError('config', `cannot use database ${redactUrl(url)}: ${message}`, { cause: error });
  }
  if (code === '53100' || code === '53200' || code === '58030') {
    return new ParleyError('storage', `the database cannot be written (${message}): ${redactUrl(url)}`, { cause: error });
  }
  return error;
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
  // an idle client losing its server must not take the process down
  pool.on('error', () => undefined);
  const storage = createPostgresResolutionStorage(pool);
  const resolution = createResolution(storage, { now, shared: true });
  const schema =
    options.migrate === false
      ? postgresSchemaState(pool).then((state) => requireCurrent(state, redactUrl(url)))
      : migratePostgres(pool, undefined, now, redactUrl(url));
  const ready = schema.then(() => resolution.repair());
  ready.catch(() => undefined);
  let currentRun: number | null = null;
  let sourcesTable: SourcesTable | undefined;

  /** Every operation waits for the schema, and names what no retry cures. */
  const op = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      await ready;
      return await work();
    } catch (error) {
      throw named(error, url);
    }
  };
  const rows = async <T>(db: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(sql, params)).rows as T[];

  /**
   * Stores a batch of analyses on the transaction's client: every row is checked here (the same
   * checks, in the same order, as one document at a time), then each table is written in one
   * multi-row statement (insert-rows.ts), so a batch costs a few round trips, not one per row.
   */
  async function insertAnalyses(client: pg.PoolClient, analyses: StoredAnalysis[]): Promise<{ result: SaveResult; newReports: string[] }> {
    const result: SaveResult = { saved: [], duplicates: [], diagnostics: [], eventsTouched: 0 };
    const newReports: string[] = [];
    const stamp = now().toISOString();
    const documents = analyses.map((a) => a.document);
    // what is stored already, in three queries for the whole batch
    const byHash = new Map(
      (await rows<{ id: string; hash: string }>(client, 'SELECT id, hash FROM documents WHERE hash = ANY($1)', [documents.map((d) => d.hash)])).map((r) => [r.hash, r.id]),
    );
    const takenIds = new Set(
      (await rows<{ id: string }>(client, 'SELECT id FROM documents WHERE id = ANY($1)', [documents.map((d) => d.id)])).map((r) => r.id),
    );
    const actorIds = new Set<string>();
    for (const analysis of analyses) {
      for (const actor of analysis.actors) if (actor.id) actorIds.add(actor.id);
      for (const m of analysis.mentions as Mention[]) for (const id of m.actorIds ?? []) actorIds.add(id);
      for (const r of analysis.reports) {
        for (const p of r.participants) actorIds.add(p.actorId);
        if (r.place) actorIds.add(r.place.actorId);
      }
    }
    const actors = new Map<string, ActorState & { kind: ActorKind }>();
    for (const row of await rows<ActorRow>(client, 'SELECT * FROM actors WHERE id = ANY($1)', [[...actorIds]])) {
      actors.set(row.id, { kind: row.kind, name: row.name, aliases: row.aliases, fromKb: row.from_kb, placeType: row.place_type, within: row.within });
    }
    const changedActors = new Set<string>();
    const storedReports = new Set(
      (await rows<{ id: string }>(client, 'SELECT id FROM event_reports WHERE id = ANY($1)', [analyses.flatMap((a) => a.reports.map((r) => r.id))])).map((r) => r.id),
    );

    const out = {
      documents: [] as unknown[][],
      sources: [] as unknown[][],
      mentions: [] as unknown[][],
      descriptors: [] as unknown[][],
      reports: [] as unknown[][],
      participants: [] as unknown[][],
      sourceRows: [] as { docId: string; rows: SourceRows }[],
    };
    for (const analysis of analyses) {
      const doc = analysis.document;
      const file = doc.source.path;
      const sameText = byHash.get(doc.hash);
      if (sameText) {
        result.duplicates.push({ docId: doc.id, of: sameText, ...(file ? { file } : {}) });
        continue;
      }
      if (takenIds.has(doc.id)) {
        result.diagnostics.push({
          code: 'store/id-conflict',
          severity: 'error',
          message: `a different text is already stored as document ${doc.id}; kept the stored one`,
          docId: doc.id,
          ...(file ? { file } : {}),
        });
        continue;
      }
      byHash.set(doc.hash, doc.id);
      takenIds.add(doc.id);
      const length = doc.text.length;
      const t = analysis.text;
      const published = t.published && validSpan(t.published.span, length) ? t.published : null;
      const title = validSpan(t.title, length) ? t.title! : null;
      out.documents.push([
        doc.id, doc.hash, file ?? doc.source.url ?? null, doc.text, t.language, title?.start ?? null, title?.end ?? null,
        published?.value ?? null, published?.precision ?? null, published?.span.start ?? null, published?.span.end ?? null,
        JSON.stringify(t.noise.filter((n) => validSpan(n, length))), JSON.stringify(doc.meta), stamp, currentRun,
      ]);
      const raw = doc.source.raw;
      if (raw) out.sources.push([doc.id, raw.contentType, raw.content, JSON.stringify(raw.map)]);
      const bad = (code: string, message: string) => result.diagnostics.push({ code, severity: 'warning', message, docId: doc.id, ...(file ? { file } : {}) });

      for (const actor of analysis.actors) {
        if (!actor.id || !actor.name) {
          bad('store/bad-actor', `actor without id or name: ${JSON.stringify(actor)}`);
          continue;
        }
        const stored = actors.get(actor.id) ?? null;
        const next = actorUpdate(stored, actor);
        if (next) {
          actors.set(actor.id, { ...next, kind: stored?.kind ?? actor.kind, name: stored?.name ?? next.name });
          changedActors.add(actor.id);
        }
      }
      // an actor is known once stored, or once an earlier document of this batch stored it
      const actorKnown = (id: string) => actors.has(id);

      for (const mention of analysis.mentions as Mention[]) {
        if (!validSpan(mention, length) || !mention.actorIds.every(actorKnown)) {
          bad('store/bad-mention', `mention ${mention.start}-${mention.end} has a bad span or unknown actor`);
          continue;
        }
        out.mentions.push([doc.id, mention.start, mention.end, mention.kind, mention.via, JSON.stringify(mention.actorIds)]);
      }
      for (const d of analysis.descriptors ?? []) {
        if (!descriptorOk(d, length)) {
          bad('store/bad-descriptor', `descriptor ${d.start}-${d.end} has a bad span or no actor`);
          continue;
        }
        const loaded: LoadedTermMatch[] = Array.isArray(d.loaded) ? d.loaded : [];
        out.descriptors.push([doc.id, d.actorId, d.start, d.end, d.of.start, d.of.end, d.form, doc.text.slice(d.start, d.end), d.normalized,
          loaded[0]?.termId ?? null, loaded[0]?.stance ?? null, JSON.stringify(loaded)]);
      }
      for (const report of analysis.reports) {
        const problem = reportProblem(report, doc.id, length, actorKnown, storedReports.has(report.id));
        if (problem) {
          bad('store/bad-report', problem);
          continue;
        }
        storedReports.add(report.id);
        const evidenceText = report.evidence.map((s) => doc.text.slice(s.start, s.end)).join(' ');
        out.reports.push([report.id, report.docId, report.type, report.mode, report.trigger.start, report.trigger.end, JSON.stringify(report.evidence),
          report.date?.value ?? null, report.date?.span?.start ?? null, report.date?.span?.end ?? null,
          report.place?.actorId ?? null, report.place?.span.start ?? null, report.place?.span.end ?? null, evidenceText]);
        const seen = new Set<string>();
        let position = 0;
        for (const p of report.participants) {
          const at = position++;
          if (seen.has(p.actorId)) continue;
          seen.add(p.actorId);
          out.participants.push([report.id, p.actorId, at, JSON.stringify(p.spans)]);
        }
        newReports.push(report.id);
      }
      out.sourceRows.push({ docId: doc.id, rows: sourceRows(doc.id, length, analysis.sources, storedReports, bad) });
      result.saved.push(doc.id);
    }

    // parents before children (foreign keys), each table in one statement
    await insertRows(client, 'documents', ['id', 'hash', 'path', 'text', 'language', 'title_start', 'title_end', 'published_value', 'published_precision',
      'published_start', 'published_end', 'noise', 'meta', 'ingested_at', 'run_id'], out.documents);
    await insertRows(client, 'document_sources', ['doc_id', 'content_type', 'raw', 'offset_map'], out.sources);
    // an actor keeps its kind and name once stored; later documents add aliases and facts
    await insertRows(
      client,
      'actors',
      ['id', 'kind', 'name', 'from_kb', 'place_type', 'aliases', 'within'],
      [...changedActors].map((id) => {
        const a = actors.get(id)!;
        return [id, a.kind, a.name, a.fromKb, a.placeType, JSON.stringify(a.aliases), JSON.stringify(a.within)];
      }),
      'ON CONFLICT (id) DO UPDATE SET aliases = EXCLUDED.aliases, from_kb = EXCLUDED.from_kb, place_type = EXCLUDED.place_type, within = EXCLUDED.within',
    );
    await insertRows(client, 'mentions', ['doc_id', 'start', 'end', 'kind', 'via', 'actor_ids'], out.mentions);
    await insertRows(client, 'descriptors', ['doc_id', 'actor_id', 'start', 'end', 'of_start', 'of_end', 'form', 'text', 'normalized', 'term_id', 'stance', 'loaded'], out.descriptors);
    await insertRows(client, 'event_reports', ['id', 'doc_id', 'type', 'mode', 'trigger_start', 'trigger_end', 'evidence', 'date_value', 'date_start', 'date_end',
      'place_actor_id', 'place_start', 'place_end', 'evidence_text'], out.reports);
    await insertRows(client, 'report_participants', ['report_id', 'actor_id', 'position', 'spans'], out.participants);
    await saveSourceRows(client, out.sourceRows);
    return { result, newReports };
  }

  async function allActors(): Promise<StoredActor[]> {
    return (await rows<ActorRow>(pool, 'SELECT * FROM actors ORDER BY name COLLATE "C", id COLLATE "C"')).map(toActor);
  }

  async function getActors(ids?: readonly string[]): Promise<StoredActor[]> {
    if (!ids) return resolution.viewActors(await allActors(), false);
    const unique = [...new Set(ids)];
    const found = (await rows<ActorRow>(pool, 'SELECT * FROM actors WHERE id = ANY($1)', [unique])).map(toActor);
    const stored = unique.map((id) => found.find((a) => a.id === id)).filter((a): a is StoredActor => !!a);
    return resolution.actorsById(ids, stored, allActors);
  }

  let browser: ReturnType<typeof createPostgresBrowse> | undefined;

  const store: Store = {
    saveBatch: (analyses) =>
      op(() =>
        resolution.write(async (rules, _q, client) => {
          const { result, newReports } = await insertAnalyses(client, analyses);
          await primeReports(client, newReports);
          await rules.indexReports(newReports);
          result.eventsTouched = await rules.rebuild(newReports);
          return result;
        }),
      ),
    replaceAnalyses: (analyses) =>
      op(() =>
        resolution.write(async (rules, q, client) => {
          const orphans: string[] = [];
          for (const analysis of analyses) {
            const doc = analysis.document;
            const [row] = await rows<{ hash: string }>(client, 'SELECT hash FROM documents WHERE id = $1', [doc.id]);
            if (row?.hash !== doc.hash) continue;
            orphans.push(...(await rules.releaseDocument(doc.id)));
            await client.query('DELETE FROM documents WHERE id = $1', [doc.id]);
          }
          const { result, newReports } = await insertAnalyses(client, analyses);
          await rules.indexReports(newReports);
          result.eventsTouched = await rules.rebuild(newReports);
          const left: string[] = [];
          for (const id of orphans) if (await q.reportExists(id)) left.push(id);
          result.eventsTouched += await rules.rebuild(left);
          return result;
        }),
      ),
    findDocumentByHash: (hash) => op(async () => (await rows<{ id: string }>(pool, 'SELECT id FROM documents WHERE hash = $1', [hash]))[0]?.id ?? null),
    findHashById: (id) => op(async () => (await rows<{ hash: string }>(pool, 'SELECT hash FROM documents WHERE id = $1', [id]))[0]?.hash ?? null),
    getDocument: (id) =>
      op(async () => {
        const [row] = await rows<DocumentRow & { text: string; noise: StoredDocument['noise'] }>(pool, 'SELECT * FROM documents WHERE id = $1', [id]);
        return row ? { ...toDocument(row), text: row.text, noise: row.noise } : null;
      }),
    getDocumentSource: (id) =>
      op(async () => {
        const [row] = await rows<{ content_type: string; raw: string; offset_map: RawSource['map'] }>(
          pool,
          'SELECT content_type, raw, offset_map FROM document_sources WHERE doc_id = $1',
          [id],
        );
        return row ? ({ contentType: row.content_type, content: row.raw, map: row.offset_map } as RawSource) : null;
      }),
    listDocuments: () => op(async () => (await rows<DocumentRow>(pool, `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY id COLLATE "C"`)).map(toDocument)),
    iterateDocuments: (options) =>
      pagedRows(
        (after, limit) =>
          op(async () =>
            (await rows<DocumentRow>(pool, `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE $1::text IS NULL OR id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2`, [after, limit])).map(toDocument),
          ),
        options?.pageSize,
      ),
    getDocumentSummaries: (ids) =>
      op(async () => (await rows<DocumentRow>(pool, `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ANY($1) ORDER BY id COLLATE "C"`, [[...new Set(ids)]])).map(toDocument)),
    getActors: (ids) => op(() => getActors(ids)),
    searchActors: (query) =>
      op(async () => {
        const all = await resolution.viewActors(await allActors(), false);
        if (!query) return all;
        const needle = query.toLowerCase();
        return all.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase().includes(needle)));
      }),
    getEvent: (id) => op(() => resolution.getEvent(id)),
    listEvents: () => op(() => resolution.listEvents()),
    iterateEvents: (options) =>
      pagedEvents(
        (after, limit) =>
          op(async () => (await rows<{ id: string }>(pool, 'SELECT id FROM events WHERE $1::text IS NULL OR id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2', [after, limit])).map((r) => r.id)),
        // every event once: nothing of it is kept for later reads
        (id) => op(() => resolution.getEvent(id, { keep: false })),
        options?.pageSize,
      ),
    addJudgement: (input) => op(() => resolution.addJudgement(input)),
    previewJudgement: (input) => op(() => resolution.previewJudgement(input)),
    eventRedirect: (id) => op(() => resolution.eventRedirect(id)),
    listJudgements: (filter) => op(() => resolution.listJudgements(filter)),
    undoJudgement: (id, author, reason) => op(() => resolution.undoJudgement(id, author, reason)),
    beginRun: (command, args) =>
      op(async () => {
        // runs whose process is gone (killed) are marked interrupted; this one records who runs it (runs.ts)
        for (const run of await rows<{ id: string; finished_at: string | null; stats: string | null }>(pool, 'SELECT id, finished_at, stats::text AS stats FROM runs WHERE finished_at IS NULL', [])) {
          if (isDeadRun(run.finished_at, run.stats)) {
            await pool.query('UPDATE runs SET finished_at = $1, stats = $2 WHERE id = $3 AND finished_at IS NULL', [now().toISOString(), JSON.stringify(deadRunStats(run.stats)), run.id]);
          }
        }
        const [row] = await rows<{ id: string }>(pool, 'INSERT INTO runs (command, args, started_at, stats) VALUES ($1, $2, $3, $4) RETURNING id', [
          command, JSON.stringify(args), now().toISOString(), JSON.stringify(runOwner()),
        ]);
        currentRun = Number(row.id);
        return currentRun;
      }),
    listRuns: (limit = 1000) =>
      op(async () => (await rows<RunRow>(pool, 'SELECT id, command, args::text AS args, started_at, finished_at, stats::text AS stats FROM runs ORDER BY id DESC LIMIT $1', [limit])).map(toRunRecord)),
    finishRun: (runId, stats, diagnostics: readonly Diagnostic[]) =>
      op(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('UPDATE runs SET finished_at = $1, stats = $2 WHERE id = $3', [now().toISOString(), JSON.stringify(stats), runId]);
          for (const d of diagnostics) {
            await client.query(
              'INSERT INTO diagnostics (run_id, code, severity, message, file, doc_id, span_start, span_end) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
              [runId, d.code, d.severity, d.message, d.file ?? null, d.docId ?? null, d.span?.start ?? null, d.span?.end ?? null],
            );
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
        if (currentRun === runId) currentRun = null;
      }),
    framing: (filter) =>
      op(async () => {
        let docIds: Set<string> | undefined;
        if (filter?.event) {
          const event = await resolution.getEvent(filter.event);
          if (!event) throw new ParleyError('not-found', `no event ${filter.event}`);
          docIds = new Set(event.reports.map((r) => r.docId));
        }
        const canonical = await resolution.canonicalActor();
        const names = new Map((await rows<{ id: string; name: string }>(pool, 'SELECT id, name FROM actors')).map((r) => [r.id, r.name]));
        const records = await rows<{
          doc_id: string; actor_id: string; start: number; end: number; text: string; normalized: string;
          stance: DescriptorRecord['stance']; loaded: LoadedTermMatch[]; path: string | null; meta: DocumentMeta | null; name: string | null; aliases: string[] | null;
        }>(
          pool,
          `SELECT d.doc_id, d.actor_id, d.start, d."end", d.text, d.normalized, d.stance, d.loaded, doc.path, doc.meta, a.name, a.aliases
           FROM descriptors d JOIN documents doc ON doc.id = d.doc_id LEFT JOIN actors a ON a.id = d.actor_id
           ${docIds ? 'WHERE d.doc_id = ANY($1)' : ''}
           ORDER BY d.doc_id COLLATE "C", d.start`,
          docIds ? [[...docIds]] : [],
        );
        return framingRows(
          records.map((r) => ({
            docId: r.doc_id, actorId: r.actor_id, start: r.start, end: r.end, text: r.text, normalized: r.normalized, stance: r.stance,
            loaded: r.loaded, path: r.path, meta: r.meta ?? {}, name: r.name, aliases: r.aliases,
          })),
          filter,
          { docIds, canonical, nameOf: (id) => names.get(id) },
        );
      }),
    counts: () =>
      op(async () => {
        const [row] = await rows<Record<string, string>>(
          pool,
          `SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM actors) AS actors,
            (SELECT COUNT(*) FROM event_reports) AS reports, (SELECT COUNT(*) FROM events) AS events`,
        );
        return { documents: Number(row.documents), actors: Number(row.actors), reports: Number(row.reports), events: Number(row.events) };
      }),
    sources() {
      return (sourcesTable ??= createPostgresSourcesTable(pool, () => ready));
    },
    localActors: () =>
      op(async () => (await rows<{ entry: KbEntry }>(pool, 'SELECT entry FROM local_actors ORDER BY seq')).map((r) => r.entry)),
    saveLocalActors: (entries, source) =>
      op(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          let replaced = 0;
          const at = now().toISOString();
          for (const e of entries) {
            const [row] = await rows<{ inserted: boolean }>(
              client,
              `INSERT INTO local_actors (id, entry, source, imported_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT (id) DO UPDATE SET entry = EXCLUDED.entry, source = EXCLUDED.source, imported_at = EXCLUDED.imported_at
               RETURNING (xmax = 0) AS inserted`,
              [e.id, JSON.stringify(e), source, at],
            );
            if (!row.inserted) replaced++;
          }
          await client.query('COMMIT');
          return { added: entries.length - replaced, replaced };
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
    browse() {
      return (browser ??= createPostgresBrowse(pool, { getEvents: (ids) => resolution.getEvents(ids), getActors }, () => ready));
    },
    async close() {
      await ready.catch(() => undefined);
      await pool.end();
    },
  };
  return maintainingBrowse(store);
}

export { postgresTransaction };
