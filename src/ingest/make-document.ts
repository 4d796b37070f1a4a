// A Document from a text and what came with it: the hash, an id safe to store, metadata cleaned
// (empty values dropped, the date normalized, the language reduced to its primary subtag).
import { createHash } from 'node:crypto';
import type { Document, DocumentMeta, DocumentSource } from '../core/types.ts';
import { normalizeDate } from './normalize-date.ts';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Lowercase primary subtag ("en-GB" -> "en"), or null when it is not a language tag. */
export function normalizeLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = value.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/);
  return m ? m[1] : null;
}

function clean(value: unknown, max = 1000): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).replace(/\s+/gu, ' ').trim();
  return s ? s.slice(0, max) : null;
}

/**
 * An http(s) URL, or null: `javascript:`, `data:`, `file:` and the like from a JSONL or CSV
 * column, a feed's link or a page's canonical tag are never kept, so no export or page can
 * carry them to a reader.
 */
export function httpUrl(value: unknown): string | null {
  const s = clean(value, 2000);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Metadata from untrusted input: strings only, trimmed, bounded. */
export function cleanMeta(meta: Record<string, unknown>): DocumentMeta {
  const out: DocumentMeta = {};
  const title = clean(meta.title);
  if (title) out.title = title;
  const published = typeof meta.published === 'string' ? normalizeDate(meta.published) : null;
  if (published) out.published = published;
  const outlet = clean(meta.outlet, 200);
  if (outlet) out.outlet = outlet;
  const language = normalizeLanguage(meta.language);
  if (language) out.language = language;
  const url = httpUrl(meta.url);
  if (url) out.url = url;
  const author = clean(meta.author, 300);
  if (author) out.author = author;
  return out;
}

/** Ids are kept to a safe alphabet and length; the rest of an over-long id becomes a hash. */
export function safeId(raw: string): string {
  const s = raw.normalize('NFC').replace(/[^\p{L}\p{N}._~-]+/gu, '-').replace(/^-+|-+$/g, '');
  if (!s) return sha256(raw).slice(0, 16);
  return s.length <= 120 ? s : `${s.slice(0, 100)}-${sha256(raw).slice(0, 16)}`;
}

export function makeDocument(id: string, text: string, source: DocumentSource, meta: DocumentMeta): Document {
  if (source.url !== undefined && httpUrl(source.url) !== source.url) {
    const { url, ...rest } = source;
    const safe = httpUrl(url);
    source = safe ? { ...rest, url: safe } : rest;
  }
  return { id, hash: sha256(text), text, source, meta };
}
