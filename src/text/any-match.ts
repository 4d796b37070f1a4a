// One scan for "does any of these patterns match here?" before scanning with each: stages hold
// lists of compiled word patterns (titles, trigger patterns) and run every one over every
// sentence, while most sentences hold none of them. The union of the patterns, each kept whole
// as one alternative (those bounded by word edges sharing one pair of them), matches a string
// exactly when one of them does, so a caller that skips its per-pattern loop on a miss finds the
// same matches, in the same order, as before. It is a test only: which alternative matches first
// is not kept.
//
// Hand-written: it is a few lines over the built-in RegExp (no library composes compiled
// patterns), and exactness decides when the union is not built (see `union`).

import { WORD_END, WORD_START } from './word-pattern.ts';

const cache = new WeakMap<readonly unknown[], (text: string) => boolean>();
const always = (): boolean => true;

/**
 * The union of `patterns` as one RegExp, or null when it would not mean the same as trying each:
 * flags that differ (besides g and y, which a test ignores here), back-references (their group
 * numbers shift in a union) or a union the engine refuses (a group name used twice).
 */
export function union(patterns: readonly RegExp[]): RegExp | null {
  if (!patterns.length) return null;
  const flags = patterns[0].flags.replace(/[gy]/g, '');
  for (const re of patterns) {
    if (re.flags.replace(/[gy]/g, '') !== flags) return null;
    if (/\\[1-9]|\\k</.test(re.source)) return null;
  }
  // patterns bounded by the same word edges share them: `WS(?:a|b)WE` matches where one of
  // `WS(?:a)WE` and `WS(?:b)WE` does, and tests each edge once per position, not once per pattern
  const bounded: string[] = [];
  const others: string[] = [];
  for (const re of patterns) {
    const inner = innerOfWord(re.source);
    if (inner !== null) bounded.push(`(?:${inner})`);
    else others.push(`(?:${re.source})`);
  }
  try {
    return new RegExp([...(bounded.length ? [`${WORD_START}(?:${bounded.join('|')})${WORD_END}`] : []), ...others].join('|'), flags);
  } catch {
    return null;
  }
}

/** The pattern between WORD_START and WORD_END when a source is only that, else null. */
function innerOfWord(source: string): string | null {
  if (!source.startsWith(WORD_START) || !source.endsWith(WORD_END)) return null;
  const inner = source.slice(WORD_START.length, source.length - WORD_END.length);
  // an odd run of backslashes before the end would make its "(" a literal one
  const slashes = /\\*$/.exec(inner)![0].length;
  return slashes % 2 || alternatesAtTop(inner) ? null : inner;
}

/** Whether a source holds a `|` outside every group and class ("a|b"): the edges then bound only its ends. */
function alternatesAtTop(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * A test true when at least one pattern of `list` (each item's `patternOf`) matches somewhere in
 * a text. Remembered per list, which must not change afterwards (lexicons are compiled once per
 * language); always true when no exact union can be built, so a caller only ever skips a miss.
 */
export function anyMatch<T>(list: readonly T[], patternOf: (item: T) => RegExp): (text: string) => boolean {
  let test = cache.get(list);
  if (!test) {
    const re = union(list.map(patternOf));
    test = list.length === 0 ? () => false : re ? (text: string) => re.test(text) : always;
    cache.set(list, test);
  }
  return test;
}
