// Events and actors as judgements make them, on any storage: which reports form which event
// (machine merging plus analysts' judgements), what each event says, and the judgements
// themselves. Events are derived rows: a batch of new reports or a judgement re-derives only the
// events it can touch (the reports sharing blocking keys with it, two hops out, and their events).
// The rules live here; adapters answer ResolutionQueries with their own SQL.
import { ParleyError } from '../core/errors.ts';
import type { ActorKind, Judgement, NewJudgement, ReportAnchor, Span } from '../core/types.ts';
import { buildActorView, nameKey, type ActorView } from '../judgements/actor-view.ts';
import { anchorOf, resolveAnchor } from '../judgements/anchor.ts';
import { validateJudgement } from '../judgements/validate.ts';
import type { JudgementPreview, StoredActor, StoredEvent, StoredReport } from '../store/store.ts';
import { mergeConcerns } from '../judgements/plausibility.ts';
import { deriveEventFields, type FieldCorrection, type PlaceInfo } from './derive-event.ts';
import { blockingKeys, lookupKeys, mergeReports, pageDated, type MergeConstraints, type MergeInput, type MergeJudgement, type MergeStats } from './merge-reports.ts';
import type { ParticipantRecord, ReportRecord, ResolutionQueries, ResolutionStorage } from './resolution-queries.ts';
import { timeWindow } from './score-pair.ts';
import { findTimeAnchor } from './time-anchor.ts';

const EVENT_KINDS = new Set(['event-merge', 'event-split', 'report-reject', 'field-correct']);
/**
 * Documents whose context, time anchor and signature are kept between rebuilds. A kept merge
 * input is used only while its document's context is the kept one: a bound below the documents a
 * run touches empties these (and so makes every input be read again) in the middle of large runs.
 */
const KEPT_DOCUMENTS = 100_000;

/** What an adapter can run inside its own write transaction. */
export interface ResolutionWriter {
  /** Writes the blocking keys of newly stored reports (call before `rebuild`). */
  indexReports(reportIds: readonly string[]): Promise<void>;
  /** Re-derives the events that these reports belong to or can join; returns how many events it wrote. */
  rebuild(seedReportIds: Iterable<string>): Promise<number>;
  /** Drops the events of a document's reports (before re-extraction); returns the other reports they held. */
  releaseDocument(docId: string): Promise<string[]>;
}

export interface Resolution<Tx = unknown> {
  /** Runs adapter writes (on `tx`) and rule writes in one transaction; a failure drops what was remembered from inside it. */
  write<T>(work: (writer: ResolutionWriter, q: ResolutionQueries, tx: Tx) => Promise<T>): Promise<T>;
  /** Keys and events for a database whose migration dropped them (call once after opening). */
  repair(): Promise<void>;
  /** keep: false reads without keeping what it reads (an export going over every event once). */
  getEvent(id: string, options?: { keep?: boolean }): Promise<StoredEvent | null>;
  /** Several events read as one read: judgements are read once for them all, not once per event. */
  getEvents(ids: readonly string[]): Promise<(StoredEvent | null)[]>;
  listEvents(): Promise<StoredEvent[]>;
  /** Event ids the given reports belong to now. */
  eventsOfReports(reportIds: readonly string[]): Promise<string[]>;
  /** Actors as judgements make them: absorbed actors hidden (unless asked for by id), split-offs added. */
  viewActors(stored: readonly StoredActor[], requested: boolean): Promise<StoredActor[]>;
  /** The actors with these ids as judgements make them: `stored` are the stored ones among them, `all` every stored actor (split-offs exist only in the view). */
  actorsById(ids: readonly string[], stored: readonly StoredActor[], all: () => Promise<StoredActor[]>): Promise<StoredActor[]>;
  /** Where actor merges send an id (the id every read should show). */
  canonicalActor(): Promise<(actorId: string) => string>;
  addJudgement(input: NewJudgement): Promise<Judgement>;
  /** What addJudgement would do, computed in a transaction that is rolled back. */
  previewJudgement(input: NewJudgement): Promise<JudgementPreview>;
  /** The event now holding the reports of an event id that no longer exists (merged away, re-derived), or null. */
  eventRedirect(id: string): Promise<string | null>;
  listJudgements(filter?: { kind?: string; active?: boolean }): Promise<Judgement[]>;
  undoJudgement(id: number, author: string, reason?: string): Promise<Judgement>;
  /** Every stored report as merging sees it (for benchmarks and full re-merges). */
  mergeInputs(): Promise<MergeInput[]>;
  /** Candidate pairs scored since the store was opened. */
  stats: MergeStats;
}

export interface ResolutionOptions {
  now: () => Date;
  /**
   * Other processes may write judgements (a shared server database): judgements and what is
   * derived from them are read again at the start of every operation instead of kept.
   */
  shared?: boolean;
}

export function createResolution<Tx>(storage: ResolutionStorage<Tx>, options: ResolutionOptions): Resolution<Tx> {
  const { now } = options;
  const stats: MergeStats = { pairsScored: 0 };
  let judgementCache: Judgement[] | null = null;
  let viewCache: ActorView | null = null;
  // a document's context changes only when the document is replaced, which drops the cache
  const contexts = new Map<string, string[]>();
  // a document's time anchor, for documents without a publication day: one scan of its text
  const anchors = new Map<string, string | null>();
  // a document's text signature (republished copies), one array for all its reports
  const signatures = new Map<string, number[] | null>();
  // the cities and venues a document mentions: where its story can be set (merge's sharedPlace)
  const contextPlaces = new Map<string, { actorId: string; within: readonly string[] }[]>();
  // reports as merging sees them, kept from one rebuild to the next (a stored report changes only
  // when its document is replaced; its participants only with the judgements): a rebuild around a
  // story's new copies reads only the new ones. Its place is checked against the stored actor.
  const inputs = new Map<string, MergeInput>();
  // stored report rows and their participant rows as read (before judgements apply), kept from
  // one read to the next for the same reason: the browse index reads every report of each event
  // a batch touches, and a story's copies make events of hundreds of reports
  const rows = new Map<string, { row: ReportRecord; participants: ParticipantRecord[] }>();

  function invalidate(): void {
    judgementCache = null;
    viewCache = null;
    inputs.clear();
    rows.clear();
    contexts.clear();
    contextPlaces.clear();
    anchors.clear();
    signatures.clear();
  }

  /** The rules over one connection (the pool's, or one transaction's). */
  function over(q: ResolutionQueries) {
    async function allJudgements(): Promise<Judgement[]> {
      judgementCache ??= await q.judgements();
      return judgementCache;
    }

    async function view(): Promise<ActorView> {
      viewCache ??= buildActorView((await allJudgements()).filter((j) => j.active));
      return viewCache;
    }

    // ---------------------------------------------------------- reports as merging sees them

    /** A report's rows (kept; see `rows`), or null when it is not stored. */
    async function reportRows(reportId: string, keep = true): Promise<{ row: ReportRecord; participants: ParticipantRecord[] } | null> {
      const known = rows.get(reportId);
      if (known) return known;
      const row = await q.report(reportId);
      if (!row) return null;
      const entry = { row, participants: await q.participants(reportId) };
      if (!keep) return entry;
      // shared by every reader from now on: frozen, so that a reader changing one fails loudly
      if (rows.size > 100_000) rows.clear();
      rows.set(reportId, deepFreeze(entry));
      return entry;
    }

    async function participantsOf(reportId: string, docId: string): Promise<{ actorId: string; kind: ActorKind; spans: Span[] }[]> {
      return resolveParticipants((await reportRows(reportId))?.participants ?? [], docId);
    }

    /** A report's participant rows as the judgements make them (merged actors, split-offs). */
    async function resolveParticipants(rows: readonly ParticipantRecord[], docId: string): Promise<{ actorId: string; kind: ActorKind; spans: Span[] }[]> {
      const v = await view();
      // the words are needed only where a split may send a participant elsewhere
      const text = !v.empty && rows.some((r) => v.splits.has(r.actorId) || v.splits.has(v.canonical(r.actorId))) ? ((await q.docText(docId)) ?? '') : '';
      const out: { actorId: string; kind: ActorKind; spans: Span[] }[] = [];
      for (const row of rows) {
        const spans = row.spans;
        const id = v.empty ? row.actorId : v.resolve(row.actorId, () => spans.map((s) => text.slice(s.start, s.end)));
        const known = out.find((p) => p.actorId === id);
        if (known) known.spans.push(...spans);
        else out.push({ actorId: id, kind: row.kind, spans: [...spans] });
      }
      return out;
    }

    async function placeInfo(id: string): Promise<PlaceInfo | undefined> {
      const row = await q.actor(id);
      return row ? { placeType: row.placeType, within: row.within } : undefined;
    }

    /** A city or venue: a place that says where a meeting was, not only in which country or region. */
    function isLocal(info: PlaceInfo | undefined): boolean {
      return info?.placeType === 'city' || info?.placeType === 'venue';
    }

    async function contextPlacesOf(docId: string): Promise<{ actorId: string; within: readonly string[] }[]> {
      let places = contextPlaces.get(docId);
      if (!places) {
        places = [];
        for (const id of await contextOf(docId)) {
          const info = await placeInfo(id);
          if (info && isLocal(info)) places.push({ actorId: id, within: info.within });
        }
        if (contextPlaces.size > KEPT_DOCUMENTS) contextPlaces.clear();
        contextPlaces.set(docId, places);
      }
      return places;
    }

    async function contextOf(docId: string): Promise<string[]> {
      let ids = contexts.get(docId);
      if (!ids) {
        const v = await view();
        const set = new Set<string>();
        for (const list of await q.mentionActors(docId)) for (const id of list) set.add(v.canonical(id));
        ids = [...set].sort();
        if (contexts.size > KEPT_DOCUMENTS) contexts.clear();
        contexts.set(docId, ids);
      }
      return ids;
    }

    async function timeAnchorOf(docId: string, published: { value: string; precision: 'year' | 'month' | 'day' } | null): Promise<string | null> {
      let anchor = anchors.get(docId);
      if (anchor === undefined) {
        const doc = await q.anchorSource(docId);
        const reportDates = doc ? await q.reportDatesOfDoc(docId) : [];
        anchor = doc ? (findTimeAnchor({ text: doc.text, language: doc.language, noise: doc.noise, published, reportDates })?.value ?? null) : null;
        if (anchors.size > KEPT_DOCUMENTS) anchors.clear();
        anchors.set(docId, anchor);
      }
      return anchor;
    }

    async function mergeInput(reportId: string): Promise<MergeInput | null> {
      const row = (await reportRows(reportId))?.row;
      if (!row) return null;
      const doc = (await q.published(row.docId)) ?? { value: null, precision: null };
      const published = doc.value === null ? null : doc.value.slice(0, doc.precision === 'year' ? 4 : doc.precision === 'month' ? 7 : 10);
      // a report with no date of its own, in a document with no publication day: the day its text speaks from
      const anchor =
        row.dateValue === null && doc.precision !== 'day'
          ? await timeAnchorOf(row.docId, published && doc.precision ? { value: published, precision: doc.precision } : null)
          : null;
      const info = row.placeActorId ? await placeInfo(row.placeActorId) : undefined;
      let signature = signatures.get(row.docId);
      if (signature === undefined) {
        signature = await q.signature(row.docId);
        if (signatures.size > KEPT_DOCUMENTS) signatures.clear();
        signatures.set(row.docId, signature);
      }
      const place = row.placeActorId
        ? {
            actorId: row.placeActorId,
            within: info?.within ?? [],
            known: (info?.within.length ?? 0) > 0 || info?.placeType === 'country',
            local: isLocal(info),
          }
        : null;
      return {
        id: row.id,
        docId: row.docId,
        context: await contextOf(row.docId),
        contextPlaces: await contextPlacesOf(row.docId),
        participants: (await participantsOf(row.id, row.docId)).map((p) => ({ actorId: p.actorId, kind: p.kind })),
        mode: row.mode,
        date: row.dateValue,
        published,
        ...(anchor ? { anchor } : {}),
        place,
        ...(signature ? { signature } : {}),
      };
    }

    /** mergeInput, kept across rebuilds; `placeOf` answers placeInfo once a rebuild. */
    async function keptInput(reportId: string, placeOf: (id: string) => Promise<PlaceInfo | undefined>): Promise<MergeInput | null> {
      const known = inputs.get(reportId);
      // its document's context as mergeInput would read it now (the same kept lists, or read again)
      const current = known && contexts.get(known.docId) === known.context && contextPlaces.get(known.docId) === known.contextPlaces;
      if (known && current && (!known.place || samePlace(known.place, await placeOf(known.place.actorId)))) return known;
      const loaded = await mergeInput(reportId);
      if (loaded) {
        if (inputs.size > 100_000) inputs.clear();
        inputs.set(reportId, loaded);
      }
      return loaded;
    }

    async function indexReports(reportIds: readonly string[]): Promise<void> {
      for (const id of reportIds) {
        const input = await mergeInput(id);
        await q.replaceKeys(id, input ? [...new Set(blockingKeys(input))] : []);
      }
    }

    // ---------------------------------------------------------- judgements -> constraints

    async function resolveAnchors(list: readonly ReportAnchor[]): Promise<string[]> {
      const ids = new Set<string>();
      for (const anchor of list) {
        const exists = await q.reportExists(anchor.reportId);
        const ofDoc = exists ? [] : await q.reportsOfDoc(anchor.docId);
        for (const id of resolveAnchor(anchor, () => exists, () => ofDoc)) ids.add(id);
      }
      return [...ids];
    }

    async function constraints(): Promise<MergeConstraints> {
      const rejected = new Set<string>();
      const same: { reports: string[]; judgementId: number }[] = [];
      const different: { report: string; others: string[]; judgementId: number }[] = [];
      for (const j of await allJudgements()) {
        if (!j.active) continue;
        if (j.kind === 'report-reject') for (const id of await resolveAnchors(j.anchors[0] ?? [])) rejected.add(id);
        if (j.kind === 'event-merge') same.push({ reports: await resolveAnchors(j.anchors.flat()), judgementId: j.id });
        if (j.kind === 'event-split') {
          const others = await resolveAnchors(j.anchors[0] ?? []);
          for (const report of await resolveAnchors(j.anchors[1] ?? [])) {
            different.push({ report, others: others.filter((o) => o !== report), judgementId: j.id });
          }
        }
      }
      return { rejected, same, different };
    }

    // ---------------------------------------------------------- re-deriving events

    async function rebuild(seedReportIds: Iterable<string>): Promise<number> {
      const block = new Set<string>(seedReportIds);
      if (block.size === 0) return 0;
      const blockInputs = new Map<string, MergeInput>();
      const placesNow = new Map<string, Promise<PlaceInfo | undefined>>();
      const placeOf = (id: string) => {
        let info = placesNow.get(id);
        if (!info) placesNow.set(id, (info = placeInfo(id)));
        return info;
      };
      const input = async (id: string) => {
        let value = blockInputs.get(id);
        if (value === undefined) {
          const loaded = await keptInput(id, placeOf);
          if (!loaded) return null;
          blockInputs.set(id, (value = loaded));
        }
        return value;
      };
      const oldEvents = new Map<string, string[]>();
      // the events do not change until the rebuild writes: each report's is read once
      const asked = new Set<string>();
      const addEvents = async () => {
        const ids = [...block].filter((id) => !asked.has(id));
        for (const id of ids) asked.add(id);
        // the block's events and their members in one read (not two round trips a report)
        const found = new Map<string, string[]>();
        for (const { eventId, reportId } of await q.eventMembersOfReports(ids)) {
          if (oldEvents.has(eventId)) continue;
          const list = found.get(eventId);
          if (list) list.push(reportId);
          else found.set(eventId, [reportId]);
        }
        for (const [eventId, members] of found) {
          oldEvents.set(eventId, members);
          for (const member of members) {
            block.add(member);
            // a member's event is this one: no need to ask again
            asked.add(member);
          }
        }
      };
      const expanded = new Set<string>();
      // copies of one story look up the same keys: each key is read once a rebuild, and its
      // reports added to the block once (the keys do not change during a rebuild)
      const looked = new Set<string>();
      const expand = async (ids: Iterable<string>) => {
        const keys: string[] = [];
        for (const id of [...ids]) {
          if (expanded.has(id)) continue;
          expanded.add(id);
          const value = blockInputs.get(id) ?? (await input(id));
          if (!value) continue;
          for (const key of lookupKeys(value)) {
            if (looked.has(key)) continue;
            looked.add(key);
            keys.push(key);
          }
        }
        // every new key's reports in one read
        for (const other of await q.reportsOfKeys(keys)) block.add(other);
      };
      // A report's decisions read its document's other reports too: two documents that both tell
      // of another meeting corroborate their pair, and a document telling of a second meeting of
      // the same people shows them meeting repeatedly. Those reports share no key with it, so the
      // keys alone leave them out of the block and the events then depended on which document
      // came last (the merge of everything at once had them). Each document is asked once.
      const docsAsked = new Set<string>();
      const siblingsAsked = new Set<string>();
      const addSiblings = async () => {
        const docs: string[] = [];
        for (const id of [...block]) {
          if (siblingsAsked.has(id)) continue;
          siblingsAsked.add(id);
          const value = blockInputs.get(id) ?? (await input(id));
          if (!value || docsAsked.has(value.docId)) continue;
          docsAsked.add(value.docId);
          docs.push(value.docId);
        }
        for (const sibling of await q.reportIdsOfDocs(docs)) block.add(sibling);
      };
      // the block's events (every member) and documents (every report), until neither adds one
      const settle = async () => {
        for (let size = -1; size !== block.size; ) {
          size = block.size;
          await addEvents();
          await addSiblings();
        }
      };
      // A report's decision depends on its candidates' events, and theirs on their candidates:
      // two hops. A report with no time at all joins an event only when it is the one event of its
      // people that fits, so wherever it is reached it needs every candidate, and so on for the
      // undated reports those bring (without this the events depended on the order of batches).
      await settle();
      await expand(block);
      await settle();
      await expand(block);
      await settle();
      // groups of reports dated only by their pages' days join across days only as each other's
      // one meeting of those people then: a group two hops out needs its rivals as well
      const paged: string[] = [];
      for (const id of block) {
        const value = expanded.has(id) ? null : await input(id);
        if (value !== null && pageDated(value)) paged.push(id);
      }
      await expand(paged);
      await settle();
      for (;;) {
        const undated: string[] = [];
        for (const id of block) {
          const value = expanded.has(id) ? null : await input(id);
          if (value !== null && timeWindow(value) === null) undated.push(id);
        }
        if (!undated.length) break;
        await expand(undated);
        await settle();
      }
      const c = await constraints();
      // a human "same" pulls in the reports it names
      for (const s of c.same ?? []) if (s.reports.some((r) => block.has(r))) for (const r of s.reports) block.add(r);
      await settle();
      const present: MergeInput[] = [];
      for (const id of block) {
        const value = await input(id);
        if (value) present.push(value);
      }
      const events = mergeReports(present, c, stats);
      const stamp = now().toISOString();
      const derived = new Map(events.map((e) => [e.id, e]));
      // an event derived again under its id keeps its row and the members it still has (an event
      // of a story's copies gains a few a batch; its hundreds of other rows stay); the others go
      // first, so that a report moving between events is nowhere twice
      for (const [eventId, members] of oldEvents) {
        const event = derived.get(eventId);
        if (!event) {
          await q.deleteEvent(eventId);
          continue;
        }
        const still = new Set(event.reportIds);
        const gone = members.filter((m) => !still.has(m));
        if (gone.length) await q.removeMembers(eventId, gone);
      }
      // an id that vanishes keeps answering: its reports say where it went
      for (const [eventId, members] of oldEvents) if (!derived.has(eventId)) await q.recordRedirect(eventId, members, stamp);
      for (const event of events) {
        const before = oldEvents.get(event.id);
        if (!before) {
          await q.insertEvent(event.id, event.judgements, stamp, event.reportIds);
          continue;
        }
        const had = new Set(before);
        await q.updateEvent(event.id, event.judgements, stamp, event.reportIds.filter((r) => !had.has(r)));
      }
      return events.length;
    }

    async function eventsOfReports(reportIds: readonly string[]): Promise<string[]> {
      const out = new Set<string>();
      for (const id of reportIds) {
        const eventId = await q.eventOfReport(id);
        if (eventId) out.add(eventId);
      }
      return [...out];
    }

    async function releaseDocument(docId: string): Promise<string[]> {
      for (const [id, input] of inputs) if (input.docId === docId) inputs.delete(id);
      for (const [id, entry] of rows) if (entry.row.docId === docId) rows.delete(id);
      contexts.delete(docId);
      contextPlaces.delete(docId);
      anchors.delete(docId);
      signatures.delete(docId);
      const own = (await q.reportsOfDoc(docId)).map((r) => r.id);
      const others = new Set<string>();
      for (const eventId of await eventsOfReports(own)) {
        const members = await q.membersOfEvent(eventId);
        for (const member of members) if (!own.includes(member)) others.add(member);
        await q.recordRedirect(eventId, members, now().toISOString());
        await q.deleteEvent(eventId);
      }
      return [...others];
    }

    // ---------------------------------------------------------- reading events

    function toReport(row: ReportRecord, participants: { actorId: string; spans: Span[] }[], v: ActorView): StoredReport {
      return {
        id: row.id,
        docId: row.docId,
        type: row.type,
        mode: row.mode,
        trigger: row.trigger,
        evidence: row.evidence,
        participants,
        date: row.dateValue === null ? null : { value: row.dateValue, span: row.dateSpan },
        place: row.placeActorId === null ? null : { actorId: v.canonical(row.placeActorId), span: row.placeSpan ?? { start: 0, end: 0 } },
      };
    }

    /** Field corrections by the event they now apply to (the event holding most of their reports). */
    async function correctionsByEvent(eventOf: (reportId: string) => string | null | Promise<string | null>): Promise<Map<string, FieldCorrection[]>> {
      const out = new Map<string, FieldCorrection[]>();
      const v = await view();
      for (const j of await allJudgements()) {
        if (!j.active || j.kind !== 'field-correct') continue;
        const votes = new Map<string, number>();
        for (const id of await resolveAnchors(j.anchors[0] ?? [])) {
          const eventId = await eventOf(id);
          if (eventId) votes.set(eventId, (votes.get(eventId) ?? 0) + 1);
        }
        const target = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
        if (!target) continue;
        const value = j.value ?? {};
        const list = out.get(target) ?? [];
        list.push({
          judgementId: j.id,
          ...(value.date !== undefined ? { date: value.date } : {}),
          ...(value.place !== undefined ? { place: value.place === null ? null : v.canonical(value.place) } : {}),
          ...(value.participants !== undefined ? { participants: value.participants.map((p) => v.canonical(p)) } : {}),
        });
        out.set(target, list);
      }
      return out;
    }

    async function getEvent(id: string, keep = true): Promise<StoredEvent | null> {
      const row = await q.event(id);
      if (!row) return null;
      const v = await view();
      const reports: StoredReport[] = [];
      for (const reportId of await q.membersOfEvent(id)) {
        const { row: r, participants } = (await reportRows(reportId, keep))!;
        reports.push(toReport(r, (await resolveParticipants(participants, r.docId)).map((p) => ({ actorId: p.actorId, spans: p.spans })), v));
      }
      const corrections = (await correctionsByEvent((reportId) => q.eventOfReport(reportId))).get(id) ?? [];
      // deriving the place reads the places the reports name
      const places = new Map<string, PlaceInfo | undefined>();
      for (const report of reports) if (report.place && !places.has(report.place.actorId)) places.set(report.place.actorId, await placeInfo(report.place.actorId));
      return assemble(row.id, row.explanation, reports, corrections, (placeId) => places.get(placeId));
    }

    async function listEvents(): Promise<StoredEvent[]> {
      const v = await view();
      const rows = await q.allReports();
      const docOfReport = new Map(rows.map((r) => [r.id, r.docId]));
      const texts = new Map<string, string>();
      const participants = new Map<string, { actorId: string; spans: Span[] }[]>();
      for (const p of await q.allParticipants()) {
        let id = p.actorId;
        if (!v.empty) {
          let text = '';
          if (v.splits.has(p.actorId) || v.splits.has(v.canonical(p.actorId))) {
            const docId = docOfReport.get(p.reportId)!;
            text = texts.get(docId) ?? (await q.docText(docId)) ?? '';
            texts.set(docId, text);
          }
          id = v.resolve(p.actorId, () => p.spans.map((s) => text.slice(s.start, s.end)));
        }
        let list = participants.get(p.reportId);
        if (!list) participants.set(p.reportId, (list = []));
        const known = list.find((x) => x.actorId === id);
        if (known) known.spans.push(...p.spans);
        else list.push({ actorId: id, spans: [...p.spans] });
      }
      const reports = new Map<string, StoredReport>();
      for (const row of rows) reports.set(row.id, toReport(row, participants.get(row.id) ?? [], v));
      const members = new Map<string, StoredReport[]>();
      const eventOf = new Map<string, string>();
      for (const m of await q.allMembers()) {
        eventOf.set(m.reportId, m.eventId);
        const report = reports.get(m.reportId);
        if (!report) continue;
        const list = members.get(m.eventId);
        if (list) list.push(report);
        else members.set(m.eventId, [report]);
      }
      const placeMap = new Map<string, PlaceInfo>();
      for (const p of await q.places()) placeMap.set(p.id, { placeType: p.placeType, within: p.within });
      const corrections = await correctionsByEvent((id) => eventOf.get(id) ?? null);
      return (await q.allEvents()).map((row) =>
        assemble(row.id, row.explanation, members.get(row.id) ?? [], corrections.get(row.id) ?? [], (id) => placeMap.get(id)),
      );
    }

    // ---------------------------------------------------------- actors

    async function viewActors(stored: readonly StoredActor[], requested: boolean): Promise<StoredActor[]> {
      const v = await view();
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
          const other = byId.get(absorbed) ?? (await toStoredActor(absorbed));
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

    async function toStoredActor(id: string): Promise<StoredActor | null> {
      const row = await q.actor(id);
      return row ? { ...row, fromKb: false } : null;
    }

    /** An actor id as the user may give it: stored, or a split-off. */
    async function actorExists(id: string): Promise<{ kind: ActorKind; names: string[] } | null> {
      const stored = await toStoredActor(id);
      if (stored) {
        // with the names of the actors merged into it (a split may undo part of a merge)
        const viewed = (await viewActors([stored], true)).find((a) => a.id === id) ?? stored;
        return { kind: stored.kind, names: [stored.name, ...viewed.aliases] };
      }
      for (const list of (await view()).splits.values()) {
        const split = list.find((s) => s.id === id);
        if (split) {
          const from = await toStoredActor(split.from);
          return from ? { kind: from.kind, names: split.aliases } : null;
        }
      }
      return null;
    }

    // ---------------------------------------------------------- judgements

    async function reportAnchors(reportIds: readonly string[]): Promise<ReportAnchor[]> {
      const out: ReportAnchor[] = [];
      for (const id of reportIds) {
        const r = (await q.report(id))!;
        out.push(anchorOf({ id: r.id, docId: r.docId, trigger: r.trigger, evidence: r.evidence }));
      }
      return out;
    }

    async function membersOrFail(eventId: string): Promise<string[]> {
      if (!(await q.event(eventId))) throw new ParleyError('not-found', `no event ${eventId} (see \`parley events\`)`);
      return q.membersOfEvent(eventId);
    }

    async function actorOrFail(id: string): Promise<{ kind: ActorKind; names: string[] }> {
      const actor = await actorExists(id);
      if (!actor) throw new ParleyError('not-found', `no actor ${id} (see \`parley actors\`)`);
      return actor;
    }

    /** Checks the ids, and pins event and report judgements to their reports. */
    async function anchorsFor(input: NewJudgement): Promise<ReportAnchor[][]> {
      const s = input.subjects;
      const value = input.value ?? {};
      switch (input.kind) {
        case 'actor-merge': {
          const [a, b] = [await actorOrFail(s[0]), await actorOrFail(s[1])];
          if (a.kind !== b.kind) throw new ParleyError('usage', `cannot merge ${s[1]} (${b.kind}) into ${s[0]} (${a.kind})`);
          const v = await view();
          if (v.canonical(s[0]) === v.canonical(s[1])) throw new ParleyError('usage', `${s[1]} and ${s[0]} are already one actor`);
          return [];
        }
        case 'actor-split': {
          const actor = await actorOrFail(s[0]);
          const known = new Set(actor.names.map((n) => n.toLowerCase()));
          const unknown = (value.aliases ?? []).filter((n) => !known.has(n.toLowerCase()));
          if (unknown.length) throw new ParleyError('not-found', `${s[0]} was never called ${unknown.map((n) => `"${n}"`).join(', ')}`);
          return [];
        }
        case 'alias-add':
          await actorOrFail(s[0]);
          return [];
        case 'alias-remove': {
          const names = new Set((await actorOrFail(s[0])).names);
          const unknown = (value.aliases ?? []).filter((n) => !names.has(n));
          if (unknown.length) throw new ParleyError('not-found', `${s[0]} has no alias ${unknown.map((n) => `"${n}"`).join(', ')}`);
          return [];
        }
        case 'event-merge': {
          const out: ReportAnchor[][] = [];
          for (const eventId of s) out.push(await reportAnchors(await membersOrFail(eventId)));
          return out;
        }
        case 'event-split': {
          const members = await membersOrFail(s[0]);
          if (!(await q.reportExists(s[1]))) throw new ParleyError('not-found', `no report ${s[1]} (see \`parley show ${s[0]}\`)`);
          if (!members.includes(s[1])) throw new ParleyError('usage', `report ${s[1]} is not part of event ${s[0]}`);
          if (members.length < 2) throw new ParleyError('usage', `event ${s[0]} has only report ${s[1]}: nothing to split`);
          return [await reportAnchors(members.filter((m) => m !== s[1])), await reportAnchors([s[1]])];
        }
        case 'report-reject':
          if (!(await q.reportExists(s[0]))) throw new ParleyError('not-found', `no report ${s[0]} (see \`parley show EVENT\`)`);
          return [await reportAnchors([s[0]])];
        case 'field-correct': {
          const members = await membersOrFail(s[0]);
          if (value.place != null) {
            const place = await actorOrFail(value.place);
            if (place.kind !== 'place') throw new ParleyError('usage', `${value.place} is a ${place.kind}, not a place`);
          }
          for (const p of value.participants ?? []) {
            if ((await actorOrFail(p)).kind === 'place') throw new ParleyError('usage', `${p} is a place, not a participant (correct the place instead)`);
          }
          return [await reportAnchors(members)];
        }
      }
    }

    /** The reports a judgement's change can touch, for re-deriving. */
    async function affected(j: Judgement, before: ActorView): Promise<string[]> {
      if (EVENT_KINDS.has(j.kind)) {
        const ids = await resolveAnchors(j.anchors.flat());
        for (const eventId of await eventsOfReports(ids)) ids.push(...(await q.membersOfEvent(eventId)));
        return ids;
      }
      // actor judgements: every report naming an actor either view touches gets new keys
      const actors = new Set([...before.touched, ...(await view()).touched, ...j.subjects]);
      const reports = new Set<string>();
      for (const actor of actors) for (const r of await q.reportsOfActor(actor)) reports.add(r);
      await indexReports([...reports]);
      return [...reports];
    }

    /** Why merging these events looks wrong (see judgements/plausibility.ts). */
    async function concernsOf(clean: NewJudgement): Promise<string[]> {
      if (clean.kind !== 'event-merge') return [];
      const events: StoredEvent[] = [];
      for (const id of clean.subjects) {
        const e = await getEvent(id);
        if (e) events.push(e);
      }
      const within = new Map<string, string[]>();
      const names = new Map<string, string>();
      for (const e of events) {
        for (const p of e.participants) names.set(p.actorId, (await q.actor(p.actorId))?.name ?? p.actorId);
        if (e.place) {
          within.set(e.place, [...((await placeInfo(e.place))?.within ?? [])]);
          names.set(e.place, (await q.actor(e.place))?.name ?? e.place);
        }
      }
      return mergeConcerns(
        events.map((e) => ({ id: e.id, participants: e.participants.map((p) => p.actorId), date: e.date, place: e.place })),
        (place) => within.get(place) ?? [],
        (id) => names.get(id) ?? id,
      );
    }

    /** The reports a judgement starts from: its subject events' members, its reports, or its actors' reports. */
    async function startingReports(clean: NewJudgement, anchorList: ReportAnchor[][]): Promise<string[]> {
      const ids = new Set(await resolveAnchors(anchorList.flat()));
      if (!EVENT_KINDS.has(clean.kind)) for (const actor of clean.subjects) for (const r of await q.reportsOfActor(actor)) ids.add(r);
      return [...ids];
    }

    /** Applies the judgement (the caller's transaction is then rolled back) and says what changed. */
    async function previewJudgement(input: NewJudgement): Promise<JudgementPreview> {
      const clean = validateJudgement(input);
      const reports = await startingReports(clean, await anchorsFor(clean));
      const beforeIds = await eventsOfReports(reports);
      const before: StoredEvent[] = [];
      for (const id of beforeIds) before.push((await getEvent(id))!);
      const held = new Set(before.flatMap((e) => e.reports.map((r) => r.id)));
      const concerns = await concernsOf(clean);
      await addJudgement({ ...input, confirm: true });
      const afterIds = await eventsOfReports([...new Set([...reports, ...held])]);
      const after: StoredEvent[] = [];
      for (const id of afterIds) after.push((await getEvent(id))!);
      const kept = new Set(afterIds);
      const vanished: { id: string; to: string | null }[] = [];
      for (const id of beforeIds) if (!kept.has(id)) vanished.push({ id, to: await q.followRedirect(id) });
      return {
        judgement: clean,
        before,
        after,
        vanished,
        pulledIn: after.flatMap((e) => e.reports.map((r) => r.id)).filter((id) => !held.has(id)),
        concerns,
      };
    }

    async function addJudgement(input: NewJudgement): Promise<Judgement> {
      const clean = validateJudgement(input);
      const anchorList = await anchorsFor(clean);
      const concerns = input.confirm === true ? [] : await concernsOf(clean);
      if (concerns.length) {
        throw new ParleyError(
          'usage',
          `this merge looks wrong: ${concerns.join('; ')}. Merge anyway only if you are sure: confirm it (--confirm; "confirm": true in the API)`,
        );
      }
      const before = await view();
      const id = await q.insertJudgement({
        kind: clean.kind,
        subjects: clean.subjects,
        value: clean.value ?? null,
        anchors: anchorList,
        author: clean.author,
        reason: clean.reason ?? null,
        createdAt: now().toISOString(),
      });
      invalidate();
      const judgement = (await q.judgement(id))!;
      await rebuild(await affected(judgement, before));
      return judgement;
    }

    async function undoJudgement(id: number, author: string, reason?: string): Promise<Judgement> {
      const found = await q.judgement(id);
      if (!found) throw new ParleyError('not-found', `no judgement #${id} (see \`parley judgements\`)`);
      if (found.undone) throw new ParleyError('usage', `judgement #${id} was already undone on ${found.undone.at} by ${found.undone.by}`);
      if (!author.trim()) throw new ParleyError('usage', 'an author is needed to undo (--by NAME, or $USER)');
      const before = await view();
      await q.undo(id, now().toISOString(), author.trim(), reason?.trim() || null);
      invalidate();
      const judgement = (await q.judgement(id))!;
      await rebuild(await affected(judgement, before));
      return judgement;
    }

    return {
      view,
      allJudgements,
      mergeInput,
      indexReports,
      rebuild,
      releaseDocument,
      eventsOfReports,
      getEvent,
      listEvents,
      viewActors,
      addJudgement,
      previewJudgement,
      undoJudgement,
    };
  }

  const reader = over(storage.read);
  /** Another process may have judged since: start each operation from what is stored. */
  const fresh = () => {
    if (options.shared) {
      judgementCache = null;
      viewCache = null;
      // another process may have replaced a document since
      inputs.clear();
      rows.clear();
    }
  };

  async function write<T>(work: (writer: ResolutionWriter, q: ResolutionQueries, tx: Tx) => Promise<T>): Promise<T> {
    fresh();
    try {
      return await storage.write((q, tx) => work(over(q), q, tx));
    } catch (error) {
      // a rolled-back transaction may have filled the caches with what it wrote
      invalidate();
      throw error;
    }
  }

  return {
    write,
    async repair() {
      // a database whose keys were dropped by a migration (a new blocking scheme) gets them again
      if (await storage.read.unkeyed()) await write(async (w, q) => w.indexReports(await q.reportIdsByTime()));
      // a database whose events were dropped by a migration (new merge rules) gets them again, a
      // slice of reports at a time (the result does not depend on the slicing)
      if (await storage.read.eventless()) {
        const ids = await storage.read.reportIdsByTime();
        for (let k = 0; k < ids.length; k += 2000) await write((w) => w.rebuild(ids.slice(k, k + 2000)));
      }
    },
    getEvent: (id, options) => (fresh(), reader.getEvent(id, options?.keep ?? true)),
    async getEvents(ids) {
      fresh();
      const events: (StoredEvent | null)[] = [];
      for (const id of ids) events.push(await reader.getEvent(id));
      return events;
    },
    listEvents: () => (fresh(), reader.listEvents()),
    eventsOfReports: (ids) => reader.eventsOfReports(ids),
    viewActors: (stored, requested) => (fresh(), reader.viewActors(stored, requested)),
    async actorsById(ids, stored, all) {
      fresh();
      const viewed = await reader.viewActors(stored, true);
      const missing = [...new Set(ids)].filter((id) => !viewed.some((a) => a.id === id));
      if (missing.length === 0) return viewed.filter((a) => ids.includes(a.id));
      const everyone = await reader.viewActors(await all(), false);
      return [...viewed, ...everyone.filter((a) => missing.includes(a.id))].filter((a) => ids.includes(a.id));
    },
    async canonicalActor() {
      fresh();
      const v = await reader.view();
      return (actorId: string) => v.canonical(actorId);
    },
    addJudgement: (input) => write((_, q) => over(q).addJudgement(input)),
    async previewJudgement(input) {
      // applied in a transaction that is always rolled back: the sentinel carries the preview out
      const ROLLBACK = Symbol('preview');
      try {
        await write(async (_, q) => {
          throw Object.assign(new Error('preview'), { [ROLLBACK]: await over(q).previewJudgement(input) });
        });
      } catch (error) {
        const preview = (error as { [ROLLBACK]?: JudgementPreview })[ROLLBACK];
        if (preview) return preview;
        throw error;
      } finally {
        // the rolled-back transaction filled the caches with what it wrote
        invalidate();
      }
      throw new Error('unreachable: a preview always rolls back');
    },
    async eventRedirect(id) {
      if (await storage.read.event(id)) return null;
      return storage.read.followRedirect(id);
    },
    undoJudgement: (id, author, reason) => write((_, q) => over(q).undoJudgement(id, author, reason)),
    async listJudgements(filter = {}) {
      fresh();
      return (await reader.allJudgements()).filter(
        (j) => (filter.kind === undefined || j.kind === filter.kind) && (filter.active === undefined || j.active === filter.active),
      );
    },
    async mergeInputs() {
      const out: MergeInput[] = [];
      for (const r of await storage.read.allReports()) out.push((await reader.mergeInput(r.id))!);
      return out;
    },
    stats,
  };
}

/** A kept report's place still says what the stored actor says (a later document may have told more of it). */
function samePlace(place: NonNullable<MergeInput['place']>, info: PlaceInfo | undefined): boolean {
  const within = info?.within ?? [];
  return (
    place.within.length === within.length &&
    place.within.every((id, k) => id === within[k]) &&
    place.known === (within.length > 0 || info?.placeType === 'country') &&
    place.local === (info?.placeType === 'city' || info?.placeType === 'venue')
  );
}

const byDocThenTrigger = (a: StoredReport, b: StoredReport) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.trigger.start - b.trigger.start);

function assemble(
  id: string,
  judgements: MergeJudgement[],
  reports: StoredReport[],
  corrections: readonly FieldCorrection[],
  places: (id: string) => PlaceInfo | undefined,
): StoredEvent {
  const sortedReports = reports.sort(byDocThenTrigger);
  const fields = deriveEventFields(sortedReports, places, corrections);
  const human = new Set<number>();
  for (const j of judgements) if (j.judgementId !== undefined) human.add(j.judgementId);
  for (const c of corrections) human.add(c.judgementId);
  return { id, reports: sortedReports, judgements, ...fields, humanJudgements: [...human].sort((a, b) => a - b) };
}

/** The value, frozen with everything it holds (plain objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
