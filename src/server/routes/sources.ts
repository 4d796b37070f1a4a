// Source judgements: two documents are one source or independent; an event's status set by hand.
// Listed by anyone who may read; added and undone with the API token. Checks: src/sources/judge.ts.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.ts';
import { authorOf, type Keyring, requireWriter } from '../auth.ts';
import { judgeSources, SOURCE_JUDGEMENT_KINDS, type SourceJudgementInput } from '../../sources/judge.ts';
import { STATUS_KINDS } from '../../sources/status.ts';

const id = { type: 'string', minLength: 1, maxLength: 300 } as const;

export function registerSourceRoutes(app: FastifyInstance, store: Store, keys: Keyring): void {
  app.get('/api/source-judgements', { schema: { summary: 'Source judgements, oldest first', tags: ['sources'] } }, async () => ({ judgements: await store.sources().judgements() }));
  app.post<{ Body: SourceJudgementInput }>(
    '/api/source-judgements',
    {
      schema: {
        summary: 'Mark two documents as one source or independent, or set an event status with a reason (needs the API token)',
        tags: ['sources'],
        body: {
          type: 'object',
          required: ['kind', 'subjects'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: [...SOURCE_JUDGEMENT_KINDS] },
            subjects: { type: 'array', items: id, minItems: 1, maxItems: 2 },
            status: { anyOf: [{ type: 'string', enum: [...STATUS_KINDS] }, { type: 'null' }] },
            author: { type: 'string', minLength: 1, maxLength: 100, description: 'ignored with an analyst\'s own token (serve --tokens): the holder\'s name is recorded' },
            reason: { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'null' }] },
          },
        },
      },
    },
    async (request, reply) => {
      const holder = requireWriter(request, keys);
      const input = { ...request.body, author: authorOf(holder, request.body.author) };
      reply.code(201);
      // statuses in the event list follow the judgement at once: the store re-indexes them
      const judgement = await judgeSources(store, input);
      return judgement;
    },
  );
  app.post<{ Params: { id: number }; Body: { author?: string } }>(
    '/api/source-judgements/:id/undo',
    {
      schema: {
        summary: 'Undo a source judgement (needs the API token)',
        tags: ['sources'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        body: { type: 'object', additionalProperties: false, properties: { author: { type: 'string', minLength: 1, maxLength: 100 } } },
      },
    },
    async (request) => {
      const holder = requireWriter(request, keys);
      // statuses in the event list follow the judgement at once: the store re-indexes them
      return await store.sources().undoJudgement(request.params.id, authorOf(holder, request.body.author));
    },
  );
}
