// Page noise marked as ranges (the text is never rewritten): widgets, banners, captions, repeated
// titles, related lists, comments, trailing unrelated items. Found from line shape plus the
// per-language lexicons in data/lang/<lang>/noise.json.
import type { LanguageCode, NoiseKind, NoiseRange } from '../core/types.ts';
import { findDates } from './date-patterns.ts';
import { defaultLangData, escapeRegExp, type LangData, lexiconLanguages, phraseToRegExp } from './lang-data.ts';
import { anyMatch } from './any-match.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const BREADCRUMB = /^\d+\.\s*\p{L}+$/u;
const LETTER = /\p{L}/u;

interface Line {
  /** Content start/end: trimmed, and after any leading date marker. */
  start: number;
  end: number;
  text: string;
}

interface Compiled {
  widget: RegExp[];
  boilerplate: RegExp[];
  errorBanner: RegExp[];
  commentHeaders: RegExp[];
  relatedHeaders: RegExp[];
  captionPrefixes: RegExp[];
  trailerCues: RegExp[];
  credit: RegExp | null;
  parenByline: RegExp | null;
}

const MARKER = /^[ \t]*date[ \t]+\d{4}-\d{2}(?:-\d{2})?(?=\s|$)/;
const BULLET = /^[•●▪◦·*‣]\s*/u;
/** Ends like a sentence (or a quote closing one). */
const FINAL = /[.!?。！？…:;]["”»’')\]]*$/u;
const SHORT = 120;

const identity = (re: RegExp): RegExp => re;

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function compile(data: LangData, langs: LanguageCode[]): Compiled {
  const list = (key: keyof Omit<Compiled, 'credit' | 'parenByline'>, anchor: 'start' | 'none' = 'start') =>
    langs.flatMap((l) => data.byLang.get(l)?.noise?.[key] ?? []).map((p) => phraseToRegExp(p, anchor));
  const credits = [...new Set(langs.flatMap((l) => data.byLang.get(l)?.noise?.credits ?? []))];
  const bylines = [...new Set(langs.flatMap((l) => data.byLang.get(l)?.noise?.parentheticalBylines ?? []))];
  const creditAlt = credits.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return {
    widget: list('widget'),
    boilerplate: list('boilerplate'),
    errorBanner: list('errorBanner'),
    commentHeaders: list('commentHeaders'),
    relatedHeaders: list('relatedHeaders'),
    captionPrefixes: list('captionPrefixes'),
    trailerCues: list('trailerCues'),
    // A credit closing a line: "... - AP", ".../Pool via REUTERS", "(AFP)", "... 2022. Name Surname/Reuters".
    credit: creditAlt
      ? new RegExp(`(?:\\s[-–—|]\\s*|/\\s*|\\(\\s*|\\s[vV][iI][aA]\\s+)(?:${creditAlt})(?:\\s*/\\s*\\p{L}+)?\\s*\\)?$`, 'u')
      : null,
    parenByline: bylines.length
      ? new RegExp(`\\((?:${bylines.map(escapeRegExp).join('|')})[^()\\n]*\\)`, 'giu')
      : null,
  };
}

function splitLines(text: string, out: NoiseRange[]): Line[] {
  const lines: Line[] = [];
  let i = 0;
  while (i <= text.length) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? text.length : nl;
    let s = i;
    const raw = text.slice(i, lineEnd);
    const marker = MARKER.exec(raw);
    if (marker) {
      const ms = i + marker[0].search(/\S/);
      out.push({ start: ms, end: i + marker[0].length, kind: 'boilerplate' });
      s = i + marker[0].length;
    }
    let e = lineEnd;
    while (s < e && /\s/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    if (nl < 0) break;
    i = nl + 1;
  }
  return lines;
}

export function createNoiseFinder(data: LangData) {
  const cache = new Map<string, Compiled>();
  const compiledFor = (lang: LanguageCode) => {
    const langs = lexiconLanguages(data, lang);
    const key = langs.join(',');
    let c = cache.get(key);
    if (!c) cache.set(key, (c = compile(data, langs)));
    return c;
  };

  return function findNoise(text: string, lang: LanguageCode = 'und'): NoiseRange[] {
    const lex = compiledFor(lang);
    const ranges: NoiseRange[] = [];
    const lines = splitLines(text, ranges);
    const kinds: (NoiseKind | null)[] = lines.map(() => null);
    // one scan of a list's union first (any-match.ts: exact, and remembered per compiled list):
    // most lines match no pattern of a list, and the 'und' pass holds every language's patterns
    const any = (res: RegExp[], s: string) => anyMatch(res, identity)(s) && res.some((re) => re.test(s));
    const nonEmpty = lines.map((l, i) => (l.text ? i : -1)).filter((i) => i >= 0);
    const lastLine = nonEmpty[nonEmpty.length - 1];

    const isDateLine = (l: Line) => {
      const dates = findDates(text, lang, data, l.start, l.end);
      if (!dates.length) return false;
      let rest = l.text;
      for (const d of [...dates].reverse()) rest = rest.slice(0, d.start - l.start) + rest.slice(d.end - l.start);
      rest = rest.replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?/g, '');
      return !/[\p{L}\p{N}]/u.test(rest);
    };

    // ---- pass 1: each line on its own
    let trailerFrom = -1;
    let commentsFrom = -1;
    for (const i of nonEmpty) {
      const l = lines[i];
      const s = l.text;
      const short = s.length <= SHORT;
      const body = s.replace(BULLET, '');
      if (any(lex.errorBanner, s)) kinds[i] = 'error-banner';
      else if (short && isDateLine(l)) kinds[i] = 'boilerplate'; // a date line: "Jun 23, 2022, 12:00 PM"
      else if (BULLET.test(s) && any(lex.trailerCues, body) && l.start > text.length / 3) {
        trailerFrom = i;
        break;
      } else if (short && s.length <= 40 && !FINAL.test(s) && any(lex.commentHeaders, s) && l.start > text.length / 3) {
        commentsFrom = i;
        break;
      } else if (s.length <= 160 && any(lex.widget, s)) kinds[i] = 'widget';
      else if ((s.match(/\|/g)?.length ?? 0) >= 2 && s.split('|').every((p) => p.trim().length <= 30)) kinds[i] = 'widget';
      else if (any(lex.captionPrefixes, s)) kinds[i] = 'caption';
      else if (short && !FINAL.test(s) && /^[\p{Ll}\d\s-]+\d+$/u.test(s) && LETTER.test(s)) kinds[i] = 'caption'; // "biden g20 meeting presser screengrab 111422"
      else if (lex.credit && lex.credit.test(s) && words(s).length >= 2) {
        if (i === lastLine && FINAL.test(s.replace(lex.credit, ''))) {
          // An agency sign-off closing the article ("... 2015. — Bernama"): only the sign-off.
          const m = lex.credit.exec(s)!;
          ranges.push({ start: l.start + m.index + (m[0].length - m[0].trimStart().length), end: l.end, kind: 'boilerplate' });
        } else kinds[i] = 'caption';
      } else if (/^[\d\s.,:;#/-]+$/.test(s)) kinds[i] = 'boilerplate'; // bare numbers and ids
      else if (/^[\p{L} -]{0,30}\bid\s*[:#]\s*\d+$/iu.test(s)) kinds[i] = 'boilerplate';
      else if (BREADCRUMB.test(s)) kinds[i] = 'boilerplate'; // breadcrumb "1. Politics"
      else if (s.length <= 80 && any(lex.boilerplate, s)) kinds[i] = 'boilerplate';
      else if (/^\([^()]*\)$/u.test(s) && lex.parenByline && new RegExp(lex.parenByline.source, 'iu').test(s)) kinds[i] = 'boilerplate';
    }

    // ---- pass 2: related lists (a header, then the short link-like lines under it)
    const stopAt = trailerFrom >= 0 ? trailerFrom : commentsFrom >= 0 ? commentsFrom : lines.length;
    for (let k = 0; k < nonEmpty.length; k++) {
      const i = nonEmpty[k];
      if (i >= stopAt) break;
      const s = lines[i].text;
      if (kinds[i] || s.length > 40 || FINAL.test(s) || !any(lex.relatedHeaders, s)) continue;
      kinds[i] = 'related';
      for (let j = k + 1; j < nonEmpty.length && nonEmpty[j] < stopAt; j++) {
        const t = lines[nonEmpty[j]].text;
        if (t.length > SHORT || FINAL.test(t)) break;
        kinds[nonEmpty[j]] = 'related';
        k = j;
      }
    }

    // ---- pass 3: title-relative lines near the top
    const top = nonEmpty.filter((i) => i < stopAt).slice(0, 12);
    const titleIdx = top.find((i) => !kinds[i]);
    if (titleIdx !== undefined) {
      const title = lines[titleIdx].text;
      const titleWords = new Set(words(title));
      const looksLikeTitle = title.length <= 200 && !/[.:;,]$/.test(title);
      let afterTitle = true;
      for (const i of top) {
        if (i <= titleIdx || kinds[i]) continue;
        const s = lines[i].text;
        // the words are asked about only for lines of 200 characters or fewer (a repeated title,
        // a lead photo's caption): a paragraph is not cut into words for nothing
        const w = s.length <= 200 ? words(s) : [];
        const shared = w.filter((x) => titleWords.has(x)).length;
        if (looksLikeTitle && s.length <= 200 && !/[.:;,]$/.test(s) && w.length >= 2 && shared / w.length >= 0.75) {
          kinds[i] = 'repeated-title';
          continue;
        }
        // The first line after the title: short, no final period, before a long paragraph:
        // the caption of the lead photo.
        if (afterTitle && looksLikeTitle) {
          afterTitle = false;
          const next = nonEmpty.find((j) => j > i && !kinds[j]);
          if (s.length <= 100 && w.length <= 12 && !FINAL.test(s) && !/[!?]$/.test(s) && next !== undefined && lines[next].text.length > 150) {
            kinds[i] = 'caption';
          }
        }
      }
      // A short line with no final period between two caption lines belongs to them.
      for (let k = 1; k + 1 < top.length; k++) {
        const [a, b, c] = [top[k - 1], top[k], top[k + 1]];
        if (kinds[a] === 'caption' && kinds[c] === 'caption' && !kinds[b] && lines[b].text.length <= SHORT && !FINAL.test(lines[b].text)) kinds[b] = 'caption';
      }
    }

    for (const i of nonEmpty) {
      const kind = kinds[i];
      if (kind) ranges.push({ start: lines[i].start, end: lines[i].end, kind });
    }
    if (trailerFrom >= 0) ranges.push({ start: lines[trailerFrom].start, end: lines[lastLine].end, kind: 'trailer' });
    if (commentsFrom >= 0) ranges.push({ start: lines[commentsFrom].start, end: lines[lastLine].end, kind: 'comments' });

    // ---- inline: parenthesised bylines ("(Reporting by ...)", "(Rédigé par ...)") inside lines
    if (lex.parenByline) {
      lex.parenByline.lastIndex = 0;
      for (let m = lex.parenByline.exec(text); m; m = lex.parenByline.exec(text)) {
        const [s, e] = [m.index, m.index + m[0].length];
        if (!ranges.some((r) => s >= r.start && e <= r.end)) ranges.push({ start: s, end: e, kind: 'boilerplate' });
      }
    }
    return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  };
}

/** Convenience over the shipped data. */
export function findNoise(text: string, lang: LanguageCode = 'und'): NoiseRange[] {
  return createNoiseFinder(defaultLangData())(text, lang);
}
