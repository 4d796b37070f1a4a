// Event dates: an explicit date, or a weekday resolved backwards from the publication date the
// text states. Unknown stays null: the publication date is never passed off as the event date.
import type { PartialDate, Span } from '../core/types.ts';
import { findWrittenDates, type Lexicon } from './lexicon.ts';
import type { WordToken } from '../actors/detect-mentions.ts';

export interface DateFinding {
  value: string;
  span: Span | null;
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

interface Candidate extends Span {
  kind: 'full' | 'daymonth' | 'weekday' | 'today' | 'yesterday';
  y?: number;
  m?: number;
  d?: number;
  weekday?: number;
  last?: boolean;
}

function candidates(text: string, clause: Span, toks: WordToken[], lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const s = text.slice(clause.start, clause.end);
  for (const m of s.matchAll(/\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g)) {
    const start = clause.start + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, kind: 'full', y: +m[1], m: +m[2], d: +m[3] });
  }
  for (const m of s.matchAll(/\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b/g)) {
    const start = clause.start + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, kind: 'full', y: +m[3], m: +m[2], d: +m[1] });
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
      if (d === undefined) continue;
      const yearTok = inClause[k];
      if (yearTok && /^(?:19|20)\d\d$/.test(yearTok.text) && yearTok.start - end <= 3) {
        out.push({ start, end: yearTok.end, kind: 'full', y: +yearTok.text, m: month + 1, d });
      } else out.push({ start, end, kind: 'daymonth', m: month + 1, d });
      continue;
    }
    const wd = lex.weekdays.findIndex((re) => re.test(t.text));
    if (wd >= 0) {
      const before = text.slice(Math.max(clause.start, t.start - 12), t.start);
      out.push({ start: t.start, end: t.end, kind: 'weekday', weekday: wd, last: !!lex.lastWeekday?.test(before) });
    }
  }
  for (const [re, kind] of [
    [lex.today, 'today'],
    [lex.yesterday, 'yesterday'],
  ] as const) {
    if (!re) continue;
    const g = new RegExp(re.source, 'giu');
    for (const m of s.matchAll(g)) {
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
  for (const w of findWrittenDates(text, clause, lex, published)) {
    const [y, m, d] = w.value.split('-').map(Number);
    cands.push(w.weekday === undefined ? { start: w.start, end: w.end, kind: 'full', y, m, d } : { start: w.start, end: w.end, kind: 'weekday', weekday: w.weekday });
  }
  if (!cands.length) return null;
  // an explicit date wins over a weekday that names the same day
  const explicit = cands.filter((c) => c.kind === 'full' || c.kind === 'daymonth');
  const stated = explicit.length ? explicit : cands;
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
      let y = sentenceYear ?? pubYear;
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
  }
}
