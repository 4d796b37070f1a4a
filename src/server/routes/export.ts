// Exports of the current filter (the events list's parameters): the same formats as `parley
// export`, over only the events the filter finds, streamed to the client as they are read.
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS } from '../../cli/export.ts';
import { PassThrough } from 'node:stream';
import { ExportAborted, streamSink } from '../../export/stream.ts';
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
      // a filter's events are found by the browse index (their ids only); no filter: every event
      let ids: Set<string> | undefined;
      if (Object.keys(filter).length > 0) {
        const browse = store.browse();
        ids = new Set<string>();
        for (let offset = 0; ; offset += 200) {
          const page = await browse.listEvents(filter, 'date', 'desc', { limit: 200, offset });
          for (const e of page.items) ids.add(e.id);
          if (page.items.length < 200) break;
        }
      }
      const { format } = request.query;
      // written as it is read, at the pace the client reads; a client that goes away stops it
      const body = new PassThrough({ highWaterMark: 256 * 1024 });
      const stop = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) stop.abort();
      });
      const sink = streamSink(body, stop.signal);
      (async () => {
        await EXPORT_FORMATS[format].write(store, sink, { ...(ids ? { ids } : {}), signal: stop.signal });
        await sink.end();
        body.end();
      })().catch((error: unknown) => {
        if (!(error instanceof ExportAborted)) request.log.error({ err: error }, 'export failed');
        // a cut response, never one that looks whole
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      reply.type(TYPES[format]).header('content-disposition', `attachment; filename="parley-events.${EXTENSIONS[format]}"`);
      return reply.send(body);
    },
  );
}
