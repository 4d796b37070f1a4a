// Invisible format characters that carry no word: bidi controls (LRM, RLM, ALM, the embeddings,
// overrides and isolates), the word joiner and invisible operators, the BOM / zero-width no-break
// space and the soft hyphen. A Hebrew or Arabic article pasted from a web page or a word processor
// is often full of them, around names and numbers, and they break words apart for matching.
// Matching reads the text without them; the spans it finds are mapped back to the original text,
// which is never rewritten. Left alone on purpose: ZWNJ and ZWJ (U+200C, U+200D), which are part
// of Persian and Indic spelling (normalize-script.ts folds them), and the zero-width space, which
// separates words.
import type { Span } from '../core/types.ts';

const FORMAT = /[\u00AD\u061C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export interface Stripped {
  text: string;
  /** map[i] is the original index of stripped position i; map[text.length] is the original length. Null: nothing stripped. */
  map: Int32Array | null;
}

/** The text without format characters, with a map back to the original's offsets. */
export function stripFormatChars(text: string): Stripped {
  FORMAT.lastIndex = 0;
  if (!FORMAT.test(text)) return { text, map: null };
  FORMAT.lastIndex = 0;
  const map = new Int32Array(text.length + 1);
  let out = '';
  let n = 0;
  let from = 0;
  for (let m = FORMAT.exec(text); m; m = FORMAT.exec(text)) {
    for (let i = from; i < m.index; i++) map[n++] = i;
    out += text.slice(from, m.index);
    from = m.index + 1;
  }
  for (let i = from; i < text.length; i++) map[n++] = i;
  out += text.slice(from);
  map[n] = text.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

/** A span of the stripped text as a span of the original: from its first character to just after its last. */
export function originalSpan(map: Int32Array, span: Span): Span {
  const start = map[span.start];
  const end = span.end > span.start ? map[span.end - 1] + 1 : start;
  return { start, end };
}

/**
 * Rewrites, in place, every span ({start, end} numbers) found anywhere in `value` from stripped
 * offsets to original ones. Objects reached twice (one sentence shared by several reports) are
 * rewritten once.
 */
export function remapSpans(value: unknown, map: Int32Array, seen: WeakSet<object> = new WeakSet()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) remapSpans(item, map, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number' && record.end >= record.start && record.end < map.length) {
    const span = originalSpan(map, record as unknown as Span);
    record.start = span.start;
    record.end = span.end;
  }
  for (const key of Object.keys(record)) remapSpans(record[key], map, seen);
}
