// JSON schemas for request input (validated by Fastify before a handler runs) and the parsing of
// validated queries into store filters.
import { partialDateProblem } from '../core/calendar-date.ts';
import type { EventFilter } from '../store/browse.ts';
import { HttpError } from './errors.ts';
import { STATUS_KINDS, type EventStatusKind } from '../sources/status.ts';

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
  outlet: text(200, 'the outlet that published a report'),
  source: text(300, 'a wire agency a report names in its dateline or credit, or cites (knowledge-base id, else the name)'),
  language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: "a report's language (ISO 639 code: en, ar, zh-Hant)" },
  country: text(300, 'country actor id: events at places within it'),
  status: { type: 'string', enum: [...STATUS_KINDS], description: 'who says so: confirmed, corroborated, single-source or disputed' },
  q: { type: 'string', maxLength: 200, description: 'words that must appear in the evidence' },
} as const;

export interface FilterQuery {
  actor?: string[];
  from?: string;
  to?: string;
  place?: string;
  mode?: string;
  outlet?: string;
  source?: string;
  language?: string;
  country?: string;
  status?: EventStatusKind;
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
  if (query.source) filter.source = query.source;
  if (query.language) filter.language = query.language;
  if (query.country) filter.country = query.country;
  if (query.status) filter.status = query.status;
  if (query.q !== undefined && query.q.trim()) filter.q = query.q;
  return filter;
}

export const errorResponse = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;
