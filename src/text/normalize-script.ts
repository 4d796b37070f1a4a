// Script normalization for matching: Arabic tashkeel and tatweel, Hebrew niqqud and cantillation,
// zero-width marks (Persian ZWNJ, bidi marks, soft hyphens) are dropped, and the letter variants
// that writers use interchangeably (أ إ آ ٱ / ا, ى ي ی, ك ک, Hebrew final letters, ё е) are folded to one. The original text
// is never rewritten: the folded string comes with a map from each of its positions back to the
// original, so a match found in the folded text is a span of the original.
//
// Written here because no maintained package does this with an offset map: Snowball's Arabic
// stemmer normalizes inside a word only, and not Hebrew or Persian.

/** Characters that carry no letter for matching: vowel marks, tatweel, zero-width and bidi marks. */
const DROP = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u200B-\u200F\u2060\uFEFF\u00AD]/u;
const ANY = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u200B-\u200F\u2060\uFEFF\u00AD\u0622\u0623\u0625\u0671\u0649\u06CC\u06A9\u05DA\u05DD\u05DF\u05E3\u05E5\u0451\u0401]/u;

/** One-for-one letter folds (same length, so offsets stay put). */
const LETTER: Record<string, string> = {
  '\u0622': '\u0627', // آ
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0671': '\u0627', // ٱ
  '\u0649': '\u064A', // ى
  '\u06CC': '\u064A', // ی (Persian yeh)
  '\u06A9': '\u0643', // ک (Persian kaf)
  // Hebrew final letters take their ordinary shape: a suffix turns ם into מ (פגישתם, פגישתמ-)
  '\u05DA': '\u05DB', // ך
  '\u05DD': '\u05DE', // ם
  '\u05DF': '\u05E0', // ן
  '\u05E3': '\u05E4', // ף
  '\u05E5': '\u05E6', // ץ
  // Russian ё is written е as often as not: провёл, провел
  '\u0451': '\u0435',
  '\u0401': '\u0415',
};

export interface Folded {
  text: string;
  /** map[i] is the original index of folded position i; map[text.length] is the original end */
  map: number[] | null;
}

/** The text folded for matching, with its map back (null: nothing was folded, offsets are the same). */
export function foldScript(s: string): Folded {
  if (!ANY.test(s)) return { text: s, map: null };
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (DROP.test(c)) continue;
    out += LETTER[c] ?? c;
    map.push(i);
  }
  map.push(s.length);
  return { text: out, map };
}

/**
 * The original offset of a folded offset. As an exclusive end it takes in the marks dropped right
 * after the last letter matched (the tanween of اجتماعاً belongs to its word).
 */
export function original(f: Folded, at: number, base = 0): number {
  return base + (f.map ? (at < f.map.length ? f.map[at] : f.map[f.map.length - 1]) : at);
}

/** A word (or a lexicon pattern) folded the same way, without a map. */
export function foldText(s: string): string {
  return foldScript(s).text;
}
