// Writes need the API token (`Authorization: Bearer <token>`); without a configured token the
// server is read-only.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export function isAuthorized(request: FastifyRequest, token: string | null): boolean {
  if (!token) return false;
  const given = bearerOf(request);
  return given !== null && timingSafeEqual(digest(given), digest(token));
}

/** Throws unless the request may write. */
export function requireWriter(request: FastifyRequest, token: string | null): void {
  if (!token) throw new HttpError('read-only', 'this server is read-only: start it with --token or PARLEY_TOKEN to allow changes');
  if (bearerOf(request) === null) throw new HttpError('unauthorized', 'this change needs the API token (Authorization: Bearer <token>)');
  if (!isAuthorized(request, token)) throw new HttpError('unauthorized', 'the API token is wrong');
}
