// The time a document speaks from, read from its own text, for merging reports that state no
// day of their own. A document is written on or after every day it states as past, and news
// tells of what is recent: the latest full date the text writes (in its header, a caption or its
// body) is the day it speaks from, or close to it: the day "yesterday" and "on Wednesday" count
// from. Page furniture around the article (share widgets, related lists, comments, trailers)
// dates other things and is left out. A stated publication day is the anchor itself; a
// publication known only to a month or year narrows which stated days can be the anchor.
//
// A date that dates a meeting the document reports is that meeting's day, not the day the text
// speaks from (an earlier meeting told in passing would pull the document back to it): left out.
// A function of the stored analysis (the text, its language, noise ranges and publication date,
// and the days its reports state with their words): it needs nothing the store does not keep.
import type { LanguageCode, NoiseKind, NoiseRange, PartialDate, Span } from '../core/types.ts';
import { findDates, formatDate } from '../text/date-patterns.ts';
import { defaultLangData, type LangData } from '../text/lang-data.ts';

export interface AnchorSource {
  text: string;
  language: LanguageCode;
  noise: readonly NoiseRange[];
  /** The publication date the text states (its dateline), at the precision known. */
  published: PartialDate | null;
  /**
   * The days the document's reports state, with the words that state them: a day that dates a
   * meeting the document tells of (often an earlier one, told in passing: "they last met on 5 May
   * 2023") is when that meeting happened, not when the text speaks from.
   */
  reportDates?: readonly ({ value: string; span: Span | null } | null)[];
}

export interface TimeAnchor {
  /** YYYY-MM-DD; --MM-DD (ISO 8601's day of a year not given) for an agency dateline without a year. */
  value: string;
  /**
   * 'published': the stated publication day; 'stated': the latest full date the text writes;
   * 'dateline': the day and month of a dateline without a year ("MOSCOW, March 20 (Xinhua)"),
   * in a text that writes no full date (with the year of a publication year, when known).
   */
  from: 'published' | 'stated' | 'dateline';
  /** The words that state it. */
  span: Span | null;
}

/** Noise that dates something other than the article (as for the publication date, src/text/find-published.ts). */
const OTHER_THINGS: ReadonlySet<NoiseKind> = new Set(['widget', 'error-banner', 'comments', 'related', 'trailer']);

/**
 * The document's time anchor: its stated publication day; else the latest full date it writes
 * outside page furniture (within its publication month or year, when only that is known); else
 * the day and month of an agency dateline without a year (--MM-DD, or a full day when the
 * publication year is known); null when it writes none. One scan of the text, made only for
 * documents without a publication day.
 */
export function findTimeAnchor(source: AnchorSource, data: LangData = defaultLangData()): TimeAnchor | null {
  const { published } = source;
  if (published?.precision === 'day') return { value: published.value.slice(0, 10), from: 'published', span: null };
  const days: { value: string; span: Span }[] = [];
  let dateline: { value: string; span: Span } | null = null;
  for (const c of findDates(source.text, source.language, data)) {
    if (c.day === null) continue;
    if (source.noise.some((n) => OTHER_THINGS.has(n.kind) && c.start >= n.start && c.end <= n.end)) continue;
    if (source.reportDates?.some((d) => d?.span && d.span.start < c.end && c.start < d.span.end)) continue;
    if (c.year === null) {
      // the month and day of a year not given: --MM-DD
      if (c.shape === 'dateline' && !dateline) dateline = { value: `-${formatDate({ year: 2000, month: c.month, day: c.day }).slice(4)}`, span: { start: c.start, end: c.end } };
      continue;
    }
    const value = formatDate({ year: c.year, month: c.month, day: c.day });
    if (realDay(value)) days.push({ value, span: { start: c.start, end: c.end } });
  }
  let best: { value: string; span: Span } | null = null;
  for (const d of days) {
    // a publication month or year bounds the days the text can speak from
    if (published && !d.value.startsWith(published.value.slice(0, published.precision === 'month' ? 7 : 4))) continue;
    if (!best || d.value > best.value) best = d;
  }
  if (best) return { value: best.value, from: 'stated', span: best.span };
  if (!dateline) return null;
  // a dateline's day and month, in the publication year (and month) when that much is known
  if (published) {
    const value = published.value.slice(0, 4) + dateline.value.slice(1);
    if (!value.startsWith(published.value)) return null;
    return realDay(value) ? { value, from: 'dateline', span: dateline.span } : null;
  }
  return { value: dateline.value, from: 'dateline', span: dateline.span };
}

function realDay(value: string): boolean {
  const t = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(value);
}
