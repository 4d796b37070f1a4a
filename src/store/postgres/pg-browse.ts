// Read queries for the API and web app on PostgreSQL: the same Browse as store/sqlite/browse.ts.
// Events are browsed through a summary table (migration 0003) that caches what getEvent derives
// (the row itself comes from store/browse-summary.ts). Full-text search: the `simple`
// configuration over unaccented evidence sentences (migration 0002), every word required.
import type pg from 'pg';
import type { ActorKind, DocumentMeta, EventMode, Span } from '../../core/types.ts';
import { outletOf, summarizeForBrowse, summaryParticipants, summaryPlace, type SummaryExtras } from '../browse-summary.ts';
import { countriesOfPlaces, staleBySources } from '../browse-state.ts';
import type { StoredActor, StoredEvent } from '../store.ts';
import { keysetConditions, likePattern, membershipSql, membershipsOf, membershipsOnly, orderStatuses, titleOf, type Browse, type BrowseSource, type EventFilter, type NamedRef, type NetworkEdge } from '../browse.ts';
import { outletOfDocument } from '../sqlite/descriptors.ts';
import { readEventSources } from '../../sources/event-sources.ts';
import type { SourcesTable } from '../sqlite/sources.ts';
import type { EventStatusKind } from '../../sources/status.ts';
import { createPostgresSourcesTable } from './pg-sources.ts';

/** Words of a search box: letters and digits only (no operator gets through), at most 16, all required. */
export function searchWords(input: string): string[] | null {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  return words && words.length > 0 ? words.slice(0, 16) : null;
}

/** The advisory lock key of browse-index writes (any constant no other lock uses). */
const BROWSE_LOCK = 7_240_614;

export function createPostgresBrowse(
  pool: pg.Pool,
  source: BrowseSource & { getActors(ids: readonly string[]): Promise<StoredActor[]> },
  ready: () => Promise<unknown>,
): Browse {
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    await ready();
    return (await pool.query(sql, params)).rows as T[];
  };


  const sourcesTable = createPostgresSourcesTable(pool, ready);
  /** Denials and source judgements: read once per sync (they apply to every event). */
  type SourcesState = { denials: Awaited<ReturnType<SourcesTable['denials']>>; judgements: Awaited<ReturnType<SourcesTable['judgements']>> };
  const sourcesState = async (): Promise<SourcesState> => ({ denials: await sourcesTable.denials(), judgements: await sourcesTable.judgements() });

  /**
   * Indexes a batch of events in a fixed number of statements besides reading each event: the
   * names of all their participants, their documents (and the denials'), the attributions of all
   * their reports and the signatures of all their documents are read once for the batch, and the
   * summaries and facet rows are written one statement per table.
   */
  async function indexEvents(ids: readonly string[], shared?: SourcesState): Promise<void> {
    const state = shared ?? (await sourcesState());
    const stamps = new Map((await rows<{ id: string; updated_at: string }>('SELECT id, updated_at FROM events WHERE id = ANY($1)', [ids])).map((r) => [r.id, r.updated_at]));
    const events = new Map<string, StoredEvent>();
    const live = ids.filter((id) => stamps.has(id));
    for (const event of await source.getEvents(live)) if (event) events.set(event.id, event);
    const all = [...events.values()];
    const participants = [...new Set(all.flatMap(summaryParticipants))];
    const names = new Map((participants.length ? await source.getActors(participants) : []).map((a) => [a.id, a.name]));
    const docIds = new Set(all.flatMap((e) => e.reports.map((r) => r.docId)));
    const reportIds = all.flatMap((e) => e.reports.map((r) => r.id));
    const found = await rows<{ id: string; path: string | null; meta: DocumentMeta | null; published_value: string | null; text: string | null; language: string }>(
      // the reports' documents whole; the denials' for their outlet and day only
      `SELECT id, path, meta, published_value, CASE WHEN id = ANY($1) THEN text END AS text, language FROM documents WHERE id = ANY($1) OR id = ANY($2)`,
      [[...docIds], [...new Set(state.denials.map((d) => d.docId))]],
    );
    const docs = new Map(found.filter((d) => d.text !== null).map((d) => [d.id, { meta: d.meta ?? {}, text: d.text!, language: d.language }]));
    const docInfo = new Map(
      found.map((d) => {
        const meta = d.meta ?? {};
        return [d.id, { outlet: outletOfDocument(d.path, meta), published: d.published_value ?? (typeof meta.published === 'string' ? meta.published : null) }];
      }),
    );
    const attributions = reportIds.length ? await sourcesTable.reportAttributions(reportIds) : new Map();
    const signatures = docIds.size ? await sourcesTable.signatures([...docIds]) : new Map<string, number[]>();
    // who says so, over what was read for the batch
    const said = await readEventSources(
      {
        ...sourcesTable,
        denials: async () => state.denials,
        judgements: async (activeOnly) => state.judgements.filter((j) => !activeOnly || !j.undone),
        reportAttributions: async (of) => new Map(of.map((id) => [id, attributions.get(id) ?? []])),
        signatures: async (of) => new Map(of.flatMap((id) => (signatures.has(id) ? [[id, signatures.get(id)!] as const] : []))),
      },
      docInfo,
    );
    const loaded: { id: string; stamp: string; event: StoredEvent; extras: SummaryExtras }[] = [];
    for (const [id, event] of events) loaded.push({ id, stamp: stamps.get(id)!, event, extras: { said: await said.of(event) } });
    const countries = await countriesOfPlaces(
      loaded.map((l) => summaryPlace(l.event)).filter((p): p is string => p !== null),
      (placeIds) => source.getActors(placeIds),
    );
    for (const l of loaded) {
      const placeId = summaryPlace(l.event);
      l.extras.countryId = placeId ? (countries.get(placeId) ?? null) : null;
    }
    const summaries = loaded.map(({ id, stamp, event, extras }) => ({ id, stamp, row: summarizeForBrowse(event, names, (docId) => docs.get(docId), extras) }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // writers of several processes index at once (workers, the server): one at a time, so two
      // never insert the same summary (the second would fail on its key)
      await client.query('SELECT pg_advisory_xact_lock($1)', [BROWSE_LOCK]);
      await client.query('DELETE FROM browse_events WHERE event_id = ANY($1)', [ids]);
      // an event gone since it was read has nothing to summarize: only those still there are written
      const inserted = summaries.length
        ? (
            await client.query<{ event_id: string }>(
              `INSERT INTO browse_events (event_id, stamp, date, mode, place_id, participants, reports, documents, outlets, conflicts, snippet,
                 status, independent_sources, country_id, sources, languages)
               SELECT t.* FROM json_to_recordset($1::json) AS t(event_id text, stamp text, date text, mode text, place_id text, participants json,
                 reports integer, documents integer, outlets json, conflicts integer, snippet text, status text, independent_sources integer,
                 country_id text, sources json, languages json)
               WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = t.event_id)
               RETURNING event_id`,
              [
                JSON.stringify(
                  summaries.map(({ id, stamp, row }) => ({
                    event_id: id,
                    stamp,
                    date: row.date,
                    mode: row.mode,
                    place_id: row.placeId,
                    participants: row.participants,
                    reports: row.reports,
                    documents: row.documents,
                    outlets: row.outlets,
                    conflicts: row.conflicts,
                    snippet: row.snippet,
                    status: row.status,
                    independent_sources: row.independentSources,
                    country_id: row.countryId,
                    sources: row.sources,
                    languages: row.languages,
                  })),
                ),
              ],
            )
          ).rows.map((r) => r.event_id)
        : [];
      const written = new Set(inserted);
      const kept = summaries.filter((s) => written.has(s.id));
      const pairs = <T>(of: (row: (typeof kept)[number]['row']) => T[]) => kept.flatMap(({ id, row }) => of(row).map((value) => [id, value] as const));
      const actors = pairs((row) => row.participants.map((p) => p.id));
      const outlets = pairs((row) => row.outlets);
      const sources = pairs((row) => row.sources);
      const languages = pairs((row) => row.languages);
      if (actors.length) {
        await client.query('INSERT INTO browse_event_actors (event_id, actor_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [actors.map((p) => p[0]), actors.map((p) => p[1])]);
      }
      if (outlets.length) {
        await client.query('INSERT INTO browse_event_outlets (event_id, outlet) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [outlets.map((p) => p[0]), outlets.map((p) => p[1])]);
      }
      if (sources.length) {
        await client.query('INSERT INTO browse_event_sources (event_id, source, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING', [
          sources.map((p) => p[0]),
          sources.map((p) => p[1].id),
          sources.map((p) => p[1].name),
        ]);
      }
      if (languages.length) {
        await client.query('INSERT INTO browse_event_languages (event_id, language) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [languages.map((p) => p[0]), languages.map((p) => p[1])]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function sync(options: { full?: boolean } = {}): Promise<number> {
    // statuses depend on denials and source judgements kept outside the events: when those
    // changed, every summary is recomputed
    const [state] = await rows<{ value: string }>(`SELECT value FROM browse_state WHERE key = 'sources'`);
    const denials = await rows<{ id: string; participants: string }>('SELECT id, participants FROM denial_claims');
    const judgements = await rows<{ id: number; undone: string | null }>('SELECT id, undone_at AS undone FROM source_judgements');
    const sources = staleBySources(state?.value, denials, judgements.map((j) => ({ id: Number(j.id), undone: j.undone })));
    if (sources.all) await rows(`INSERT INTO browse_dirty (event_id) SELECT id FROM events`);
    else if (sources.actors.length) {
      await rows(`INSERT INTO browse_dirty (event_id) SELECT DISTINCT event_id FROM browse_event_actors WHERE actor_id = ANY($1)`, [sources.actors]);
    }
    // every event a write left stale, as the triggers of migration 0010 noted it; the notes read
    // are deleted by seq after indexing (a note committed meanwhile waits for the next sync)
    // (an event gone since took its summary with it: its note is only deleted)
    const notes = await rows<{ seq: string; event_id: string; live: boolean }>(
      `SELECT d.seq, d.event_id, e.id IS NOT NULL AS live FROM browse_dirty d LEFT JOIN events e ON e.id = d.event_id`,
    );
    const live = new Set(notes.filter((n) => n.live).map((n) => n.event_id));
    if (options.full) {
      for (const r of await rows<{ id: string }>(`SELECT e.id FROM events e LEFT JOIN browse_events b ON b.event_id = e.id
        WHERE b.event_id IS NULL OR b.stamp <> e.updated_at`)) live.add(r.id);
    }
    const ids = [...live];
    const shared = ids.length ? await sourcesState() : undefined;
    for (let i = 0; i < ids.length; i += 500) await indexEvents(ids.slice(i, i + 500), shared);
    if (notes.length) await rows('DELETE FROM browse_dirty WHERE seq = ANY($1::bigint[])', [notes.map((n) => n.seq)]);
    await rows(`INSERT INTO browse_state (key, value) VALUES ('sources', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [sources.state]);
    await recount();
    return ids.length;
  }

  /**
   * Keeps the number of summaries in browse_state, so the unfiltered list's total is read, not
   * counted (a COUNT over 100,000 summaries is about 25 ms on PostgreSQL). Counted under the
   * index's lock: no other writer's summaries are half written meanwhile.
   */
  async function recount(): Promise<void> {
    await ready();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [BROWSE_LOCK]);
      await client.query(`INSERT INTO browse_state (key, value) VALUES ('events', (SELECT COUNT(*)::text FROM browse_events))
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }


  function where(filter: EventFilter, params: unknown[]): string {
    const clauses: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    // actors, outlet, source and language as one query over the facet tables (see membershipSql)
    const memberships = membershipsOf(filter);
    if (memberships.length) clauses.push(`b.event_id IN (${membershipSql(memberships, param)})`);
    if (filter.from) clauses.push(`b.date >= ${param(filter.from)}`);
    if (filter.to) clauses.push(`b.date <= ${param(`${filter.to}\uffff`)}`);
    if (filter.place) {
      // the place and every place within it (the Kremlin is in Moscow, Moscow in Russia)
      const place = param(filter.place);
      clauses.push(`b.place_id IN (SELECT id FROM actors WHERE id = ${place} OR (kind = 'place' AND within::jsonb ? ${place}))`);
    }
    if (filter.mode) clauses.push(`b.mode = ${param(filter.mode)}`);
    if (filter.country) clauses.push(`b.country_id = ${param(filter.country)}`);
    if (filter.status) clauses.push(`b.status = ${param(filter.status)}`);
    if (filter.q !== undefined) {
      const words = searchWords(filter.q);
      if (words === null) clauses.push('FALSE');
      else {
        // each word a quoted phrase of the simple configuration: no tsquery syntax from the box
        const query = words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' & ');
        clauses.push(`b.event_id IN (SELECT m.event_id FROM event_reports r JOIN event_members m ON m.report_id = r.id
          WHERE to_tsvector('simple', parley_fold(r.evidence_text)) @@ to_tsquery('simple', parley_fold(${param(query)})))`);
      }
    }
    return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  }

  async function names(ids: readonly string[]): Promise<Map<string, { name: string; kind: string }>> {
    const found = await rows<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM actors WHERE id = ANY($1)', [[...new Set(ids)]]);
    return new Map(found.map((r) => [r.id, { name: r.name, kind: r.kind }]));
  }

  return {
    sync,
    async refresh(eventIds) {
      await indexEvents([...new Set(eventIds)]);
      await recount();
    },
    async listEvents(filter, sort, order, page) {
      // one statement: the total, and the page's rows with the names of their place and sources
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      const memberships = membershipsOnly(filter);
      const sql = where(filter, params);
      // the unfiltered total is kept in browse_state (counted only if it is not there yet)
      const total = !sql
        ? `SELECT COALESCE((SELECT value::bigint FROM browse_state WHERE key = 'events'), (SELECT COUNT(*) FROM browse_events)) AS total`
        : memberships
          ? membershipSql(memberships, param, 'COUNT(*) AS total')
          : `SELECT COUNT(*) AS total FROM browse_events b ${sql}`;
      const dir = order === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
      const plain = order === 'asc' ? 'ASC' : 'DESC';
      const orderBy =
        sort === 'reports'
          ? `b.reports ${plain}, b.date ${dir}, b.event_id COLLATE "C" ${plain}`
          : `b.date ${dir}, b.event_id COLLATE "C" ${plain}`;
      // the page's ids first, from the sort index alone (a deep offset walks only the index; a
      // cursor starts at its key), then only those rows, in the page's order
      const pageIds = () => {
        if (!page.after) return `SELECT b.event_id FROM browse_events b ${sql} ORDER BY ${orderBy} LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}`;
        const branches = keysetConditions(sort, order, page.after, 'b.event_id COLLATE "C"').map((condition) => {
          let at = 0;
          const range = condition.sql.replace(/\?/g, () => param(condition.values[at++]));
          return `SELECT b.event_id, b.reports, b.date FROM browse_events b ${sql ? `${sql} AND` : 'WHERE'} (${range}) ORDER BY ${orderBy} LIMIT ${param(page.limit)}`;
        });
        // several ranges (undated events apart): each walked for a page, the union ordered again
        return branches.length === 1
          ? branches[0]
          : `SELECT b.event_id FROM (${branches.map((b) => `(${b})`).join(' UNION ALL ')}) b ORDER BY ${orderBy} LIMIT ${param(page.limit)}`;
      };
      const found = await rows<{
        total: string;
        event_id: string | null;
        date: string | null;
        mode: string;
        place_id: string | null;
        place_name: string | null;
        participants: NamedRef[];
        reports: number;
        documents: number;
        outlets: string[];
        conflicts: number;
        snippet: string;
        status: EventStatusKind | null;
        independent_sources: number | null;
        sources: NamedRef[];
        source_names: Record<string, string> | null;
        languages: string[];
      }>(
        `SELECT n.total, r.* FROM (${total}) n LEFT JOIN (
           SELECT b.*, p.name AS place_name,
             (SELECT json_object_agg(a.id, a.name) FROM actors a WHERE a.id IN (SELECT s->>'id' FROM json_array_elements(b.sources) s)) AS source_names
           FROM (${pageIds()}) page JOIN browse_events b ON b.event_id = page.event_id LEFT JOIN actors p ON p.id = b.place_id
         ) r ON true
         ORDER BY ${orderBy.replace(/\bb\./g, 'r.')}`,
        params,
      );
      return {
        items: found
          .filter((r) => r.event_id !== null)
          .map((r) => ({
            id: r.event_id!,
            date: r.date,
            mode: r.mode,
            place: r.place_id ? { id: r.place_id, name: r.place_name ?? r.place_id } : null,
            participants: r.participants,
            reports: r.reports,
            documents: r.documents,
            outlets: r.outlets,
            conflicts: r.conflicts,
            snippet: r.snippet,
            status: r.status,
            independentSources: r.independent_sources,
            sources: r.sources.map((s) => ({ id: s.id, name: r.source_names?.[s.id] ?? s.name })),
            languages: r.languages,
          })),
        total: Number(found[0]?.total ?? 0),
        limit: page.limit,
        offset: page.offset,
      };
    },
    async timeline(filter) {
      const params: unknown[] = [];
      const sql = where(filter, params);
      const dated = sql ? `${sql} AND b.date IS NOT NULL` : 'WHERE b.date IS NOT NULL';
      return (
        await rows<{ month: string; events: string }>(`SELECT substr(b.date, 1, 7) AS month, COUNT(*) AS events FROM browse_events b ${dated}
          GROUP BY month ORDER BY month`, params)
      ).map((r) => ({ month: r.month, events: Number(r.events) }));
    },
    async network(filter, maxEdges) {
      const params: unknown[] = [];
      const sql = where(filter, params);
      const edges = (
        await rows<{ source: string; target: string; weight: string }>(
          `WITH f AS (SELECT b.event_id FROM browse_events b ${sql})
          SELECT a.actor_id AS source, c.actor_id AS target, COUNT(*) AS weight
          FROM f JOIN browse_event_actors a ON a.event_id = f.event_id
          JOIN browse_event_actors c ON c.event_id = f.event_id AND a.actor_id COLLATE "C" < c.actor_id COLLATE "C"
          GROUP BY a.actor_id, c.actor_id ORDER BY weight DESC, a.actor_id COLLATE "C", c.actor_id COLLATE "C" LIMIT $${params.length + 1}`,
          [...params, maxEdges + 1],
        )
      ).map((e): NetworkEdge => ({ source: e.source, target: e.target, weight: Number(e.weight) }) as NetworkEdge);
      const truncated = edges.length > maxEdges;
      if (truncated) edges.pop();
      const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
      const perActor = await rows<{ id: string; events: string }>(
        `WITH f AS (SELECT b.event_id FROM browse_events b ${sql})
        SELECT a.actor_id AS id, COUNT(*) AS events FROM f JOIN browse_event_actors a ON a.event_id = f.event_id
        WHERE a.actor_id = ANY($${params.length + 1}) GROUP BY a.actor_id`,
        [...params, ids],
      );
      const counts = new Map(perActor.map((r) => [r.id, Number(r.events)]));
      const known = await names(ids);
      return {
        nodes: ids.map((id) => ({ id, name: known.get(id)?.name ?? id, kind: (known.get(id)?.kind ?? 'person') as ActorKind, events: counts.get(id) ?? 0 })),
        edges,
        truncated,
      };
    },
    async searchActors(query, kind, page) {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (query) {
        params.push(likePattern(query), query);
        clauses.push("(a.name ILIKE $1 OR a.aliases::text ILIKE $1 OR a.id = $2)");
      }
      if (kind) {
        params.push(kind);
        clauses.push(`a.kind = $${params.length}`);
      }
      const sql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const found = await rows<{ id: string; kind: ActorKind; name: string; aliases: string[]; from_kb: boolean; events: string }>(
        `SELECT a.id, a.kind, a.name, a.aliases, a.from_kb, (SELECT COUNT(*) FROM browse_event_actors x WHERE x.actor_id = a.id) AS events
        FROM actors a ${sql} ORDER BY events DESC, a.name COLLATE "C", a.id COLLATE "C" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      );
      const [{ n }] = await rows<{ n: string }>(`SELECT COUNT(*) AS n FROM actors a ${sql}`, params);
      return {
        items: found.map((r) => ({ id: r.id, kind: r.kind, name: r.name, aliases: r.aliases, fromKb: r.from_kb, events: Number(r.events) })),
        total: Number(n),
        limit: page.limit,
        offset: page.offset,
      };
    },
    async listDocuments(query, outlet, page) {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (query) {
        params.push(likePattern(query));
        clauses.push("(d.id ILIKE $1 OR d.meta->>'title' ILIKE $1 OR d.path ILIKE $1)");
      }
      if (outlet) {
        params.push(outlet);
        clauses.push(`d.meta->>'outlet' = $${params.length}`);
      }
      const sql = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const found = await rows<{
        id: string;
        path: string | null;
        language: string;
        published_value: string | null;
        meta: DocumentMeta | null;
        ingested_at: string;
        title_start: number | null;
        title_end: number | null;
        head: string | null;
        reports: string;
        source: string | null;
      }>(
        `SELECT d.id, d.path, d.language, d.published_value, d.meta, d.ingested_at,
          d.title_start, d.title_end, CASE WHEN d.title_start IS NULL THEN NULL ELSE substr(d.text, 1, d.title_end) END AS head,
          (SELECT COUNT(*) FROM event_reports r WHERE r.doc_id = d.id) AS reports,
          (SELECT COALESCE(a.source_id, a.name) FROM attributions a WHERE a.doc_id = d.id AND a.kind = 'wire' AND a.scope = 'document'
            ORDER BY a.start LIMIT 1) AS source
        FROM documents d ${sql} ORDER BY d.id COLLATE "C" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      );
      const [{ n }] = await rows<{ n: string }>(`SELECT COUNT(*) AS n FROM documents d ${sql}`, params);
      return {
        items: found.map((r) => {
          const meta = r.meta ?? {};
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
            reports: Number(r.reports),
          };
        }),
        total: Number(n),
        limit: page.limit,
        offset: page.offset,
      };
    },
    async documentReports(docId) {
      const found = await rows<{
        id: string;
        event_id: string | null;
        mode: EventMode;
        trigger_start: number;
        trigger_end: number;
        evidence: Span[];
        date_value: string | null;
        place_actor_id: string | null;
      }>(
        `SELECT r.id, m.event_id, r.mode, r.trigger_start, r.trigger_end, r.evidence, r.date_value, r.place_actor_id
        FROM event_reports r LEFT JOIN event_members m ON m.report_id = r.id WHERE r.doc_id = $1 ORDER BY r.trigger_start`,
        [docId],
      );
      return found.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        mode: r.mode,
        trigger: { start: r.trigger_start, end: r.trigger_end },
        evidence: r.evidence,
        date: r.date_value,
        placeId: r.place_actor_id,
      }));
    },
    async documentMentions(docId) {
      const found = await rows<{ start: number; end: number; kind: string; via: string; actor_ids: string[] }>(
        'SELECT start, "end", kind, via, actor_ids FROM mentions WHERE doc_id = $1 ORDER BY start, "end"',
        [docId],
      );
      return found.map((m) => ({ start: m.start, end: m.end, kind: m.kind, via: m.via, actorIds: m.actor_ids }));
    },
    async outlets() {
      return (
        await rows<{ outlet: string; events: string }>(`SELECT outlet, COUNT(*) AS events FROM browse_event_outlets GROUP BY outlet
          ORDER BY events DESC, outlet COLLATE "C" LIMIT 500`)
      ).map((r) => ({ outlet: r.outlet, events: Number(r.events) }));
    },
    async facets() {
      const count = async (sql: string) => (await rows<{ id: string; events: string; name?: string }>(sql)).map((r) => ({ id: r.id, events: Number(r.events), name: r.name }));
      const sources = await count(`SELECT source AS id, MIN(name) AS name, COUNT(*) AS events FROM browse_event_sources GROUP BY source ORDER BY events DESC, source COLLATE "C" LIMIT 500`);
      const languages = await count(`SELECT language AS id, COUNT(*) AS events FROM browse_event_languages GROUP BY language ORDER BY events DESC, language COLLATE "C"`);
      const countries = await count(`SELECT country_id AS id, COUNT(*) AS events FROM browse_events WHERE country_id IS NOT NULL GROUP BY country_id ORDER BY events DESC, country_id COLLATE "C" LIMIT 500`);
      const statuses = await count(`SELECT status AS id, COUNT(*) AS events FROM browse_events WHERE status IS NOT NULL GROUP BY status`);
      const known = await names([...sources, ...countries].map((f) => f.id));
      const named = (list: { id: string; events: number; name?: string }[]) => list.map((f) => ({ id: f.id, events: f.events, name: known.get(f.id)?.name ?? f.name ?? f.id }));
      return { sources: named(sources), languages: languages.map((f) => ({ ...f, name: f.id })), countries: named(countries), statuses: orderStatuses(statuses) };
    },
    async eventsTouching(subjects) {
      const ids = [...subjects];
      const found = await rows<{ id: string }>(
        `SELECT id FROM events WHERE id = ANY($1)
        UNION SELECT event_id FROM event_members WHERE report_id = ANY($1)
        UNION SELECT event_id FROM browse_event_actors WHERE actor_id = ANY($1)`,
        [ids],
      );
      return found.map((r) => r.id);
    },
  };
}
