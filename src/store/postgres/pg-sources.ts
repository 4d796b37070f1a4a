// The who-says-so tables (migration 0005) on PostgreSQL: the same rows as sqlite/sources.ts
// (built by ../source-rows.ts), written inside saveBatch's transaction, read by src/sources/.
import type pg from 'pg';
import { ParleyError } from '../../core/errors.ts';
import type { Attribution, ReportAttribution } from '../../core/types.ts';
import type { SourceRows } from '../source-rows.ts';
import { toDenial, toJudgement, toReportAttribution, type JudgementRow } from '../source-rows.ts';
import type { SourcesTable } from '../sqlite/sources.ts';
import { insertRows, lastByKey } from './insert-rows.ts';

const judgementOf = (r: JudgementRow & { id: number | string }): ReturnType<typeof toJudgement> => toJudgement({ ...r, id: Number(r.id) });

/** Writes the rows of a batch of documents on the transaction's client, one statement per table. */
export async function saveSourceRows(client: pg.PoolClient, batch: readonly { docId: string; rows: SourceRows }[]): Promise<void> {
  await insertRows(client, 'attributions', ['doc_id', 'start', 'end', 'kind', 'source_id', 'name', 'scope', 'joint', 'country'],
    batch.flatMap(({ rows }) => rows.attributions.map((a) => [a.doc_id, a.start, a.end, a.kind, a.source_id, a.name, a.scope, a.joint, a.country])));
  const reportAttributions = lastByKey(batch.flatMap(({ rows }) => rows.reportAttributions), (r) => `${r.report_id}\u0000${r.seq}`);
  await insertRows(client, 'report_attributions', ['report_id', 'seq', 'kind', 'source_id', 'name', 'start', 'end', 'side', 'joint', 'country'],
    reportAttributions.map((r) => [r.report_id, r.seq, r.kind, r.source_id, r.name, r.start, r.end, r.side, r.joint, r.country]),
    `ON CONFLICT (report_id, seq) DO UPDATE SET kind = EXCLUDED.kind, source_id = EXCLUDED.source_id, name = EXCLUDED.name,
       start = EXCLUDED.start, "end" = EXCLUDED."end", side = EXCLUDED.side, joint = EXCLUDED.joint, country = EXCLUDED.country`);
  const denials = lastByKey(batch.flatMap(({ rows }) => rows.denials), (d) => d.id);
  await insertRows(client, 'denial_claims', ['id', 'doc_id', 'reason', 'trigger_start', 'trigger_end', 'sentence_start', 'sentence_end', 'cue_start', 'cue_end',
    'participants', 'date', 'by_actor', 'by_name', 'by_start', 'by_end', 'correction'],
    denials.map((d) => [d.id, d.doc_id, d.reason, d.trigger_start, d.trigger_end, d.sentence_start, d.sentence_end, d.cue_start, d.cue_end, d.participants, d.date, d.by_actor, d.by_name, d.by_start, d.by_end, d.correction]),
    `ON CONFLICT (id) DO UPDATE SET doc_id = EXCLUDED.doc_id, reason = EXCLUDED.reason, trigger_start = EXCLUDED.trigger_start,
       trigger_end = EXCLUDED.trigger_end, sentence_start = EXCLUDED.sentence_start, sentence_end = EXCLUDED.sentence_end,
       cue_start = EXCLUDED.cue_start, cue_end = EXCLUDED.cue_end, participants = EXCLUDED.participants, date = EXCLUDED.date,
       by_actor = EXCLUDED.by_actor, by_name = EXCLUDED.by_name, by_start = EXCLUDED.by_start, by_end = EXCLUDED.by_end,
       correction = EXCLUDED.correction`);
  const signatures = batch.filter(({ rows }) => rows.signature).map(({ docId, rows }) => [docId, rows.signature]);
  await insertRows(client, 'text_signatures', ['doc_id', 'minhash'], lastByKey(signatures, (r) => r[0] as string),
    'ON CONFLICT (doc_id) DO UPDATE SET minhash = EXCLUDED.minhash');
}

export function createPostgresSourcesTable(pool: pg.Pool, ready: () => Promise<unknown>): SourcesTable {
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    await ready();
    return (await pool.query(sql, params)).rows as T[];
  };
  return {
    async attributions(docId) {
      return (await rows<{ start: number; end: number; kind: Attribution['kind']; source_id: string | null; name: string | null; scope: Attribution['scope']; joint: boolean; country: string | null }>(
        'SELECT start, "end", kind, source_id, name, scope, joint, country FROM attributions WHERE doc_id = $1 ORDER BY start',
        [docId],
      )).map((r) => ({ start: r.start, end: r.end, kind: r.kind, sourceId: r.source_id, name: r.name, scope: r.scope, ...(r.joint ? { joint: true } : {}), ...(r.country ? { country: r.country } : {}) }));
    },
    async reportAttributions(reportIds) {
      const out = new Map<string, ReportAttribution[]>(reportIds.map((id) => [id, []]));
      const found = await rows<{ report_id: string; kind: ReportAttribution['kind']; source_id: string | null; name: string | null; start: number | null; end: number | null; side: string | null; joint: boolean; country: string | null }>(
        'SELECT report_id, kind, source_id, name, start, "end", side, joint, country FROM report_attributions WHERE report_id = ANY($1) ORDER BY report_id, seq',
        [[...reportIds]],
      );
      for (const r of found) {
        out.get(r.report_id)?.push(toReportAttribution(r));
      }
      return out;
    },
    async signatures(docIds) {
      const found = await rows<{ doc_id: string; minhash: string[] }>('SELECT doc_id, minhash FROM text_signatures WHERE doc_id = ANY($1)', [[...docIds]]);
      return new Map(found.map((r) => [r.doc_id, r.minhash.map(Number)]));
    },
    async denials(docId) {
      const found = docId === undefined
        ? await rows<Record<string, unknown>>('SELECT * FROM denial_claims ORDER BY doc_id COLLATE "C", trigger_start')
        : await rows<Record<string, unknown>>('SELECT * FROM denial_claims WHERE doc_id = $1 ORDER BY trigger_start', [docId]);
      return found.map(toDenial);
    },
    async judgements(activeOnly = false) {
      return (await rows<JudgementRow>('SELECT * FROM source_judgements ORDER BY id')).map(judgementOf).filter((j) => !activeOnly || !j.undone);
    },
    async addJudgement(input, now = new Date()) {
      const [row] = await rows<JudgementRow>(
        'INSERT INTO source_judgements (kind, subjects, status, anchors, author, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
        [input.kind, JSON.stringify(input.subjects), input.status ?? null, JSON.stringify(input.anchors ?? []), input.author, input.reason ?? null, now.toISOString()],
      );
      return judgementOf(row);
    },
    async undoJudgement(id, author, now = new Date()) {
      const [row] = await rows<JudgementRow>('SELECT * FROM source_judgements WHERE id = $1', [id]);
      if (!row) throw new ParleyError('not-found', `no source judgement ${id}`);
      if (row.undone_at) throw new ParleyError('usage', `source judgement ${id} was already undone`);
      const [done] = await rows<JudgementRow>('UPDATE source_judgements SET undone_at = $1, undone_by = $2 WHERE id = $3 AND undone_at IS NULL RETURNING *', [now.toISOString(), author, id]);
      return judgementOf(done);
    },
  };
}
