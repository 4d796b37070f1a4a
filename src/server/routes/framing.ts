// Framing: how each outlet describes each actor (outlet x actor descriptors), when the store has it;
// for one event (`event=`), only the documents that report it: the pages show them side by side,
// one column per outlet.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.ts';
import { HttpError } from '../errors.ts';

type FramingFilter = { actor?: string; outlet?: string; event?: string };
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
            event: { type: 'string', minLength: 1, maxLength: 300, description: 'only the documents reporting this event' },
          },
        },
      },
    },
    async (request) => {
      const { event } = request.query;
      if (event !== undefined && !(await store.getEvent(event))) {
        // a merged-away id: the framing of the event that holds its reports now
        const to = await store.eventRedirect(event);
        if (!to) throw new HttpError('not-found', `no event ${event}`);
        return { ...(await framingOf(store, { ...request.query, event: to })), event: to };
      }
      return framingOf(store, { ...request.query });
    },
  );
}
