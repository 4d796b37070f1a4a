// The tables of migration 0009 (who says so): written with each document in saveBatch, read by
// src/sources/event-sources.ts. Only SQL here; what the rows mean is src/sources/'s.
import type Database from 'better-sqlite3';
import type { Attribution, DenialClaim, ReportAttribution, SourceAnalysis, Span } from '../../core/types.ts';
import { ParleyError } from '../../core/errors.ts';
import { sourceRows, toDenial, toJudgement, toReportAttribution, type JudgementRow } from '../source-rows.ts';

export type SourceJudgementKind = 'same-source' | 'independent' | 'status';

export interface SourceJudgement {
  id: number;
  kind: SourceJudgementKind;
  /** same-source / independent: two document ids; status: one event id. */
  subjects: string[];
  /** status: the status set. */
  status: string | null;
  /** status: the event's report ids when set, so the judgement finds the event again after a re-run. */
  anchors: string[];
  author: string;
  reason: string | null;
  createdAt: string;
  undone: { at: string; by: string } | null;
}

export interface NewSourceJudgement {
  kind: SourceJudgementKind;
  subjects: string[];
  status?: string | null;
  anchors?: string[];
  author: string;
  reason?: string | null;
}

export interface SourcesTable {
  attributions(docId: string): Promise<Attribution[]>;
  /** keep: false reads without keeping what it reads (an export going over every event once). */
  reportAttributions(reportIds: readonly string[], options?: { keep?: boolean }): Promise<Map<string, ReportAttribution[]>>;
  signatures(docIds: readonly string[], options?: { keep?: boolean }): Promise<Map<string, number[]>>;
  /** Every denial claim, or one document's. */
  denials(docId?: string): Promise<DenialClaim[]>;
  judgements(activeOnly?: boolean): Promise<SourceJudgement[]>;
  addJudgement(input: NewSourceJudgement, now?: Date): Promise<SourceJudgement>;
  undoJudgement(id: number, author: string, now?: Date): Promise<SourceJudgement>;
}


export interface SqliteSourcesTable extends SourcesTable {
  /** Stores one document's source analysis (inside saveBatch's transaction); report attributions only for the reports stored. */
  save(docId: string, length: number, sources: SourceAnalysis | undefined, stored: ReadonlySet<string>, bad: (code: string, message: string) => void): void;
}

/**
 * Report attributions and text signatures as read, kept per connection (every sources table of
 * one connection shares them): the browse index reads them for every report of each event a
 * batch touches, and a story's copies make events of hundreds of reports whose rows never change.
 * A document saved again (re-analysed) drops its entries; a write by another connection (SQLite's
 * data_version moves) drops them all. What is handed out is frozen: readers share it.
 */
interface SourcesCache {
  version: number | null;
  attributions: Map<string, readonly ReportAttribution[]>;
  signatures: Map<string, readonly number[]>;
}
const caches = new WeakMap<Database.Database, SourcesCache>();

/** A text signature's values from the bytes SQLite stores (a Uint32Array's buffer; see `save`). */
export function signatureFromBlob(bytes: Buffer): number[] {
  return Array.from(new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}
const CACHE_LIMIT = 200_000;

export function createSourcesTable(db: Database.Database): SqliteSourcesTable {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { version: null, attributions: new Map(), signatures: new Map() }));
  const kept = cache;
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  /** The cache, emptied first when another connection has written since it was last asked. */
  const current = (): SourcesCache => {
    const version = dataVersion.get() as number;
    if (kept.version !== version) {
      kept.attributions.clear();
      kept.signatures.clear();
      kept.version = version;
    }
    if (kept.attributions.size > CACHE_LIMIT) kept.attributions.clear();
    if (kept.signatures.size > CACHE_LIMIT) kept.signatures.clear();
    return kept;
  };
  const q = {
    attr: db.prepare('INSERT INTO attributions (doc_id, start, end, kind, source_id, name, scope, joint, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    reportAttr: db.prepare('INSERT OR REPLACE INTO report_attributions (report_id, seq, kind, source_id, name, start, end, side, joint, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    denial: db.prepare(`INSERT OR REPLACE INTO denial_claims (id, doc_id, reason, trigger_start, trigger_end, sentence_start, sentence_end, cue_start, cue_end, participants, date, by_actor, by_name, by_start, by_end, correction)
      VALUES (@id, @doc_id, @reason, @trigger_start, @trigger_end, @sentence_start, @sentence_end, @cue_start, @cue_end, @participants, @date, @by_actor, @by_name, @by_start, @by_end, @correction)`),
    signature: db.prepare('INSERT OR REPLACE INTO text_signatures (doc_id, minhash) VALUES (?, ?)'),
    attrsOf: db.prepare('SELECT start, end, kind, source_id, name, scope, joint, country FROM attributions WHERE doc_id = ? ORDER BY start'),
    // a batch of reports' or documents' rows in one statement: the browse index reads every report
    // of each event it re-summarizes, and an event told by hundreds of copies has hundreds
    reportAttrsOf: db.prepare(`SELECT report_id, kind, source_id, name, start, end, side, joint, country FROM report_attributions
      WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, seq`),
    signaturesOf: db.prepare('SELECT doc_id, minhash FROM text_signatures WHERE doc_id IN (SELECT value FROM json_each(?))'),
    allDenials: db.prepare('SELECT * FROM denial_claims ORDER BY doc_id, trigger_start'),
    denialsOf: db.prepare('SELECT * FROM denial_claims WHERE doc_id = ? ORDER BY trigger_start'),
    judgements: db.prepare('SELECT * FROM source_judgements ORDER BY id'),
    judgement: db.prepare('SELECT * FROM source_judgements WHERE id = ?'),
    addJudgement: db.prepare('INSERT INTO source_judgements (kind, subjects, status, anchors, author, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    undo: db.prepare('UPDATE source_judgements SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL'),
  };
  return {
    save(docId, length, sources, stored, bad) {
      const rows = sourceRows(docId, length, sources, stored, bad);
      // a document analysed again: what was kept of it is not what is stored now
      kept.signatures.delete(docId);
      for (const reportId of stored) kept.attributions.delete(reportId);
      for (const a of rows.attributions) q.attr.run(a.doc_id, a.start, a.end, a.kind, a.source_id, a.name, a.scope, a.joint ? 1 : 0, a.country);
      for (const r of rows.reportAttributions) q.reportAttr.run(r.report_id, r.seq, r.kind, r.source_id, r.name, r.start, r.end, r.side, r.joint ? 1 : 0, r.country);
      for (const d of rows.denials) q.denial.run(d);
      if (rows.signature) q.signature.run(docId, Buffer.from(new Uint32Array(rows.signature).buffer));
    },
    async attributions(docId) {
      return (q.attrsOf.all(docId) as Array<{ start: number; end: number; kind: Attribution['kind']; source_id: string | null; name: string | null; scope: Attribution['scope']; joint: number; country: string | null }>).map((r) => ({
        start: r.start, end: r.end, kind: r.kind, sourceId: r.source_id, name: r.name, scope: r.scope, ...(r.joint ? { joint: true } : {}), ...(r.country ? { country: r.country } : {}),
      }));
    },
    async reportAttributions(reportIds, options) {
      return keptRead(options?.keep === false ? null : current().attributions, reportIds, (missing, found) => {
        const lists = new Map<string, ReportAttribution[]>(missing.map((id) => [id, []]));
        const rows = q.reportAttrsOf.all(JSON.stringify(missing)) as Array<{ report_id: string; kind: ReportAttribution['kind']; source_id: string | null; name: string | null; start: number | null; end: number | null; side: string | null; joint: number; country: string | null }>;
        for (const r of rows) lists.get(r.report_id)?.push(Object.freeze(toReportAttribution(r)));
        // a report with none is kept as such too
        for (const [id, list] of lists) found(id, list);
      }) as Map<string, ReportAttribution[]>;
    },
    async signatures(docIds, options) {
      return keptRead(options?.keep === false ? null : current().signatures, docIds, (missing, found) => {
        for (const row of q.signaturesOf.all(JSON.stringify(missing)) as Array<{ doc_id: string; minhash: Buffer }>) {
          found(row.doc_id, signatureFromBlob(row.minhash));
        }
      }) as Map<string, number[]>;
    },
    async denials(docId) {
      return ((docId === undefined ? q.allDenials.all() : q.denialsOf.all(docId)) as Record<string, unknown>[]).map(toDenial);
    },
    async judgements(activeOnly = false) {
      return (q.judgements.all() as JudgementRow[]).map(toJudgement).filter((j) => !activeOnly || !j.undone);
    },
    async addJudgement(input, now = new Date()) {
      const info = q.addJudgement.run(input.kind, JSON.stringify(input.subjects), input.status ?? null, JSON.stringify(input.anchors ?? []), input.author, input.reason ?? null, now.toISOString());
      return toJudgement(q.judgement.get(Number(info.lastInsertRowid)) as JudgementRow);
    },
    async undoJudgement(id, author, now = new Date()) {
      const row = q.judgement.get(id) as JudgementRow | undefined;
      if (!row) throw new ParleyError('not-found', `no source judgement ${id}`);
      if (row.undone_at) throw new ParleyError('usage', `source judgement ${id} was already undone`);
      q.undo.run(now.toISOString(), author, id);
      return toJudgement(q.judgement.get(id) as JudgementRow);
    },
  };
}

/**
 * The values of these ids: those kept (in `kept`, or none when null), the rest read by `read` in
 * one statement (each handed to `found`, frozen and kept).
 */
function keptRead<V>(kept: Map<string, readonly V[]> | null, ids: readonly string[], read: (missing: string[], found: (id: string, value: V[]) => void) => void): Map<string, readonly V[]> {
  const out = new Map<string, readonly V[]>();
  const missing: string[] = [];
  for (const id of ids) {
    const value = kept?.get(id);
    if (value) out.set(id, value);
    else missing.push(id);
  }
  if (missing.length) {
    read(missing, (id, value) => {
      const frozen = Object.freeze(value);
      kept?.set(id, frozen);
      out.set(id, frozen);
    });
  }
  return out;
}
