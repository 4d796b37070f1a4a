// Traditional Chinese read as Simplified for matching. The lexicons and the knowledge base write
// Chinese in Simplified script; a report from Taiwan or Hong Kong writes 會見 for 会见 and 拉夫羅夫
// for 拉夫罗夫. The conversion itself is OpenCC's (opencc-js, Traditional -> mainland Simplified),
// a maintained dictionary; what is Parley's own is keeping offsets: the folded text has the
// original's length, character for character, so every span found in it is a span of the original.
import { Converter } from 'opencc-js/t2cn';

let convert: ((s: string) => string) | null = null;
const converter = () => (convert ??= Converter({ from: 't', to: 'cn' }));

/** Any Han character at all: a text without one has nothing to fold. */
const HAN = /\p{Script=Han}/u;

/**
 * The text with Traditional characters written in Simplified, of exactly the same length (a UTF-16
 * unit for a unit). Where OpenCC's phrase conversion would change a length, that stretch is folded
 * a character at a time instead, and a character whose folding changes length is kept as it is.
 */
export function foldTraditional(text: string): string {
  if (!HAN.test(text)) return text;
  const c = converter();
  const whole = c(text);
  if (whole.length === text.length) return whole;
  // rare: convert line by line, and only a line that still changes length character by character
  return text
    .split('\n')
    .map((line) => {
      const folded = c(line);
      if (folded.length === line.length) return folded;
      let out = '';
      for (const ch of line) {
        const f = c(ch);
        out += f.length === ch.length ? f : ch;
      }
      return out;
    })
    .join('\n');
}
