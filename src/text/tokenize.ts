// Tokens inside sentences, from Intl.Segmenter (word granularity), so scripts without spaces
// (Chinese, Japanese, Thai) are cut into words too. Whitespace is not a token.
import type { Sentence, Span, Token, TokenKind } from '../core/types.ts';
import { allMatches } from '../core/all-matches.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const PUNCT_ONLY = /^\p{P}+$/u;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// words (with inner apostrophes and dots of numbers), numbers, or single other characters
const SPACED = /[\p{L}\p{M}\p{N}]+(?:['’.,:][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const NUMBER = /^[\p{N}][\p{N}.,:\u00a0\u202f'’]*$/u;

function kindOf(segment: string, wordLike: boolean | undefined): TokenKind | null {
  if (/^\s+$/u.test(segment)) return null;
  if (NUMBER.test(segment)) return 'number';
  if (wordLike || /[\p{L}\p{N}\p{M}]/u.test(segment)) return 'word';
  if (PUNCT_ONLY.test(segment)) return 'punct';
  return 'symbol';
}

export function createTokenizer(locale = 'und') {
  const segmenter = new Intl.Segmenter(locale === 'und' ? undefined : locale, { granularity: 'word' });
  return function tokenize(text: string, sentences: Span[] | Sentence[]): Token[] {
    const tokens: Token[] = [];
    for (const s of sentences) {
      const slice = text.slice(s.start, s.end);
      // spaced scripts: a regular expression cuts the same words, many times faster
      if (!UNSPACED.test(slice)) {
        for (const m of allMatches(SPACED, slice)) {
          const kind = kindOf(m[0], undefined);
          if (kind) tokens.push({ start: s.start + m.index!, end: s.start + m.index! + m[0].length, kind });
        }
        continue;
      }
      for (const seg of segmenter.segment(slice)) {
        const kind = kindOf(seg.segment, seg.isWordLike);
        if (kind) tokens.push({ start: s.start + seg.index, end: s.start + seg.index + seg.segment.length, kind });
      }
    }
    return tokens;
  };
}

const shared = createTokenizer();

export function tokenize(text: string, sentences: Span[] | Sentence[]): Token[] {
  return shared(text, sentences);
}
