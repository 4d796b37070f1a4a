// Read queries for the API and web app: server-side filtering, paging, sorting, full-text search
// over evidence, timelines and the co-meeting network. Events are browsed through a summary table
// (migration 0004) that caches what Store.getEvent derives; `sync` brings it up to date with the
// events table (new or rebuilt events), `refresh` recomputes named events (after a judgement).
import type Database from 'better-sqlite3';
import type { ActorKind, DocumentMeta, EventMode, Span } from '../../core/types.ts';
import type { StoredActor, StoredEvent } from '../store.ts';
import { parseMeta } from './parse-meta.ts';
import { outletOf, summarizeForBrowse, summaryParticipants } from '../browse-summary.ts';

export interface EventFilter {
  /** Every one of these actors took part (one actor, or a pair). */
  actors?: string[];
  /** Inclusive bounds, YYYY[-MM[-DD]]; `to` includes every day it covers. */
  from?: string;
  to?: string;
  /** A place: events there or at any place within it. */
  place?: string;
  mode?: string;
  outlet?: string;
  /** Full-text search over the evidence sentences of the event's reports. */
  q?: string;
}

export type EventSort = 'date' | 'reports';

export interface PageOptions {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface EventRow {
  id: string;
  date: string | null;
  mode: string;
  place: NamedRef | null;
  participants: NamedRef[];
  reports: number;
  documents: number;
  outlets: string[];
  conflicts: number;
  /** The first evidence sentence, shortened: plain text. */
  snippet: string;
}

export interface ActorRow {
  id: string;
  kind: ActorKind;
  name: string;
  aliases: string[];
  fromKb: boolean;
  /** Events it takes part in. */
  events: number;
}

export interface DocumentRow {
  id: string;
  title: string | null;
  path: string | null;
  language: string;
  published: string | null;
  outlet: string | null;
  url: string | null;
  ingestedAt: string;
  reports: number;
}

export interface DocumentReportRow {
  id: string;
  eventId: string | null;
  mode: EventMode;
  trigger: Span;
  evidence: Span[];
  date: string | null;
  placeId: string | null;
}

export interface MentionRow extends Span {
  kind: string;
  via: string;
  actorIds: string[];
}

export interface NetworkNode {
  id: string;
  name: string;
  kind: string;
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Events both took part in. */
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** True when more edges matched than were returned. */
  truncated: boolean;
}

export interface Browse {
  /** Indexes events that are new or were rebuilt since the last call; returns how many. */
  sync(): Promise<number>;
  /** Recomputes these events' summaries (events gone are dropped). */
  refresh(eventIds: Iterable<string>): Promise<void>;
  listEvents(filter: EventFilter, sort: EventSort, order: 'asc' | 'desc', page: PageOptions): Promise<Page<EventRow>>;
  /** Events per month (YYYY-MM) for a filter; undated events are left out. */
  timeline(filter: EventFilter): Promise<{ month: string; events: number }[]>;
  network(filter: EventFilter, maxEdges: number): Promise<Network>;
  searchActors(query: string | undefined, kind: string | undefined, page: PageOptions): Promise<Page<ActorRow>>;
  listDocuments(query: string | undefined, outlet: string | undefined, page: PageOptions): Promise<Page<DocumentRow>>;
  documentReports(docId: string): Promise<DocumentReportRow[]>;
  documentMentions(docId: string): Promise<MentionRow[]>;
  outlets(): Promise<{ outlet: string; events: number }[]>;
  /** Events that involve any of these actors, events or reports (what a judgement on them can change). */
  eventsTouching(subjects: readonly string[]): Promise<string[]>;
}

export interface BrowseSource {
  getEvent(id: string): Promise<StoredEvent | null>;
  getActors(ids: readonly string[]): Promise<StoredActor[]>;
}

/** Above this many matching events a page is found by walking the sort index (see `where`). */
const SCAN_ABOVE = 2000;


/** Words of a search box as an FTS5 query: each a quoted term (no operators get through), all required. */
export function ftsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.slice(0, 16).map((w) => `"${w}"`).join(' ');
}

function likePattern(input: string): string {
  return `%${input.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}




export function createBrowse(
  db: Database.Database,
  source: BrowseSource,
  /** Runs one operation of the store at a time (the store's own queue). */
  exclusive: <T>(work: () => T | Promise<T>) => Promise<T> = async (work) => work(),
): Browse {
  const q = {
    stale: db.prepare(`SELECT e.id FROM events e LEFT JOIN browse_events b ON b.event_id = e.id
      WHERE b.event_id IS NULL OR b.stamp <> e.updated_at`).pluck(),
    stamp: db.prepare('SELECT updated_at FROM events WHERE id = ?').pluck(),
    docInfo: db.prepare('SELECT meta, text FROM documents WHERE id = ?'),
    deleteSummary: db.prepare('DELETE FROM browse_events WHERE event_id = ?'),
    insertSummary: db.prepare(`INSERT INTO browse_events (event_id, stamp, date, mode, place_id, participants,
      reports, documents, outlets, conflicts, snippet) VALUES (@event_id, @stamp, @date, @mode, @place_id,
      @participants, @reports, @documents, @outlets, @conflicts, @snippet)`),
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
  let lastVersion: number | null = null;

  function index(event: StoredEvent, stamp: string, names: Map<string, string>): void {
    const row = summarizeForBrowse(event, names, (docId) => {
      const doc = q.docInfo.get(docId) as { meta: string; text: string } | undefined;
      return doc ? { meta: parseMeta(doc.meta), text: doc.text } : undefined;
    });
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
    });
    for (const p of row.participants) q.insertActor.run(event.id, p.id);
    for (const outlet of row.outlets) q.insertOutlet.run(event.id, outlet);
  }

  // events are read first, then their summaries written in one transaction; an event rebuilt in
  // between has a new stamp, so the next sync indexes it again
  const writeSummaries = db.transaction((loaded: { id: string; stamp: string | undefined; event: StoredEvent | null; names: Map<string, string> }[]) => {
    for (const { id, stamp, event, names } of loaded) {
      if (!event || stamp === undefined) q.deleteSummary.run(id);
      else index(event, stamp, names);
    }
  });

  async function indexEvents(ids: readonly string[]): Promise<void> {
    const loaded = [];
    for (const id of ids) {
      const stamp = q.stamp.get(id) as string | undefined;
      const event = stamp === undefined ? null : await source.getEvent(id);
      const participants = event ? summaryParticipants(event) : [];
      const names = new Map((participants.length ? await source.getActors(participants) : []).map((a) => [a.id, a.name]));
      loaded.push({ id, stamp, event, names });
    }
    writeSummaries.immediate(loaded);
  }

  async function sync(): Promise<number> {
    const ids = q.stale.all() as string[];
    for (let i = 0; i < ids.length; i += 500) await indexEvents(ids.slice(i, i + 500));
    lastVersion = db.pragma('data_version', { simple: true }) as number;
    return ids.length;
  }

  /** Syncs when another connection (a `parley ingest` beside the server) has written since. */
  async function fresh(): Promise<void> {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== lastVersion) await sync();
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
    for (const actor of new Set(filter.actors ?? [])) {
      clauses.push(`${id} IN (SELECT event_id FROM browse_event_actors WHERE actor_id = ?)`);
      params.push(actor);
    }
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
    if (filter.outlet) {
      clauses.push(`${id} IN (SELECT event_id FROM browse_event_outlets WHERE outlet = ?)`);
      params.push(filter.outlet);
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

  const browse: Browse = {
    sync: () => sync(),
    async refresh(eventIds) {
      await indexEvents([...new Set(eventIds)]);
    },
    async listEvents(filter, sort, order, page) {
      await fresh();
      const counted = where(filter);
      const total = prepared(`SELECT COUNT(*) FROM browse_events b ${counted.sql}`).pluck().get(...counted.params) as number;
      const { sql, params } = where(filter, total > SCAN_ABOVE);
      const dir = order === 'asc' ? 'ASC' : 'DESC';
      const orderBy = sort === 'reports' ? `b.reports ${dir}, b.date ${dir}, b.event_id ${dir}` : `b.date ${dir}, b.event_id ${dir}`;
      // the page's ids from the covering index first, then only those rows
      const ids = prepared(`SELECT b.event_id FROM browse_events b ${sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...params, page.limit, page.offset) as string[];
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
      }[];
      const places = names(rows.map((r) => r.place_id).filter((id): id is string => id !== null));
      return {
        items: rows.map((r) => ({
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
        })),
        total,
        limit: page.limit,
        offset: page.offset,
      };
    },
    async timeline(filter) {
      await fresh();
      const { sql, params } = where(filter);
      const dated = sql ? `${sql} AND b.date IS NOT NULL` : 'WHERE b.date IS NOT NULL';
      return prepared(`SELECT substr(b.date, 1, 7) AS month, COUNT(*) AS events FROM browse_events b ${dated}
        GROUP BY month ORDER BY month`).all(...params) as { month: string; events: number }[];
    },
    async network(filter, maxEdges) {
      await fresh();
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
      await fresh();
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
        CASE WHEN d.title_start IS NULL THEN NULL ELSE substr(d.text, d.title_start + 1, d.title_end - d.title_start) END AS title,
        (SELECT COUNT(*) FROM event_reports r WHERE r.doc_id = d.id) AS reports
        FROM documents d ${sql} ORDER BY d.id LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as {
        id: string;
        path: string | null;
        language: string;
        published_value: string | null;
        meta: string;
        ingested_at: string;
        title: string | null;
        reports: number;
      }[];
      const total = prepared(`SELECT COUNT(*) FROM documents d ${sql}`).pluck().get(...params) as number;
      return {
        items: rows.map((r) => {
          const meta = parseMeta(r.meta);
          return {
            id: r.id,
            title: (typeof meta.title === 'string' && meta.title) || r.title,
            path: r.path,
            language: r.language,
            published: r.published_value ?? (typeof meta.published === 'string' ? meta.published.slice(0, 10) : null),
            outlet: outletOf(meta),
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
      await fresh();
      return q.outlets.all() as { outlet: string; events: number }[];
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
