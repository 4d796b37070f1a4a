// Actors: search over names and aliases, and one actor with its roles, events over time and how
// outlets describe it.
import type { FastifyInstance } from 'fastify';
import type { KbEntry } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';
import { HttpError } from '../errors.ts';
import { idParams, pageQuery } from '../schemas.ts';
import { framingOf } from './framing.ts';
import { resolveStored, type NameResolver } from '../resolve-actors.ts';
import { buildActorView } from '../../judgements/actor-view.ts';

export interface ActorRouteOptions {
  /** Knowledge-base entry of an actor id (roles over time), when there is one. */
  kbEntry?: (id: string) => KbEntry | undefined;
  /** Names in any spelling or script, and prefixes, to knowledge-base actors. */
  resolveName?: NameResolver;
}

export function registerActorRoutes(app: FastifyInstance, store: Store, options: ActorRouteOptions): void {
  app.get<{ Querystring: { q?: string; kind?: string; limit: number; offset: number } }>(
    '/api/actors',
    {
      schema: {
        summary: 'Actors whose name or an alias contains the query, most active first',
        tags: ['actors'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 200 },
            kind: { type: 'string', enum: ['person', 'organization', 'place'] },
            ...pageQuery,
          },
        },
      },
    },
    async (request) => {
      const { q, kind, limit, offset } = request.query;
      const query = q?.trim() || undefined;
      const browse = store.browse();
      const page = await browse.searchActors(query, kind, { limit, offset });
      if (!query || offset > 0) return page;
      // actors the query reaches through the knowledge base come first, saying how
      const resolved = await resolveStored(store, options.resolveName, query);
      const rows = [];
      for (const r of resolved) {
        const row = (await browse.searchActors(r.actorId, kind, { limit: 5, offset: 0 })).items.find((a) => a.id === r.actorId);
        if (row) rows.push({ ...row, resolved: { via: r.via, matched: r.matched } });
      }
      const ids = new Set(rows.map((r) => r.id));
      const items = [...rows, ...page.items.filter((a) => !ids.has(a.id))].slice(0, limit);
      return { ...page, items, total: Math.max(page.total, items.length) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/actors/:id',
    { schema: { summary: 'One actor: names, roles, events over time, framing by outlet', tags: ['actors'], params: idParams } },
    async (request, reply) => {
      // an actor an analyst merged into another answers with where its mentions are now
      if (typeof store.listJudgements === 'function') {
        const judgements = await store.listJudgements({ active: true });
        if (judgements.some((j) => j.kind === 'actor-merge')) {
          const into = buildActorView(judgements).canonical(request.params.id);
          if (into !== request.params.id) {
            reply.code(308).header('location', `/api/actors/${encodeURIComponent(into)}`);
            return { redirect: { from: request.params.id, to: into } };
          }
        }
      }
      const [actor] = await store.getActors([request.params.id]);
      if (!actor) throw new HttpError('not-found', `no actor ${request.params.id}`);
      const browse = store.browse();
      // a place's events are those held there or at a place within it; anyone else's, those they took part in
      const filter = actor.kind === 'place' ? { place: actor.id } : { actors: [actor.id] };
      const kb = options.kbEntry?.(actor.id);
      return {
        ...actor,
        aliases: [...new Set([...(kb?.aliases ?? []), ...actor.aliases])].filter((a) => a !== actor.name),
        roles: kb?.roles ?? [],
        country: kb?.country ?? null,
        events: (await browse.listEvents(filter, 'date', 'desc', { limit: 1, offset: 0 })).total,
        timeline: await browse.timeline(filter),
        framing: await framingOf(store, { actor: actor.id }),
      };
    },
  );
}
