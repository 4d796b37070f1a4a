// The tables of migration 0009 (who says so): written with each document in saveBatch, read by
// src/sources/event-sources.ts. Only SQL here; what the rows mean is src/sources/'s.
import type Database from 'better-sqlite3';
import type { Attribution, DenialClaim, ReportAttribution, SourceAnalysis, Span } from '../../core/types.ts';
import { ParleyError } from '../../core/errors.ts';

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
  /** Stores one document's source analysis; report attributions only for the reports stored. */
  save(docId: string, length: number, sources: SourceAnalysis | undefined, stored: ReadonlySet<string>, bad: (code: string, message: string) => void): void;
  attributions(docId: string): Attribution[];
  reportAttributions(reportIds: readonly string[]): Map<string, ReportAttribution[]>;
  signatures(docIds: readonly string[]): Map<string, number[]>;
  /** Every denial claim, or one document's. */
  denials(docId?: string): DenialClaim[];
  judgements(activeOnly?: boolean): SourceJudgement[];
  addJudgement(input: NewSourceJudgement, now?: Date): SourceJudgement;
  undoJudgement(id: number, author: string, now?: Date): SourceJudgement;
}

const valid = (s: Span | null | undefined, length: number): boolean => !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;

interface JudgementRow {
  id: number;
  kind: SourceJudgementKind;
  subjects: string;
  status: string | null;
  anchors: string;
  author: string;
  reason: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

const toJudgement = (r: JudgementRow): SourceJudgement => ({
  id: r.id,
  kind: r.kind,
  subjects: JSON.parse(r.subjects),
  status: r.status,
  anchors: JSON.parse(r.anchors),
  author: r.author,
  reason: r.reason,
  createdAt: r.created_at,
  undone: r.undone_at ? { at: r.undone_at, by: r.undone_by ?? '' } : null,
});

export function createSourcesTable(db: Database.Database): SourcesTable {
  const q = {
    attr: db.prepare('INSERT INTO attributions (doc_id, start, end, kind, source_id, name, scope) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    reportAttr: db.prepare('INSERT OR REPLACE INTO report_attributions (report_id, seq, kind, source_id, name, start, end, side) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    denial: db.prepare(`INSERT OR REPLACE INTO denial_claims (id, doc_id, reason, trigger_start, trigger_end, sentence_start, sentence_end, cue_start, cue_end, participants, date, by_actor, by_name, by_start, by_end)
      VALUES (@id, @doc_id, @reason, @trigger_start, @trigger_end, @sentence_start, @sentence_end, @cue_start, @cue_end, @participants, @date, @by_actor, @by_name, @by_start, @by_end)`),
    signature: db.prepare('INSERT OR REPLACE INTO text_signatures (doc_id, minhash) VALUES (?, ?)'),
    attrsOf: db.prepare('SELECT start, end, kind, source_id, name, scope FROM attributions WHERE doc_id = ? ORDER BY start'),
    reportAttrsOf: db.prepare('SELECT seq, kind, source_id, name, start, end, side FROM report_attributions WHERE report_id = ? ORDER BY seq'),
    signatureOf: db.prepare('SELECT minhash FROM text_signatures WHERE doc_id = ?'),
    allDenials: db.prepare('SELECT * FROM denial_claims ORDER BY doc_id, trigger_start'),
    denialsOf: db.prepare('SELECT * FROM denial_claims WHERE doc_id = ? ORDER BY trigger_start'),
    judgements: db.prepare('SELECT * FROM source_judgements ORDER BY id'),
    judgement: db.prepare('SELECT * FROM source_judgements WHERE id = ?'),
    addJudgement: db.prepare('INSERT INTO source_judgements (kind, subjects, status, anchors, author, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    undo: db.prepare('UPDATE source_judgements SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL'),
  };
  const toDenial = (r: Record<string, unknown>): DenialClaim => ({
    id: r.id as string,
    docId: r.doc_id as string,
    reason: r.reason as string,
    trigger: { start: r.trigger_start as number, end: r.trigger_end as number },
    sentence: { start: r.sentence_start as number, end: r.sentence_end as number },
    cue: r.cue_start == null ? null : { start: r.cue_start as number, end: r.cue_end as number },
    participants: JSON.parse(r.participants as string),
    date: (r.date as string | null) ?? null,
    by: r.by_start == null ? null : { actorId: (r.by_actor as string | null) ?? null, name: (r.by_name as string | null) ?? null, span: { start: r.by_start as number, end: r.by_end as number } },
  });
  return {
    save(docId, length, sources, stored, bad) {
      if (!sources) return;
      for (const a of sources.attributions) {
        if (!valid(a, length)) bad('store/bad-attribution', `attribution ${a.start}-${a.end} lies outside the text`);
        else q.attr.run(docId, a.start, a.end, a.kind, a.sourceId, a.name, a.scope);
      }
      for (const [reportId, list] of Object.entries(sources.reports)) {
        if (!stored.has(reportId)) continue;
        list.forEach((a, seq) => {
          const span = a.span && valid(a.span, length) ? a.span : null;
          q.reportAttr.run(reportId, seq, a.kind, a.sourceId, a.name, span?.start ?? null, span?.end ?? null, a.side ?? null);
        });
      }
      for (const d of sources.denials) {
        if (!valid(d.trigger, length) || !valid(d.sentence, length)) {
          bad('store/bad-denial', `denial ${d.trigger.start}-${d.trigger.end} lies outside the text`);
          continue;
        }
        const by = d.by && valid(d.by.span, length) ? d.by : null;
        const cue = valid(d.cue, length) ? d.cue : null;
        q.denial.run({
          id: d.id, doc_id: docId, reason: d.reason, trigger_start: d.trigger.start, trigger_end: d.trigger.end, sentence_start: d.sentence.start, sentence_end: d.sentence.end,
          cue_start: cue?.start ?? null, cue_end: cue?.end ?? null, participants: JSON.stringify(d.participants), date: d.date,
          by_actor: by?.actorId ?? null, by_name: by?.name ?? null, by_start: by?.span.start ?? null, by_end: by?.span.end ?? null,
        });
      }
      if (sources.signature.length) q.signature.run(docId, Buffer.from(new Uint32Array(sources.signature).buffer));
    },
    attributions(docId) {
      return (q.attrsOf.all(docId) as Array<{ start: number; end: number; kind: Attribution['kind']; source_id: string | null; name: string | null; scope: Attribution['scope'] }>).map((r) => ({
        start: r.start, end: r.end, kind: r.kind, sourceId: r.source_id, name: r.name, scope: r.scope,
      }));
    },
    reportAttributions(reportIds) {
      const out = new Map<string, ReportAttribution[]>();
      for (const id of reportIds) {
        const rows = q.reportAttrsOf.all(id) as Array<{ kind: ReportAttribution['kind']; source_id: string | null; name: string | null; start: number | null; end: number | null; side: string | null }>;
        out.set(id, rows.map((r) => ({ kind: r.kind, sourceId: r.source_id, name: r.name, span: r.start == null ? null : { start: r.start, end: r.end! }, ...(r.kind === 'official' ? { side: r.side } : {}) })));
      }
      return out;
    },
    signatures(docIds) {
      const out = new Map<string, number[]>();
      for (const id of docIds) {
        const row = q.signatureOf.get(id) as { minhash: Buffer } | undefined;
        if (row) out.set(id, [...new Uint32Array(row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength))]);
      }
      return out;
    },
    denials(docId) {
      return ((docId === undefined ? q.allDenials.all() : q.denialsOf.all(docId)) as Record<string, unknown>[]).map(toDenial);
    },
    judgements(activeOnly = false) {
      return (q.judgements.all() as JudgementRow[]).map(toJudgement).filter((j) => !activeOnly || !j.undone);
    },
    addJudgement(input, now = new Date()) {
      const info = q.addJudgement.run(input.kind, JSON.stringify(input.subjects), input.status ?? null, JSON.stringify(input.anchors ?? []), input.author, input.reason ?? null, now.toISOString());
      return toJudgement(q.judgement.get(Number(info.lastInsertRowid)) as JudgementRow);
    },
    undoJudgement(id, author, now = new Date()) {
      const row = q.judgement.get(id) as JudgementRow | undefined;
      if (!row) throw new ParleyError('not-found', `no source judgement ${id}`);
      if (row.undone_at) throw new ParleyError('usage', `source judgement ${id} was already undone`);
      q.undo.run(now.toISOString(), author, id);
      return toJudgement(q.judgement.get(id) as JudgementRow);
    },
  };
}
