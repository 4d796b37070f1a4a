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

/** The text of `range` with the highlights inside it marked; overlapping highlights keep the first. */
export function highlight(text: string, range: Span, marks: readonly Highlight[], color: boolean): string {
  const inside = marks
    .filter((m) => m.start >= range.start && m.end <= range.end && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = range.start;
  for (const mark of inside) {
    if (mark.start < at) continue;
    out += text.slice(at, mark.start);
    const word = text.slice(mark.start, mark.end);
    out += color ? `${ANSI[mark.kind]}${word}${RESET}` : `[[${word}]]`;
    at = mark.end;
  }
  out += text.slice(at, range.end);
  return out.replace(/\s*\n\s*/g, ' ').trim();
}
