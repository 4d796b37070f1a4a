// Events: the filtered, paged list; one event with its reports, quotes and articles; the timeline
// and the co-meeting network for a filter.
import type { FastifyInstance } from 'fastify';
import type { Span } from '../../core/types.ts';
import type { DocumentSummary, Store, StoredReport } from '../../store/store.ts';
import { windowsAround, type TextWindow } from '../text-window.ts';
import { HttpError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../../store/browse-cursor.ts';
import { filterQuery, idParams, pageQuery, toFilter, type FilterQuery } from '../schemas.ts';
import { documentMetaOf } from './documents.ts';
import { resolveActorFilter, type NameResolver } from '../resolve-actors.ts';
import { createEventSources } from '../../sources/event-sources.ts';
import { attributionJson, sourcesJson } from '../../sources/sources-json.ts';

interface ListQuery extends FilterQuery {
  sort: 'date' | 'reports';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  after?: string;
}

const quoteOf = (text: string, spans: readonly Span[]) => spans.map((s) => text.slice(s.start, s.end));

/** Every span a report marks in its article. */
const spansOf = (r: StoredReport): Span[] => [
  r.trigger,
  ...r.evidence,
  ...r.participants.flatMap((p) => p.spans),
  ...(r.date?.span ? [r.date.span] : []),
  ...(r.place ? [r.place.span] : []),
];

export function registerEventRoutes(app: FastifyInstance, store: Store, resolveName?: NameResolver): void {
  /** The filter with actor names in any spelling resolved to ids, and what each resolved to. */
  const resolved = async (query: FilterQuery) => {
    const { ids, resolutions } = await resolveActorFilter(store, resolveName, query.actor);
    return { filter: toFilter({ ...query, ...(ids ? { actor: ids } : {}) }), extra: resolutions.length ? { resolved: resolutions } : {} };
  };

  app.get<{ Querystring: ListQuery }>(
    '/api/events',
    {
      schema: {
        summary: 'Events matching a filter, a page at a time',
        tags: ['events'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...filterQuery,
            sort: { type: 'string', enum: ['date', 'reports'], default: 'date' },
            order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
            ...pageQuery,
            after: {
              type: 'string',
              minLength: 1,
              maxLength: 1000,
              description: "the page after a row: a page's `next` (same sort, order and filter); offset is then ignored",
            },
          },
        },
      },
    },
    async (request) => {
      const { sort, order, limit } = request.query;
      const { filter, extra } = await resolved(request.query);
      // a cursor (keyset paging) finds a deep page without walking the rows before it
      const cursor = request.query.after === undefined ? null : decodeCursor(request.query.after, sort, order, filter);
      const offset = cursor ? cursor.position : request.query.offset;
      const page = await store.browse().listEvents(filter, sort, order, { limit, offset, ...(cursor ? { after: cursor.key } : {}) });
      const last = page.items.at(-1);
      const next = last && offset + page.items.length < page.total ? encodeCursor(sort, order, filter, last, offset + page.items.length) : null;
      return { ...page, next, ...extra };
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/api/timeline',
    {
      schema: {
        summary: 'Events per month for a filter',
        tags: ['events'],
        querystring: { type: 'object', additionalProperties: false, properties: filterQuery },
      },
    },
    async (request) => {
      const { filter, extra } = await resolved(request.query);
      return { months: await store.browse().timeline(filter), ...extra };
    },
  );

  app.get<{ Querystring: FilterQuery & { edges: number } }>(
    '/api/network',
    {
      schema: {
        summary: 'Who met whom among the events of a filter: edge weight = events together',
        tags: ['events'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...filterQuery, edges: { type: 'integer', minimum: 1, maximum: 2000, default: 300 } },
        },
      },
    },
    async (request) => {
      const { filter, extra } = await resolved(request.query);
      return { ...(await store.browse().network(filter, request.query.edges)), ...extra };
    },
  );

  app.get('/api/outlets', { schema: { summary: 'Outlets with their number of events', tags: ['events'] } }, async () => ({
    outlets: await store.browse().outlets(),
  }));

  app.get('/api/facets', { schema: { summary: 'Values to filter events by (wire sources, languages, countries, statuses), each with its number of events', tags: ['events'] } }, async () =>
    store.browse().facets(),
  );

  app.get<{ Params: { id: string } }>(
    '/api/events/:id',
    { schema: { summary: 'One event: its reports, quotes and the articles they come from', tags: ['events'], params: idParams } },
    async (request, reply) => {
      const event = await store.getEvent(request.params.id);
      if (!event) {
        // a merged-away id answers with where its reports are now
        const to = await store.eventRedirect(request.params.id);
        if (to) {
          reply.code(308).header('location', `/api/events/${encodeURIComponent(to)}`);
          return { redirect: { from: request.params.id, to } };
        }
        throw new HttpError('not-found', `no event ${request.params.id}`);
      }
      // each article as windows around what its reports mark; a short one whole (text-window.ts)
      const texts = new Map<string, string>();
      const read: DocumentSummary[] = [];
      const documents = new Map<string, ReturnType<typeof documentMetaOf> & { length: number; windows: TextWindow[]; text?: string }>();
      for (const report of event.reports) {
        if (texts.has(report.docId)) continue;
        const doc = await store.getDocument(report.docId);
        if (!doc) continue;
        read.push(doc);
        texts.set(doc.id, doc.text);
        const spans = event.reports.filter((r) => r.docId === doc.id).flatMap(spansOf);
        const windows = windowsAround(doc.text, spans);
        const whole = windows.length === 1 && windows[0].start === 0 && windows[0].end === doc.text.length;
        documents.set(doc.id, { ...documentMetaOf(doc), length: doc.text.length, windows, ...(whole ? { text: doc.text } : {}) });
      }
      // who says so: sources, status, denials (their documents are sent too, windows around the denying words)
      const whoSays = await (await createEventSources(store, { documents: read })).of(event);
      const said = sourcesJson(whoSays);
      for (const d of said.denials) {
        if (texts.has(d.doc)) continue;
        const doc = await store.getDocument(d.doc);
        if (!doc) continue;
        texts.set(doc.id, doc.text);
        const spans = said.denials.filter((x) => x.doc === doc.id).flatMap((x) => [x.sentence, x.trigger, ...(x.cue ? [x.cue] : []), ...(x.by ? [x.by.span] : [])]);
        const windows = windowsAround(doc.text, spans);
        const whole = windows.length === 1 && windows[0].start === 0 && windows[0].end === doc.text.length;
        documents.set(doc.id, { ...documentMetaOf(doc), length: doc.text.length, windows, ...(whole ? { text: doc.text } : {}) });
      }
      const actorIds = new Set<string>();
      for (const d of said.denials) for (const p of d.participants) actorIds.add(p);
      for (const report of event.reports) {
        for (const p of report.participants) actorIds.add(p.actorId);
        if (report.place) actorIds.add(report.place.actorId);
      }
      for (const p of event.participants ?? []) actorIds.add(p.actorId);
      if (event.place) actorIds.add(event.place);
      const actors = Object.fromEntries(
        (await store.getActors([...actorIds])).map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind }]),
      );
      const participants =
        event.participants ??
        [...new Set(event.reports.flatMap((r) => r.participants.map((p) => p.actorId)))].map((actorId) => ({
          actorId,
          reports: event.reports.filter((r) => r.participants.some((p) => p.actorId === actorId)).map((r) => r.id),
        }));
      return {
        id: event.id,
        date: event.date ?? event.reports.find((r) => r.date)?.date?.value ?? null,
        place: event.place ?? event.reports.find((r) => r.place)?.place?.actorId ?? null,
        mode: event.mode ?? event.reports[0]?.mode ?? 'meet',
        participants,
        conflicts: event.conflicts ?? [],
        humanJudgements: event.humanJudgements ?? [],
        mergeJudgements: event.judgements,
        actors,
        reports: event.reports.map((report) => {
          const text = texts.get(report.docId) ?? '';
          return {
            ...report,
            quotes: quoteOf(text, report.evidence),
            dateText: report.date?.span ? text.slice(report.date.span.start, report.date.span.end) : null,
            placeText: report.place ? text.slice(report.place.span.start, report.place.span.end) : null,
            attribution: (whoSays.attributions.get(report.id) ?? []).map(attributionJson),
          };
        }),
        sources: said.sources,
        status: said.status,
        denials: said.denials,
        documents: Object.fromEntries(documents),
      };
    },
  );
}
