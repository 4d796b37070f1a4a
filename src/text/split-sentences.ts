// Sentences with exact offsets. Hand-written rather than sbd so offsets never drift: a sentence
// ends at . ! ? … (and CJK 。！？, Arabic ؟ and Urdu ۔) before a capital, digit or opening quote, unless the word before
// is an abbreviation from data/lang/<lang>/abbreviations.json or an initial. A line break ends a
// paragraph unless the next line plainly continues the sentence (hard-wrapped text).
import type { LanguageCode, NoiseRange, Sentence, Span } from '../core/types.ts';
import { defaultLangData, type LangData, lexiconLanguages } from './lang-data.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const WORD_BEFORE = /([\p{L}\p{N}.'’-]*)$/u;
const DOTTED_INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const LOWER_START = /^\p{Ll}/u;
const CAPITALIZED_START = /^\p{Lu}\p{Ll}/u;
const LEADING_WORD = /^\p{L}+/u;
const LOWER_END = /\p{Ll}$/u;
const LOWER_AFTER_SPACE = /^[ \t]*\p{Ll}/u;

const CLOSERS = `"'”’»)\\]`;
const LEADING = /^[\s•●▪◦·‣*]+/u;
/** Tail of a domain name: "Paralel.Az", "Reuters.com" do not end a sentence. */
const TLDS = new Set(['com', 'net', 'org', 'az', 'ru', 'ir', 'fr', 'de', 'uk', 'info', 'io', 'tv', 'cn', 'ua', 'tr', 'ps', 'lb', 'gov', 'edu']);

export function createSentenceSplitter(data: LangData) {
  const cache = new Map<string, Set<string>>();
  const abbreviationsFor = (lang: LanguageCode) => {
    const langs = lexiconLanguages(data, lang);
    const key = langs.join(',');
    let set = cache.get(key);
    if (!set) {
      set = new Set(langs.flatMap((l) => data.byLang.get(l)?.abbreviations ?? []).map((a) => a.toLowerCase()));
      cache.set(key, set);
    }
    return set;
  };

  /** Offsets (into text) where a sentence ends, inside [from, to). */
  function boundaries(text: string, from: number, to: number, abbr: Set<string>): number[] {
    const ends: number[] = [];
    const re = new RegExp(`([.!?…。！？؟۔]+)([${CLOSERS}]*)`, 'gu');
    re.lastIndex = from;
    const seg = text.slice(0, to);
    for (let m = re.exec(seg); m; m = re.exec(seg)) {
      const punct = m[1];
      const end = m.index + m[0].length;
      const cjk = /[。！？]/u.test(punct);
      const after = seg.slice(end);
      const space = /^\s+/u.exec(after)?.[0] ?? '';
      const next = after.slice(space.length);
      if (!next) continue; // the segment's end closes the sentence anyway
      if (cjk) {
        ends.push(end);
        continue;
      }
      // the word before the mark (a window, not the whole segment: scanning back to its start from
      // every mark made long paragraphs quadratic)
      const before = WORD_BEFORE.exec(seg.slice(Math.max(from, m.index - 64), m.index))?.[1] ?? '';
      const word = before.replace(/^['’]+/, '');
      if (space) {
        // The next sentence must start like one.
        if (!/^[\p{Lu}\p{Lo}\p{N}"'“‘«(\[¿¡—–-]/u.test(next)) continue;
        if (punct === '.') {
          if (abbr.has(word.toLowerCase())) continue;
          // an initial ("George W. Bush"); Arabic and Hebrew letters alone are abbreviations (ه.ش, د.)
          if (/^[\p{Lu}\p{Script=Arabic}\p{Script=Hebrew}]$/u.test(word)) continue;
          if (DOTTED_INITIALS.test(word)) continue; // "U.S", "e.g"
          if (/^\d{1,2}$/.test(word) && LOWER_START.test(next)) continue;
        }
        ends.push(end);
      } else if (punct === '.' && m[2] === '' && CAPITALIZED_START.test(next)) {
        // No space after the period ("UAE.The meeting"): a boundary unless it is a domain name,
        // an abbreviation or letters with dots ("U.S.Army" is rare; "Paralel.Az" is a site).
        const nextWord = LEADING_WORD.exec(next)?.[0] ?? '';
        if (TLDS.has(nextWord.toLowerCase())) continue;
        if (word.length < 2 || abbr.has(word.toLowerCase()) || /\./.test(word)) continue;
        ends.push(end);
      } else if (punct !== '.' && m[2] === '' && CAPITALIZED_START.test(next) && LOWER_END.test(word)) {
        ends.push(end); // "Really?Yes" — missing space after ! or ?
      }
    }
    return ends;
  }

  /** Paragraphs: runs of lines; a line break inside a sentence (next line lowercase) is kept. */
  function paragraphs(text: string): Span[] {
    const out: Span[] = [];
    let start = 0;
    let i = text.indexOf('\n');
    while (i >= 0) {
      const prev = text.slice(start, i).trimEnd();
      const rest = text.slice(i + 1);
      const continues = prev !== '' && !/[.!?…:;。！？"”»’)]$/u.test(prev) && LOWER_AFTER_SPACE.test(rest) && !/^\s*\n/.test(rest);
      if (!continues) {
        out.push({ start, end: i });
        start = i + 1;
      }
      i = text.indexOf('\n', i + 1);
    }
    out.push({ start, end: text.length });
    return out;
  }

  return function splitSentences(text: string, noise: NoiseRange[] = [], lang: LanguageCode = 'und'): Sentence[] {
    const abbr = abbreviationsFor(lang);
    const sorted = [...noise].sort((a, b) => a.start - b.start);
    const sentences: Sentence[] = [];
    let paragraph = -1;
    for (const p of paragraphs(text)) {
      // The parts of the paragraph outside noise.
      const parts: Span[] = [];
      let cursor = p.start;
      for (const r of sorted) {
        if (r.end <= cursor || r.start >= p.end) continue;
        if (r.start > cursor) parts.push({ start: cursor, end: r.start });
        cursor = Math.max(cursor, r.end);
      }
      if (cursor < p.end) parts.push({ start: cursor, end: p.end });
      let counted = false;
      for (const part of parts) {
        let s = part.start;
        for (const e of [...boundaries(text, part.start, part.end, abbr), part.end]) {
          const span = trim(text, s, e);
          s = e;
          if (!span) continue;
          if (!counted) {
            paragraph++;
            counted = true;
          }
          sentences.push({ ...span, index: sentences.length, paragraph });
        }
      }
    }
    return sentences;
  };
}

/** The span without surrounding whitespace and leading bullets; null when nothing is left. */
function trim(text: string, start: number, end: number): Span | null {
  const slice = text.slice(start, end);
  const lead = LEADING.exec(slice)?.[0].length ?? 0;
  const trail = slice.length - slice.trimEnd().length;
  const s = start + lead;
  const e = end - trail;
  if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) return null;
  return { start: s, end: e };
}

/** Convenience over the shipped data. */
export function splitSentences(text: string, noise: NoiseRange[] = [], lang: LanguageCode = 'und'): Sentence[] {
  return createSentenceSplitter(defaultLangData())(text, noise, lang);
}
