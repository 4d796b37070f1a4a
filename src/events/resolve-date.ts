// Event dates: an explicit date, or a weekday resolved backwards from the publication date the
// text states. Unknown stays null: the publication date is never passed off as the event date.
import { existsSync, readFileSync } from 'node:fs';
import type { PartialDate, Span } from '../core/types.ts';
import { DEFAULT_LANG_DIR, findWrittenDates, type Lexicon } from './lexicon.ts';
import type { WordToken } from '../actors/detect-mentions.ts';
import { readDigits } from '../text/calendar.ts';
import { findDates } from '../text/date-patterns.ts';
import { defaultLangData } from '../text/lang-data.ts';
import { allMatches } from '../core/all-matches.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const HAS_YEAR_DIGITS = /\p{Nd}{4}/u;
const FOUR_DIGITS = /^\p{Nd}{4}$/u;
const SHORT_WORD = /^\p{L}{1,3}$/u;

/** How much of time a date finding pins down: a day, or an interval ("in June", "last week"). */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/**
 * A date told of an event. A day finding is `{ value: 'YYYY-MM-DD', span }` with no precision
 * (as it always was). A coarser one ("in November 2022", "last month", "earlier this year",
 * "last week") carries its precision and the days it covers, first and last (inclusive); its
 * value is the month ('YYYY-MM') or year ('YYYY') that holds it, so a coarse value is never
 * read as a day (a week's value is the month, or the year, it falls in).
 */
export interface DateFinding {
  value: string;
  span: Span | null;
  precision?: Exclude<DatePrecision, 'day'>;
  from?: string;
  to?: string;
}

/** The precision of a finding: a finding without one is a day. */
export function precisionOf(f: { value: string; precision?: DatePrecision }): DatePrecision {
  return f.precision ?? (f.value.length === 10 ? 'day' : f.value.length === 7 ? 'month' : 'year');
}

/** First and last day (inclusive) a finding or a partial date value ('YYYY', 'YYYY-MM', 'YYYY-MM-DD') covers. */
export function intervalOf(f: { value: string; from?: string; to?: string }): [string, string] {
  if (f.from && f.to) return [f.from, f.to];
  const v = f.value;
  if (v.length >= 10) return [v.slice(0, 10), v.slice(0, 10)];
  if (v.length === 7) return [`${v}-01`, lastOfMonth(+v.slice(0, 4), +v.slice(5, 7))];
  return [`${v.slice(0, 4)}-01-01`, `${v.slice(0, 4)}-12-31`];
}

/** Whether two findings can tell of the same time: equal days, or intervals that overlap. */
export function compatibleDates(a: DateFinding, b: DateFinding): boolean {
  if (!a.precision && !b.precision && a.value.length === 10 && b.value.length === 10) return a.value === b.value;
  const [af, at] = intervalOf(a);
  const [bf, bt] = intervalOf(b);
  return af <= bt && bf <= at;
}

function lastOfMonth(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A month or year finding. */
function coarse(y: number, m: number | null, span: Span): DateFinding {
  if (m === null) return { value: String(y), span, precision: 'year', from: `${y}-01-01`, to: `${y}-12-31` };
  const value = `${y}-${pad(m)}`;
  return { value, span, precision: 'month', from: `${value}-01`, to: lastOfMonth(y, m) };
}

// ---------------------------------------------------------------- time words (data/lang/<lang>/time.json)

/**
 * The words of time a language uses beyond day dates, as data (data/lang/<lang>/time.json):
 * - monthBefore: words right before a month name that make it the event's month ("in June");
 * - yearBefore: words right before a year that make it the event's year ("in 2017");
 * - relative: phrases counted from the document's time anchor, with the unit and the offset
 *   ("last month": month, -1; "earlier this year": year, 0; "last week": week, -1);
 * - pluperfectBefore: patterns of an earlier past that end with the trigger, or one word
 *   before its end (a trigger "met with") ("had met",
 *   "كان قد التقى", "avait rencontré", "hatte ... getroffen"); pluperfectAfter: its auxiliary
 *   right after the trigger ("دیدار کرده بود");
 * - speech: verbs of saying whose own date a date next to them is ("said Friday");
 * - captionCues: the words a photo caption says who stands where with ("(left)");
 * - earlierBefore / earlierAfter: words right before or after a meeting noun that name it as
 *   an earlier meeting ("their last meeting", "la rencontre précédente", "اللقاء السابق").
 */
interface TimeData {
  monthBefore?: string[];
  yearBefore?: string[];
  relative?: Array<{ pattern: string; unit: 'week' | 'month' | 'year'; offset: number }>;
  pluperfectBefore?: string[];
  pluperfectAfter?: string[];
  speech?: string[];
  captionCues?: string[];
  earlierBefore?: string[];
  earlierAfter?: string[];
}

export interface TimeWords {
  monthBefore: RegExp | null;
  yearBefore: RegExp | null;
  relative: Array<{ re: RegExp; unit: 'week' | 'month' | 'year'; offset: number }>;
  pluperfectBefore: RegExp | null;
  pluperfectAfter: RegExp | null;
  /** verbs of saying: global (every one in a window), and the same for one match */
  speech: RegExp | null;
  speechOne: RegExp | null;
  captionCue: RegExp | null;
  /** "their last meeting", "la rencontre précédente", "اللقاء السابق": a meeting named as an earlier one */
  earlierBefore: RegExp | null;
  earlierAfter: RegExp | null;
  /** "11/18": the month first (dates.json numericSlashOrder) */
  monthFirst: boolean;
}

const L = '[\\p{L}\\p{M}]';
const alts = (l: string[]): string => [...l].sort((a, b) => b.length - a.length).join('|');
const timeCache = new Map<string, TimeWords>();

/** The time words of a lexicon's language, compiled once per language. */
export function timeWords(lex: Lexicon): TimeWords {
  let t = timeCache.get(lex.lang);
  if (t) return t;
  const path = `${DEFAULT_LANG_DIR}${lex.lang}/time.json`;
  const known = /^[a-z]{2,3}$/.test(lex.lang);
  const d: TimeData = known && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TimeData) : {};
  const ending = (l: string[] | undefined): RegExp | null => (l?.length ? new RegExp(`(?<!${L})(?:${alts(l)})\\s*$`, 'iu') : null);
  t = {
    monthBefore: ending(d.monthBefore),
    yearBefore: ending(d.yearBefore),
    relative: (d.relative ?? []).map((r) => ({ re: new RegExp(`(?<!${L})(?:${r.pattern})(?!${L})`, 'giu'), unit: r.unit, offset: r.offset })),
    pluperfectBefore: d.pluperfectBefore?.length ? new RegExp(`(?<!${L})(?:${alts(d.pluperfectBefore)})(?:\\s+\\S+)?$`, 'iu') : null,
    pluperfectAfter: d.pluperfectAfter?.length ? new RegExp(`^\\s*(?:\\S+\\s+){0,2}?(?:${alts(d.pluperfectAfter)})(?!${L})`, 'iu') : null,
    speech: d.speech?.length ? new RegExp(`(?<!${L})(?:${alts(d.speech)})(?!${L})`, 'giu') : null,
    speechOne: d.speech?.length ? new RegExp(`(?<!${L})(?:${alts(d.speech)})(?!${L})`, 'iu') : null,
    captionCue: d.captionCues?.length ? new RegExp(`(?:${alts(d.captionCues)})`, 'iu') : null,
    earlierBefore: ending(d.earlierBefore),
    earlierAfter: d.earlierAfter?.length ? new RegExp(`^\\s*(?:${alts(d.earlierAfter)})(?!${L})`, 'iu') : null,
    monthFirst: known && existsSync(`${DEFAULT_LANG_DIR}${lex.lang}/dates.json`) && (JSON.parse(readFileSync(`${DEFAULT_LANG_DIR}${lex.lang}/dates.json`, 'utf8')) as { numericSlashOrder?: string }).numericSlashOrder === 'mdy',
  };
  timeCache.set(lex.lang, t);
  return t;
}

/**
 * Whether the trigger is told as an earlier past ("had met", "كان قد التقى", "avait rencontré",
 * "hatte ... getroffen"): the auxiliary before it in its clause, or right after it; or names an
 * earlier meeting ("their last meeting was in 2017").
 */
export function toldAsEarlier(text: string, clause: Span, trigger: Span, lex: Lexicon): boolean {
  const t = timeWords(lex);
  if (t.pluperfectBefore && t.pluperfectBefore.test(text.slice(Math.max(clause.start, trigger.start - 120), trigger.end))) return true;
  const after = text.slice(trigger.end, Math.min(clause.end, trigger.end + 40));
  if (t.pluperfectAfter?.test(after) || t.earlierAfter?.test(after)) return true;
  // the meeting named as an earlier one: "their last meeting", "leur rencontre précédente"
  return !!t.earlierBefore && t.earlierBefore.test(text.slice(Math.max(clause.start, trigger.start - 30), trigger.start));
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

export function addDays(day: string, n: number): string {
  const t = new Date(`${day}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1;
}

/** What a date is resolved against besides the publication date. */
export interface DateContext {
  /** the one day the text dates with its weekday ("samedi 20 avril"), for month-precise datelines */
  anchor?: string | null;
  /** a day the event follows ("has since met"): a day and month without year is the first after it */
  after?: string | null;
}

/** Whether the clause states a year other than the publication year. */
function otherYear(text: string, clause: Span, pubYear: number | null): boolean {
  const years = text.slice(clause.start, clause.end).match(/\b(?:19|20)\d\d\b/g);
  return !!years && years.some((y) => +y !== pubYear);
}

/**
 * The day a text dates with both weekday and day ("Saturday, April 20", "samedi 20 avril"),
 * the weekday confirming the year from a month-precise dateline (or the headline): the reference
 * for the text's other weekdays when the dateline gives only a month. Null unless exactly one.
 */
export function findAnchorDay(text: string, sentences: Span[], lex: Lexicon, published: PartialDate | null, documentYear: number | null, tokensOf: (s: Span) => WordToken[]): string | null {
  if (!published || published.precision === 'day') return null;
  const found = new Set<string>();
  for (const s of sentences) {
    const cands = candidates(text, s, tokensOf(s), lex);
    for (const w of cands) {
      if (w.kind !== 'weekday') continue;
      const c = cands.find((c) => (c.kind === 'daymonth' || c.kind === 'full') && ((c.start >= w.end && c.start - w.end <= 3) || (w.start >= c.end && w.start - c.end <= 3)));
      if (!c) continue;
      let y = c.y ?? null;
      if (y === null && +published.value.slice(5, 7) === c.m) y = +published.value.slice(0, 4);
      y ??= documentYear;
      if (y === null || !valid(y, c.m!, c.d!)) continue;
      const day = iso(y, c.m!, c.d!);
      if (!day.startsWith(published.value)) continue;
      if (new Date(`${day}T12:00:00Z`).getUTCDay() === w.weekday) found.add(day);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * The signature an embedded social post closes with: "— Name (@handle) October 9, 2024". The
 * embed writes its date in its own (English) shape whatever the article's language.
 */
const SIGNATURE = /^[ \t]*[—–][ \t]+[^\n]{0,120}\(@\w{1,30}\)[ \t]*([^\n]{6,40})$/gmu;

export interface PostDate {
  /** the post's line: the last line with text before its signature */
  post: Span;
  finding: DateFinding;
}

/** The embedded posts of a text with the day their signature dates them, read once per document. */
export function postDates(text: string): PostDate[] {
  const out: PostDate[] = [];
  if (!text.includes('(@')) return out;
  for (const m of allMatches(SIGNATURE, text)) {
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    const d = findDates(text, 'en', defaultLangData(), at, at + m[1].length).find((c) => c.year !== null && c.day !== null);
    if (!d) continue;
    let end = (m.index ?? 0) - 1;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (end <= start) continue;
    out.push({ post: { start, end }, finding: { value: iso(d.year!, d.month, d.day!), span: { start: d.start, end: d.end } } });
  }
  return out;
}

/** The day of the embedded post a sentence lies in, if it lies in one. */
export function postDateOf(posts: PostDate[], sentence: Span): DateFinding | null {
  return posts.find((p) => sentence.start >= p.post.start && sentence.end <= p.post.end + 1)?.finding ?? null;
}

/** A photo credit closing a line: "(Haim Zach/GPO)", "(AP Photo/Evan Vucci)". */
const CREDIT = /\([^()\n]{2,60}\/[^()\n]{2,60}\)\s*$/u;

/**
 * The lines of a text that are photo captions: the noise finder's captions, and body lines
 * closed by a photo credit or naming where people stand in the picture ("(left)", data:
 * time.json captionCues). A caption is bounded to its line.
 */
export function captionLines(text: string, captions: Span[], lex: Lexicon): Span[] {
  const cue = timeWords(lex).captionCue;
  const out: Span[] = [...captions];
  for (const m of allMatches(/[^\n]+/g, text)) {
    const line = m[0];
    if (line.length > 400 || !(CREDIT.test(line) || cue?.test(line))) continue;
    const start = m.index ?? 0;
    if (!captions.some((c) => c.start <= start && c.end >= start + line.length)) out.push({ start, end: start + line.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The document's time anchor when it states no day of publication: the day the text dates
 * with its weekday ("Wednesday, 9 March 2022"; with a month-precise dateline, as
 * findAnchorDay), else the day its photo captions state ("... in Ankara on March 9, 2022"),
 * when they state one day only. Weekdays, "last month" and "in June" count from it. Null when
 * the publication day is known (it is the anchor) or nothing gives one day.
 *
 * Not the merge's time anchor (src/merge/time-anchor.ts): that one is the latest day a text
 * writes, a window for joining undated reports; this one must be certain, since weekdays are
 * resolved against it and become event days.
 */
export function findCountingDay(text: string, sentences: Span[], captions: Span[], lex: Lexicon, published: PartialDate | null, documentYear: number | null, tokensOf: (s: Span) => WordToken[]): string | null {
  if (published?.precision === 'day') return null;
  if (published) return findAnchorDay(text, sentences, lex, published, documentYear, tokensOf);
  const stated = new Set<string>();
  for (const s of sentences) {
    // only a sentence that writes a year can state a full date: the others are not tokenized again
    if (!HAS_YEAR_DIGITS.test(text.slice(s.start, s.end))) continue;
    const cands = candidates(text, s, tokensOf(s), lex);
    for (const w of cands) {
      if (w.kind !== 'weekday') continue;
      const c = cands.find((c) => c.kind === 'full' && ((c.start >= w.end && c.start - w.end <= 3) || (w.start >= c.end && w.start - c.end <= 3)));
      if (!c || !valid(c.y!, c.m!, c.d!)) continue;
      const day = iso(c.y!, c.m!, c.d!);
      if (new Date(`${day}T12:00:00Z`).getUTCDay() === w.weekday) stated.add(day);
    }
  }
  if (stated.size === 1) return [...stated][0];
  if (stated.size > 1) return null;
  const shown = new Set<string>();
  for (const c of captionLines(text, captions, lex)) {
    for (const f of candidates(text, c, tokensOf(c), lex)) if (f.kind === 'full' && valid(f.y!, f.m!, f.d!)) shown.add(iso(f.y!, f.m!, f.d!));
    for (const w of findWrittenDates(text, c, lex, null)) if (w.weekday === undefined) shown.add(w.value);
  }
  return shown.size === 1 ? [...shown][0] : null;
}

interface Candidate extends Span {
  kind: 'full' | 'daymonth' | 'weekday' | 'today' | 'yesterday' | 'month' | 'year' | 'relative';
  y?: number;
  m?: number;
  d?: number;
  weekday?: number;
  last?: boolean;
  unit?: 'week' | 'month' | 'year';
  offset?: number;
}

const YEAR = /^(?:19|20)\d\d$/;
const isYear = (s: string): boolean => FOUR_DIGITS.test(s) && YEAR.test(String(readDigits(s)));

function candidates(text: string, clause: Span, toks: WordToken[], lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const s = text.slice(clause.start, clause.end);
  for (const m of allMatches(/\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g, s)) {
    const start = clause.start + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, kind: 'full', y: +m[1], m: +m[2], d: +m[3] });
  }
  for (const m of allMatches(/\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b/g, s)) {
    const start = clause.start + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, kind: 'full', y: +m[3], m: +m[2], d: +m[1] });
  }
  const time = timeWords(lex);
  // a day and month in parentheses after the weekday they date: "nesta segunda-feira (18/11)"
  for (const m of allMatches(/(?<=\p{L}\s*\()(\d{1,2})[./](\d{1,2})(?=\))/gu, s)) {
    const start = clause.start + (m.index ?? 0);
    const [d, mo] = time.monthFirst ? [+m[2], +m[1]] : [+m[1], +m[2]];
    if (mo >= 1 && mo <= 12) out.push({ start, end: start + m[0].length, kind: 'daymonth', m: mo, d });
  }
  const inClause = toks.filter((t) => t.start >= clause.start && t.end <= clause.end);
  for (let i = 0; i < inClause.length; i++) {
    const t = inClause[i];
    const month = lex.months.findIndex((re) => re.test(t.text));
    if (month >= 0) {
      const prev = inClause[i - 1];
      const next = inClause[i + 1];
      let d: number | undefined;
      let start = t.start;
      let end = t.end;
      let k = i + 1;
      if (prev && /^\d{1,2}$/.test(prev.text) && t.start - prev.end <= 3) {
        d = +prev.text;
        start = prev.start;
      } else if (next && /^\d{1,2}$/.test(next.text) && next.start - t.end <= 3) {
        d = +next.text;
        end = next.end;
        k = i + 2;
      } else if (prev && /^\d{1,2}(?:st|nd|rd|th|er|e)$/i.test(prev.text)) {
        d = parseInt(prev.text, 10);
        start = prev.start;
      } else if (next && /^\d{1,2}(?:st|nd|rd|th)$/i.test(next.text)) {
        d = parseInt(next.text, 10);
        end = next.end;
        k = i + 2;
      }
      if (d === undefined) {
        // a month without a day: "in November 2022", "في نوفمبر 2022", "im Juni", "en juin"
        // the year right after it, or after a short linking word ("noviembre de 2022")
        const after = inClause[i + 2];
        const yt = next && isYear(next.text) && next.start - t.end <= 4 ? next : next && SHORT_WORD.test(next.text) && after && isYear(after.text) && after.start - t.end <= 8 ? after : undefined;
        const before = text.slice(Math.max(clause.start, t.start - 24), t.start);
        if (yt || time.monthBefore?.test(before)) {
          out.push({ start: t.start, end: yt ? yt.end : t.end, kind: 'month', m: month + 1, y: yt ? readDigits(yt.text) : undefined });
          if (yt) i = inClause.indexOf(yt);
        }
        continue;
      }
      const yearTok = inClause[k];
      if (yearTok && /^(?:19|20)\d\d$/.test(yearTok.text) && yearTok.start - end <= 3) {
        out.push({ start, end: yearTok.end, kind: 'full', y: +yearTok.text, m: month + 1, d });
      } else out.push({ start, end, kind: 'daymonth', m: month + 1, d });
      continue;
    }
    if (isYear(t.text)) {
      // a year alone, told as the event's time: "in 2017", "en 2017", "في عام 2017"
      const before = text.slice(Math.max(clause.start, t.start - 24), t.start);
      if (time.yearBefore?.test(before)) out.push({ start: t.start, end: t.end, kind: 'year', y: readDigits(t.text) });
      continue;
    }
    const wd = lex.weekdays.findIndex((re) => re.test(t.text));
    if (wd >= 0) {
      const before = text.slice(Math.max(clause.start, t.start - 12), t.start);
      out.push({ start: t.start, end: t.end, kind: 'weekday', weekday: wd, last: !!lex.lastWeekday?.test(before) });
    }
  }
  for (const r of time.relative) {
    r.re.lastIndex = 0;
    for (const m of allMatches(r.re, s)) {
      const start = clause.start + (m.index ?? 0);
      out.push({ start, end: start + m[0].length, kind: 'relative', unit: r.unit, offset: r.offset });
    }
  }
  for (const [re, kind] of [
    [lex.today, 'today'],
    [lex.yesterday, 'yesterday'],
  ] as const) {
    if (!re) continue;
    const g = new RegExp(re.source, 'giu');
    for (const m of allMatches(g, s)) {
      const start = clause.start + (m.index ?? 0);
      out.push({ start, end: start + m[0].length, kind });
    }
  }
  return out;
}

/** Every explicit day a span states (day and month with a year from `year` or the dateline), in order. */
export function daysIn(text: string, span: Span, toks: WordToken[], lex: Lexicon, published: PartialDate | null, year: number | null): string[] {
  const out: string[] = [];
  const cands = candidates(text, span, toks, lex).filter((c) => c.kind === 'full' || c.kind === 'daymonth');
  // "from March 20 to March 22, 2023": the year the span states is the year of its other days
  const stated = cands.find((c) => c.y)?.y;
  for (const c of cands) {
    const y = c.y ?? stated ?? year ?? (published ? +published.value.slice(0, 4) : null);
    if (y !== null && valid(y, c.m!, c.d!)) out.push(iso(y, c.m!, c.d!));
  }
  // the language's own written shapes (2023年3月20日), within a month of the first one: a day
  // written alone ("至22日") is read against the publication day, not the date before it
  const written = findWrittenDates(text, span, lex, published).filter((w) => w.weekday === undefined).map((w) => w.value);
  for (const v of written) if (Math.abs(Date.parse(v) - Date.parse(written[0])) <= 31 * 86_400_000) out.push(v);
  return out;
}


/**
 * The date of an event whose trigger is `trigger`, looking in `clause` only.
 * `sentenceYear` is a year stated elsewhere in the sentence ("l'été 2023 : ... le 26 juillet").
 */
export function resolveDate(
  text: string,
  clause: Span,
  trigger: Span,
  toks: WordToken[],
  lex: Lexicon,
  published: PartialDate | null,
  sentenceYear: number | null,
  context: DateContext = {},
): DateFinding | null {
  const cands = candidates(text, clause, toks, lex);
  // the language's own written shapes (2024年4月20日, ۲۸ آبان ۱۴۰۳), already Gregorian days
  // with no publication date, a day and month are read against the document's time anchor (its
  // weekdays are not: they count from it only as pick() allows)
  const reference: PartialDate | null = published ?? (context.anchor ? { value: context.anchor, precision: 'day' } : null);
  for (const w of findWrittenDates(text, clause, lex, reference)) {
    if (w.weekday !== undefined && !published) continue;
    const [y, m, d] = w.value.split('-').map(Number);
    cands.push(w.weekday === undefined ? { start: w.start, end: w.end, kind: 'full', y, m, d } : { start: w.start, end: w.end, kind: 'weekday', weekday: w.weekday });
  }
  // a date in the clause of a verb of saying dates the saying, not the event: right after the
  // verb and its subject ("the ministry said Friday", "وقال المتحدث الثلاثاء إن ..."), with no
  // trigger between; or before the verb that tells of the event ("a statement on Tuesday said
  // they met"), unless the verb is set off by commas ("On Monday, the ministry said, they met")
  const { speech, speechOne } = timeWords(lex);
  const said = (c: Candidate): boolean => {
    if (!speech) return false;
    const from = Math.max(clause.start, c.start - 30);
    let verb = -1;
    for (const m of allMatches(speech, text.slice(from, c.start))) verb = from + (m.index ?? 0);
    if (verb >= 0 && !(trigger.start >= verb && trigger.end <= c.start) && !/[.;:!?]/.test(text.slice(verb, c.start))) return true;
    if (c.end > trigger.start) return false;
    const m = text.slice(c.end, trigger.start).match(speechOne!);
    return !!m && !/^\s*,/.test(text.slice(c.end + (m.index ?? 0) + m[0].length, trigger.start));
  };
  const told = cands.filter((c) => !said(c));
  if (!told.length) return null;
  // an explicit date wins over a weekday that names the same day; a day over a month or a year
  const explicit = told.filter((c) => c.kind === 'full' || c.kind === 'daymonth');
  const days = told.filter((c) => c.kind !== 'month' && c.kind !== 'year' && c.kind !== 'relative');
  // a month or a year belongs to the trigger when no punctuation parts them ("met in November
  // 2022"), or when the trigger is told as an earlier past, whose time phrase it carries ("had
  // met, in November 2022, in Qatar"): not "Xi, who visited Moscow in 2019, met Putin"
  let earlier: boolean | undefined;
  const ownTime = (c: Candidate): boolean =>
    !/[,;:()،؛—–]/.test(c.end <= trigger.start ? text.slice(c.end, trigger.start) : text.slice(trigger.end, c.start)) ||
    (earlier ??= toldAsEarlier(text, clause, trigger, lex));
  const wide = told.filter((c) => (c.kind === 'month' || c.kind === 'year' || c.kind === 'relative') && ownTime(c));
  const stated = explicit.length ? explicit : days.length ? days : wide;
  if (!stated.length) return null;
  const found = pick(text, clause, trigger, stated, lex, published, sentenceYear, context);
  if (found || stated === wide || !wide.length) return found;
  // "met on a Monday in November 2022": the weekday gives no day, the month is still told
  return pick(text, clause, trigger, wide, lex, published, sentenceYear, context);
}

function pick(
  text: string,
  clause: Span,
  trigger: Span,
  stated: Candidate[],
  lex: Lexicon,
  published: PartialDate | null,
  sentenceYear: number | null,
  context: DateContext,
): DateFinding | null {
  // a day right before "and" + the trigger is the day of the verb joined to it ("landed on Friday
  // and met X on Saturday"): it yields to a day the trigger's own words state
  const joined = (c: Candidate): boolean => {
    if (c.end > trigger.start) return false;
    const between = text.slice(c.end, trigger.start);
    return (between.match(/[\p{L}\p{M}]+/gu)?.length ?? 0) <= 3 && !!lex.words.coordinator?.test(between);
  };
  const own = stated.filter((c) => !joined(c));
  const pool = own.length ? own : stated;
  const dist = (c: Candidate): number => (c.end <= trigger.start ? trigger.start - c.end : Math.max(0, c.start - trigger.end));
  const best = [...pool].sort((a, b) => dist(a) - dist(b))[0];
  const pubDay = published?.precision === 'day' ? published.value : null;
  const pubYear = published ? +published.value.slice(0, 4) : null;
  const span = { start: best.start, end: best.end };
  switch (best.kind) {
    case 'full':
      return valid(best.y!, best.m!, best.d!) ? { value: iso(best.y!, best.m!, best.d!), span } : null;
    case 'daymonth': {
      // "has since met ... on 2 January": the first such day after the date it follows
      if (sentenceYear === null && !published && context.after) {
        const after = context.after;
        let y = +after.slice(0, 4);
        if (!valid(y, best.m!, best.d!) || iso(y, best.m!, best.d!) <= after) y += 1;
        return valid(y, best.m!, best.d!) ? { value: iso(y, best.m!, best.d!), span } : null;
      }
      // no year written and no publication date: the year of the document's time anchor (a day
      // its text dates with its weekday, or its captions state), the most recent such day not
      // after it ("3 December" in a text anchored on 2 January is last year's)
      const anchor = sentenceYear === null && !published ? (context.anchor ?? null) : null;
      let y = sentenceYear ?? pubYear ?? (anchor ? +anchor.slice(0, 4) : null);
      if (anchor && y !== null && valid(y, best.m!, best.d!) && iso(y, best.m!, best.d!) > addDays(anchor, 2)) y -= 1;
      if (y === null || !valid(y, best.m!, best.d!)) return null;
      // the most recent such day not after publication
      if (sentenceYear === null && pubDay && iso(y, best.m!, best.d!) > addDays(pubDay, 2)) y -= 1;
      if (sentenceYear === null && !pubDay && published && best.m! > +published.value.slice(5, 7)) y -= 1;
      return valid(y, best.m!, best.d!) ? { value: iso(y, best.m!, best.d!), span } : null;
    }
    case 'weekday': {
      // a clause that states another year tells of another time: "met on a Monday in 2019"
      if (otherYear(text, clause, pubYear)) return null;
      if (pubDay) {
        const pubWd = new Date(`${pubDay}T12:00:00Z`).getUTCDay();
        let back = (pubWd - best.weekday! + 7) % 7;
        if (back === 0 && best.last) back = 7;
        return { value: addDays(pubDay, -back), span };
      }
      // with a month-precise dateline only: counted back from the one day the text dates with
      // its weekday ("samedi 20 avril"), within the five days before it (the text may be
      // written the day after), and only when the weekday is the trigger's own, not that of a
      // verb joined to it ("arrived on Friday and met")
      const anchor = context.anchor;
      if (!anchor || best.last) return null;
      const between = best.end <= trigger.start ? text.slice(best.end, trigger.start) : text.slice(trigger.end, best.start);
      if (lex.words.coordinator?.test(between)) return null;
      const back = (new Date(`${anchor}T12:00:00Z`).getUTCDay() - best.weekday! + 7) % 7;
      if (back > 5) return null;
      return { value: addDays(anchor, -back), span };
    }
    case 'today':
      return pubDay && !otherYear(text, clause, pubYear) ? { value: pubDay, span } : null;
    case 'yesterday':
      return pubDay && !otherYear(text, clause, pubYear) ? { value: addDays(pubDay, -1), span } : null;
    case 'month': {
      if (best.y !== undefined) return coarse(best.y, best.m!, span);
      if (sentenceYear !== null) return coarse(sentenceYear, best.m!, span);
      // "in June": the latest June not after the document's time
      const ref = pubDay ?? context.anchor ?? (published?.precision === 'month' ? `${published.value}-01` : null);
      if (!ref) return null;
      const y = +ref.slice(0, 4);
      return coarse(best.m! > +ref.slice(5, 7) ? y - 1 : y, best.m!, span);
    }
    case 'year':
      return coarse(best.y!, null, span);
    case 'relative': {
      // "last month", "earlier this year", "last week": counted from the document's time
      const ref = pubDay ?? context.anchor ?? null;
      if (!ref) return null;
      const [y, m] = [+ref.slice(0, 4), +ref.slice(5, 7)];
      if (best.unit === 'year') return coarse(y + best.offset!, null, span);
      if (best.unit === 'month') {
        const k = y * 12 + (m - 1) + best.offset!;
        return coarse(Math.floor(k / 12), (k % 12) + 1, span);
      }
      // a week from Monday to Sunday; its value is the month (or the year) that holds it all
      const monday = addDays(ref, -((new Date(`${ref}T12:00:00Z`).getUTCDay() + 6) % 7) + 7 * best.offset!);
      const sunday = addDays(monday, 6);
      const value = monday.slice(0, 7) === sunday.slice(0, 7) ? monday.slice(0, 7) : monday.slice(0, 4);
      return { value, span, precision: 'week', from: monday, to: sunday };
    }
  }
}
