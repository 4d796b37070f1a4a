// The publication date a text states about itself: a dateline or date line near its top.
import type { LanguageCode, NoiseKind, NoiseRange, PartialDate, Span } from '../core/types.ts';
import { type DateCandidate, findDates, formatDate } from './date-patterns.ts';
import { defaultLangData, type LangData } from './lang-data.ts';

export type Published = PartialDate & { span: Span };

export interface PublishedOptions {
  /** How many lines from the top count as the dateline area. */
  maxLines?: number;
  /** How many characters from the top count as the dateline area. */
  maxChars?: number;
}

/** Noise that never states the article's date (a caption's date may still lend its year). */
const IGNORED: ReadonlySet<NoiseKind> = new Set(['widget', 'error-banner', 'comments', 'related', 'trailer']);

/**
 * Where the dateline area ends: after `maxLines` lines that carry text, a line that is page
 * noise (a quotes widget, a repeated site header) not counted, so a header of page chrome does
 * not push the article's own date line out of the area; and never past `maxChars` of text
 * that is not noise.
 */
function areaEnd(text: string, maxLines: number, maxChars: number, noise: NoiseRange[]): number {
  let lines = 0;
  let chars = 0;
  let i = 0;
  while (i < text.length && lines < maxLines) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(i, end).trim();
    const lead = i + (text.slice(i, end).length - text.slice(i, end).trimStart().length);
    const isNoise = !!line && noise.some((r) => r.start <= lead && r.end >= lead + line.length);
    if (line && !isNoise) {
      lines++;
      if (chars + end - i + 1 > maxChars) return i + (maxChars - chars);
      chars += end - i + 1;
    }
    i = end + 1;
  }
  return Math.min(i, text.length);
}

/**
 * Whether a date stands as a line of its own ("30 июня 2022 / 16:08", "16:14 JST, April 30,
 * 2022"): what is left of its line is a time, a time-zone abbreviation and separators. Such a
 * line is a date line even where the noise finder took it for a caption.
 */
function dateLine(text: string, c: Span): boolean {
  const from = text.lastIndexOf('\n', c.start - 1) + 1;
  const nl = text.indexOf('\n', c.end);
  const to = nl < 0 ? text.length : nl;
  const rest = (text.slice(from, c.start) + ' ' + text.slice(c.end, to))
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?/g, '')
    .replace(/(?<!\p{L})\p{Lu}{2,4}(?!\p{L})/gu, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

function inside(c: Span, ranges: NoiseRange[]): NoiseRange | undefined {
  return ranges.find((r) => c.start >= r.start && c.end <= r.end);
}

export function createPublishedFinder(data: LangData, options: PublishedOptions = {}) {
  const maxLines = options.maxLines ?? 8;
  const maxChars = options.maxChars ?? 600;
  return function findPublished(text: string, lang: LanguageCode, noise: NoiseRange[] = []): Published | null {
    const limit = areaEnd(text, maxLines, maxChars, noise);
    // Look a little past the limit so a date that starts inside it is read whole.
    const all = findDates(text, lang, data, 0, Math.min(text.length, limit + 40)).filter((c) => c.start < limit);
    const usable: DateCandidate[] = [];
    const captions: DateCandidate[] = [];
    for (const c of all) {
      const r = inside(c, noise);
      if (!r) usable.push(c);
      else if (r.kind === 'caption' && !dateLine(text, c)) captions.push(c);
      else if (!IGNORED.has(r.kind)) usable.push(c);
    }
    const span = (c: DateCandidate): Span => ({ start: c.start, end: c.end });

    // 1. A full date (year, month, day) wins, the first one in the text; but where the top
    //    states several days as date lines of their own, the earliest: a page's header states
    //    the day it was served or updated, never a day before the article was published.
    const fulls = usable.filter((c) => c.year !== null && c.day !== null);
    const lines = fulls.filter((c) => dateLine(text, c));
    const key = (c: DateCandidate): string => formatDate({ year: c.year!, month: c.month, day: c.day });
    const earliest = lines.length > 1 ? lines.reduce((a, b) => (key(b) < key(a) ? b : a)) : undefined;
    const full = earliest ?? fulls[0];
    if (full) return { value: formatDate({ year: full.year!, month: full.month, day: full.day }), precision: 'day', span: span(full) };

    // 2. An agency dateline without a year ("MOSCOW, March 20 (Xinhua)") takes its year from a
    //    full date of the same day nearby (often the photo caption) or a stated year-month.
    const months = usable.filter((c) => c.year !== null && c.day === null);
    for (const d of usable.filter((c) => c.shape === 'dateline')) {
      const sameDay = [...usable, ...captions].find((c) => c.year !== null && c.month === d.month && c.day === d.day);
      const sameMonth = months.find((c) => c.month === d.month);
      const year = sameDay?.year ?? sameMonth?.year ?? null;
      if (year !== null) return { value: formatDate({ year, month: d.month, day: d.day }), precision: 'day', span: span(d) };
    }

    // 3. A stated year and month.
    const month = months[0];
    if (month) return { value: formatDate({ year: month.year!, month: month.month, day: null }), precision: 'month', span: span(month) };
    return null;
  };
}

/** Convenience over the shipped data. */
export function findPublished(text: string, lang: LanguageCode, noise: NoiseRange[] = []): Published | null {
  return createPublishedFinder(defaultLangData())(text, lang, noise);
}
