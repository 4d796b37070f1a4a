// Long articles: the event API sends the text around the evidence, not the whole article (a 5 MB
// article made an 11 MB response and a 33 s page). Windows are cut at line or word boundaries
// near `margin` characters from the spans; the rest comes on demand (GET /api/documents/:id/text).
import type { Span } from '../core/types.ts';

export interface TextWindow {
  /** JavaScript string offsets into the whole text (end exclusive). */
  start: number;
  end: number;
  text: string;
}

export interface WindowOptions {
  /** Texts up to this length are sent whole. */
  whole?: number;
  /** Characters kept on each side of a span. */
  margin?: number;
}

export const WHOLE_TEXT_CHARS = 20_000;
export const WINDOW_MARGIN_CHARS = 2_000;

/** A cut near `at`, moved to the nearest line break (else space) within 200 characters, never splitting a surrogate pair. */
function snap(text: string, at: number, direction: -1 | 1): number {
  const clamp = Math.max(0, Math.min(text.length, at));
  const lo = Math.max(0, clamp - 200);
  const hi = Math.min(text.length, clamp + 200);
  const region = text.slice(lo, hi);
  const rel = clamp - lo;
  for (const sep of ['\n', ' ']) {
    const found = direction < 0 ? region.lastIndexOf(sep, rel) : region.indexOf(sep, rel);
    if (found >= 0) return lo + found + (direction < 0 ? 1 : 0);
  }
  let cut = clamp;
  const code = text.charCodeAt(cut);
  if (cut > 0 && cut < text.length && code >= 0xdc00 && code <= 0xdfff) cut += direction < 0 ? -1 : 1;
  return cut;
}

/** The whole text when short; else merged windows around the spans, in text order. */
export function windowsAround(text: string, spans: readonly Span[], options: WindowOptions = {}): TextWindow[] {
  const whole = options.whole ?? WHOLE_TEXT_CHARS;
  const margin = options.margin ?? WINDOW_MARGIN_CHARS;
  if (text.length <= whole) return [{ start: 0, end: text.length, text }];
  const ranges = spans
    .filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length)
    .map((s) => [snap(text, s.start - margin, -1), snap(text, s.end + margin, 1)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  if (!ranges.length) ranges.push([0, snap(text, whole, 1)]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged.map(([start, end]) => ({ start, end, text: text.slice(start, end) }));
}
