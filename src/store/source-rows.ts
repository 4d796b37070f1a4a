// The rows of one document's source analysis (who says so) as both adapters store them: spans
// outside the text are reported through `bad` and left out; report attributions only for the
// reports stored. Pure, so SQLite and PostgreSQL keep exactly the same rows.
import type { Correction, DenialClaim, ReportAttribution, SourceAnalysis, Span } from '../core/types.ts';
import type { SourceJudgement, SourceJudgementKind } from './sqlite/sources.ts';

const valid = (s: Span | null | undefined, length: number): boolean => !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;

export interface SourceRows {
  attributions: { doc_id: string; start: number; end: number; kind: string; source_id: string | null; name: string | null; scope: string; joint: boolean; country: string | null }[];
  reportAttributions: { report_id: string; seq: number; kind: string; source_id: string | null; name: string | null; start: number | null; end: number | null; side: string | null; joint: boolean; country: string | null }[];
  denials: {
    id: string; doc_id: string; reason: string; trigger_start: number; trigger_end: number; sentence_start: number; sentence_end: number;
    cue_start: number | null; cue_end: number | null; participants: string; date: string | null;
    by_actor: string | null; by_name: string | null; by_start: number | null; by_end: number | null;
    /** the correction (JSON), null for a denial */
    correction: string | null;
  }[];
  signature: number[] | null;
}

export function sourceRows(docId: string, length: number, sources: SourceAnalysis | undefined, stored: ReadonlySet<string>, bad: (code: string, message: string) => void): SourceRows {
  const out: SourceRows = { attributions: [], reportAttributions: [], denials: [], signature: null };
  if (!sources) return out;
  for (const a of sources.attributions) {
    if (!valid(a, length)) bad('store/bad-attribution', `attribution ${a.start}-${a.end} lies outside the text`);
    else out.attributions.push({ doc_id: docId, start: a.start, end: a.end, kind: a.kind, source_id: a.sourceId, name: a.name, scope: a.scope, joint: !!a.joint, country: a.country ?? null });
  }
  for (const [reportId, list] of Object.entries(sources.reports)) {
    if (!stored.has(reportId)) continue;
    list.forEach((a, seq) => {
      const span = a.span && valid(a.span, length) ? a.span : null;
      out.reportAttributions.push({ report_id: reportId, seq, kind: a.kind, source_id: a.sourceId, name: a.name, start: span?.start ?? null, end: span?.end ?? null, side: a.side ?? null, joint: !!a.joint, country: a.country ?? null });
    });
  }
  for (const d of sources.denials) {
    if (!valid(d.trigger, length) || !valid(d.sentence, length)) {
      bad('store/bad-denial', `denial ${d.trigger.start}-${d.trigger.end} lies outside the text`);
      continue;
    }
    const by = d.by && valid(d.by.span, length) ? d.by : null;
    const cue = valid(d.cue, length) ? d.cue : null;
    out.denials.push({
      id: d.id, doc_id: docId, reason: d.reason, trigger_start: d.trigger.start, trigger_end: d.trigger.end, sentence_start: d.sentence.start, sentence_end: d.sentence.end,
      cue_start: cue?.start ?? null, cue_end: cue?.end ?? null, participants: JSON.stringify(d.participants), date: d.date,
      by_actor: by?.actorId ?? null, by_name: by?.name ?? null, by_start: by?.span.start ?? null, by_end: by?.span.end ?? null,
      correction: d.correction ? JSON.stringify(correctionWithin(d.correction, length)) : null,
    });
  }
  if (sources.signature.length) out.signature = [...sources.signature];
  return out;
}

/** A correction's values whose spans lie in the text (the others are left out). */
const correctionWithin = (c: Correction, length: number): Correction => ({ ...c, old: c.old.filter((v) => valid(v.span, length)), new: c.new.filter((v) => valid(v.span, length)) });

export interface JudgementRow {
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

export const toJudgement = (r: JudgementRow): SourceJudgement => ({
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

export const toDenial = (r: Record<string, unknown>): DenialClaim => ({
  id: r.id as string,
  docId: r.doc_id as string,
  reason: r.reason as string,
  trigger: { start: r.trigger_start as number, end: r.trigger_end as number },
  sentence: { start: r.sentence_start as number, end: r.sentence_end as number },
  cue: r.cue_start == null ? null : { start: r.cue_start as number, end: r.cue_end as number },
  participants: JSON.parse(r.participants as string),
  date: (r.date as string | null) ?? null,
  by: r.by_start == null ? null : { actorId: (r.by_actor as string | null) ?? null, name: (r.by_name as string | null) ?? null, span: { start: r.by_start as number, end: r.by_end as number } },
  ...(r.correction == null ? {} : { correction: JSON.parse(r.correction as string) as Correction }),
});

/** A stored report attribution row (either adapter: joint is 0/1 in SQLite, a boolean in PostgreSQL). */
export const toReportAttribution = (r: { kind: ReportAttribution['kind']; source_id: string | null; name: string | null; start: number | null; end: number | null; side: string | null; joint?: number | boolean | null; country?: string | null }): ReportAttribution => ({
  kind: r.kind,
  sourceId: r.source_id,
  name: r.name,
  span: r.start == null ? null : { start: r.start, end: r.end! },
  ...(r.kind === 'official' ? { side: r.side } : {}),
  ...(r.joint ? { joint: true } : {}),
  ...(r.country ? { country: r.country } : {}),
});
