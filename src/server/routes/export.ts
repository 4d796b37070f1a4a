// Exports of the current filter (the events list's parameters): the same formats as `parley
// export`, over only the events the filter finds.
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS } from '../../cli/export.ts';
import type { Store } from '../../store/store.ts';
import { resolveActorFilter, type NameResolver } from '../resolve-actors.ts';
import { filterQuery, toFilter, type FilterQuery } from '../schemas.ts';

const TYPES: Record<string, string> = {
  'events-json': 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  'participants-csv': 'text/csv; charset=utf-8',
  plover: 'application/x-ndjson; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
};
const EXTENSIONS: Record<string, string> = { 'events-json': 'json', csv: 'csv', 'participants-csv': 'csv', plover: 'jsonl', gexf: 'gexf', graphml: 'graphml' };

/** The store as the exporters read it, holding only these events (every other read is the store's own). */
export function storeOfEvents(store: Store, ids: ReadonlySet<string>): Store {
  const view = Object.create(store) as Store;
  view.listEvents = async () => (await store.listEvents()).filter((e) => ids.has(e.id));
  return view;
}

export function registerExportRoutes(app: FastifyInstance, store: Store, resolveName?: NameResolver): void {
  app.get<{ Querystring: FilterQuery & { format: string } }>(
    '/api/export',
    {
      schema: {
        summary: 'The events of a filter in an export format (as `parley export`), as a download',
        tags: ['events'],
        querystring: {
          type: 'object',
          required: ['format'],
          additionalProperties: false,
          properties: { ...filterQuery, format: { type: 'string', enum: Object.keys(EXPORT_FORMATS) } },
        },
      },
    },
    async (request, reply) => {
      const { ids: actors } = await resolveActorFilter(store, resolveName, request.query.actor);
      const filter = toFilter({ ...request.query, ...(actors ? { actor: actors } : {}) });
      const browse = store.browse();
      const ids = new Set<string>();
      for (let offset = 0; ; offset += 200) {
        const page = await browse.listEvents(filter, 'date', 'desc', { limit: 200, offset });
        for (const e of page.items) ids.add(e.id);
        if (page.items.length < 200) break;
      }
      const { format } = request.query;
      reply.type(TYPES[format]).header('content-disposition', `attachment; filename="parley-events.${EXTENSIONS[format]}"`);
      return EXPORT_FORMATS[format].build(storeOfEvents(store, ids));
    },
  );
}
