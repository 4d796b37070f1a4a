// JSON schemas for request input (validated by Fastify before a handler runs) and the parsing of
// validated queries into store filters.
import { partialDateProblem } from '../core/calendar-date.ts';
import type { EventFilter } from '../store/sqlite/browse.ts';
import { HttpError } from './errors.ts';

export const PARTIAL_DATE = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
export const MODES = ['meet', 'visit', 'host', 'phone', 'video'] as const;

const text = (maxLength: number, description?: string) => ({ type: 'string', minLength: 1, maxLength, ...(description ? { description } : {}) });

export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: text(300) },
} as const;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;

export const filterQuery = {
  actor: {
    type: 'array',
    items: text(300),
    maxItems: 2,
    description: 'actor id; give it twice for a pair (events both took part in)',
  },
  from: { type: 'string', pattern: PARTIAL_DATE, description: 'YYYY, YYYY-MM or YYYY-MM-DD (inclusive)' },
  to: { type: 'string', pattern: PARTIAL_DATE, description: 'YYYY, YYYY-MM or YYYY-MM-DD (inclusive)' },
  place: text(300, 'place actor id'),
  mode: { type: 'string', enum: [...MODES] },
  outlet: text(200),
  q: { type: 'string', maxLength: 200, description: 'words that must appear in the evidence' },
} as const;

export interface FilterQuery {
  actor?: string[];
  from?: string;
  to?: string;
  place?: string;
  mode?: string;
  outlet?: string;
  q?: string;
}

/** The schema checks a date's shape; this checks the calendar has it (no 2023-02-31). */
export function calendarDate(value: string, name: string): string {
  const problem = partialDateProblem(value);
  if (problem) throw new HttpError('bad-request', `${name}: ${problem}`);
  return value;
}

export function toFilter(query: FilterQuery): EventFilter {
  const filter: EventFilter = {};
  if (query.actor?.length) filter.actors = query.actor;
  if (query.from) filter.from = calendarDate(query.from, 'from');
  if (query.to) filter.to = calendarDate(query.to, 'to');
  if (query.place) filter.place = query.place;
  if (query.mode) filter.mode = query.mode;
  if (query.outlet) filter.outlet = query.outlet;
  if (query.q !== undefined && query.q.trim()) filter.q = query.q;
  return filter;
}

export const errorResponse = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;
