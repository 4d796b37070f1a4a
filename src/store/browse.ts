// What browsing the record reads, shared by both adapters (store/sqlite/browse.ts and
// store/postgres/pg-browse.ts): the filters, pages and rows of the API and web app, and the
// small rules both apply to them.
import type { ActorKind, EventMode, Span } from '../core/types.ts';
import type { EventStatusKind } from '../sources/status.ts';
import { STATUS_KINDS } from '../sources/status.ts';
import type { StoredActor, StoredEvent } from './store.ts';

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
  /** A wire agency its reports' words come from (its knowledge-base id, else the name as written). */
  source?: string;
  /** A language of its reports' documents. */
  language?: string;
  /** A country: events at places that are it or lie within it. */
  country?: string;
  status?: EventStatusKind;
  /** Full-text search over the evidence sentences of the event's reports. */
  q?: string;
}

export type EventSort = 'date' | 'reports';

export interface PageOptions {
  limit: number;
  offset: number;
}

/** Where an event stands in the list's order: its sort key and id (the last row of a page). */
export interface EventKey {
  reports: number;
  date: string | null;
  id: string;
}

/**
 * A page of the event list: `offset` rows skipped, or, with `after`, the rows that follow that
 * key in the list's order (keyset paging: a deep page walks no rows before it). With `after`,
 * `offset` is only reported back: where the caller says the page starts.
 */
export interface EventPageOptions extends PageOptions {
  after?: EventKey;
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
  /** Who says so; null for an event not yet analysed for its sources. */
  status: EventStatusKind | null;
  independentSources: number | null;
  /** Wire agencies its reports' words come from, apart from the outlets that published them. */
  sources: NamedRef[];
  languages: string[];
}

/** A value to filter by, with how many events have it. */
export interface Facet {
  id: string;
  name: string;
  events: number;
}

export interface Facets {
  sources: Facet[];
  languages: Facet[];
  countries: Facet[];
  statuses: Facet[];
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
  /** The wire agency its dateline or credit line names (knowledge-base id, else the name as written). */
  source: string | null;
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
  /**
   * Indexes events that are new or were rebuilt since the last call (as the store noted them);
   * `full` also compares every event with its summary (`parley reindex`). Returns how many.
   */
  sync(options?: { full?: boolean }): Promise<number>;
  /** Recomputes these events' summaries (events gone are dropped). */
  refresh(eventIds: Iterable<string>): Promise<void>;
  listEvents(filter: EventFilter, sort: EventSort, order: 'asc' | 'desc', page: EventPageOptions): Promise<Page<EventRow>>;
  /** Events per month (YYYY-MM) for a filter; undated events are left out. */
  timeline(filter: EventFilter): Promise<{ month: string; events: number }[]>;
  network(filter: EventFilter, maxEdges: number): Promise<Network>;
  searchActors(query: string | undefined, kind: string | undefined, page: PageOptions): Promise<Page<ActorRow>>;
  listDocuments(query: string | undefined, outlet: string | undefined, page: PageOptions): Promise<Page<DocumentRow>>;
  documentReports(docId: string): Promise<DocumentReportRow[]>;
  documentMentions(docId: string): Promise<MentionRow[]>;
  outlets(): Promise<{ outlet: string; events: number }[]>;
  /** Sources, languages, countries and statuses of the indexed events, most events first. */
  facets(): Promise<Facets>;
  /** Events that involve any of these actors, events or reports (what a judgement on them can change). */
  eventsTouching(subjects: readonly string[]): Promise<string[]>;
}

export interface BrowseSource {
  /** The events of these ids (null where gone), read as one read. */
  getEvents(ids: readonly string[]): Promise<(StoredEvent | null)[]>;
  getActors(ids: readonly string[]): Promise<StoredActor[]>;
}


/** Statuses in their documented order (status.ts), each with its count, none left out. */
export function orderStatuses(counts: readonly { id: string; events: number }[]): Facet[] {
  return STATUS_KINDS.map((status) => ({ id: status, name: status, events: counts.find((c) => c.id === status)?.events ?? 0 }));
}

/** A LIKE pattern matching the input anywhere, its wildcards escaped (ESCAPE '\\'). */
export function likePattern(input: string): string {
  return `%${input.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A document's title from the start of its text (`head`, at least `end` UTF-16 units long when
 * cut by code points as SQL's substr does). Spans count UTF-16 units, so the title is cut here.
 */
export function titleOf(head: string | null, start: number | null, end: number | null): string | null {
  return head === null || start === null || end === null ? null : head.slice(start, end);
}

/** One test of a filter that is a row in a facet table of the index (the event has this actor, outlet, ...). */
export interface Membership {
  table: 'browse_event_actors' | 'browse_event_outlets' | 'browse_event_sources' | 'browse_event_languages';
  column: 'actor_id' | 'outlet' | 'source' | 'language';
  value: string;
}

/** The filter's tests that are memberships (actors, outlet, source, language). */
export function membershipsOf(filter: EventFilter): Membership[] {
  const out: Membership[] = [...new Set(filter.actors ?? [])].map((value) => ({ table: 'browse_event_actors', column: 'actor_id', value }));
  if (filter.outlet) out.push({ table: 'browse_event_outlets', column: 'outlet', value: filter.outlet });
  if (filter.source) out.push({ table: 'browse_event_sources', column: 'source', value: filter.source });
  if (filter.language) out.push({ table: 'browse_event_languages', column: 'language', value: filter.language });
  return out;
}

/**
 * The filter's tests when every one is a membership, else null. Such a filter is counted in the
 * facet tables alone, each probed by its key, with no summary row read: an active actor's 3,000
 * events are counted without 3,000 lookups.
 */
export function membershipsOnly(filter: EventFilter): Membership[] | null {
  if (filter.from || filter.to || filter.place || filter.mode || filter.country || filter.status || filter.q !== undefined) return null;
  const out = membershipsOf(filter);
  return out.length ? out : null;
}

/**
 * The events with every membership, as one query over the facet tables: the first table walked
 * by its key, the others probed per event. `select` is what it returns (the event ids, or a
 * COUNT); `param` writes a value's placeholder, called in the order they appear (SQLite's are
 * positional). Several memberships (a pair of actors) then read only the summaries of the
 * events that have them all, not those of the first actor's every event.
 */
export function membershipSql(memberships: readonly Membership[], param: (value: string) => string, select = 'x.event_id'): string {
  const [first, ...rest] = memberships;
  const head = `SELECT ${select} FROM ${first.table} x WHERE x.${first.column} = ${param(first.value)}`;
  const tests = rest.map((m) => ` AND x.event_id IN (SELECT event_id FROM ${m.table} WHERE ${m.column} = ${param(m.value)})`);
  return head + tests.join('');
}

/**
 * The rows after `key` in the event list's order, as conditions on `browse_events b` whose union
 * they are, each one range of the sort index. The list orders undated events as the smallest
 * (newest first: last; oldest first: first), and a row comparison such as `(b.date, b.event_id) <
 * (?, ?)` is NULL for them: so they get conditions of their own. Each condition's values are `?`
 * in it, in order; `id` is the event id as compared (PostgreSQL's COLLATE "C").
 */
export function keysetConditions(sort: EventSort, order: 'asc' | 'desc', key: EventKey, id: string): { sql: string; values: unknown[] }[] {
  const op = order === 'desc' ? '<' : '>';
  if (sort === 'reports') {
    if (key.date !== null) {
      const after = { sql: `(b.reports, b.date, ${id}) ${op} (?, ?, ?)`, values: [key.reports, key.date, key.id] };
      // newest first, the undated rows of the key's reports count come after its dated ones
      return order === 'desc' ? [after, { sql: 'b.reports = ? AND b.date IS NULL', values: [key.reports] }] : [after];
    }
    const undated = { sql: `b.reports = ? AND b.date IS NULL AND ${id} ${op} ?`, values: [key.reports, key.id] };
    if (order === 'desc') return [undated, { sql: 'b.reports < ?', values: [key.reports] }];
    return [undated, { sql: 'b.reports = ? AND b.date IS NOT NULL', values: [key.reports] }, { sql: 'b.reports > ?', values: [key.reports] }];
  }
  if (key.date !== null) {
    const after = { sql: `(b.date, ${id}) ${op} (?, ?)`, values: [key.date, key.id] };
    return order === 'desc' ? [after, { sql: 'b.date IS NULL', values: [] }] : [after];
  }
  const undated = { sql: `b.date IS NULL AND ${id} ${op} ?`, values: [key.id] };
  return order === 'desc' ? [undated] : [undated, { sql: 'b.date IS NOT NULL', values: [] }];
}
