// Event dates: an explicit date, or a weekday resolved backwards from the publication date the
// text states. Unknown stays null: the publication date is never passed off as the event date.
import type { PartialDate, Span } from '../core/types.ts';
import type { Lexicon } from './lexicon.ts';
import type { WordToken } from '../actors/detect-mentions.ts';

export interface DateFinding {
  value: string;
  span: Span | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

function addDays(day: string, n: number): string {
  const t = new Date(`${day}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1;
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
): DateFinding | null {
  const cands = candidates(text, clause, toks, lex);
  if (!cands.length) return null;
  // an explicit date wins over a weekday that names the same day
  const explicit = cands.filter((c) => c.kind === 'full' || c.kind === 'daymonth');
  const pool = explicit.length ? explicit : cands;
  const dist = (c: Candidate): number => (c.end <= trigger.start ? trigger.start - c.end : Math.max(0, c.start - trigger.end));
  const best = [...pool].sort((a, b) => dist(a) - dist(b))[0];
  const pubDay = published?.precision === 'day' ? published.value : null;
  const pubYear = published ? +published.value.slice(0, 4) : null;
  const span = { start: best.start, end: best.end };
  switch (best.kind) {
    case 'full':
      return valid(best.y!, best.m!, best.d!) ? { value: iso(best.y!, best.m!, best.d!), span } : null;
    case 'daymonth': {
      let y = sentenceYear ?? pubYear;
      if (y === null || !valid(y, best.m!, best.d!)) return null;
      if (sentenceYear === null && pubDay && iso(y, best.m!, best.d!) > addDays(pubDay, 2)) y -= 1;
      return valid(y, best.m!, best.d!) ? { value: iso(y, best.m!, best.d!), span } : null;
    }
    case 'weekday': {
      // counted back from the stated publication day only: another day the text states (a
      // "samedi 20 avril") was tried as a reference and overclaimed, since the text rarely says
      // which week its later weekdays belong to
      if (!pubDay) return null;
      const pubWd = new Date(`${pubDay}T12:00:00Z`).getUTCDay();
      let back = (pubWd - best.weekday! + 7) % 7;
      if (back === 0 && best.last) back = 7;
      return { value: addDays(pubDay, -back), span };
    }
    case 'today':
      return pubDay ? { value: pubDay, span } : null;
    case 'yesterday':
      return pubDay ? { value: addDays(pubDay, -1), span } : null;
  }
}
