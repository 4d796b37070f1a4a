// Judgements: an analyst's decisions (merge or split actors and events, reject a report, correct a
// field), listed, added and undone. Writes need the API token.
import type { FastifyInstance } from 'fastify';
import type { Judgement, NewJudgement } from '../../core/types.ts';
import type { Store } from '../../store/store.ts';
import { authorOf, type Keyring, requireWriter } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { PARTIAL_DATE } from '../schemas.ts';
import { JUDGEMENT_KINDS } from '../../judgements/validate.ts';

const id = { type: 'string', minLength: 1, maxLength: 300 } as const;
const name = { type: 'string', minLength: 1, maxLength: 300 } as const;

const newJudgementSchema = {
  type: 'object',
  required: ['kind', 'subjects'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...JUDGEMENT_KINDS] },
    subjects: { type: 'array', items: id, minItems: 1, maxItems: 50 },
    value: {
      type: 'object',
      additionalProperties: false,
      properties: {
        aliases: { type: 'array', items: name, maxItems: 100 },
        date: { anyOf: [{ type: 'string', pattern: PARTIAL_DATE }, { type: 'null' }] },
        place: { anyOf: [id, { type: 'null' }] },
        participants: { type: 'array', items: id, maxItems: 50 },
      },
    },
    author: { type: 'string', minLength: 1, maxLength: 100, description: 'who decides; with an analyst\'s own token (serve --tokens) that analyst\'s name is recorded and this is ignored' },
    reason: { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'null' }] },
    confirm: { type: 'boolean', description: 'apply an event merge that looks wrong (see the preview\'s concerns)' },
  },
} as const;

function needs(store: Store, method: 'addJudgement' | 'listJudgements' | 'undoJudgement' | 'previewJudgement'): void {
  if (typeof (store as Partial<Store>)[method] !== 'function') {
    throw new HttpError('not-implemented', `this database backend has no ${method}`);
  }
}

export function registerJudgementRoutes(app: FastifyInstance, store: Store, keys: Keyring): void {
  // the store re-indexes the events a judgement touches before it returns (store/browse-maintenance.ts)

  app.get<{ Querystring: { kind?: string; active?: boolean } }>(
    '/api/judgements',
    {
      schema: {
        summary: 'Judgements, newest first',
        tags: ['judgements'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { kind: { type: 'string', enum: [...JUDGEMENT_KINDS] }, active: { type: 'boolean' } },
        },
      },
    },
    async (request) => {
      needs(store, 'listJudgements');
      const filter: { kind?: string; active?: boolean } = {};
      if (request.query.kind) filter.kind = request.query.kind;
      if (request.query.active !== undefined) filter.active = request.query.active;
      return { judgements: await store.listJudgements(filter) };
    },
  );

  app.post<{ Body: NewJudgement }>(
    '/api/judgements',
    { schema: { summary: 'Record a judgement (needs the API token)', tags: ['judgements'], body: newJudgementSchema } },
    async (request, reply) => {
      const holder = requireWriter(request, keys);
      needs(store, 'addJudgement');
      const input = { ...request.body, author: authorOf(holder, request.body.author) };
      const judgement = await store.addJudgement(input);
      reply.code(201);
      return judgement;
    },
  );

  app.post<{ Body: NewJudgement }>(
    '/api/judgements/preview',
    {
      schema: {
        summary: 'What a judgement would do, without doing it: the events before and after, vanished ids, reports pulled in, concerns (needs the API token)',
        tags: ['judgements'],
        body: newJudgementSchema,
      },
    },
    async (request) => {
      const holder = requireWriter(request, keys);
      needs(store, 'previewJudgement');
      const preview = await store.previewJudgement({ ...request.body, author: authorOf(holder, request.body.author ?? 'preview') });
      // the names of every actor the events name, so that a preview reads without more requests
      const ids = new Set<string>();
      for (const e of [...preview.before, ...preview.after]) {
        for (const p of e.participants) ids.add(p.actorId);
        if (e.place) ids.add(e.place);
      }
      const actors = Object.fromEntries((await store.getActors([...ids])).map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind }]));
      return { ...preview, actors };
    },
  );

  app.post<{ Params: { id: number }; Body: { author?: string; reason?: string } }>(
    '/api/judgements/:id/undo',
    {
      schema: {
        summary: 'Undo a judgement (needs the API token)',
        tags: ['judgements'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { author: { type: 'string', minLength: 1, maxLength: 100, description: 'ignored with an analyst\'s own token' }, reason: { type: 'string', maxLength: 2000 } },
        },
      },
    },
    async (request) => {
      const holder = requireWriter(request, keys);
      needs(store, 'undoJudgement');
      const author = authorOf(holder, request.body.author);
      const { id } = request.params;
      const existing: Judgement | undefined = (await store.listJudgements()).find((j) => j.id === id);
      if (!existing) throw new HttpError('not-found', `no judgement ${id}`);
      return await store.undoJudgement(id, author, request.body.reason);
    },
  );
}
