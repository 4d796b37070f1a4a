// Feed items -> Documents: title line, dateline, then the item's content as text (its HTML run
// through the HTML reader's block extraction). Ids are stable across polls: the link's host and a
// hash of the item's guid or link.
import type { DocumentMeta } from '../core/types.ts';
import type { Feed, FeedItem } from './parse-feed.ts';
import { cleanMeta, makeDocument, safeId, sha256 } from './make-document.ts';
import { dayOf } from './normalize-date.ts';
import { problem, type ReadResult } from './options.ts';
import { fragmentText, normalizeSpace } from './read-html.ts';

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The id a feed item is stored under (null when the item has nothing to name it by). */
export function feedItemId(item: FeedItem, prefix: string): string | null {
  const key = item.key ?? item.link ?? item.title;
  if (!key) return null;
  return `${safeId(hostOf(item.link) ?? prefix)}-${sha256(key).slice(0, 12)}`;
}

/** What the feed says about an item, as metadata (also the fallback when its page is fetched). */
export function feedItemMeta(item: FeedItem, feed: Feed, outlet?: string): DocumentMeta {
  return cleanMeta({
    title: item.title ? normalizeSpace(item.title) : null,
    published: item.published,
    outlet: hostOf(item.link) ?? feed.title ?? outlet,
    url: item.link,
    language: feed.language,
    author: item.author,
  });
}

export function feedItemDocument(item: FeedItem, feed: Feed, ctx: { id: string; label: string; outlet?: string }): ReadResult {
  let blocks: string[];
  try {
    blocks = item.html ? fragmentText(item.html) : [];
  } catch (error) {
    return { diagnostic: problem('feed/bad-item', ctx.label, `cannot read the item's content: ${(error as Error).message}`) };
  }
  const meta = feedItemMeta(item, feed, ctx.outlet);
  const title = meta.title ?? '';
  if (title && blocks[0] === title) blocks.shift();
  if (blocks.length === 0) return { diagnostic: problem('feed/empty-item', ctx.label, 'the item has no text (try --fetch-pages)') };
  const day = dayOf(meta.published);
  const head = [title, day].filter(Boolean).join('\n');
  const text = `${head ? `${head}\n\n` : ''}${blocks.join('\n\n')}\n`;
  return { document: makeDocument(ctx.id, text, { ...(item.link ? { url: item.link } : {}), path: ctx.label }, meta) };
}
