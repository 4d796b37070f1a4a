// The title line: the first non-empty line outside noise, when it looks like a headline
// (short, no final period). A leading date ("November 14, 2022 Biden, Xi meet ...") is left out.
import type { NoiseRange, Span } from '../core/types.ts';

export interface TitleOptions {
  maxChars?: number;
  maxWords?: number;
}

export function findTitle(text: string, noise: NoiseRange[] = [], published: Span | null = null, options: TitleOptions = {}): Span | null {
  const maxChars = options.maxChars ?? 200;
  const maxWords = options.maxWords ?? 30;
  const sorted = [...noise].sort((a, b) => a.start - b.start);
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? text.length : nl;
    // The first stretch of this line outside noise.
    let s = i;
    let e = lineEnd;
    // Skip whitespace and noise at the start of the line, then stop at the next noise.
    for (let moved = true; moved; ) {
      moved = false;
      while (s < e && /\s/u.test(text[s])) s++;
      for (const r of sorted) {
        if (r.start <= s && r.end > s) {
          s = Math.min(r.end, e);
          moved = true;
        }
      }
    }
    for (const r of sorted) if (r.start > s && r.start < e) e = r.start;
    if (published && published.start >= s && published.start - s <= 2 && published.end < e) s = published.end;
    while (s < e && /[\s,–—|:-]/u.test(text[s])) s++;
    while (e > s && /\s/u.test(text[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) {
      const line = text.slice(s, e);
      const words = line.split(/\s+/u).length;
      if (line.length > maxChars || words > maxWords || /[.;:,。；：，！？]$/.test(line)) return null;
      return { start: s, end: e };
    }
    if (nl < 0) break;
    i = nl + 1;
  }
  return null;
}
