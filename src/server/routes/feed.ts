// A saved search's Atom feed: the newest events of a filter (the events list's parameters), for a
// feed reader. Entry ids are the event ids (stable), so a reader shows each new event once. The
// XML is written here with the exporters' escaping (co-meetings.ts): a few fixed elements, no
// library needed; the end-to-end test reads it back with the ingest's feed parser.
import type { FastifyInstance } from 'fastify';
import { xmlEscape } from '../../export/co-meetings.ts';
import type { Store } from '../../store/store.ts';
import { resolveActorFilter, type NameResolver } from '../resolve-actors.ts';
import { filterQuery, toFilter, type FilterQuery } from '../schemas.ts';

export const FEED_ENTRIES = 50;

export function registerFeedRoutes(app: FastifyInstance, store: Store, resolveName?: NameResolver): void {
  app.get<{ Querystring: FilterQuery & { title?: string } }>(
    '/api/feed.atom',
    {
      schema: {
        summary: `The newest ${FEED_ENTRIES} events of a filter as an Atom feed (a saved search for a feed reader)`,
        tags: ['events'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...filterQuery, title: { type: 'string', maxLength: 200, description: 'the saved search\'s name' } },
        },
      },
    },
    async (request, reply) => {
      const { ids } = await resolveActorFilter(store, resolveName, request.query.actor);
      const filter = toFilter({ ...request.query, ...(ids ? { actor: ids } : {}) });
      const page = await store.browse().listEvents(filter, 'date', 'desc', { limit: FEED_ENTRIES, offset: 0 });
      const origin = `${request.protocol}://${request.host}`;
      const search = new URLSearchParams(request.url.split('?')[1] ?? '');
      search.delete('title');
      search.delete('key');
      const listLink = `${origin}/#/events${search.size ? `?${search}` : ''}`;
      const now = new Date().toISOString();
      const updatedOf = (date: string | null) => (date ? new Date(`${date.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z`).toISOString() : now);
      const entries = page.items.map((e) => {
        const who = e.participants.map((p) => p.name).join(', ');
        const title = `${e.date ?? 'undated'}: ${who} (${e.mode}${e.place ? `, ${e.place.name}` : ''})`;
        return [
          '  <entry>',
          `    <id>urn:parley:event:${xmlEscape(e.id)}</id>`,
          `    <title>${xmlEscape(title)}</title>`,
          `    <link rel="alternate" href="${xmlEscape(`${origin}/#/event/${encodeURIComponent(e.id)}`)}"/>`,
          `    <updated>${updatedOf(e.date)}</updated>`,
          `    <summary>${xmlEscape(`${e.snippet} (${e.reports} report${e.reports === 1 ? '' : 's'}, ${e.outlets.join(', ')})`)}</summary>`,
          '  </entry>',
        ].join('\n');
      });
      reply.type('application/atom+xml; charset=utf-8');
      return [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        `  <id>${xmlEscape(`urn:parley:search:${search.toString() || 'all'}`)}</id>`,
        `  <title>${xmlEscape(`Parley: ${request.query.title?.trim() || 'events'}`)}</title>`,
        `  <link rel="alternate" href="${xmlEscape(listLink)}"/>`,
        `  <updated>${page.items[0] ? updatedOf(page.items[0].date) : now}</updated>`,
        '  <author><name>Parley</name></author>',
        ...entries,
        '</feed>',
        '',
      ].join('\n');
    },
  );
}
