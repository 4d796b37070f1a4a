// Source judgements: two documents are one source or independent; an event's status set by hand.
// Listed by anyone who may read; added and undone with the API token. Checks: src/sources/judge.ts.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.ts';
import { requireWriter } from '../auth.ts';
import { judgeSources, SOURCE_JUDGEMENT_KINDS, type SourceJudgementInput } from '../../sources/judge.ts';
import { STATUS_KINDS } from '../../sources/status.ts';

const id = { type: 'string', minLength: 1, maxLength: 300 } as const;

export function registerSourceRoutes(app: FastifyInstance, store: Store, token: string | null): void {
  app.get('/api/source-judgements', { schema: { summary: 'Source judgements, oldest first', tags: ['sources'] } }, async () => ({ judgements: await store.sources().judgements() }));
  app.post<{ Body: SourceJudgementInput }>(
    '/api/source-judgements',
    {
      schema: {
        summary: 'Mark two documents as one source or independent, or set an event status with a reason (needs the API token)',
        tags: ['sources'],
        body: {
          type: 'object',
          required: ['kind', 'subjects', 'author'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: [...SOURCE_JUDGEMENT_KINDS] },
            subjects: { type: 'array', items: id, minItems: 1, maxItems: 2 },
            status: { anyOf: [{ type: 'string', enum: [...STATUS_KINDS] }, { type: 'null' }] },
            author: { type: 'string', minLength: 1, maxLength: 100 },
            reason: { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'null' }] },
          },
        },
      },
    },
    async (request, reply) => {
      requireWriter(request, token);
      reply.code(201);
      const judgement = await judgeSources(store, request.body);
      return judgement;
    },
  );
  app.post<{ Params: { id: number }; Body: { author: string } }>(
    '/api/source-judgements/:id/undo',
    {
      schema: {
        summary: 'Undo a source judgement (needs the API token)',
        tags: ['sources'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        body: { type: 'object', required: ['author'], additionalProperties: false, properties: { author: { type: 'string', minLength: 1, maxLength: 100 } } },
      },
    },
    async (request) => {
      requireWriter(request, token);
      // statuses in the event list follow the judgement at once: the store re-indexes them
      return await store.sources().undoJudgement(request.params.id, request.body.author);
    },
  );
}
