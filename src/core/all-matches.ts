// Every match of a global regular expression, as String.prototype.matchAll gives them. matchAll
// copies the expression on each call (a new RegExp, its own compiled state) and walks an
// iterator: on the short strings of a sentence or a window it costs several times the matching
// itself, and the analysis calls it thousands of times per document. This reads the same matches
// with exec on the expression itself and leaves its lastIndex as it found it.

/** The matches of `re` (global) in `text` from re.lastIndex on, in order; re.lastIndex is unchanged after. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches wants a global expression: ${re}`);
  return matchesOrNull(re, text) ?? [];
}

/**
 * allMatches, or null when there is none: for a loop over many patterns of which most match
 * nowhere, one scan per pattern (not a test, then the same scan again for the matches) and no
 * empty array per miss.
 */
export function matchesOrNull(re: RegExp, text: string): RegExpExecArray[] | null {
  if (!re.global) throw new TypeError(`matchesOrNull wants a global expression: ${re}`);
  const saved = re.lastIndex;
  let m = re.exec(text);
  if (m === null) {
    re.lastIndex = saved;
    return null;
  }
  const out: RegExpExecArray[] = [];
  try {
    do {
      out.push(m);
      // as in allMatches: an empty match moves on by one character (code point under u or v)
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    } while ((m = re.exec(text)) !== null);
  } finally {
    re.lastIndex = saved;
  }
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return at + 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}
