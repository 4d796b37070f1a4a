// Tokens inside sentences, from Intl.Segmenter (word granularity), so scripts without spaces
// (Chinese, Japanese, Thai) are cut into words too. Whitespace is not a token.
import type { Sentence, Span, Token, TokenKind } from '../core/types.ts';

const NUMBER = /^[\p{N}][\p{N}.,:\u00a0\u202f'’]*$/u;

function kindOf(segment: string, wordLike: boolean | undefined): TokenKind | null {
  if (/^\s+$/u.test(segment)) return null;
  if (NUMBER.test(segment)) return 'number';
  if (wordLike || /[\p{L}\p{N}\p{M}]/u.test(segment)) return 'word';
  if (/^\p{P}+$/u.test(segment)) return 'punct';
  return 'symbol';
}

export function createTokenizer(locale = 'und') {
  const segmenter = new Intl.Segmenter(locale === 'und' ? undefined : locale, { granularity: 'word' });
  return function tokenize(text: string, sentences: Span[] | Sentence[]): Token[] {
    const tokens: Token[] = [];
    for (const s of sentences) {
      for (const seg of segmenter.segment(text.slice(s.start, s.end))) {
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
