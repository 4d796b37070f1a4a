// Events and actors as judgements make them, on SQLite: which reports form which event (machine
// merging plus analysts' judgements), what each event says, and the judgements themselves.
// Events are derived rows: a batch of new reports or a judgement re-derives only the events it
// can touch (the reports sharing blocking keys with it, two hops out, and their events).
import type Database from 'better-sqlite3';
import { ParleyError } from '../../core/errors.ts';
import type { ActorKind, EventMode, Judgement, NewJudgement, NoiseRange, PlaceType, ReportAnchor, Span } from '../../core/types.ts';
import { buildActorView, nameKey, type ActorView } from '../../judgements/actor-view.ts';
import { anchorOf, resolveAnchor, type AnchorableReport } from '../../judgements/anchor.ts';
import { validateJudgement } from '../../judgements/validate.ts';
import { deriveEventFields, type FieldCorrection, type PlaceInfo } from '../../merge/derive-event.ts';
import {
  blockingKeys,
  lookupKeys,
  mergeReports,
  type MergeConstraints,
  type MergeInput,
  type MergeJudgement,
  type MergeStats,
} from '../../merge/merge-reports.ts';
import { timeWindow } from '../../merge/score-pair.ts';
import { findTimeAnchor } from '../../merge/time-anchor.ts';
import type { JudgementPreview, StoredActor, StoredEvent, StoredReport } from '../store.ts';
import { mergeConcerns } from '../../judgements/plausibility.ts';
import { createRedirects } from './redirects.ts';

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

const EVENT_KINDS = new Set(['event-merge', 'event-split', 'report-reject', 'field-correct']);

export interface Resolution {
  /** Runs a transaction; when it fails (and rolls back), drops what was remembered from inside it. */
  guarded<T>(transaction: () => T): T;
  /** Writes the blocking keys of newly stored reports (call before `rebuild`). */
  indexReports(reportIds: readonly string[]): void;
  /** Re-derives the events that these reports belong to or can join; returns how many events it wrote. */
  rebuild(seedReportIds: Iterable<string>): number;
  /** Drops the events of a document's reports (before re-extraction); returns the other reports they held. */
  releaseDocument(docId: string): string[];
  /** Event ids the given reports belong to now. */
  eventsOfReports(reportIds: readonly string[]): string[];
  getEvent(id: string): StoredEvent | null;
  /** The event now holding the reports of an event id that no longer exists (merged away, re-derived), or null. */
  eventRedirect(id: string): string | null;
  listEvents(): StoredEvent[];
  /** Actors as judgements make them: absorbed actors hidden (unless asked for by id), split-offs added. */
  viewActors(stored: readonly StoredActor[], requested: boolean): StoredActor[];
  /** Where actor merges send an id (the id every read should show). */
  canonicalActor(actorId: string): string;
  addJudgement(input: NewJudgement): Judgement;
  previewJudgement(input: NewJudgement): JudgementPreview;
  listJudgements(filter?: { kind?: string; active?: boolean }): Judgement[];
  undoJudgement(id: number, author: string, reason?: string): Judgement;
  /** Every stored report as merging sees it (for benchmarks and full re-merges). */
  mergeInputs(): MergeInput[];
  /** Candidate pairs scored since the store was opened. */
  stats: MergeStats;
}

export function createResolution(db: Database.Database, now: () => Date): Resolution {
  const q = {
    report: db.prepare('SELECT * FROM event_reports WHERE id = ?'),
    reportExists: db.prepare('SELECT 1 FROM event_reports WHERE id = ?').pluck(),
    reportsOfDoc: db.prepare('SELECT id, doc_id, trigger_start, trigger_end, evidence FROM event_reports WHERE doc_id = ?'),
    participants: db.prepare(`SELECT p.actor_id, p.spans, a.kind FROM report_participants p
      JOIN actors a ON a.id = p.actor_id WHERE p.report_id = ? ORDER BY p.position`),
    allReports: db.prepare('SELECT * FROM event_reports'),
    allParticipants: db.prepare(`SELECT p.report_id, p.actor_id, p.spans, a.kind FROM report_participants p
      JOIN actors a ON a.id = p.actor_id ORDER BY p.report_id, p.position`),
    published: db.prepare('SELECT published_value, published_precision FROM documents WHERE id = ?'),
    docText: db.prepare('SELECT text FROM documents WHERE id = ?').pluck(),
    anchorSource: db.prepare('SELECT text, language, noise FROM documents WHERE id = ?'),
    reportDatesOfDoc: db.prepare('SELECT date_value, date_start, date_end FROM event_reports WHERE doc_id = ?'),
    mentionActors: db.prepare('SELECT actor_ids FROM mentions WHERE doc_id = ?').pluck(),
    actor: db.prepare('SELECT id, kind, name, aliases, place_type, within FROM actors WHERE id = ?'),
    places: db.prepare("SELECT id, place_type, within FROM actors WHERE kind = 'place'"),
    reportsOfActor: db.prepare('SELECT DISTINCT report_id FROM report_participants WHERE actor_id = ?').pluck(),
    deleteKeys: db.prepare('DELETE FROM report_keys WHERE report_id = ?'),
    insertKey: db.prepare('INSERT OR IGNORE INTO report_keys (key, report_id) VALUES (?, ?)'),
    reportsOfKey: db.prepare('SELECT report_id FROM report_keys WHERE key = ?').pluck(),
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
    deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
    insertEvent: db.prepare('INSERT INTO events (id, explanation, updated_at) VALUES (?, ?, ?)'),
    insertMember: db.prepare('INSERT INTO event_members (event_id, report_id) VALUES (?, ?)'),
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
  const stats: MergeStats = { pairsScored: 0 };
  let judgementCache: Judgement[] | null = null;
  let viewCache: ActorView | null = null;

  function toJudgement(row: JudgementRow): Judgement {
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

  function allJudgements(): Judgement[] {
    judgementCache ??= (q.judgements.all() as JudgementRow[]).map(toJudgement);
    return judgementCache;
  }

  function view(): ActorView {
    viewCache ??= buildActorView(allJudgements().filter((j) => j.active));
    return viewCache;
  }

  function invalidate(): void {
    judgementCache = null;
    viewCache = null;
    contexts.clear();
    anchors.clear();
  }

  // ------------------------------------------------------------ reports as merging sees them

  function participantsOf(reportId: string, docId: string): { actorId: string; kind: ActorKind; spans: Span[] }[] {
    const v = view();
    let text: string | undefined;
    const rows = q.participants.all(reportId) as { actor_id: string; spans: string; kind: ActorKind }[];
    const out: { actorId: string; kind: ActorKind; spans: Span[] }[] = [];
    for (const row of rows) {
      const spans = JSON.parse(row.spans) as Span[];
      const id = v.empty
        ? row.actor_id
        : v.resolve(row.actor_id, () => {
            text ??= (q.docText.get(docId) as string | undefined) ?? '';
            return spans.map((s) => text!.slice(s.start, s.end));
          });
      const known = out.find((p) => p.actorId === id);
      if (known) known.spans.push(...spans);
      else out.push({ actorId: id, kind: row.kind, spans });
    }
    return out;
  }

  function placeInfo(id: string): PlaceInfo | undefined {
    const row = q.actor.get(id) as { place_type: PlaceType | null; within: string } | undefined;
    return row ? { placeType: row.place_type, within: JSON.parse(row.within) as string[] } : undefined;
  }

  // a document's context changes only when the document is replaced, which drops the cache
  const contexts = new Map<string, string[]>();
  function contextOf(docId: string): string[] {
    let ids = contexts.get(docId);
    if (!ids) {
      const set = new Set<string>();
      for (const json of q.mentionActors.all(docId) as string[]) for (const id of JSON.parse(json) as string[]) set.add(view().canonical(id));
      ids = [...set].sort();
      if (contexts.size > 10_000) contexts.clear();
      contexts.set(docId, ids);
    }
    return ids;
  }

  // a document's time anchor, for documents without a publication day: one scan of its text
  const anchors = new Map<string, string | null>();
  function timeAnchorOf(docId: string, published: { value: string; precision: 'year' | 'month' | 'day' } | null): string | null {
    let anchor = anchors.get(docId);
    if (anchor === undefined) {
      const doc = q.anchorSource.get(docId) as { text: string; language: string; noise: string } | undefined;
      const reportDates = (q.reportDatesOfDoc.all(docId) as { date_value: string | null; date_start: number | null; date_end: number | null }[]).map(
        (r) => (r.date_value === null ? null : { value: r.date_value, span: spanOf(r.date_start, r.date_end) }),
      );
      anchor = doc
        ? (findTimeAnchor({ text: doc.text, language: doc.language, noise: JSON.parse(doc.noise) as NoiseRange[], published, reportDates })?.value ?? null)
        : null;
      if (anchors.size > 10_000) anchors.clear();
      anchors.set(docId, anchor);
    }
    return anchor;
  }

  function mergeInput(reportId: string): MergeInput | null {
    const row = q.report.get(reportId) as ReportRow | undefined;
    if (!row) return null;
    const doc = q.published.get(row.doc_id) as { published_value: string | null; published_precision: 'year' | 'month' | 'day' | null };
    const published =
      doc.published_value === null
        ? null
        : doc.published_value.slice(0, doc.published_precision === 'year' ? 4 : doc.published_precision === 'month' ? 7 : 10);
    // a report with no date of its own, in a document with no publication day: the day its text speaks from
    const anchor =
      row.date_value === null && doc.published_precision !== 'day'
        ? timeAnchorOf(row.doc_id, published && doc.published_precision ? { value: published, precision: doc.published_precision } : null)
        : null;
    const info = row.place_actor_id ? placeInfo(row.place_actor_id) : undefined;
    const place = row.place_actor_id
      ? { actorId: row.place_actor_id, within: info?.within ?? [], known: (info?.within.length ?? 0) > 0 || info?.placeType === 'country' }
      : null;
    return {
      id: row.id,
      docId: row.doc_id,
      context: contextOf(row.doc_id),
      participants: participantsOf(row.id, row.doc_id).map((p) => ({ actorId: p.actorId, kind: p.kind })),
      mode: row.mode,
      date: row.date_value,
      published,
      ...(anchor ? { anchor } : {}),
      place,
    };
  }

  function indexReports(reportIds: readonly string[]): void {
    for (const id of reportIds) {
      const input = mergeInput(id);
      q.deleteKeys.run(id);
      if (input) for (const key of blockingKeys(input)) q.insertKey.run(key, id);
    }
  }

  // a database whose keys were dropped by a migration (a new blocking scheme) gets them again
  if (q.unkeyed.get()) db.transaction(() => indexReports(q.reportIdsByTime.all() as string[])).immediate();

  // ------------------------------------------------------------ judgements -> constraints

  function anchorable(docId: string): AnchorableReport[] {
    return (q.reportsOfDoc.all(docId) as { id: string; doc_id: string; trigger_start: number; trigger_end: number; evidence: string }[]).map(
      (r) => ({
        id: r.id,
        docId: r.doc_id,
        trigger: { start: r.trigger_start, end: r.trigger_end },
        evidence: JSON.parse(r.evidence) as Span[],
      }),
    );
  }

  function resolveAnchors(anchors: readonly ReportAnchor[]): string[] {
    const ids = new Set<string>();
    for (const anchor of anchors) {
      for (const id of resolveAnchor(anchor, (r) => q.reportExists.get(r) !== undefined, anchorable)) ids.add(id);
    }
    return [...ids];
  }

  function constraints(): MergeConstraints {
    const rejected = new Set<string>();
    const same: { reports: string[]; judgementId: number }[] = [];
    const different: { report: string; others: string[]; judgementId: number }[] = [];
    for (const j of allJudgements()) {
      if (!j.active) continue;
      if (j.kind === 'report-reject') for (const id of resolveAnchors(j.anchors[0] ?? [])) rejected.add(id);
      if (j.kind === 'event-merge') same.push({ reports: resolveAnchors(j.anchors.flat()), judgementId: j.id });
      if (j.kind === 'event-split') {
        const others = resolveAnchors(j.anchors[0] ?? []);
        for (const report of resolveAnchors(j.anchors[1] ?? [])) {
          different.push({ report, others: others.filter((o) => o !== report), judgementId: j.id });
        }
      }
    }
    return { rejected, same, different };
  }

  // ------------------------------------------------------------ re-deriving events

  function rebuild(seedReportIds: Iterable<string>): number {
    const block = new Set<string>(seedReportIds);
    if (block.size === 0) return 0;
    const inputs = new Map<string, MergeInput>();
    const input = (id: string) => {
      let value = inputs.get(id);
      if (value === undefined) {
        const loaded = mergeInput(id);
        if (!loaded) return null;
        inputs.set(id, (value = loaded));
      }
      return value;
    };
    const oldEvents = new Map<string, string[]>();
    const addEvents = () => {
      for (const id of [...block]) {
        const eventId = q.eventOfReport.get(id) as string | undefined;
        if (eventId && !oldEvents.has(eventId)) {
          const members = q.membersOfEvent.all(eventId) as string[];
          oldEvents.set(eventId, members);
          for (const member of members) block.add(member);
        }
      }
    };
    const expanded = new Set<string>();
    const expand = (ids: Iterable<string>) => {
      for (const id of [...ids]) {
        if (expanded.has(id)) continue;
        expanded.add(id);
        const value = input(id);
        if (!value) continue;
        for (const key of lookupKeys(value)) for (const other of q.reportsOfKey.all(key) as string[]) block.add(other);
      }
    };
    // A report's decision depends on its candidates' events, and theirs on their candidates:
    // two hops. A report with no time at all joins an event only when it is the one event of its
    // people that fits, so wherever it is reached it needs every candidate, and so on for the
    // undated reports those bring (without this the events depended on the order of batches).
    addEvents();
    expand(block);
    addEvents();
    expand(block);
    addEvents();
    for (;;) {
      const undated = [...block].filter((id) => {
        const value = expanded.has(id) ? null : input(id);
        return value !== null && timeWindow(value) === null;
      });
      if (!undated.length) break;
      expand(undated);
      addEvents();
    }
    const c = constraints();
    // a human "same" pulls in the reports it names
    for (const s of c.same ?? []) if (s.reports.some((r) => block.has(r))) for (const r of s.reports) block.add(r);
    addEvents();
    const present = [...block].map(input).filter((x): x is MergeInput => x !== null);
    const events = mergeReports(present, c, stats);
    for (const eventId of oldEvents.keys()) q.deleteEvent.run(eventId);
    const stamp = now().toISOString();
    const kept = new Set(events.map((e) => e.id));
    for (const [eventId, members] of oldEvents) if (!kept.has(eventId)) redirects.record(eventId, members, stamp);
    for (const event of events) {
      q.insertEvent.run(event.id, JSON.stringify(event.judgements), stamp);
      for (const reportId of event.reportIds) q.insertMember.run(event.id, reportId);
    }
    return events.length;
  }

  /** Before a document's reports are replaced: drops the events they are in; returns the other reports of those events. */
  function releaseDocument(docId: string): string[] {
    contexts.delete(docId);
    anchors.delete(docId);
    const own = (q.reportsOfDoc.all(docId) as { id: string }[]).map((r) => r.id);
    const others = new Set<string>();
    for (const eventId of eventsOfReports(own)) {
      const members = q.membersOfEvent.all(eventId) as string[];
      for (const member of members) if (!own.includes(member)) others.add(member);
      redirects.record(eventId, members, now().toISOString());
      q.deleteEvent.run(eventId);
    }
    return [...others];
  }

  function eventsOfReports(reportIds: readonly string[]): string[] {
    const out = new Set<string>();
    for (const id of reportIds) {
      const eventId = q.eventOfReport.get(id) as string | undefined;
      if (eventId) out.add(eventId);
    }
    return [...out];
  }

  // ------------------------------------------------------------ reading events

  function toReport(row: ReportRow, participants: { actorId: string; spans: Span[] }[]): StoredReport {
    return {
      id: row.id,
      docId: row.doc_id,
      type: row.type,
      mode: row.mode,
      trigger: { start: row.trigger_start, end: row.trigger_end },
      evidence: JSON.parse(row.evidence) as Span[],
      participants,
      date: row.date_value === null ? null : { value: row.date_value, span: spanOf(row.date_start, row.date_end) },
      place:
        row.place_actor_id === null
          ? null
          : { actorId: view().canonical(row.place_actor_id), span: spanOf(row.place_start, row.place_end) ?? { start: 0, end: 0 } },
    };
  }

  /** Field corrections by the event they now apply to (the event holding most of their reports). */
  function correctionsByEvent(eventOf: (reportId: string) => string | undefined): Map<string, FieldCorrection[]> {
    const out = new Map<string, FieldCorrection[]>();
    for (const j of allJudgements()) {
      if (!j.active || j.kind !== 'field-correct') continue;
      const votes = new Map<string, number>();
      for (const id of resolveAnchors(j.anchors[0] ?? [])) {
        const eventId = eventOf(id);
        if (eventId) votes.set(eventId, (votes.get(eventId) ?? 0) + 1);
      }
      const target = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      if (!target) continue;
      const v = j.value ?? {};
      const list = out.get(target) ?? [];
      list.push({
        judgementId: j.id,
        ...(v.date !== undefined ? { date: v.date } : {}),
        ...(v.place !== undefined ? { place: v.place === null ? null : view().canonical(v.place) } : {}),
        ...(v.participants !== undefined ? { participants: v.participants.map((p) => view().canonical(p)) } : {}),
      });
      out.set(target, list);
    }
    return out;
  }

  const byDocThenTrigger = (a: StoredReport, b: StoredReport) =>
    a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.trigger.start - b.trigger.start;

  function assemble(
    id: string,
    explanation: string,
    reports: StoredReport[],
    corrections: readonly FieldCorrection[],
    places: (id: string) => PlaceInfo | undefined,
  ): StoredEvent {
    const judgements = JSON.parse(explanation) as MergeJudgement[];
    const sortedReports = reports.sort(byDocThenTrigger);
    const fields = deriveEventFields(sortedReports, places, corrections);
    const human = new Set<number>();
    for (const j of judgements) if (j.judgementId !== undefined) human.add(j.judgementId);
    for (const c of corrections) human.add(c.judgementId);
    return { id, reports: sortedReports, judgements, ...fields, humanJudgements: [...human].sort((a, b) => a - b) };
  }

  function getEvent(id: string): StoredEvent | null {
    const row = q.event.get(id) as { id: string; explanation: string } | undefined;
    if (!row) return null;
    const reports = (q.membersOfEvent.all(id) as string[]).map((reportId) => {
      const r = q.report.get(reportId) as ReportRow;
      return toReport(r, participantsOf(r.id, r.doc_id).map((p) => ({ actorId: p.actorId, spans: p.spans })));
    });
    const corrections = correctionsByEvent((reportId) => q.eventOfReport.get(reportId) as string | undefined).get(id) ?? [];
    return assemble(row.id, row.explanation, reports, corrections, placeInfo);
  }

  function listEvents(): StoredEvent[] {
    const v = view();
    const texts = new Map<string, string>();
    const textOf = (docId: string) => {
      let t = texts.get(docId);
      if (t === undefined) texts.set(docId, (t = (q.docText.get(docId) as string | undefined) ?? ''));
      return t;
    };
    const participants = new Map<string, { actorId: string; spans: Span[] }[]>();
    const docOfReport = new Map<string, string>();
    const rows = q.allReports.all() as ReportRow[];
    for (const r of rows) docOfReport.set(r.id, r.doc_id);
    for (const p of q.allParticipants.iterate() as Iterable<{ report_id: string; actor_id: string; spans: string }>) {
      const spans = JSON.parse(p.spans) as Span[];
      const id = v.empty ? p.actor_id : v.resolve(p.actor_id, () => spans.map((s) => textOf(docOfReport.get(p.report_id)!).slice(s.start, s.end)));
      let list = participants.get(p.report_id);
      if (!list) participants.set(p.report_id, (list = []));
      const known = list.find((x) => x.actorId === id);
      if (known) known.spans.push(...spans);
      else list.push({ actorId: id, spans });
    }
    const reports = new Map<string, StoredReport>();
    for (const row of rows) reports.set(row.id, toReport(row, participants.get(row.id) ?? []));
    const members = new Map<string, StoredReport[]>();
    const eventOf = new Map<string, string>();
    for (const m of q.allMembers.iterate() as Iterable<{ event_id: string; report_id: string }>) {
      eventOf.set(m.report_id, m.event_id);
      const report = reports.get(m.report_id);
      if (!report) continue;
      const list = members.get(m.event_id);
      if (list) list.push(report);
      else members.set(m.event_id, [report]);
    }
    const placeMap = new Map<string, PlaceInfo>();
    for (const p of q.places.iterate() as Iterable<{ id: string; place_type: PlaceType | null; within: string }>) {
      placeMap.set(p.id, { placeType: p.place_type, within: JSON.parse(p.within) as string[] });
    }
    const corrections = correctionsByEvent((id) => eventOf.get(id));
    return (q.allEvents.all() as { id: string; explanation: string }[]).map((row) =>
      assemble(row.id, row.explanation, members.get(row.id) ?? [], corrections.get(row.id) ?? [], (id) => placeMap.get(id)),
    );
  }

  // ------------------------------------------------------------ actors

  function viewActors(stored: readonly StoredActor[], requested: boolean): StoredActor[] {
    const v = view();
    if (v.empty) return [...stored];
    const out: StoredActor[] = [];
    const byId = new Map(stored.map((a) => [a.id, a]));
    for (const actor of stored) {
      for (const split of v.splits.get(actor.id) ?? []) {
        if (v.absorbed.has(split.id) && !requested) continue;
        out.push({ ...actor, id: split.id, name: split.name, fromKb: false, aliases: [...split.aliases] });
      }
      if (v.absorbed.has(actor.id) && !requested) continue;
      let aliases = [...actor.aliases];
      // the absorbed actors' names become the keeper's aliases
      for (const [absorbed, into] of v.absorbed) {
        if (into !== actor.id) continue;
        const other = byId.get(absorbed) ?? toStoredActor(absorbed);
        if (other) aliases.push(other.name, ...other.aliases);
      }
      const splitNames = new Set((v.splits.get(actor.id) ?? []).flatMap((split) => split.aliases.map(nameKey)));
      aliases = aliases.filter((a) => !splitNames.has(nameKey(a)));
      aliases.push(...(v.aliasesAdded.get(actor.id) ?? []));
      const removed = v.aliasesRemoved.get(actor.id);
      if (removed) aliases = aliases.filter((a) => !removed.has(a));
      out.push({ ...actor, aliases: [...new Set(aliases)] });
    }
    return out;
  }

  function toStoredActor(id: string): StoredActor | null {
    const row = q.actor.get(id) as
      | { id: string; kind: ActorKind; name: string; aliases: string; place_type: PlaceType | null; within: string }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      fromKb: false,
      placeType: row.place_type,
      aliases: JSON.parse(row.aliases) as string[],
      within: JSON.parse(row.within) as string[],
    };
  }

  /** An actor id as the user may give it: stored, or a split-off. */
  function actorExists(id: string): { kind: ActorKind; names: string[] } | null {
    const stored = toStoredActor(id);
    if (stored) {
      // with the names of the actors merged into it (a split may undo part of a merge)
      const viewed = viewActors([stored], true).find((a) => a.id === id) ?? stored;
      return { kind: stored.kind, names: [stored.name, ...viewed.aliases] };
    }
    for (const list of view().splits.values()) {
      const split = list.find((s) => s.id === id);
      if (split) {
        const from = toStoredActor(split.from);
        return from ? { kind: from.kind, names: split.aliases } : null;
      }
    }
    return null;
  }

  // ------------------------------------------------------------ judgements

  function reportAnchors(reportIds: readonly string[]): ReportAnchor[] {
    return reportIds.map((id) => {
      const r = q.report.get(id) as ReportRow;
      return anchorOf({ id: r.id, docId: r.doc_id, trigger: { start: r.trigger_start, end: r.trigger_end }, evidence: JSON.parse(r.evidence) });
    });
  }

  function membersOrFail(eventId: string): string[] {
    if (!q.event.get(eventId)) throw new ParleyError('not-found', `no event ${eventId} (see \`parley events\`)`);
    return q.membersOfEvent.all(eventId) as string[];
  }

  function actorOrFail(id: string): { kind: ActorKind; names: string[] } {
    const actor = actorExists(id);
    if (!actor) throw new ParleyError('not-found', `no actor ${id} (see \`parley actors\`)`);
    return actor;
  }

  /** Checks the ids, and pins event and report judgements to their reports. */
  function anchorsFor(input: NewJudgement): ReportAnchor[][] {
    const s = input.subjects;
    const v = input.value ?? {};
    switch (input.kind) {
      case 'actor-merge': {
        const [a, b] = [actorOrFail(s[0]), actorOrFail(s[1])];
        if (a.kind !== b.kind) throw new ParleyError('usage', `cannot merge ${s[1]} (${b.kind}) into ${s[0]} (${a.kind})`);
        if (view().canonical(s[0]) === view().canonical(s[1])) throw new ParleyError('usage', `${s[1]} and ${s[0]} are already one actor`);
        return [];
      }
      case 'actor-split': {
        const actor = actorOrFail(s[0]);
        const known = new Set(actor.names.map((n) => n.toLowerCase()));
        const unknown = (v.aliases ?? []).filter((n) => !known.has(n.toLowerCase()));
        if (unknown.length) throw new ParleyError('not-found', `${s[0]} was never called ${unknown.map((n) => `"${n}"`).join(', ')}`);
        return [];
      }
      case 'alias-add':
        actorOrFail(s[0]);
        return [];
      case 'alias-remove': {
        const names = new Set(actorOrFail(s[0]).names);
        const unknown = (v.aliases ?? []).filter((n) => !names.has(n));
        if (unknown.length) throw new ParleyError('not-found', `${s[0]} has no alias ${unknown.map((n) => `"${n}"`).join(', ')}`);
        return [];
      }
      case 'event-merge':
        return s.map((eventId) => reportAnchors(membersOrFail(eventId)));
      case 'event-split': {
        const members = membersOrFail(s[0]);
        if (!q.reportExists.get(s[1])) throw new ParleyError('not-found', `no report ${s[1]} (see \`parley show ${s[0]}\`)`);
        if (!members.includes(s[1])) throw new ParleyError('usage', `report ${s[1]} is not part of event ${s[0]}`);
        if (members.length < 2) throw new ParleyError('usage', `event ${s[0]} has only report ${s[1]}: nothing to split`);
        return [reportAnchors(members.filter((m) => m !== s[1])), reportAnchors([s[1]])];
      }
      case 'report-reject':
        if (!q.reportExists.get(s[0])) throw new ParleyError('not-found', `no report ${s[0]} (see \`parley show EVENT\`)`);
        return [reportAnchors([s[0]])];
      case 'field-correct': {
        const members = membersOrFail(s[0]);
        if (v.place != null) {
          const place = actorOrFail(v.place);
          if (place.kind !== 'place') throw new ParleyError('usage', `${v.place} is a ${place.kind}, not a place`);
        }
        for (const p of v.participants ?? []) {
          if (actorOrFail(p).kind === 'place') throw new ParleyError('usage', `${p} is a place, not a participant (correct the place instead)`);
        }
        return [reportAnchors(members)];
      }
    }
  }

  /** The reports a judgement's change can touch, for re-deriving. */
  function affected(j: Judgement, before: ActorView): string[] {
    if (EVENT_KINDS.has(j.kind)) {
      const ids = resolveAnchors(j.anchors.flat());
      for (const eventId of eventsOfReports(ids)) ids.push(...(q.membersOfEvent.all(eventId) as string[]));
      return ids;
    }
    // actor judgements: every report naming an actor either view touches gets new keys
    const actors = new Set([...before.touched, ...view().touched, ...j.subjects]);
    const reports = new Set<string>();
    for (const actor of actors) for (const r of q.reportsOfActor.all(actor) as string[]) reports.add(r);
    indexReports([...reports]);
    return [...reports];
  }

  /** Why merging these events looks wrong (see judgements/plausibility.ts). */
  function concernsOf(clean: NewJudgement): string[] {
    if (clean.kind !== 'event-merge') return [];
    const events = clean.subjects.map((id) => getEvent(id)).filter((e): e is StoredEvent => e !== null);
    const name = (id: string) => (q.actor.get(id) as { name: string } | undefined)?.name ?? id;
    return mergeConcerns(
      events.map((e) => ({ id: e.id, participants: e.participants.map((p) => p.actorId), date: e.date, place: e.place })),
      (place) => placeInfo(place)?.within ?? [],
      name,
    );
  }

  const addTransaction = db.transaction((input: NewJudgement): Judgement => {
    const clean = validateJudgement(input);
    const anchors = anchorsFor(clean);
    const concerns = input.confirm === true ? [] : concernsOf(clean);
    if (concerns.length) {
      throw new ParleyError(
        'usage',
        `this merge looks wrong: ${concerns.join('; ')}. Merge anyway only if you are sure: confirm it (--confirm; "confirm": true in the API)`,
      );
    }
    const before = view();
    const id = Number(
      q.insertJudgement.run(
        clean.kind,
        JSON.stringify(clean.subjects),
        clean.value ? JSON.stringify(clean.value) : null,
        JSON.stringify(anchors),
        clean.author,
        clean.reason ?? null,
        now().toISOString(),
      ).lastInsertRowid,
    );
    invalidate();
    const judgement = toJudgement(q.judgement.get(id) as JudgementRow);
    rebuild(affected(judgement, before));
    return judgement;
  });

  /** The reports a judgement starts from: its subject events' members, its reports, or its actors' reports. */
  function startingReports(clean: NewJudgement, anchors: ReportAnchor[][]): string[] {
    const ids = new Set(resolveAnchors(anchors.flat()));
    if (!EVENT_KINDS.has(clean.kind)) for (const actor of clean.subjects) for (const r of q.reportsOfActor.all(actor) as string[]) ids.add(r);
    return [...ids];
  }

  const ROLLBACK = Symbol('preview');
  const previewTransaction = db.transaction((input: NewJudgement): JudgementPreview => {
    const clean = validateJudgement(input);
    const reports = startingReports(clean, anchorsFor(clean));
    const beforeIds = eventsOfReports(reports);
    const before = beforeIds.map((id) => getEvent(id)!);
    const held = new Set(before.flatMap((e) => e.reports.map((r) => r.id)));
    const concerns = concernsOf(clean);
    addTransaction({ ...input, confirm: true });
    const afterIds = eventsOfReports([...new Set([...reports, ...held])]);
    const after = afterIds.map((id) => getEvent(id)!);
    const kept = new Set(afterIds);
    const preview: JudgementPreview = {
      judgement: clean,
      before,
      after,
      vanished: beforeIds.filter((id) => !kept.has(id)).map((id) => ({ id, to: redirects.follow(id) })),
      pulledIn: after.flatMap((e) => e.reports.map((r) => r.id)).filter((id) => !held.has(id)),
      concerns,
    };
    throw Object.assign(new Error('preview'), { [ROLLBACK]: preview });
  });

  function previewJudgement(input: NewJudgement): JudgementPreview {
    try {
      previewTransaction.immediate(input);
    } catch (error) {
      const preview = (error as { [ROLLBACK]?: JudgementPreview })[ROLLBACK];
      if (preview) return preview;
      throw error;
    } finally {
      // the rolled-back transaction filled the caches with what it wrote
      invalidate();
    }
    throw new Error('unreachable: a preview always rolls back');
  }

  // a rolled-back transaction may have filled the caches with what it wrote
  function guarded<T>(transaction: () => T): T {
    try {
      return transaction();
    } catch (error) {
      invalidate();
      throw error;
    }
  }

  const undoTransaction = db.transaction((id: number, author: string, reason?: string): Judgement => {
    const row = q.judgement.get(id) as JudgementRow | undefined;
    if (!row) throw new ParleyError('not-found', `no judgement #${id} (see \`parley judgements\`)`);
    if (row.undone_at) throw new ParleyError('usage', `judgement #${id} was already undone on ${row.undone_at} by ${row.undone_by}`);
    if (!author.trim()) throw new ParleyError('usage', 'an author is needed to undo (--by NAME, or $USER)');
    const before = view();
    q.undo.run(now().toISOString(), author.trim(), reason?.trim() || null, id);
    invalidate();
    const judgement = toJudgement(q.judgement.get(id) as JudgementRow);
    rebuild(affected(judgement, before));
    return judgement;
  });

  // a database whose events were dropped by a migration (new merge rules) gets them again, a
  // slice of reports at a time (the result does not depend on the slicing)
  if (q.eventless.get()) {
    const ids = q.reportIdsByTime.all() as string[];
    for (let k = 0; k < ids.length; k += 2000) guarded(() => db.transaction(() => rebuild(ids.slice(k, k + 2000))).immediate());
  }

  return {
    canonicalActor: (actorId: string) => view().canonical(actorId),
    indexReports,
    guarded,
    rebuild,
    mergeInputs: () => (q.allReports.all() as ReportRow[]).map((r) => mergeInput(r.id)!),
    releaseDocument,
    eventsOfReports,
    getEvent,
    eventRedirect: (id: string) => (q.event.get(id) ? null : redirects.follow(id)),
    listEvents,
    viewActors,
    addJudgement: (input) => guarded(() => addTransaction.immediate(input)),
    previewJudgement,
    listJudgements(filter = {}) {
      return allJudgements().filter(
        (j) => (filter.kind === undefined || j.kind === filter.kind) && (filter.active === undefined || j.active === filter.active),
      );
    },
    undoJudgement: (id, author, reason) => guarded(() => undoTransaction.immediate(id, author, reason)),
    stats,
  };
}

function spanOf(start: number | null, end: number | null): Span | null {
  return start === null || end === null ? null : { start, end };
}
