// Framing: how each outlet describes each actor (outlet x actor descriptors), when the store has it.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.ts';

type FramingFilter = { actor?: string; outlet?: string };
type WithFraming = Store & { framing?: (filter?: FramingFilter) => Promise<unknown[]> };

/** Rows sent at most: the busiest pairs come first in the store's order. */
export const MAX_FRAMING_ROWS = 500;

export async function framingOf(store: Store, filter: FramingFilter): Promise<{ available: boolean; rows: unknown[]; total: number }> {
  const framing = (store as WithFraming).framing;
  if (typeof framing !== 'function') return { available: false, rows: [], total: 0 };
  const rows = await framing.call(store, filter);
  return { available: true, rows: rows.slice(0, MAX_FRAMING_ROWS), total: rows.length };
}

export function registerFramingRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: FramingFilter }>(
    '/api/framing',
    {
      schema: {
        summary: 'Descriptors per outlet and actor',
        tags: ['framing'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: { type: 'string', minLength: 1, maxLength: 300 },
            outlet: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    async (request) => framingOf(store, { ...request.query }),
  );
}
