// One scan for "does any of these patterns match here?" before scanning with each: stages hold
// lists of compiled word patterns (titles, trigger patterns) and run every one over every
// sentence, while most sentences hold none of them. The union of the patterns, each kept whole
// as one alternative, matches a string exactly when one of them does, so a caller that skips its
// per-pattern loop on a miss finds the same matches, in the same order, as before.
//
// Hand-written: it is a few lines over the built-in RegExp (no library composes compiled
// patterns), and exactness decides when the union is not built (see `union`).

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
  try {
    return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags);
  } catch {
    return null;
  }
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
