// Polite HTTP(S) fetching for feeds and their pages: a user agent, a timeout over the whole
// exchange, a size limit enforced while reading, a redirect limit (loops caught), and no more
// than N requests at once per host.

export interface FetchOptions {
  /** Whole request, body included. Default 15 s. */
  timeoutMs?: number;
  /** Bodies larger than this are cut off with a diagnostic. Default 5 MB. */
  maxBytes?: number;
  userAgent?: string;
  /** Default 5. */
  maxRedirects?: number;
  /** Requests at once per host. Default 2. */
  perHost?: number;
}

export const DEFAULT_USER_AGENT = 'Parley/0.1 (news analysis; polite fetcher)';

export type Fetched =
  | { url: string; status: number; contentType: string | null; bytes: Buffer; error?: undefined }
  | { error: { code: string; message: string }; url: string; bytes?: undefined };

/** Counts requests per host and queues the rest. */
export class HostLimiter {
  private active = new Map<string, number>();
  private queues = new Map<string, (() => void)[]>();
  constructor(private readonly perHost: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.perHost) {
      await new Promise<void>((resolve) => {
        const q = this.queues.get(host) ?? [];
        q.push(resolve);
        this.queues.set(host, q);
      });
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(host, this.active.get(host)! - 1);
      const next = this.queues.get(host)?.shift();
      if (next) next();
    }
  }
}

export function createFetcher(options: FetchOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const limiter = new HostLimiter(options.perHost ?? 2);

  type Hop = { redirect: string } | { status: number; contentType: string | null; body: Buffer | { tooLarge: number } };

  /** One request, body included, inside the host's limit; the clock starts when it is sent. */
  async function hop(url: URL): Promise<Hop> {
    return limiter.run(url.host, async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        return await exchange(url, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw new TimeoutError();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    });
  }

  async function exchange(url: URL, signal: AbortSignal): Promise<Hop> {
    {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': userAgent, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        return { redirect: location };
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, contentType: null, body: Buffer.alloc(0) };
      }
      return { status: response.status, contentType: response.headers.get('content-type'), body: await readBody(response) };
    }
  }

  async function readBody(response: Response): Promise<Buffer | { tooLarge: number }> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { tooLarge: declared };
    }
    const parts: Buffer[] = [];
    let length = 0;
    if (!response.body) return Buffer.alloc(0);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { tooLarge: length };
      }
      parts.push(Buffer.from(value));
    }
    return Buffer.concat(parts, length);
  }

  return async function fetchUrl(address: string): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return { error: { code: 'fetch/bad-url', message: `not a URL: ${address}` }, url: address };
    }
    const seen = new Set<string>();
    try {
      for (let hops = 0; ; hops++) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          return { error: { code: 'fetch/bad-url', message: `only http and https are fetched, not ${url.protocol}` }, url: url.href };
        }
        if (seen.has(url.href)) return { error: { code: 'fetch/redirect-loop', message: `redirects back to ${url.href}` }, url: address };
        seen.add(url.href);
        const answer = await hop(url);
        if ('redirect' in answer) {
          if (hops >= maxRedirects) return { error: { code: 'fetch/too-many-redirects', message: `more than ${maxRedirects} redirects` }, url: address };
          url = new URL(answer.redirect, url);
          continue;
        }
        if (answer.status < 200 || answer.status >= 300) return { error: { code: 'fetch/http-status', message: `HTTP ${answer.status}` }, url: url.href };
        if (!Buffer.isBuffer(answer.body)) return { error: { code: 'fetch/too-large', message: `body over the limit of ${maxBytes} bytes` }, url: url.href };
        return { url: url.href, status: answer.status, contentType: answer.contentType, bytes: answer.body };
      }
    } catch (error) {
      if (error instanceof TimeoutError) return { error: { code: 'fetch/timeout', message: `no complete answer within ${timeoutMs} ms` }, url: url.href };
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return { error: { code: 'fetch/failed', message: cause ?? (error as Error).message }, url: url.href };
    }
  };
}

class TimeoutError extends Error {}
