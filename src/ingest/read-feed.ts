// Feeds from a file or a URL -> one read result per item. With fetchPages, each item's linked
// page is fetched (politely, see fetch-url.ts) and read by the HTML reader, the feed's own
// metadata filling what the page leaves out; otherwise the item's content is the text.
import { decodeHtml } from './decode-html.ts';
import { createFetcher, type Fetched, type FetchOptions } from './fetch-url.ts';
import { decodeUtf8 } from './input-bytes.ts';
import { feedItemDocument, feedItemId, feedItemMeta, hostOf } from './feed-items.ts';
import { problem, type ReadResult } from './options.ts';
import { parseFeed, type Feed } from './parse-feed.ts';
import { readHtml } from './read-html.ts';

export interface FeedReadOptions {
  /** Names the feed in diagnostics. */
  label: string;
  /** Id prefix for items without a link. */
  prefix: string;
  outlet?: string;
  fetchPages?: boolean;
  fetch?: FetchOptions;
  /** Shared between feeds so the per-host limit holds across them. */
  fetchUrl?: (url: string) => Promise<Fetched>;
  isKnown?: (id: string) => boolean | Promise<boolean>;
  minArticleChars?: number;
}

/** Pages fetched at most this many items ahead of the one being read. */
const LOOKAHEAD = 8;

function decodeXml(bytes: Uint8Array): string | null {
  const declared = Buffer.from(bytes.subarray(0, 200)).toString('latin1').match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8' || declared === 'us-ascii') {
    const text = decodeUtf8(bytes);
    return text === null ? null : text.replace(/^\uFEFF/, '');
  }
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return null;
  }
}

export async function* readFeedText(bytes: Uint8Array, options: FeedReadOptions): AsyncGenerator<ReadResult> {
  const { label } = options;
  if (bytes.includes(0)) {
    yield { diagnostic: problem('read/binary', label, 'contains NUL bytes: not a feed') };
    return;
  }
  const xml = decodeXml(bytes);
  if (xml === null) {
    yield { diagnostic: problem('read/invalid-utf8', label, 'not valid UTF-8 (nor the encoding it declares)') };
    return;
  }
  const parsed = parseFeed(xml);
  if (parsed.error) {
    yield { diagnostic: problem(parsed.error.code, label, parsed.error.message) };
    return;
  }
  yield* feedItems(parsed.feed, options);
}

async function* feedItems(feed: Feed, options: FeedReadOptions): AsyncGenerator<ReadResult> {
  const fetchUrl = options.fetchPages ? (options.fetchUrl ?? createFetcher(options.fetch)) : null;
  const items = feed.items.map((item, i) => ({ item, id: feedItemId(item, options.prefix), label: `${options.label}#${i + 1}` }));
  const known = await Promise.all(items.map(({ id }) => (id === null ? false : options.isKnown?.(id))));
  const todo = items.filter((_, k) => !known[k]);
  const pages = new Map<number, Promise<Fetched>>();
  const start = (k: number) => {
    const t = todo[k];
    if (fetchUrl && t?.item.link && !pages.has(k)) {
      const p = fetchUrl(t.item.link);
      p.catch(() => undefined);
      pages.set(k, p);
    }
  };
  for (let k = 0; k < todo.length; k++) {
    for (let j = k; j < Math.min(todo.length, k + LOOKAHEAD); j++) start(j);
    const { item, id, label } = todo[k];
    if (id === null) {
      yield { diagnostic: problem('feed/bad-item', label, 'the item has no guid, link or title') };
      continue;
    }
    const page = pages.get(k);
    pages.delete(k);
    if (page) {
      const got = await page;
      if (got.error) {
        // the item's own content stands in when there is some
        const own = feedItemDocument(item, feed, { id, label, outlet: options.outlet });
        yield own.document ? own : { diagnostic: problem(got.error.code, item.link ?? label, got.error.message) };
        continue;
      }
      const decoded = decodeHtml(got.bytes, got.contentType);
      if ('error' in decoded) {
        yield { diagnostic: problem(decoded.error === 'invalid-utf8' ? 'read/invalid-utf8' : 'read/unknown-charset', got.url, `the page is not readable text (${decoded.charset})`) };
        continue;
      }
      yield readHtml(decoded.text, {
        id,
        label: got.url,
        url: got.url,
        fallback: feedItemMeta(item, feed, options.outlet),
        outlet: options.outlet,
        minArticleChars: options.minArticleChars,
      });
      continue;
    }
    yield feedItemDocument(item, feed, { id, label, outlet: options.outlet });
  }
}

/** A feed fetched over HTTP(S), then its items. */
export async function* readFeedUrl(url: string, options: Omit<FeedReadOptions, 'label' | 'prefix'>): AsyncGenerator<ReadResult> {
  const fetchUrl = options.fetchUrl ?? createFetcher(options.fetch);
  const got = await fetchUrl(url);
  if (got.error) {
    yield { diagnostic: problem(got.error.code, url, got.error.message) };
    return;
  }
  yield* readFeedText(got.bytes, { ...options, fetchUrl, label: url, prefix: hostOf(got.url) ?? 'feed' });
}
