// A long article shown as the windows the event API sent around the evidence, with the marks in
// place; the text between and around them is fetched on demand, a part at a time, so a 5 MB
// article neither travels nor renders whole. Text nodes only, never HTML.
import { Fragment, useState } from 'react';
import { api, ApiError, type TextWindow } from '../api.ts';
import { pieces, type Mark } from './MarkedText.tsx';

const MORE = 20_000;

function merge(windows: readonly TextWindow[]): TextWindow[] {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const out: TextWindow[] = [];
  for (const w of sorted) {
    const last = out.at(-1);
    if (last && w.start <= last.end) {
      if (w.end > last.end) out[out.length - 1] = { start: last.start, end: w.end, text: last.text + w.text.slice(last.end - w.start) };
    } else out.push(w);
  }
  return out;
}

function Marked({ window: w, marks }: { window: TextWindow; marks: readonly Mark[] }) {
  const local = marks
    .filter((m) => m.end > w.start && m.start < w.end)
    .map((m) => ({ ...m, start: Math.max(0, m.start - w.start), end: Math.min(w.end, m.end) - w.start }));
  return (
    <>
      {pieces(w.text, local).map((p, i) =>
        p.kinds.length === 0 ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : (
          <mark key={i} className={p.kinds.join(' ')} title={p.titles.join('; ') || undefined}>
            {p.text}
          </mark>
        ),
      )}
    </>
  );
}

export function ArticleWindows({ docId, length, windows: initial, marks, label }: { docId: string; length: number; windows: readonly TextWindow[]; marks: readonly Mark[]; label: string }) {
  const [windows, setWindows] = useState(() => merge(initial));
  const [error, setError] = useState<string | null>(null);
  const load = async (start: number, end: number) => {
    try {
      const part = await api.get<TextWindow>(`/api/documents/${encodeURIComponent(docId)}/text`, { start, end });
      setWindows((current) => merge([...current, part]));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const gap = (from: number, to: number, where: 'before' | 'after' | 'between') => {
    if (to <= from) return null;
    const n = to - from;
    const count = n.toLocaleString('en');
    return (
      <span className="gap">
        {where !== 'before' && (
          <button type="button" onClick={() => void load(from, Math.min(to, from + MORE))}>
            {n > MORE ? `Show ${MORE.toLocaleString('en')} more characters` : `Show ${count} more characters`}
          </button>
        )}
        {where === 'before' && (
          <button type="button" onClick={() => void load(Math.max(from, to - MORE), to)}>
            {n > MORE ? `Show ${MORE.toLocaleString('en')} characters before` : `Show ${count} characters before`}
          </button>
        )}
        <span className="muted"> ({count} characters not shown)</span>
      </span>
    );
  };
  return (
    <div className="article" role="document" aria-label={label} tabIndex={0}>
      {windows.map((w, i) => (
        <Fragment key={w.start}>
          {gap(i === 0 ? 0 : windows[i - 1].end, w.start, i === 0 ? 'before' : 'between')}
          <Marked window={w} marks={marks} />
        </Fragment>
      ))}
      {gap(windows.at(-1)?.end ?? 0, length, 'after')}
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
