// Writes need an API token (`Authorization: Bearer <token>`); without a configured token the
// server is read-only. A token is either the one shared token (`--token`, its holder unnamed) or
// an analyst's own (`--tokens FILE`, see tokens-file.ts): then whatever that token does is done in
// the analyst's name, whatever name the client sends.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/** A token the server accepts and who holds it (null: the one shared token of --token). */
export interface Credential {
  name: string | null;
  token: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** The credentials a server accepts, with their digests made once. */
export interface Keyring {
  readonly credentials: readonly Credential[];
  /** The credential whose token the request carries, or null. Every token is compared (in constant time). */
  holderOf(request: FastifyRequest): Credential | null;
  /** Whether a read key is the read key of one of the tokens (each compared in constant time). */
  opensReads(key: string): boolean;
}

export function keyring(credentials: readonly Credential[]): Keyring {
  const digests = credentials.map((c) => digest(c.token));
  const readKeys = credentials.map((c) => digest(readKeyOf(c.token)));
  return {
    credentials,
    holderOf(request) {
      const given = bearerOf(request);
      if (given === null) return null;
      const mine = digest(given);
      let found: Credential | null = null;
      for (let i = 0; i < digests.length; i++) if (timingSafeEqual(mine, digests[i]) && !found) found = credentials[i];
      return found;
    },
    opensReads(key) {
      const mine = digest(key);
      let found = false;
      for (const k of readKeys) if (timingSafeEqual(mine, k)) found = true;
      return found;
    },
  };
}

export function isAuthorized(request: FastifyRequest, keys: Keyring): boolean {
  return keys.holderOf(request) !== null;
}

/** The credential of a request that may write; throws unless it may. */
export function requireWriter(request: FastifyRequest, keys: Keyring): Credential {
  if (keys.credentials.length === 0) throw new HttpError('read-only', 'this server is read-only: start it with --token, --tokens or PARLEY_TOKEN to allow changes');
  if (bearerOf(request) === null) throw new HttpError('unauthorized', 'this change needs the API token (Authorization: Bearer <token>)');
  const holder = keys.holderOf(request);
  if (!holder) throw new HttpError('unauthorized', 'the API token is wrong');
  return holder;
}

/**
 * Who a change is recorded as made by. With an analyst's token, the analyst's name: a name the
 * client typed is ignored, not refused — clients (the web app) send a name remembered from a free
 * text field, and the token, not the text, is what proves who is acting, so refusing would only
 * break them without making the record any truer. With the shared token, the name the client gives.
 */
export function authorOf(holder: Credential, typed: string | undefined | null): string {
  if (holder.name !== null) return holder.name;
  if (!typed) throw new HttpError('bad-request', 'say who makes this change: "author" (with a token of your own, `serve --tokens`, it is your name)');
  return typed;
}

/**
 * The read key of a token: a key that opens reads only, for links that cannot carry a header (a
 * download link, a feed reader's subscription). It is derived from the token (HMAC-SHA-256), so it
 * changes with the token and never reveals it; a URL that leaks gives reading, never writing.
 */
export function readKeyOf(token: string): string {
  return createHmac('sha256', token).update('parley read key v1').digest('base64url');
}

