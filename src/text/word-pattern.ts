// Words and phrases of the language data (data/lang/<lang>/*.json) as regular-expression source:
// one reading shared by every stage that compiles word lists (modality, places, references), so
// the same entry means the same thing in every file.
//
// - A phrase is literal unless it holds `\w`, a class `[...]`, a group `(?...)` or `\p{...}`: then
//   it is a pattern, and `\w` stands for a letter of any script (with its marks).
// - In a literal phrase an apostrophe matches both ' and ’, and a space any run of white space.
// - Words are bounded by letters, marks and digits of any script, not by `\b` (ASCII only).

/** No letter, mark or digit of any script right before. */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
/** No letter, mark or digit of any script right after. */
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
/** Scripts written without spaces between words: their phrases match inside runs of characters. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** One phrase of the data as regular-expression source. */
export function phrasePattern(phrase: string): string {
  if (/\\w|\[|\(\?|\\p/.test(phrase)) return phrase.replace(/\\w/g, '[\\p{L}\\p{M}]').replace(/ /g, '\\s+');
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/\s+/g, '\\s+');
}

/** Phrases as one alternation, the longest first (so "met with" wins over "met"); null for none. */
export function alternation(phrases: readonly string[] | undefined): string | null {
  if (!phrases?.length) return null;
  return [...phrases].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
}
