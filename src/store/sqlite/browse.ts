// Read queries for the API and web app: server-side filtering, paging, sorting, full-text search
// over evidence, timelines and the co-meeting network. Events are browsed through a summary table
// (migration 0004) that caches what Store.getEvent derives; `sync` brings it up to date with the
// events table (new or rebuilt events), `refresh` recomputes named events (after a judgement).
// Only writers call them (store/browse-maintenance.ts): the read queries never write.
import type Database from 'better-sqlite3';
import type { ActorKind, DocumentMeta, EventMode, Span } from '../../core/types.ts';
import type { StoredEvent } from '../store.ts';
import {
  keysetConditions,
  likePattern,
  membershipSql,
  membershipsOf,
  membershipsOnly,
  orderStatuses,
  titleOf,
  type ActorRow,
  type Browse,
  type BrowseSource,
  type DocumentReportRow,
  type EventFilter,
  type EventRow,
  type MentionRow,
  type NamedRef,
  type NetworkEdge,
} from '../browse.ts';
import { parseMeta } from './parse-meta.ts';
import { outletOf, summarizeForBrowse, summaryParticipants, summaryPlace, type SummaryExtras } from '../browse-summary.ts';
import { outletOfDocument } from './descriptors.ts';
import { readEventSources, type EventSourcesReader } from '../../sources/event-sources.ts';
import type { EventStatusKind } from '../../sources/status.ts';
import { createSourcesTable, type SourcesTable } from './sources.ts';
import { countriesOfPlaces, staleBySources } from '../browse-state.ts';

/** Above this many matching events a page is found by walking the sort index (see `where`). */
const SCAN_ABOVE = 2000;


/** Words of a search box as an FTS5 query: each a quoted term (no operators get through), all required. */
export function ftsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.slice(0, 16).map((w) => `"${w}"`).join(' ');
}

export function createBrowse(
  db: Database.Database,
  source: BrowseSource,
  /** Runs one operation of the store at a time (the store's own queue). */
  exclusive: <T>(work: () => T | Promise<T>) => Promise<T> = async (work) => work(),
): Browse {
  const q = {
    // every event a write left stale: noted by the triggers of migration 0014 (browse_dirty)
    dirtyUpTo: db.prepare('SELECT MAX(seq) FROM browse_dirty').pluck(),
    dirty: db.prepare(`SELECT DISTINCT d.event_id FROM browse_dirty d JOIN events e ON e.id = d.event_id
      WHERE d.seq <= ?`).pluck(),
    clearDirty: db.prepare('DELETE FROM browse_dirty WHERE seq <= ?'),
    // the full comparison, for `parley reindex`
    stale: db.prepare(`SELECT e.id FROM events e LEFT JOIN browse_events b ON b.event_id = e.id
      WHERE b.event_id IS NULL OR b.stamp <> e.updated_at`).pluck(),
    stamp: db.prepare('SELECT updated_at FROM events WHERE id = ?').pluck(),
    docInfo: db.prepare('SELECT meta, language FROM documents WHERE id = ?'),
    docText: db.prepare('SELECT text FROM documents WHERE id = ?').pluck(),
    someDocs: db.prepare('SELECT id, path, meta, published_value FROM documents WHERE id IN (SELECT value FROM json_each(?))'),
    denials: db.prepare('SELECT id, participants FROM denial_claims'),
    judgementStates: db.prepare('SELECT id, undone_at AS undone FROM source_judgements'),
    state: db.prepare('SELECT value FROM browse_state WHERE key = ?').pluck(),
    setState: db.prepare('INSERT INTO browse_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    staleAll: db.prepare('INSERT INTO browse_dirty (event_id) SELECT id FROM events'),
    staleOfActors: db.prepare(`INSERT INTO browse_dirty (event_id)
      SELECT DISTINCT event_id FROM browse_event_actors WHERE actor_id IN (SELECT value FROM json_each(?))`),
    insertSource: db.prepare('INSERT OR IGNORE INTO browse_event_sources (event_id, source, name) VALUES (?, ?, ?)'),
    insertLanguage: db.prepare('INSERT OR IGNORE INTO browse_event_languages (event_id, language) VALUES (?, ?)'),
    deleteSummary: db.prepare('DELETE FROM browse_events WHERE event_id = ?'),
    insertSummary: db.prepare(`INSERT INTO browse_events (event_id, stamp, date, mode, place_id, participants,
      reports, documents, outlets, conflicts, snippet, status, independent_sources, country_id, sources, languages)
      VALUES (@event_id, @stamp, @date, @mode, @place_id, @participants, @reports, @documents, @outlets, @conflicts,
      @snippet, @status, @independent_sources, @country_id, @sources, @languages)`),
    insertActor: db.prepare('INSERT OR IGNORE INTO browse_event_actors (event_id, actor_id) VALUES (?, ?)'),
    insertOutlet: db.prepare('INSERT OR IGNORE INTO browse_event_outlets (event_id, outlet) VALUES (?, ?)'),
    actorNames: db.prepare('SELECT id, name, kind FROM actors WHERE id IN (SELECT value FROM json_each(?))'),
    docReports: db.prepare(`SELECT r.id, m.event_id, r.mode, r.trigger_start, r.trigger_end, r.evidence, r.date_value,
      r.place_actor_id FROM event_reports r LEFT JOIN event_members m ON m.report_id = r.id
      WHERE r.doc_id = ? ORDER BY r.trigger_start`),
    docMentions: db.prepare('SELECT start, "end", kind, via, actor_ids FROM mentions WHERE doc_id = ? ORDER BY start, "end"'),
    outlets: db.prepare(`SELECT outlet, COUNT(*) AS events FROM browse_event_outlets GROUP BY outlet
      ORDER BY events DESC, outlet LIMIT 500`),
    eventsOfActor: db.prepare('SELECT event_id FROM browse_event_actors WHERE actor_id = ?').pluck(),
    eventOfReport: db.prepare('SELECT event_id FROM event_members WHERE report_id = ?').pluck(),
    eventExists: db.prepare('SELECT 1 FROM events WHERE id = ?').pluck(),
    summary: db.prepare('SELECT * FROM browse_events WHERE event_id = ?'),
  };

  function index(event: StoredEvent, stamp: string, names: Map<string, string>, extras: SummaryExtras): void {
    // each document once an event (an event of a story's copies has hundreds of reports), and its
    // text only if the snippet is taken from it (once an event)
    const infos = new Map<string, { meta: DocumentMeta; readonly text: string; language: string } | undefined>();
    const row = summarizeForBrowse(event, names, (docId) => {
      if (infos.has(docId)) return infos.get(docId);
      const doc = q.docInfo.get(docId) as { meta: string; language: string } | undefined;
      const info = doc ? { meta: parseMeta(doc.meta), language: doc.language, get text() { return (q.docText.get(docId) as string | undefined) ?? ''; } } : undefined;
      infos.set(docId, info);
      return info;
    }, extras);
    // an event dropped since it was read (another connection rebuilt it) has nothing to index
    if (!q.eventExists.get(event.id)) return;
    q.deleteSummary.run(event.id);
    q.insertSummary.run({
      event_id: event.id,
      stamp,
      date: row.date,
      mode: row.mode,
      place_id: row.placeId,
      participants: JSON.stringify(row.participants),
      reports: row.reports,
      documents: row.documents,
      outlets: JSON.stringify(row.outlets),
      conflicts: row.conflicts,
      snippet: row.snippet,
      status: row.status,
      independent_sources: row.independentSources,
      country_id: row.countryId,
      sources: JSON.stringify(row.sources),
      languages: JSON.stringify(row.languages),
    });
    for (const p of row.participants) q.insertActor.run(event.id, p.id);
    for (const outlet of row.outlets) q.insertOutlet.run(event.id, outlet);
    for (const source of row.sources) q.insertSource.run(event.id, source.id, source.name);
    for (const language of row.languages) q.insertLanguage.run(event.id, language);
  }

  const sourcesTable = createSourcesTable(db);
  /** Denials and source judgements: read once per sync (they apply to every event). */
  type SourcesState = { denials: Awaited<ReturnType<SourcesTable['denials']>>; judgements: Awaited<ReturnType<SourcesTable['judgements']>> };
  const sourcesState = async (): Promise<SourcesState> => ({ denials: await sourcesTable.denials(), judgements: await sourcesTable.judgements() });
  /**
   * Who says so for a batch of events: over the documents of their reports and of the denials
   * only (a sync read every document of the record, a JSON parse each, for one new event).
   */
  async function sourcesReader(events: readonly StoredEvent[], state: SourcesState): Promise<EventSourcesReader> {
    const ids = new Set([...events.flatMap((e) => e.reports.map((r) => r.docId)), ...state.denials.map((d) => d.docId)]);
    const docs = new Map(
      (q.someDocs.all(JSON.stringify([...ids])) as { id: string; path: string | null; meta: string; published_value: string | null }[]).map((d) => {
        const meta = parseMeta(d.meta);
        return [d.id, { outlet: outletOfDocument(d.path, meta), published: d.published_value ?? (typeof meta.published === 'string' ? meta.published : null) }];
      }),
    );
    return readEventSources(
      { ...sourcesTable, denials: async () => state.denials, judgements: async (activeOnly) => state.judgements.filter((j) => !activeOnly || !j.undone) },
      docs,
    );
  }


  // events are read first, then their summaries written in one transaction; an event rebuilt in
  // between has a new stamp, so the next sync indexes it again
  type Loaded = { id: string; stamp: string | undefined; event: StoredEvent | null; names: Map<string, string>; extras: SummaryExtras };
  const writeSummaries = db.transaction((loaded: Loaded[]) => {
    for (const { id, stamp, event, names, extras } of loaded) {
      if (!event || stamp === undefined) q.deleteSummary.run(id);
      else index(event, stamp, names, extras);
    }
  });

  async function indexEvents(ids: readonly string[], shared?: SourcesState): Promise<void> {
    const state = shared ?? (await sourcesState());
    const stamps = ids.map((id) => ({ id, stamp: q.stamp.get(id) as string | undefined }));
    const events = new Map<string, StoredEvent>();
    for (const event of await source.getEvents(stamps.flatMap((s) => (s.stamp === undefined ? [] : [s.id])))) if (event) events.set(event.id, event);
    const read = stamps.map(({ id, stamp }) => ({ id, stamp, event: events.get(id) ?? null }));
    const said = await sourcesReader(read.flatMap((r) => (r.event ? [r.event] : [])), state);
    const loaded: Loaded[] = [];
    for (const { id, stamp, event } of read) {
      const participants = event ? summaryParticipants(event) : [];
      const names = new Map((participants.length ? await source.getActors(participants) : []).map((a) => [a.id, a.name]));
      loaded.push({ id, stamp, event, names, extras: event ? { said: await said.of(event) } : {} });
    }
    const places = await countriesOfPlaces(
      loaded.flatMap((l) => (l.event ? [summaryPlace(l.event)] : [])).filter((p): p is string => p !== null),
      (ids) => source.getActors(ids),
    );
    for (const l of loaded) {
      const placeId = l.event ? summaryPlace(l.event) : null;
      l.extras.countryId = placeId ? (places.get(placeId) ?? null) : null;
    }
    writeSummaries.immediate(loaded);
  }

  async function sync(options: { full?: boolean } = {}): Promise<number> {
    // statuses depend on denials and source judgements kept outside the events: when those
    // changed, every summary is recomputed
    const sources = staleBySources(
      q.state.get('sources') as string | undefined,
      q.denials.all() as { id: string; participants: string }[],
      q.judgementStates.all() as { id: number; undone: string | null }[],
    );
    if (sources.all) q.staleAll.run();
    else if (sources.actors.length) q.staleOfActors.run(JSON.stringify(sources.actors));
    const upTo = (q.dirtyUpTo.get() as number | null) ?? 0;
    const noted = q.dirty.all(upTo) as string[];
    const ids = options.full ? [...new Set([...noted, ...(q.stale.all() as string[])])] : noted;
    const shared = ids.length ? await sourcesState() : undefined;
    for (let i = 0; i < ids.length; i += 500) await indexEvents(ids.slice(i, i + 500), shared);
    // notes up to the one read first: a later note (a write since) waits for the next sync
    q.clearDirty.run(upTo);
    q.setState.run('sources', sources.state);
    return ids.length;
  }


  /**
   * The WHERE clause of a filter. `scan` writes the tests as `+column ...`, which keeps SQLite
   * from looking the (many) matching rows up one by one and sorting them: it walks the covering
   * sort index instead and stops after a page, the faster plan when many events match.
   */
  function where(filter: EventFilter, scan = false): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const id = scan ? '+b.event_id' : 'b.event_id';
    // actors, outlet, source and language as one query over the facet tables (see membershipSql)
    const memberships = membershipsOf(filter);
    if (memberships.length) clauses.push(`${id} IN (${membershipSql(memberships, (value) => (params.push(value), '?'))})`);
    if (filter.from) {
      clauses.push('b.date >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      clauses.push('b.date <= ?');
      params.push(`${filter.to}\uffff`);
    }
    if (filter.place) {
      // the place and every place within it (the Kremlin is in Moscow, Moscow in Russia)
      clauses.push(`${scan ? '+b.place_id' : 'b.place_id'} IN (SELECT id FROM actors WHERE id = ? OR (kind = 'place' AND within LIKE ? ESCAPE '\\'))`);
      params.push(filter.place, `%${JSON.stringify(filter.place).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filter.mode) {
      clauses.push(scan ? '+b.mode = ?' : 'b.mode = ?');
      params.push(filter.mode);
    }
    if (filter.country) {
      clauses.push(scan ? '+b.country_id = ?' : 'b.country_id = ?');
      params.push(filter.country);
    }
    if (filter.status) {
      clauses.push(scan ? '+b.status = ?' : 'b.status = ?');
      params.push(filter.status);
    }
    if (filter.q !== undefined) {
      const match = ftsQuery(filter.q);
      if (match === null) clauses.push('0');
      else {
        clauses.push(`${id} IN (SELECT m.event_id FROM report_text t JOIN event_members m ON m.report_id = t.report_id
          WHERE report_text MATCH ?)`);
        params.push(match);
      }
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };

  function names(ids: readonly string[]): Map<string, { name: string; kind: string }> {
    const rows = q.actorNames.all(JSON.stringify([...new Set(ids)])) as { id: string; name: string; kind: string }[];
    return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
  }

  function snapshot<T>(read: () => T): T {
    return db.inTransaction ? read() : db.transaction(read).deferred();
  }

  function listEventsNow(filter: Parameters<Browse['listEvents']>[0], sort: Parameters<Browse['listEvents']>[1], order: Parameters<Browse['listEvents']>[2], page: Parameters<Browse['listEvents']>[3]): Awaited<ReturnType<Browse['listEvents']>> {
    const memberships = membershipsOnly(filter);
    const counted = memberships ? { params: [] as unknown[], sql: '' } : where(filter);
    if (memberships) counted.sql = membershipSql(memberships, (value) => (counted.params.push(value), '?'), 'COUNT(*) AS n');
    else counted.sql = `SELECT COUNT(*) FROM browse_events b ${counted.sql}`;
    const total = prepared(counted.sql).pluck().get(...counted.params) as number;
    const scan = total > SCAN_ABOVE;
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    const orderBy = sort === 'reports' ? `b.reports ${dir}, b.date ${dir}, b.event_id ${dir}` : `b.date ${dir}, b.event_id ${dir}`;
    // the page's ids from the covering index first, then only those rows
    let ids: string[];
    if (!page.after) {
      const { sql, params } = where(filter, scan);
      ids = prepared(`SELECT b.event_id FROM browse_events b ${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).pluck().all(...params, page.limit, page.offset) as string[];
    } else {
      // a cursor: the rows after its key, each range of the sort index walked for a page
      // (undated events apart), the union ordered again
      const params: unknown[] = [];
      const branches = keysetConditions(sort, order, page.after, 'b.event_id').map((condition) => {
        const filtered = where(filter, scan);
        params.push(...filtered.params, ...condition.values, page.limit);
        return `SELECT * FROM (SELECT b.event_id, b.reports, b.date FROM browse_events b ${filtered.sql ? `${filtered.sql} AND` : 'WHERE'} (${condition.sql}) ORDER BY ${orderBy} LIMIT ?)`;
      });
      ids = prepared(
        branches.length === 1 ? branches[0] : `SELECT b.event_id FROM (${branches.join(' UNION ALL ')}) b ORDER BY ${orderBy} LIMIT ?`,
      ).pluck().all(...params, ...(branches.length === 1 ? [] : [page.limit])) as string[];
    }
    const rows = ids.map((id) => q.summary.get(id)) as {
      event_id: string;
      date: string | null;
      mode: string;
      place_id: string | null;
      participants: string;
      reports: number;
      documents: number;
      outlets: string;
      conflicts: number;
      snippet: string;
      status: EventStatusKind | null;
      independent_sources: number | null;
      sources: string;
      languages: string;
    }[];
    const sources = rows.map((r) => JSON.parse(r.sources) as NamedRef[]);
    const places = names([...rows.map((r) => r.place_id).filter((id): id is string => id !== null), ...sources.flat().map((s) => s.id)]);
    return {
      items: rows.map((r, i) => ({
        id: r.event_id,
        date: r.date,
        mode: r.mode,
        place: r.place_id ? { id: r.place_id, name: places.get(r.place_id)?.name ?? r.place_id } : null,
        participants: JSON.parse(r.participants) as NamedRef[],
        reports: r.reports,
        documents: r.documents,
        outlets: JSON.parse(r.outlets) as string[],
        conflicts: r.conflicts,
        snippet: r.snippet,
        status: r.status,
        independentSources: r.independent_sources,
        sources: sources[i].map((s) => ({ id: s.id, name: places.get(s.id)?.name ?? s.name })),
        languages: JSON.parse(r.languages) as string[],
      })),
      total,
      limit: page.limit,
      offset: page.offset,
    };
  }

  const browse: Browse = {
    sync: (options) => sync(options),
    async refresh(eventIds) {
      await indexEvents([...new Set(eventIds)]);
    },
    async listEvents(filter, sort, order, page) {
      // one read transaction: the count, the page's ids and their rows from one snapshot, so a
      // writer committing between them (an event merged away) cannot leave an id without its row
      return snapshot(() => listEventsNow(filter, sort, order, page));
    },
    async timeline(filter) {
      const { sql, params } = where(filter);
      const dated = sql ? `${sql} AND b.date IS NOT NULL` : 'WHERE b.date IS NOT NULL';
      return prepared(`SELECT substr(b.date, 1, 7) AS month, COUNT(*) AS events FROM browse_events b ${dated}
        GROUP BY month ORDER BY month`).all(...params) as { month: string; events: number }[];
    },
    async network(filter, maxEdges) {
      const { sql, params } = where(filter);
      const edges = prepared(`WITH f AS (SELECT b.event_id FROM browse_events b ${sql})
        SELECT a.actor_id AS source, c.actor_id AS target, COUNT(*) AS weight
        FROM f JOIN browse_event_actors a ON a.event_id = f.event_id
        JOIN browse_event_actors c ON c.event_id = f.event_id AND a.actor_id < c.actor_id
        GROUP BY a.actor_id, c.actor_id ORDER BY weight DESC, source, target LIMIT ?`).all(...params, maxEdges + 1) as NetworkEdge[];
      const truncated = edges.length > maxEdges;
      if (truncated) edges.pop();
      const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
      const counts = new Map<string, number>();
      const perActor = prepared(`WITH f AS (SELECT b.event_id FROM browse_events b ${sql})
        SELECT a.actor_id AS id, COUNT(*) AS events FROM f JOIN browse_event_actors a ON a.event_id = f.event_id
        WHERE a.actor_id IN (SELECT value FROM json_each(?)) GROUP BY a.actor_id`).all(...params, JSON.stringify(ids)) as {
        id: string;
        events: number;
      }[];
      for (const row of perActor) counts.set(row.id, row.events);
      const known = names(ids);
      return {
        nodes: ids.map((id) => ({ id, name: known.get(id)?.name ?? id, kind: known.get(id)?.kind ?? 'person', events: counts.get(id) ?? 0 })),
        edges,
        truncated,
      };
    },
    async searchActors(query, kind, page) {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (query) {
        clauses.push("(a.name LIKE ? ESCAPE '\\' OR a.aliases LIKE ? ESCAPE '\\' OR a.id = ?)");
        params.push(likePattern(query), likePattern(query), query);
      }
      if (kind) {
        clauses.push('a.kind = ?');
        params.push(kind);
      }
      const sql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const rows = prepared(`SELECT a.id, a.kind, a.name, a.aliases, a.from_kb,
        (SELECT COUNT(*) FROM browse_event_actors x WHERE x.actor_id = a.id) AS events
        FROM actors a ${sql} ORDER BY events DESC, a.name, a.id LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as {
        id: string;
        kind: ActorKind;
        name: string;
        aliases: string;
        from_kb: number;
        events: number;
      }[];
      const total = prepared(`SELECT COUNT(*) FROM actors a ${sql}`).pluck().get(...params) as number;
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          name: r.name,
          aliases: JSON.parse(r.aliases) as string[],
          fromKb: r.from_kb === 1,
          events: r.events,
        })),
        total,
        limit: page.limit,
        offset: page.offset,
      };
    },
    async listDocuments(query, outlet, page) {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (query) {
        clauses.push("(d.id LIKE ? ESCAPE '\\' OR json_extract(d.meta, '$.title') LIKE ? ESCAPE '\\' OR d.path LIKE ? ESCAPE '\\')");
        params.push(likePattern(query), likePattern(query), likePattern(query));
      }
      if (outlet) {
        clauses.push("json_extract(d.meta, '$.outlet') = ?");
        params.push(outlet);
      }
      const sql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const rows = prepared(`SELECT d.id, d.path, d.language, d.published_value, d.meta, d.ingested_at,
        d.title_start, d.title_end, CASE WHEN d.title_start IS NULL THEN NULL ELSE substr(d.text, 1, d.title_end) END AS head,
        (SELECT COUNT(*) FROM event_reports r WHERE r.doc_id = d.id) AS reports,
        (SELECT COALESCE(a.source_id, a.name) FROM attributions a WHERE a.doc_id = d.id AND a.kind = 'wire' AND a.scope = 'document'
          ORDER BY a.start LIMIT 1) AS source
        FROM documents d ${sql} ORDER BY d.id LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as {
        id: string;
        path: string | null;
        language: string;
        published_value: string | null;
        meta: string;
        ingested_at: string;
        title_start: number | null;
        title_end: number | null;
        head: string | null;
        reports: number;
        source: string | null;
      }[];
      const total = prepared(`SELECT COUNT(*) FROM documents d ${sql}`).pluck().get(...params) as number;
      return {
        items: rows.map((r) => {
          const meta = parseMeta(r.meta);
          return {
            id: r.id,
            title: (typeof meta.title === 'string' && meta.title) || titleOf(r.head, r.title_start, r.title_end),
            path: r.path,
            language: r.language,
            published: r.published_value ?? (typeof meta.published === 'string' ? meta.published.slice(0, 10) : null),
            outlet: outletOf(meta),
            source: r.source,
            url: typeof meta.url === 'string' ? meta.url : null,
            ingestedAt: r.ingested_at,
            reports: r.reports,
          };
        }),
        total,
        limit: page.limit,
        offset: page.offset,
      };
    },
    async documentReports(docId) {
      return (
        q.docReports.all(docId) as {
          id: string;
          event_id: string | null;
          mode: EventMode;
          trigger_start: number;
          trigger_end: number;
          evidence: string;
          date_value: string | null;
          place_actor_id: string | null;
        }[]
      ).map((r) => ({
        id: r.id,
        eventId: r.event_id,
        mode: r.mode,
        trigger: { start: r.trigger_start, end: r.trigger_end },
        evidence: JSON.parse(r.evidence) as Span[],
        date: r.date_value,
        placeId: r.place_actor_id,
      }));
    },
    async documentMentions(docId) {
      return (q.docMentions.all(docId) as { start: number; end: number; kind: string; via: string; actor_ids: string }[]).map((m) => ({
        start: m.start,
        end: m.end,
        kind: m.kind,
        via: m.via,
        actorIds: JSON.parse(m.actor_ids) as string[],
      }));
    },
    async outlets() {
      return q.outlets.all() as { outlet: string; events: number }[];
    },
    async facets() {
      const count = (sql: string) => prepared(sql).all() as { id: string; events: number; name?: string }[];
      const sources = count(`SELECT source AS id, MIN(name) AS name, COUNT(*) AS events FROM browse_event_sources GROUP BY source ORDER BY events DESC, id LIMIT 500`);
      const languages = count(`SELECT language AS id, COUNT(*) AS events FROM browse_event_languages GROUP BY language ORDER BY events DESC, id`);
      const countries = count(`SELECT country_id AS id, COUNT(*) AS events FROM browse_events WHERE country_id IS NOT NULL GROUP BY country_id ORDER BY events DESC, id LIMIT 500`);
      const statuses = count(`SELECT status AS id, COUNT(*) AS events FROM browse_events WHERE status IS NOT NULL GROUP BY status`);
      const known = names([...sources, ...countries].map((f) => f.id));
      const named = (list: { id: string; events: number; name?: string }[]) => list.map((f) => ({ id: f.id, events: f.events, name: known.get(f.id)?.name ?? f.name ?? f.id }));
      return {
        sources: named(sources),
        languages: languages.map((f) => ({ ...f, name: f.id })),
        countries: named(countries),
        statuses: orderStatuses(statuses),
      };
    },
    async eventsTouching(subjects) {
      const out = new Set<string>();
      for (const id of subjects) {
        if (q.eventExists.get(id)) out.add(id);
        const ofReport = q.eventOfReport.get(id) as string | undefined;
        if (ofReport) out.add(ofReport);
        for (const eventId of q.eventsOfActor.all(id) as string[]) out.add(eventId);
      }
      return [...out];
    },
  };
  // every query waits for the store's operation before it (see exclusive)
  const out: Record<string, unknown> = {};
  for (const [key, method] of Object.entries(browse) as [string, (...args: unknown[]) => unknown][]) {
    out[key] = (...args: unknown[]) => exclusive(() => method(...args));
  }
  return out as unknown as Browse;
}
