// Terminal output helpers: aligned tables and highlighted evidence (ANSI on a TTY, [[brackets]]
// elsewhere, so piped output stays readable and testable).
import type { Span } from '../core/types.ts';

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export type HighlightKind = 'trigger' | 'participant' | 'date' | 'place';

export interface Highlight extends Span {
  kind: HighlightKind;
}

const ANSI: Record<HighlightKind, string> = {
  trigger: '\x1b[1;33m',
  participant: '\x1b[1;36m',
  date: '\x1b[32m',
  place: '\x1b[35m',
};
const RESET = '\x1b[0m';

/**
 * Article text made safe to print on a terminal: control characters (escape sequences) become
 * spaces, and invisible format characters (bidi controls that would reorder the line, the BOM,
 * line and paragraph separators) are shown as <U+XXXX>. ZWNJ, ZWJ and the soft hyphen stay: they
 * are part of Persian and Indic spelling and cannot reorder anything.
 */
export function terminalText(text: string): string {
  return text
    .replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ' '))
    .replace(/[\p{Cf}\u2028\u2029]/gu, (c) => (c === '\u200C' || c === '\u200D' || c === '\u00AD' ? c : `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`));
}

/** The text of `range` with the highlights inside it marked; overlapping highlights keep the first. */
export function highlight(text: string, range: Span, marks: readonly Highlight[], color: boolean): string {
  const inside = marks
    .filter((m) => m.start >= range.start && m.end <= range.end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = range.start;
  for (const mark of inside) {
    if (mark.start < at) continue;
    out += terminalText(text.slice(at, mark.start));
    const word = terminalText(text.slice(mark.start, mark.end));
    out += color ? `${ANSI[mark.kind]}${word}${RESET}` : `[[${word}]]`;
    at = mark.end;
  }
  out += terminalText(text.slice(at, range.end));
  return out.replace(/\s*\n\s*/g, ' ').trim();
}
