// Writes need the API token (`Authorization: Bearer <token>`); without a configured token the
// server is read-only.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
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

/**
 * The read key of a token: a key that opens reads only, for links that cannot carry a header (a
 * download link, a feed reader's subscription). It is derived from the token (HMAC-SHA-256), so it
 * changes with the token and never reveals it; a URL that leaks gives reading, never writing.
 */
export function readKeyOf(token: string): string {
  return createHmac('sha256', token).update('parley read key v1').digest('base64url');
}

export function isReadKey(given: string, token: string | null): boolean {
  return token !== null && timingSafeEqual(digest(given), digest(readKeyOf(token)));
}
