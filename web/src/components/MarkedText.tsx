// Untrusted article text with marked spans, rendered as React text nodes: never as HTML.
import { Fragment } from 'react';
import type { Span } from '../api.ts';

export interface Mark extends Span {
  kind: string;
  title?: string;
}

/** Cuts the text at every mark boundary; each piece carries the marks covering it. */
export function pieces(text: string, marks: readonly Mark[]): { text: string; kinds: string[]; titles: string[] }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    if (m.start >= 0 && m.end <= text.length && m.start < m.end) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { text: string; kinds: string[]; titles: string[] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    out.push({ text: text.slice(a, b), kinds: [...new Set(covering.map((m) => m.kind))], titles: covering.flatMap((m) => (m.title ? [m.title] : [])) });
  }
  return out;
}

export function MarkedText({ text, marks, label }: { text: string; marks: readonly Mark[]; label: string }) {
  return (
    <div className="article" role="document" aria-label={label} tabIndex={0}>
      {pieces(text, marks).map((p, i) =>
        p.kinds.length === 0 ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : (
          <mark key={i} className={p.kinds.join(' ')} title={p.titles.join('; ') || undefined}>
            {p.text}
          </mark>
        ),
      )}
    </div>
  );
}
