// The queries event derivation and judgements need (merge/resolution-queries.ts), on SQLite.
// Queries only: the rules are in merge/event-resolution.ts. better-sqlite3 answers at once; a
// write is BEGIN IMMEDIATE ... COMMIT around the rules' awaits.
import { createRedirects } from './redirects.ts';
import { signatureFromBlob } from './sources.ts';
import type Database from 'better-sqlite3';
import type { ActorKind, EventMode, Judgement, ReportAnchor, Span } from '../../core/types.ts';
import type { MergeJudgement } from '../../merge/merge-reports.ts';
import type { ReportRecord, ResolutionQueries, ResolutionStorage } from '../../merge/resolution-queries.ts';

interface ReportRow {
  id: string;
  doc_id: string;
  type: 'CONSULT';
  mode: EventMode;
  trigger_start: number;
  trigger_end: number;
  evidence: string;
  date_value: string | null;
  date_start: number | null;
  date_end: number | null;
  place_actor_id: string | null;
  place_start: number | null;
  place_end: number | null;
}

interface JudgementRow {
  id: number;
  kind: Judgement['kind'];
  subjects: string;
  value: string | null;
  anchors: string;
  author: string;
  reason: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
}

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
    evidence: JSON.parse(row.evidence) as Span[],
    dateValue: row.date_value,
    dateSpan: spanOf(row.date_start, row.date_end),
    placeActorId: row.place_actor_id,
    placeSpan: spanOf(row.place_start, row.place_end),
  };
}

export function toJudgement(row: JudgementRow): Judgement {
  const undone = row.undone_at ? { at: row.undone_at, by: row.undone_by ?? '', reason: row.undo_reason } : null;
  const value = row.value ? JSON.parse(row.value) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    subjects: JSON.parse(row.subjects) as string[],
    ...(value ? { value } : {}),
    author: row.author,
    reason: row.reason,
    createdAt: row.created_at,
    anchors: JSON.parse(row.anchors) as ReportAnchor[][],
    undone,
    active: undone === null,
  };
}

/**
 * A transaction around async work on one better-sqlite3 connection. The caller keeps a second
 * operation of this process out until it ends (the adapter runs its operations one at a time):
 * the awaits inside would otherwise let it into the open transaction.
 */
export async function sqliteTransaction<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  // BEGIN IMMEDIATE: a transaction that reads before it writes cannot upgrade its lock while
  // another process writes; one that starts as a writer waits its turn (busy timeout)
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

export function createSqliteResolutionStorage(db: Database.Database): ResolutionStorage<Database.Database> {
  const s = {
    report: db.prepare('SELECT * FROM event_reports WHERE id = ?'),
    reportExists: db.prepare('SELECT 1 FROM event_reports WHERE id = ?').pluck(),
    reportsOfDoc: db.prepare('SELECT id, doc_id, trigger_start, trigger_end, evidence FROM event_reports WHERE doc_id = ?'),
    reportIdsOfDocs: db.prepare('SELECT id FROM event_reports WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY id').pluck(),
    participants: db.prepare(`SELECT p.actor_id, p.spans, a.kind FROM report_participants p
      JOIN actors a ON a.id = p.actor_id WHERE p.report_id = ? ORDER BY p.position`),
    allReports: db.prepare('SELECT * FROM event_reports'),
    allParticipants: db.prepare(`SELECT p.report_id, p.actor_id, p.spans, a.kind FROM report_participants p
      JOIN actors a ON a.id = p.actor_id ORDER BY p.report_id, p.position`),
    published: db.prepare('SELECT published_value, published_precision FROM documents WHERE id = ?'),
    docText: db.prepare('SELECT text FROM documents WHERE id = ?').pluck(),
    anchorSource: db.prepare('SELECT text, language, noise FROM documents WHERE id = ?'),
    signature: db.prepare('SELECT minhash FROM text_signatures WHERE doc_id = ?').pluck(),
    reportDatesOfDoc: db.prepare('SELECT date_value, date_start, date_end FROM event_reports WHERE doc_id = ?'),
    mentionActors: db.prepare('SELECT actor_ids FROM mentions WHERE doc_id = ?').pluck(),
    actor: db.prepare('SELECT id, kind, name, aliases, place_type, within FROM actors WHERE id = ?'),
    places: db.prepare("SELECT id, place_type, within FROM actors WHERE kind = 'place'"),
    reportsOfActor: db.prepare('SELECT DISTINCT report_id FROM report_participants WHERE actor_id = ?').pluck(),
    deleteKeys: db.prepare('DELETE FROM report_keys WHERE report_id = ?'),
    insertKey: db.prepare('INSERT OR IGNORE INTO report_keys (key, report_id) VALUES (?, ?)'),
    reportsOfKey: db.prepare('SELECT report_id FROM report_keys WHERE key = ?').pluck(),
    reportsOfKeys: db.prepare('SELECT DISTINCT report_id FROM report_keys WHERE key IN (SELECT value FROM json_each(?)) ORDER BY report_id').pluck(),
    unkeyed: db.prepare('SELECT EXISTS (SELECT 1 FROM event_reports) AND NOT EXISTS (SELECT 1 FROM report_keys)').pluck(),
    eventless: db.prepare('SELECT EXISTS (SELECT 1 FROM event_reports) AND NOT EXISTS (SELECT 1 FROM event_members)').pluck(),
    // by the time they tell of, so that a slice of them is a few weeks and its neighbours overlap
    reportIdsByTime: db
      .prepare(
        `SELECT r.id FROM event_reports r JOIN documents d ON d.id = r.doc_id
         ORDER BY coalesce(r.date_value, d.published_value), r.id`,
      )
      .pluck(),
    eventOfReport: db.prepare('SELECT event_id FROM event_members WHERE report_id = ?').pluck(),
    membersOfEvent: db.prepare('SELECT report_id FROM event_members WHERE event_id = ? ORDER BY report_id').pluck(),
    eventMembersOfReports: db.prepare(`SELECT event_id, report_id FROM event_members WHERE event_id IN
      (SELECT event_id FROM event_members WHERE report_id IN (SELECT value FROM json_each(?))) ORDER BY event_id, report_id`),
    deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
    insertEvent: db.prepare('INSERT INTO events (id, explanation, updated_at) VALUES (?, ?, ?)'),
    insertMember: db.prepare('INSERT INTO event_members (event_id, report_id) VALUES (?, ?)'),
    updateEvent: db.prepare('UPDATE events SET explanation = ?, updated_at = ? WHERE id = ?'),
    deleteMember: db.prepare('DELETE FROM event_members WHERE event_id = ? AND report_id = ?'),
    event: db.prepare('SELECT id, explanation FROM events WHERE id = ?'),
    allEvents: db.prepare('SELECT id, explanation FROM events ORDER BY id'),
    allMembers: db.prepare('SELECT event_id, report_id FROM event_members'),
    insertJudgement: db.prepare(`INSERT INTO judgements (kind, subjects, value, anchors, author, reason, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    judgement: db.prepare('SELECT * FROM judgements WHERE id = ?'),
    judgements: db.prepare('SELECT * FROM judgements ORDER BY id'),
    undo: db.prepare('UPDATE judgements SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?'),
  };

  const redirects = createRedirects(db);
  const q: ResolutionQueries = {
    report: (id) => {
      const row = s.report.get(id) as ReportRow | undefined;
      return row ? toRecord(row) : null;
    },
    reportExists: (id) => s.reportExists.get(id) !== undefined,
    reportsOfDoc: (docId) =>
      (s.reportsOfDoc.all(docId) as { id: string; doc_id: string; trigger_start: number; trigger_end: number; evidence: string }[]).map((r) => ({
        id: r.id,
        docId: r.doc_id,
        trigger: { start: r.trigger_start, end: r.trigger_end },
        evidence: JSON.parse(r.evidence) as Span[],
      })),
    reportIdsOfDocs: (docIds) => (docIds.length === 0 ? [] : (s.reportIdsOfDocs.all(JSON.stringify(docIds)) as string[])),
    participants: (reportId) =>
      (s.participants.all(reportId) as { actor_id: string; spans: string; kind: ActorKind }[]).map((r) => ({
        reportId,
        actorId: r.actor_id,
        kind: r.kind,
        spans: JSON.parse(r.spans) as Span[],
      })),
    allReports: () => (s.allReports.all() as ReportRow[]).map(toRecord),
    allParticipants: () =>
      (s.allParticipants.all() as { report_id: string; actor_id: string; spans: string; kind: ActorKind }[]).map((r) => ({
        reportId: r.report_id,
        actorId: r.actor_id,
        kind: r.kind,
        spans: JSON.parse(r.spans) as Span[],
      })),
    published: (docId) => {
      const row = s.published.get(docId) as { published_value: string | null; published_precision: 'year' | 'month' | 'day' | null } | undefined;
      return row ? { value: row.published_value, precision: row.published_precision } : null;
    },
    docText: (docId) => (s.docText.get(docId) as string | undefined) ?? null,
    anchorSource: (docId) => {
      const row = s.anchorSource.get(docId) as { text: string; language: string; noise: string } | undefined;
      return row ? { text: row.text, language: row.language, noise: JSON.parse(row.noise) } : null;
    },
    signature: (docId) => {
      const blob = s.signature.get(docId) as Buffer | undefined;
      return blob ? signatureFromBlob(blob) : null;
    },
    reportDatesOfDoc: (docId) =>
      (s.reportDatesOfDoc.all(docId) as { date_value: string | null; date_start: number | null; date_end: number | null }[]).map((r) =>
        r.date_value === null ? null : { value: r.date_value, span: spanOf(r.date_start, r.date_end) },
      ),
    mentionActors: (docId) => (s.mentionActors.all(docId) as string[]).map((json) => JSON.parse(json) as string[]),
    actor: (id) => {
      const row = s.actor.get(id) as { id: string; kind: ActorKind; name: string; aliases: string; place_type: string | null; within: string } | undefined;
      return row
        ? { id: row.id, kind: row.kind, name: row.name, aliases: JSON.parse(row.aliases), placeType: row.place_type as never, within: JSON.parse(row.within) }
        : null;
    },
    places: () =>
      (s.places.all() as { id: string; place_type: string | null; within: string }[]).map((p) => ({
        id: p.id,
        placeType: p.place_type as never,
        within: JSON.parse(p.within) as string[],
      })),
    reportsOfActor: (actorId) => s.reportsOfActor.all(actorId) as string[],
    replaceKeys: (reportId, keys) => {
      s.deleteKeys.run(reportId);
      for (const key of keys) s.insertKey.run(key, reportId);
    },
    reportsOfKey: (key) => s.reportsOfKey.all(key) as string[],
    reportsOfKeys: (keys) => (keys.length === 0 ? [] : (s.reportsOfKeys.all(JSON.stringify(keys)) as string[])),
    unkeyed: () => s.unkeyed.get() === 1,
    eventless: () => s.eventless.get() === 1,
    reportIdsByTime: () => s.reportIdsByTime.all() as string[],
    eventOfReport: (reportId) => (s.eventOfReport.get(reportId) as string | undefined) ?? null,
    membersOfEvent: (eventId) => s.membersOfEvent.all(eventId) as string[],
    eventMembersOfReports: (reportIds) =>
      reportIds.length === 0
        ? []
        : (s.eventMembersOfReports.all(JSON.stringify(reportIds)) as { event_id: string; report_id: string }[]).map((m) => ({ eventId: m.event_id, reportId: m.report_id })),
    deleteEvent: (eventId) => {
      s.deleteEvent.run(eventId);
    },
    insertEvent: (eventId, explanation, stamp, reportIds) => {
      s.insertEvent.run(eventId, JSON.stringify(explanation), stamp);
      for (const reportId of reportIds) s.insertMember.run(eventId, reportId);
    },
    removeMembers: (eventId, reportIds) => {
      for (const reportId of reportIds) s.deleteMember.run(eventId, reportId);
    },
    updateEvent: (eventId, explanation, stamp, added) => {
      s.updateEvent.run(JSON.stringify(explanation), stamp, eventId);
      for (const reportId of added) s.insertMember.run(eventId, reportId);
    },
    event: (id) => {
      const row = s.event.get(id) as { id: string; explanation: string } | undefined;
      return row ? { id: row.id, explanation: JSON.parse(row.explanation) as MergeJudgement[] } : null;
    },
    allEvents: () =>
      (s.allEvents.all() as { id: string; explanation: string }[]).map((row) => ({ id: row.id, explanation: JSON.parse(row.explanation) as MergeJudgement[] })),
    allMembers: () => (s.allMembers.all() as { event_id: string; report_id: string }[]).map((m) => ({ eventId: m.event_id, reportId: m.report_id })),
    insertJudgement: (row) =>
      Number(
        s.insertJudgement.run(
          row.kind,
          JSON.stringify(row.subjects),
          row.value ? JSON.stringify(row.value) : null,
          JSON.stringify(row.anchors),
          row.author,
          row.reason,
          row.createdAt,
        ).lastInsertRowid,
      ),
    judgement: (id) => {
      const row = s.judgement.get(id) as JudgementRow | undefined;
      return row ? toJudgement(row) : null;
    },
    judgements: () => (s.judgements.all() as JudgementRow[]).map(toJudgement),
    undo: (id, at, by, reason) => {
      s.undo.run(at, by, reason, id);
    },
    recordRedirect: (fromId, reportIds, at) => redirects.record(fromId, reportIds, at),
    followRedirect: (fromId) => redirects.follow(fromId),
  };

  return { read: q, write: (work) => sqliteTransaction(db, () => work(q, db)) };
}
