// The first thing every request meets, before routing and before its body is read:
// - the Host header must name this server (loopback names, the bound address, or names given
//   with --allow-host), so a page that rebinds its own domain to 127.0.0.1 reads nothing (421);
// - a change (any method but GET/HEAD/OPTIONS), and with `private` any API read, needs the token,
//   checked here in an onRequest hook so an unauthenticated body is never parsed or validated;
// - failed token checks are counted per client address and, past a limit, refused for a while
//   (429), so a token cannot be guessed at thousands of tries a second.
// Written by hand: the rules are Parley's (which routes are changes, what counts as a failure);
// the hook, the parsing and the responses are Fastify's.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerOf, type Keyring } from './auth.ts';
import { HttpError, toHttpError } from './errors.ts';

export interface GuardOptions {
  /** the tokens that may write (and read, when private); none: read-only */
  keys: Keyring;
  /** host names (no port) besides loopback that may reach the server: the bound address, --allow-host */
  allowedHosts?: readonly string[];
  /** reads need the token too */
  privateReads?: boolean;
  /** failed token checks allowed per client address within `failureWindowMs` (default 10) */
  maxFailures?: number;
  failureWindowMs?: number;
  now?: () => number;
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1', '[::1]'];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host name of a Host header, lower case, without port or IPv6 brackets; null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  const v6 = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h);
  if (v6) return v6[1];
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return plain ? plain[1].replace(/\.$/, '') : null;
}

export function isAllowedHost(header: string | undefined, allowed: readonly string[] = []): boolean {
  const name = hostName(header);
  if (name === null) return false;
  if (/^127(?:\.\d{1,3}){3}$/.test(name)) return true;
  return [...LOOPBACK, ...allowed].some((a) => (hostName(a) ?? a.toLowerCase()) === name);
}

/** Counts failed token checks per client address in a fixed window. */
export function createFailureLimiter(max: number, windowMs: number, now: () => number) {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (who: string) => {
    const entry = failures.get(who);
    if (!entry || now() - entry.since >= windowMs) return null;
    return entry;
  };
  return {
    blocked(who: string): number | null {
      const entry = current(who);
      return entry && entry.count >= max ? Math.ceil((entry.since + windowMs - now()) / 1000) : null;
    },
    fail(who: string): void {
      const entry = current(who);
      if (entry) entry.count++;
      else {
        // keep the table small: forget windows that are over
        if (failures.size > 10_000) for (const [k, v] of failures) if (now() - v.since >= windowMs) failures.delete(k);
        failures.set(who, { count: 1, since: now() });
      }
    },
  };
}

export function addGuard(app: FastifyInstance, options: GuardOptions): void {
  const now = options.now ?? Date.now;
  const limiter = createFailureLimiter(options.maxFailures ?? 10, options.failureWindowMs ?? 60_000, now);
  const refuse = (reply: FastifyReply, error: HttpError, headers: Record<string, string> = {}) => {
    const { status, body } = toHttpError(error);
    return reply.code(status).headers(headers).type('application/json; charset=utf-8').send(body);
  };
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isAllowedHost(request.headers.host, options.allowedHosts)) {
      return refuse(reply, new HttpError('misdirected', `this server does not answer for the host "${String(request.headers.host ?? '')}"; start it with --allow-host NAME to add one`));
    }
    const path = request.url.split('?')[0];
    if (!path.startsWith('/api/')) return;
    const change = !READS.has(request.method);
    const status = path === '/api/status';
    const needsToken = change || (options.privateReads && !status && path !== '/api/openapi.json');
    const given = bearerOf(request);
    // a read key (`?key=`, see readKeyOf) opens reads for links that cannot send a header; it is
    // taken out of the query so the routes' schemas never see it
    const key = readKeyParam(request);
    if (!needsToken && given === null && key === null) return;
    const who = request.ip;
    const wait = limiter.blocked(who);
    if (wait !== null) return refuse(reply, new HttpError('too-many-requests', `too many wrong tokens from this address; try again in ${wait} s`), { 'retry-after': String(wait) });
    if (key !== null) {
      if (change) return refuse(reply, new HttpError('unauthorized', 'a read key cannot make changes: send the API token (Authorization: Bearer <token>)'));
      if (!options.keys.opensReads(key)) {
        limiter.fail(who);
        return refuse(reply, new HttpError('unauthorized', 'the read key is wrong (it changes with the API token: copy the link again)'));
      }
      if (given === null) return;
    }
    const holder = given === null ? null : options.keys.holderOf(request);
    if (given !== null && !holder) limiter.fail(who);
    if (!needsToken) return;
    if (options.keys.credentials.length === 0) return refuse(reply, new HttpError('read-only', 'this server is read-only: start it with --token, --tokens or PARLEY_TOKEN to allow changes'));
    if (given === null) return refuse(reply, new HttpError('unauthorized', change ? 'this change needs the API token (Authorization: Bearer <token>)' : 'this server is private: reads need the API token (Authorization: Bearer <token>)'));
    if (!holder) return refuse(reply, new HttpError('unauthorized', 'the API token is wrong'));
  });
}

/** The `key` query parameter of a request (removed from its parsed query), or null. */
function readKeyParam(request: FastifyRequest): string | null {
  const q = request.query as Record<string, unknown> | undefined;
  if (!q || typeof q !== 'object' || !('key' in q)) return null;
  const value = q.key;
  delete q.key;
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
}

/** A new API token: 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Why a token is too weak to guard a server, or null when it is strong enough (an estimated 128
 * bits or more). The estimate is length × the bits of a character, a character counting no more
 * than its class allows (digits, lower, upper, other) nor more than the variety the token shows, so
 * a dictionary word, a repeated pattern or a short string fails; `parley token` makes good ones.
 */
export function tokenWeakness(token: string): string | null {
  if (token.length < 22) return `the API token is ${token.length} characters; it needs at least 22 (make one with \`parley token\`)`;
  let alphabet = 0;
  if (/[0-9]/.test(token)) alphabet += 10;
  if (/[a-z]/.test(token)) alphabet += 26;
  if (/[A-Z]/.test(token)) alphabet += 26;
  if (/[^0-9a-zA-Z]/.test(token)) alphabet += 32;
  const distinct = new Set(token).size;
  const perChar = Math.min(Math.log2(alphabet), Math.log2(distinct) + 1);
  const bits = Math.floor(token.length * perChar);
  if (bits < 128) return `the API token is too easy to guess (about ${bits} bits; it needs 128); make one with \`parley token\``;
  return null;
}
