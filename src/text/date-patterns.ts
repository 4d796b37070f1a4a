// Finding written dates ("June 22, 2023", "22 juin 2023", "2023-09-02", "08.07.2024",
// "MOSCOW, March 20 (Xinhua)") with their offsets. Month names come from data/lang/*/dates.json.
import type { LanguageCode } from '../core/types.ts';
import { type CalendarName, readDigits, toGregorian } from './calendar.ts';
import { escapeRegExp, type LangData, lexiconLanguages } from './lang-data.ts';

export type DateShape =
  | 'marker' // " date 2023-06-14" / " date 2024-04": a metadata line the crawler left
  | 'iso' // 2023-09-02 21:42:35
  | 'textual' // June 22, 2023 / 22 juin 2023
  | 'numeric' // 08.07.2024
  | 'dateline' // MOSCOW, March 20 (Xinhua) / Москва. 20 марта. : no year
  | 'cjk' // 2023年3月20日
  | 'calendar'; // ۲۸ آبان ۱۴۰۳: another calendar's date, converted

export interface DateCandidate {
  start: number;
  end: number;
  shape: DateShape;
  year: number | null;
  month: number;
  day: number | null;
}

interface Patterns {
  marker: RegExp;
  iso: RegExp;
  mdy: RegExp;
  dmy: RegExp;
  numeric: RegExp;
  cjk: RegExp;
  dateline: RegExp;
  datelineDot: RegExp;
  monthOf: Map<string, number>;
  slashOrder: 'dmy' | 'mdy';
  /** day month-name year in other calendars (data: dates.json "calendars") */
  calendars: Array<{ calendar: CalendarName; re: RegExp; monthOf: Map<string, number> }>;
}

const cache = new WeakMap<LangData, Map<string, Patterns>>();

function buildPatterns(data: LangData, langs: LanguageCode[]): Patterns {
  const monthOf = new Map<string, number>();
  let slashOrder: 'dmy' | 'mdy' = 'dmy';
  for (const lang of langs) {
    const d = data.byLang.get(lang)?.dates;
    if (!d) continue;
    d.months.forEach((names, i) => {
      for (const n of names) if (!monthOf.has(n.toLowerCase())) monthOf.set(n.toLowerCase(), i + 1);
    });
  }
  // "05/07/2024" is month-first only when every language in play reads it so.
  if (langs.length > 0 && langs.every((l) => data.byLang.get(l)?.dates?.numericSlashOrder === 'mdy')) slashOrder = 'mdy';
  const calendars: Patterns['calendars'] = [];
  for (const lang of langs) {
    for (const [calendar, months] of Object.entries(data.byLang.get(lang)?.dates?.calendars ?? {})) {
      const of = new Map<string, number>();
      months.forEach((list, i) => list.forEach((n) => of.set(n.toLowerCase(), i + 1)));
      const alts = [...of.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
      calendars.push({
        calendar: calendar as CalendarName,
        monthOf: of,
        re: new RegExp(`(?<![\\p{L}\\p{N}])(\\p{Nd}{1,2})[ \\t\\u00a0]+(${alts})(?:\\u200c?ماه)?,?[ \\t\\u00a0]+(\\p{Nd}{4})(?!\\p{Nd})`, 'gu'),
      });
    }
  }
  const names = [...monthOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const M = `(?<![\\p{L}])(${names.join('|') || '(?!)'})(?![\\p{L}])\\.?`;
  const flags = 'giu';
  // The same names in the cases a case-sensitive pattern meets them: march, March, MARCH.
  const cased = [...new Set(names.flatMap((n) => [n, n.charAt(0).toUpperCase() + n.slice(1), n.toUpperCase()]))];
  const Mc = `(?<![\\p{L}])(${cased.join('|') || '(?!)'})(?![\\p{L}])\\.?`;
  return {
    marker: /(?<![\p{L}\p{N}])date\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])/giu,
    iso: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?![\d-])/gu,
    mdy: new RegExp(`${M}[ \\t\\u00a0]+(\\p{Nd}{1,2})(?:st|nd|rd|th)?,?[ \\t\\u00a0]+(\\p{Nd}{4})(?!\\p{Nd})`, flags),
    dmy: new RegExp(`(?<![\\p{L}\\p{N}])(\\p{Nd}{1,2})(?:er|\\.|º)?[ \\t\\u00a0]+(?:de[ \\t\\u00a0]+)?${M},?[ \\t\\u00a0]+(?:de[ \\t\\u00a0]+)?(\\p{Nd}{4})(?!\\p{Nd})`, flags),
    numeric: /(?<![\p{Nd}./])(\p{Nd}{1,2})([./])(\p{Nd}{1,2})\2(\p{Nd}{4})(?!\p{Nd})/gu,
    cjk: /(\p{Nd}{4})\s*年\s*(\p{Nd}{1,2})\s*月\s*(\p{Nd}{1,2})\s*[日号]/gu,
    // An agency dateline: CITY, Month Day (Agency) / CITY, Day Month — ; or, at the start of a
    // line, the city as a name with its country in brackets and "de" before the month, as
    // Spanish and Portuguese agencies write it: "Toronto (Canadá), 3 jun (EFE).-",
    // "Ciudad de México, 3 de junio (EFE)"
    dateline: new RegExp(
      `(?:(?<![\\p{L}])\\p{Lu}[\\p{Lu} /.'’-]*\\p{Lu}|(?<=^|\\n)[ \\t]*\\p{Lu}\\p{Ll}+(?:[ -](?:\\p{Ll}{1,3}[ -])?\\p{Lu}\\p{Ll}+)*(?:[ \\t]+\\([^(),\\n]{2,30}\\))?),[ \\t]+(?:${Mc}[ \\t]+(\\d{1,2})|(\\d{1,2})[ \\t]+(?:de[ \\t]+)?${Mc})(?=[ \\t]*[(—–-])`,
      'gu',
    ),
    // The Russian agency shape: "Москва. 20 марта."
    datelineDot: new RegExp(`(?<=^|\\n)[ \\t]*\\p{Lu}\\p{Ll}+\\.[ \\t]+(\\d{1,2})[ \\t]+${Mc}(?=[.\\s])`, 'gu'),
    monthOf,
    slashOrder,
    calendars,
  };
}

function patternsFor(data: LangData, lang: LanguageCode): Patterns {
  const langs = lexiconLanguages(data, lang);
  let byKey = cache.get(data);
  if (!byKey) cache.set(data, (byKey = new Map()));
  const key = langs.join(',');
  let p = byKey.get(key);
  if (!p) byKey.set(key, (p = buildPatterns(data, langs)));
  return p;
}

function valid(year: number | null, month: number, day: number | null): boolean {
  if (year !== null && (year < 1900 || year > 2100)) return false;
  if (month < 1 || month > 12) return false;
  if (day !== null && (day < 1 || day > 31)) return false;
  return true;
}

/** Every date written in text[from, to), in text order; overlapping finds keep the longest. */
export function findDates(text: string, lang: LanguageCode, data: LangData, from = 0, to = text.length): DateCandidate[] {
  const p = patternsFor(data, lang);
  const slice = text.slice(from, to);
  const found: DateCandidate[] = [];
  const add = (start: number, end: number, shape: DateShape, year: number | null, month: number, day: number | null) => {
    if (valid(year, month, day)) found.push({ start: from + start, end: from + end, shape, year, month, day });
  };
  const month = (name: string) => p.monthOf.get(name.toLowerCase()) ?? 0;
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) fn(m);
  };
  each(p.marker, (m) => {
    const s = m.index + m[0].indexOf(m[1]);
    add(s, m.index + m[0].length, 'marker', +m[1], +m[2], m[3] ? +m[3] : null);
  });
  each(p.iso, (m) => add(m.index, m.index + m[0].length, 'iso', +m[1], +m[2], +m[3]));
  const n = readDigits;
  each(p.mdy, (m) => add(m.index, m.index + m[0].length, 'textual', n(m[3]), month(m[1]), n(m[2])));
  each(p.dmy, (m) => add(m.index, m.index + m[0].length, 'textual', n(m[3]), month(m[2]), n(m[1])));
  each(p.numeric, (m) => {
    const [a, b] = p.slashOrder === 'mdy' && m[2] === '/' ? [n(m[3]), n(m[1])] : [n(m[1]), n(m[3])];
    add(m.index, m.index + m[0].length, 'numeric', n(m[4]), b, a);
  });
  each(p.cjk, (m) => add(m.index, m.index + m[0].length, 'cjk', n(m[1]), n(m[2]), n(m[3])));
  for (const c of p.calendars) {
    each(c.re, (m) => {
      const day = toGregorian(c.calendar, n(m[3]), c.monthOf.get(m[2].toLowerCase()) ?? 0, n(m[1]));
      if (day) add(m.index, m.index + m[0].length, 'calendar', +day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10));
    });
  }
  each(p.dateline, (m) => {
    const d = m[2] ? +m[2] : +m[3];
    const mo = month(m[1] ?? m[4]);
    const text0 = m[0];
    const s = text0.lastIndexOf(',') + 1;
    const off = s + (text0.slice(s).length - text0.slice(s).trimStart().length);
    add(m.index + off, m.index + text0.length, 'dateline', null, mo, d);
  });
  each(p.datelineDot, (m) => {
    const s = m[0].indexOf(m[1], m[0].indexOf('.'));
    // The period after the month ends the dateline, not the date ("20 марта.").
    const e = m[0].endsWith('.') ? m[0].length - 1 : m[0].length;
    add(m.index + s, m.index + e, 'dateline', null, month(m[2]), +m[1]);
  });
  // Keep the longest of overlapping finds ("date 2023-06-14" is both marker and nothing else;
  // "2023-09-02 21:42:35" only iso), then order by position.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: DateCandidate[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept;
}

export function formatDate(c: { year: number; month: number; day: number | null }): string {
  const mm = String(c.month).padStart(2, '0');
  return c.day === null ? `${c.year}-${mm}` : `${c.year}-${mm}-${String(c.day).padStart(2, '0')}`;
}
