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
import { readEventSources, type EventSourcesReader } from '../../sources/event-sources.ts';
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
  /** Who says so, read for one sync (documents, denials and judgements read once). */
  async function sourcesReader(): Promise<EventSourcesReader> {
    const found = await rows<{ id: string; path: string | null; meta: DocumentMeta | null; published_value: string | null }>('SELECT id, path, meta, published_value FROM documents');
    const docs = new Map(
      found.map((d) => {
        const meta = d.meta ?? {};
        return [d.id, { outlet: outletOfDocument(d.path, meta), published: d.published_value ?? (typeof meta.published === 'string' ? meta.published : null) }];
      }),
    );
    return readEventSources(sourcesTable, docs);
  }


  async function indexEvents(ids: readonly string[], reader?: EventSourcesReader): Promise<void> {
    const said = reader ?? (await sourcesReader());
    const loaded: { id: string; stamp: string | undefined; event: StoredEvent | null; names: Map<string, string>; extras: SummaryExtras }[] = [];
    const stamps = new Map((await rows<{ id: string; updated_at: string }>('SELECT id, updated_at FROM events WHERE id = ANY($1)', [ids])).map((r) => [r.id, r.updated_at]));
    const docIds = new Set<string>();
    for (const id of ids) {
      const stamp = stamps.get(id);
      const event = stamp === undefined ? null : await source.getEvent(id);
      const participants = event ? summaryParticipants(event) : [];
      const names = new Map((participants.length ? await source.getActors(participants) : []).map((a) => [a.id, a.name]));
      for (const r of event?.reports ?? []) docIds.add(r.docId);
      loaded.push({ id, stamp, event, names, extras: event ? { said: await said.of(event) } : {} });
    }
    const countries = await countriesOfPlaces(
      loaded.flatMap((l) => (l.event ? [summaryPlace(l.event)] : [])).filter((p): p is string => p !== null),
      (placeIds) => source.getActors(placeIds),
    );
    for (const l of loaded) {
      const placeId = l.event ? summaryPlace(l.event) : null;
      l.extras.countryId = placeId ? (countries.get(placeId) ?? null) : null;
    }
    const docs = new Map(
      (await rows<{ id: string; meta: DocumentMeta | null; text: string; language: string }>('SELECT id, meta, text, language FROM documents WHERE id = ANY($1)', [[...docIds]])).map((d) => [
        d.id,
        { meta: d.meta ?? {}, text: d.text, language: d.language },
      ]),
    );
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // writers of several processes index at once (workers, the server): one at a time, so two
      // never insert the same summary (the second would fail on its key)
      await client.query('SELECT pg_advisory_xact_lock($1)', [BROWSE_LOCK]);
      await client.query('DELETE FROM browse_events WHERE event_id = ANY($1)', [ids]);
      for (const { id, stamp, event, names, extras } of loaded) {
        if (!event || stamp === undefined) continue;
        const row = summarizeForBrowse(event, names, (docId) => docs.get(docId), extras);
        // the event may have gone since it was read: then there is nothing to summarize
        const inserted = await client.query(
          `INSERT INTO browse_events (event_id, stamp, date, mode, place_id, participants, reports, documents, outlets, conflicts, snippet,
             status, independent_sources, country_id, sources, languages)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16 WHERE EXISTS (SELECT 1 FROM events WHERE id = $1)`,
          [id, stamp, row.date, row.mode, row.placeId, JSON.stringify(row.participants), row.reports, row.documents, JSON.stringify(row.outlets), row.conflicts, row.snippet,
            row.status, row.independentSources, row.countryId, JSON.stringify(row.sources), JSON.stringify(row.languages)],
        );
        if (inserted.rowCount === 0) continue;
        await client.query('INSERT INTO browse_event_actors (event_id, actor_id) SELECT $1, a FROM unnest($2::text[]) a ON CONFLICT DO NOTHING', [
          id,
          row.participants.map((p) => p.id),
        ]);
        await client.query('INSERT INTO browse_event_outlets (event_id, outlet) SELECT $1, o FROM unnest($2::text[]) o ON CONFLICT DO NOTHING', [id, row.outlets]);
        await client.query('INSERT INTO browse_event_sources (event_id, source, name) SELECT $1, s, n FROM unnest($2::text[], $3::text[]) AS t(s, n) ON CONFLICT DO NOTHING', [
          id,
          row.sources.map((s) => s.id),
          row.sources.map((s) => s.name),
        ]);
        await client.query('INSERT INTO browse_event_languages (event_id, language) SELECT $1, l FROM unnest($2::text[]) l ON CONFLICT DO NOTHING', [id, row.languages]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function sync(): Promise<number> {
    // statuses depend on denials and source judgements kept outside the events: when those
    // changed, every summary is recomputed
    const [state] = await rows<{ value: string }>(`SELECT value FROM browse_state WHERE key = 'sources'`);
    const denials = await rows<{ id: string; participants: string }>('SELECT id, participants FROM denial_claims');
    const judgements = await rows<{ id: number; undone: string | null }>('SELECT id, undone_at AS undone FROM source_judgements');
    const sources = staleBySources(state?.value, denials, judgements.map((j) => ({ id: Number(j.id), undone: j.undone })));
    if (sources.all) await rows(`UPDATE browse_events SET stamp = ''`);
    else if (sources.actors.length) {
      await rows(`UPDATE browse_events SET stamp = '' WHERE event_id IN (SELECT event_id FROM browse_event_actors WHERE actor_id = ANY($1))`, [sources.actors]);
    }
    const ids = (
      await rows<{ id: string }>(`SELECT e.id FROM events e LEFT JOIN browse_events b ON b.event_id = e.id
        WHERE b.event_id IS NULL OR b.stamp <> e.updated_at`)
    ).map((r) => r.id);
    const reader = ids.length ? await sourcesReader() : undefined;
    for (let i = 0; i < ids.length; i += 500) await indexEvents(ids.slice(i, i + 500), reader);
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
