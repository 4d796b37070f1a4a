// How many letters of each script a text holds, in one pass: language detection asks for nine
// counts of the same text, and one `text.match(/\p{…}/gu)` per count built an array of every
// matching character (thousands of one-character strings per article) nine times over.
//
// Hand-written: a loop over code points; what a code point is, is still the engine's own Unicode
// property escapes (each distinct code point is classified once and remembered).

export interface ScriptCounts {
  /** code points that are letters (\p{L}) */
  letters: number;
  latin: number;
  arabic: number;
  cyrillic: number;
  hebrew: number;
  han: number;
  /** Hiragana and Katakana */
  kana: number;
  hangul: number;
}

// one bit per class; KNOWN marks a code point already classified
const CLASSES: Array<[keyof ScriptCounts, RegExp]> = [
  ['letters', /^\p{L}$/u],
  ['latin', /^\p{Script=Latin}$/u],
  ['arabic', /^\p{Script=Arabic}$/u],
  ['cyrillic', /^\p{Script=Cyrillic}$/u],
  ['hebrew', /^\p{Script=Hebrew}$/u],
  ['han', /^\p{Script=Han}$/u],
  ['kana', /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u],
  ['hangul', /^\p{Script=Hangul}$/u],
];
const KNOWN = 1 << CLASSES.length;
// the Basic Multilingual Plane in a table (128 KB), other planes in a map
const bmp = new Uint16Array(0x10000);
const astral = new Map<number, number>();

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let bits = KNOWN;
  CLASSES.forEach(([, re], k) => {
    if (re.test(ch)) bits |= 1 << k;
  });
  return bits;
}

/** Letters of each script in `text`, counted by code point (as a /…/gu match count would). */
export function scriptCounts(text: string): ScriptCounts {
  const tally = new Array<number>(CLASSES.length).fill(0);
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    let bits: number;
    if (cp < 0x80) {
      // ASCII: letters are Latin letters, nothing else counts
      if ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) {
        tally[0]++;
        tally[1]++;
      }
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x10000) {
      bits = bmp[cp];
      if (!bits) bmp[cp] = bits = classify(cp);
    } else {
      bits = astral.get(cp) ?? 0;
      if (!bits) {
        bits = classify(cp);
        // bounded: a text of every rare character does not grow the map without end
        if (astral.size < 50_000) astral.set(cp, bits);
      }
    }
    for (let k = 0; k < CLASSES.length; k++) if (bits & (1 << k)) tally[k]++;
  }
  const out = {} as ScriptCounts;
  CLASSES.forEach(([name], k) => {
    out[name] = tally[k];
  });
  return out;
}
