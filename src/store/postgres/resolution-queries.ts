// The queries event derivation and judgements need (merge/resolution-queries.ts), on PostgreSQL.
// Queries only: the rules are in merge/event-resolution.ts. A write runs on one pooled client in
// one transaction that first takes the rebuild advisory lock: event rebuilds of any processes
// writing this database (ingest workers, the server's judgements) happen one at a time, so two
// overlapping blocks never derive their events from each other's half-written state.
import type pg from 'pg';
import type { ActorKind, EventMode, Judgement, NoiseRange, PlaceType, ReportAnchor, Span } from '../../core/types.ts';
import type { MergeJudgement } from '../../merge/merge-reports.ts';
import type { ActorRecord, ParticipantRecord, ReportRecord, ResolutionQueries, ResolutionStorage } from '../../merge/resolution-queries.ts';

/** The advisory lock every write transaction holds (see the file comment). */
export const REBUILD_LOCK = 7_310_002;

/** A pool or one checked-out client. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

interface ReportRow {
  id: string;
  doc_id: string;
  type: 'CONSULT';
  mode: EventMode;
  trigger_start: number;
  trigger_end: number;
  evidence: Span[];
  date_value: string | null;
  date_start: number | null;
  date_end: number | null;
  place_actor_id: string | null;
  place_start: number | null;
  place_end: number | null;
}

export interface JudgementRow {
  id: string | number;
  kind: Judgement['kind'];
  subjects: string[];
  value: Judgement['value'] | null;
  anchors: ReportAnchor[][];
  author: string;
  reason: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
}

const REPORT_COLUMNS = `id, doc_id, type, mode, trigger_start, trigger_end, evidence, date_value, date_start, date_end,
  place_actor_id, place_start, place_end`;

function spanOf(start: number | null, end: number | null): Span | null {
  return start === null || end === null ? null : { start, end };
}

function toRecord(row: ReportRow): ReportRecord {
  return {
    id: row.id,
    docId: row.doc_id,
    type: row.type,
    mode: row.mode,
    trigger: { start: row.trigger_start, end: row.trigger_end },
    evidence: row.evidence,
    dateValue: row.date_value,
    dateSpan: spanOf(row.date_start, row.date_end),
    placeActorId: row.place_actor_id,
    placeSpan: spanOf(row.place_start, row.place_end),
  };
}

export function toJudgement(row: JudgementRow): Judgement {
  const undone = row.undone_at ? { at: row.undone_at, by: row.undone_by ?? '', reason: row.undo_reason } : null;
  return {
    id: Number(row.id),
    kind: row.kind,
    subjects: row.subjects,
    ...(row.value ? { value: row.value } : {}),
    author: row.author,
    reason: row.reason,
    createdAt: row.created_at,
    anchors: row.anchors,
    undone,
    active: undone === null,
  };
}

/**
 * Rows of just-stored reports read ahead in one write transaction (primeReports), so that indexing
 * and rebuilding them asks the server a few times for the whole batch instead of ten times a
 * report. Safe to keep until the transaction ends: it holds the write lock, and event derivation
 * writes keys, events and redirects, never the rows kept here.
 */
interface ReadAhead {
  reports: Map<string, ReportRecord>;
  published: Map<string, { value: string | null; precision: 'year' | 'month' | 'day' | null }>;
  signatures: Map<string, number[] | null>;
  mentionActors: Map<string, string[][]>;
  participants: Map<string, ParticipantRecord[]>;
  actors: Map<string, ActorRecord | null>;
}

const readAheads = new WeakMap<object, ReadAhead>();

type ActorRow = { id: string; kind: ActorKind; name: string; aliases: string[]; place_type: PlaceType | null; within: string[] };
const toActorRecord = (row: ActorRow): ActorRecord => ({ id: row.id, kind: row.kind, name: row.name, aliases: row.aliases, placeType: row.place_type, within: row.within });

/** Reads ahead, on a write transaction's client, what event derivation asks about these reports (see ReadAhead). */
export async function primeReports(client: pg.PoolClient, reportIds: readonly string[]): Promise<void> {
  if (!reportIds.length) return;
  const ahead: ReadAhead = readAheads.get(client) ?? { reports: new Map(), published: new Map(), signatures: new Map(), mentionActors: new Map(), participants: new Map(), actors: new Map() };
  const reports = (await client.query(`SELECT ${REPORT_COLUMNS} FROM event_reports WHERE id = ANY($1)`, [reportIds])).rows as ReportRow[];
  const docIds = [...new Set(reports.map((r) => r.doc_id))];
  const docs = (await client.query('SELECT id, published_value, published_precision FROM documents WHERE id = ANY($1)', [docIds])).rows as {
    id: string; published_value: string | null; published_precision: 'year' | 'month' | 'day' | null;
  }[];
  const mentions = (await client.query('SELECT doc_id, actor_ids FROM mentions WHERE doc_id = ANY($1) ORDER BY id', [docIds])).rows as { doc_id: string; actor_ids: string[] }[];
  const signatures = (await client.query('SELECT doc_id, minhash FROM text_signatures WHERE doc_id = ANY($1)', [docIds])).rows as { doc_id: string; minhash: string[] }[];
  const participants = (await client.query(
    `SELECT p.report_id, p.actor_id, p.spans, a.kind FROM report_participants p JOIN actors a ON a.id = p.actor_id
     WHERE p.report_id = ANY($1) ORDER BY p.report_id, p.position`,
    [reportIds],
  )).rows as { report_id: string; actor_id: string; spans: Span[]; kind: ActorKind }[];
  const actorIds = new Set<string>();
  for (const m of mentions) for (const id of m.actor_ids) actorIds.add(id);
  for (const r of reports) if (r.place_actor_id) actorIds.add(r.place_actor_id);
  const actors = (await client.query('SELECT id, kind, name, aliases, place_type, within FROM actors WHERE id = ANY($1)', [[...actorIds]])).rows as ActorRow[];

  for (const r of reports) {
    ahead.reports.set(r.id, toRecord(r));
    ahead.participants.set(r.id, []);
  }
  for (const p of participants) ahead.participants.get(p.report_id)?.push({ reportId: p.report_id, actorId: p.actor_id, kind: p.kind, spans: p.spans });
  for (const d of docs) {
    ahead.published.set(d.id, { value: d.published_value, precision: d.published_precision });
    ahead.mentionActors.set(d.id, []);
    ahead.signatures.set(d.id, null);
  }
  for (const s of signatures) ahead.signatures.set(s.doc_id, s.minhash.map(Number));
  for (const m of mentions) ahead.mentionActors.get(m.doc_id)?.push(m.actor_ids);
  for (const id of actorIds) ahead.actors.set(id, null);
  for (const a of actors) ahead.actors.set(a.id, toActorRecord(a));
  readAheads.set(client, ahead);
}

export function postgresResolutionQueries(db: Queryable): ResolutionQueries {
  const ahead = () => readAheads.get(db);
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(sql, params)).rows as T[];
  const first = async <T>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await rows<T>(sql, params))[0];
  const column = async (sql: string, params: unknown[] = []): Promise<string[]> =>
    (await db.query({ text: sql, values: params, rowMode: 'array' })).rows.map((r: unknown[]) => r[0] as string);

  return {
    report: async (id) => {
      const known = ahead()?.reports.get(id);
      if (known) return known;
      const row = await first<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM event_reports WHERE id = $1`, [id]);
      return row ? toRecord(row) : null;
    },
    reportExists: async (id) => (await first('SELECT 1 FROM event_reports WHERE id = $1', [id])) !== undefined,
    reportsOfDoc: async (docId) =>
      (await rows<{ id: string; doc_id: string; trigger_start: number; trigger_end: number; evidence: Span[] }>(
        'SELECT id, doc_id, trigger_start, trigger_end, evidence FROM event_reports WHERE doc_id = $1 ORDER BY id COLLATE "C"',
        [docId],
      )).map((r) => ({ id: r.id, docId: r.doc_id, trigger: { start: r.trigger_start, end: r.trigger_end }, evidence: r.evidence })),
    reportIdsOfDocs: async (docIds) => {
      if (docIds.length === 0) return [];
      const ids = await column('SELECT id FROM event_reports WHERE doc_id = ANY($1::text[]) ORDER BY id COLLATE "C"', [docIds]);
      // as reportsOfKeys: in a transaction reading ahead, the reports found are read ahead together
      const known = ahead();
      const missing = known ? ids.filter((id) => !known.reports.has(id)) : [];
      if (missing.length) await primeReports(db as pg.PoolClient, missing);
      return ids;
    },
    participants: async (reportId) =>
      ahead()?.participants.get(reportId) ??
      (await rows<{ actor_id: string; spans: Span[]; kind: ActorKind }>(
        `SELECT p.actor_id, p.spans, a.kind FROM report_participants p JOIN actors a ON a.id = p.actor_id
         WHERE p.report_id = $1 ORDER BY p.position`,
        [reportId],
      )).map((r) => ({ reportId, actorId: r.actor_id, kind: r.kind, spans: r.spans })),
    allReports: async () => (await rows<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM event_reports ORDER BY id COLLATE "C"`)).map(toRecord),
    allParticipants: async () =>
      (await rows<{ report_id: string; actor_id: string; spans: Span[]; kind: ActorKind }>(
        `SELECT p.report_id, p.actor_id, p.spans, a.kind FROM report_participants p JOIN actors a ON a.id = p.actor_id
         ORDER BY p.report_id COLLATE "C", p.position`,
      )).map((r) => ({ reportId: r.report_id, actorId: r.actor_id, kind: r.kind, spans: r.spans })),
    published: async (docId) => {
      const known = ahead()?.published.get(docId);
      if (known) return known;
      const row = await first<{ published_value: string | null; published_precision: 'year' | 'month' | 'day' | null }>(
        'SELECT published_value, published_precision FROM documents WHERE id = $1',
        [docId],
      );
      return row ? { value: row.published_value, precision: row.published_precision } : null;
    },
    docText: async (docId) => (await first<{ text: string }>('SELECT text FROM documents WHERE id = $1', [docId]))?.text ?? null,
    anchorSource: async (docId) =>
      (await first<{ text: string; language: string; noise: NoiseRange[] }>('SELECT text, language, noise FROM documents WHERE id = $1', [docId])) ?? null,
    signature: async (docId) => {
      const known = ahead()?.signatures.get(docId);
      if (known !== undefined) return known;
      const row = await first<{ minhash: string[] }>('SELECT minhash FROM text_signatures WHERE doc_id = $1', [docId]);
      return row ? row.minhash.map(Number) : null;
    },
    reportDatesOfDoc: async (docId) =>
      (await rows<{ date_value: string | null; date_start: number | null; date_end: number | null }>(
        'SELECT date_value, date_start, date_end FROM event_reports WHERE doc_id = $1 ORDER BY id COLLATE "C"',
        [docId],
      )).map((r) => (r.date_value === null ? null : { value: r.date_value, span: spanOf(r.date_start, r.date_end) })),
    mentionActors: async (docId) => ahead()?.mentionActors.get(docId) ?? (await rows<{ actor_ids: string[] }>('SELECT actor_ids FROM mentions WHERE doc_id = $1 ORDER BY id', [docId])).map((r) => r.actor_ids),
    actor: async (id) => {
      const known = ahead()?.actors.get(id);
      if (known !== undefined) return known;
      const row = await first<{ id: string; kind: ActorKind; name: string; aliases: string[]; place_type: PlaceType | null; within: string[] }>(
        'SELECT id, kind, name, aliases, place_type, within FROM actors WHERE id = $1',
        [id],
      );
      return row ? { id: row.id, kind: row.kind, name: row.name, aliases: row.aliases, placeType: row.place_type, within: row.within } : null;
    },
    places: async () =>
      (await rows<{ id: string; place_type: PlaceType | null; within: string[] }>("SELECT id, place_type, within FROM actors WHERE kind = 'place'")).map((p) => ({
        id: p.id,
        placeType: p.place_type,
        within: p.within,
      })),
    reportsOfActor: (actorId) => column('SELECT report_id FROM report_participants WHERE actor_id = $1 GROUP BY report_id ORDER BY report_id COLLATE "C"', [actorId]),
    replaceKeys: async (reportId, keys) => {
      // one round trip: drop the keys no longer held, add the new ones (the two sets are disjoint)
      await db.query(
        `WITH gone AS (DELETE FROM report_keys WHERE report_id = $2 AND NOT (key = ANY($1::text[])))
         INSERT INTO report_keys (key, report_id) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`,
        [keys, reportId],
      );
    },
    reportsOfKey: async (key) => {
      const ids = await column('SELECT report_id FROM report_keys WHERE key = $1 ORDER BY report_id COLLATE "C"', [key]);
      // a rebuild reads every report a key finds: in a transaction reading ahead, read them ahead together
      const known = ahead();
      const missing = known ? ids.filter((id) => !known.reports.has(id)) : [];
      if (missing.length) await primeReports(db as pg.PoolClient, missing);
      return ids;
    },
    reportsOfKeys: async (keys) => {
      if (keys.length === 0) return [];
      const ids = await column(
        'SELECT report_id FROM report_keys WHERE key = ANY($1::text[]) GROUP BY report_id ORDER BY report_id COLLATE "C"',
        [keys],
      );
      // as reportsOfKey: in a transaction reading ahead, the reports found are read ahead together
      const known = ahead();
      const missing = known ? ids.filter((id) => !known.reports.has(id)) : [];
      if (missing.length) await primeReports(db as pg.PoolClient, missing);
      return ids;
    },
    unkeyed: async () =>
      (await first<{ v: boolean }>('SELECT EXISTS (SELECT 1 FROM event_reports) AND NOT EXISTS (SELECT 1 FROM report_keys) AS v'))!.v,
    eventless: async () =>
      (await first<{ v: boolean }>('SELECT EXISTS (SELECT 1 FROM event_reports) AND NOT EXISTS (SELECT 1 FROM event_members) AS v'))!.v,
    // NULLS FIRST and byte order (COLLATE "C"): the order SQLite gives, so both slice alike
    reportIdsByTime: () =>
      column(`SELECT r.id FROM event_reports r JOIN documents d ON d.id = r.doc_id
        ORDER BY coalesce(r.date_value, d.published_value) COLLATE "C" NULLS FIRST, r.id COLLATE "C"`),
    eventOfReport: async (reportId) => (await first<{ event_id: string }>('SELECT event_id FROM event_members WHERE report_id = $1', [reportId]))?.event_id ?? null,
    membersOfEvent: (eventId) => column('SELECT report_id FROM event_members WHERE event_id = $1 ORDER BY report_id COLLATE "C"', [eventId]),
    eventMembersOfReports: async (reportIds) =>
      reportIds.length === 0
        ? []
        : (await rows<{ event_id: string; report_id: string }>(
            `SELECT event_id, report_id FROM event_members WHERE event_id IN
               (SELECT event_id FROM event_members WHERE report_id = ANY($1::text[]))
             ORDER BY event_id COLLATE "C", report_id COLLATE "C"`,
            [reportIds],
          )).map((m) => ({ eventId: m.event_id, reportId: m.report_id })),
    deleteEvent: async (eventId) => {
      await db.query('DELETE FROM events WHERE id = $1', [eventId]);
    },
    insertEvent: async (eventId, explanation, stamp, reportIds) => {
      // the event and its members in one round trip (a rebuild writes many events)
      await db.query(
        `WITH e AS (INSERT INTO events (id, explanation, updated_at) VALUES ($1, $2, $3) RETURNING id)
         INSERT INTO event_members (event_id, report_id) SELECT e.id, r FROM e, unnest($4::text[]) AS r`,
        [eventId, JSON.stringify(explanation), stamp, reportIds],
      );
    },
    removeMembers: async (eventId, reportIds) => {
      await db.query('DELETE FROM event_members WHERE event_id = $1 AND report_id = ANY($2::text[])', [eventId, reportIds]);
    },
    updateEvent: async (eventId, explanation, stamp, added) => {
      // one round trip, as insertEvent
      await db.query(
        `WITH e AS (UPDATE events SET explanation = $2, updated_at = $3 WHERE id = $1 RETURNING id)
         INSERT INTO event_members (event_id, report_id) SELECT e.id, r FROM e, unnest($4::text[]) AS r`,
        [eventId, JSON.stringify(explanation), stamp, added],
      );
    },
    event: async (id) => (await first<{ id: string; explanation: MergeJudgement[] }>('SELECT id, explanation FROM events WHERE id = $1', [id])) ?? null,
    allEvents: () => rows<{ id: string; explanation: MergeJudgement[] }>('SELECT id, explanation FROM events ORDER BY id COLLATE "C"'),
    allMembers: async () =>
      (await rows<{ event_id: string; report_id: string }>('SELECT event_id, report_id FROM event_members')).map((m) => ({ eventId: m.event_id, reportId: m.report_id })),
    insertJudgement: async (row) =>
      Number(
        (await first<{ id: string }>(
          `INSERT INTO judgements (kind, subjects, value, anchors, author, reason, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [row.kind, JSON.stringify(row.subjects), row.value ? JSON.stringify(row.value) : null, JSON.stringify(row.anchors), row.author, row.reason, row.createdAt],
        ))!.id,
      ),
    judgement: async (id) => {
      const row = await first<JudgementRow>('SELECT * FROM judgements WHERE id = $1', [id]);
      return row ? toJudgement(row) : null;
    },
    judgements: async () => (await rows<JudgementRow>('SELECT * FROM judgements ORDER BY id')).map(toJudgement),
    undo: async (id, at, by, reason) => {
      await db.query('UPDATE judgements SET undone_at = $1, undone_by = $2, undo_reason = $3 WHERE id = $4', [at, by, reason, id]);
    },
    recordRedirect: async (fromId, reportIds, at) => {
      await db.query('DELETE FROM event_redirects WHERE from_id = $1', [fromId]);
      if (reportIds.length) {
        await db.query(
          'INSERT INTO event_redirects (from_id, report_id, recorded_at) SELECT $1, r, $3 FROM unnest($2::text[]) AS r ON CONFLICT DO NOTHING',
          [fromId, [...reportIds], at],
        );
      }
    },
    followRedirect: async (fromId) =>
      (await column(
        `SELECT m.event_id FROM event_redirects r JOIN event_members m ON m.report_id = r.report_id
         WHERE r.from_id = $1 AND m.event_id <> r.from_id
         GROUP BY m.event_id ORDER BY count(*) DESC, m.event_id COLLATE "C" LIMIT 1`,
        [fromId],
      ))[0] ?? null,
  };
}

/** Runs `work` in one transaction on one client, holding the rebuild lock. */
export async function postgresTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [REBUILD_LOCK]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    readAheads.delete(client);
    client.release();
  }
}

export function createPostgresResolutionStorage(pool: pg.Pool): ResolutionStorage<pg.PoolClient> {
  return {
    read: postgresResolutionQueries(pool),
    write: (work) => postgresTransaction(pool, (client) => work(postgresResolutionQueries(client), client)),
  };
}
