// Events per month as bars with real axes (months or years along, counts up), drawn at the
// width it is given. A month, or a range brushed by dragging over the bars, picks the dates; from
// the keyboard: arrows move between months, Shift+arrows stretch the range, Home/End jump, Enter
// picks. The month under the cursor is read out.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface TimelineProps {
  months: { month: string; events: number }[];
  label: string;
  /** A month, or the first and last month of a brushed range. */
  onPick?: (from: string, to?: string) => void;
}

const HEIGHT = 120;
const LEFT = 34;
const BOTTOM = 20;
const TOP = 6;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fill(months: { month: string; events: number }[]): { month: string; events: number }[] {
  if (months.length === 0) return [];
  const counts = new Map(months.map((m) => [m.month, m.events]));
  const out: { month: string; events: number }[] = [];
  let [y, m] = months[0].month.split('-').map(Number);
  const [ly, lm] = months[months.length - 1].month.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, events: counts.get(key) ?? 0 });
    m += 1;
    if (m > 12) (m = 1), (y += 1);
  }
  return out;
}

/** Round tick values for counts from 0 to max (at most 4). */
function countTicks(max: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000].find((s) => max / s <= 4) ?? Math.ceil(max / 4);
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

export function Timeline({ months, label, onPick }: TimelineProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [cursor, setCursor] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [drag, setDrag] = useState<number | null>(null);
  // the cursor is shown only while it is used (focus or a brushed range)
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  const all = fill(months);
  if (all.length === 0) return <p className="muted">No dated events.</p>;
  const max = Math.max(1, ...all.map((m) => m.events));
  const plot = width - LEFT - 4;
  const band = plot / all.length;
  const y = (v: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max);
  const at = Math.min(cursor, all.length - 1);
  // the months may have changed under a kept cursor or range: both stay within them
  const from = anchor === null ? at : Math.min(anchor, all.length - 1);
  const [lo, hi] = [Math.min(from, at), Math.max(from, at)];
  // month labels when there is room, else years
  const monthly = band >= 34;
  const ticks = all.map((m, i) => ({ m, i })).filter(({ m }) => monthly || m.month.endsWith('-01') || all.length <= 1);
  const yearStep = Math.max(1, Math.ceil(40 / (band * 12)));
  const pick = (a: number, b: number) => onPick?.(all[Math.min(a, b)].month, a === b ? undefined : all[Math.max(a, b)].month);
  const onKey = (e: KeyboardEvent) => {
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(all.length - 1, to));
      if (e.shiftKey) setAnchor((a) => (a === null ? at : a));
      else setAnchor(null);
      setCursor(next);
    };
    if (e.key === 'ArrowRight') move(at + 1);
    else if (e.key === 'ArrowLeft') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(lo, hi);
    }
  };
  const total = months.reduce((n, m) => n + m.events, 0);
  const selected = all.slice(lo, hi + 1).reduce((n, m) => n + m.events, 0);
  return (
    <figure className="timeline" aria-label={label} ref={box}>
      <svg
        width={width}
        height={HEIGHT}
        tabIndex={0}
        role="group"
        aria-label={`${label}: events per month. Arrows move, Shift+arrows select a range, Enter shows those events.`}
        onKeyDown={onKey}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onPointerLeave={() => setDrag(null)}
      >
        {countTicks(max).map((v) => (
          <g key={v} className="tick">
            <line x1={LEFT} x2={width - 4} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 4} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {all.map((m, i) => {
          const h = m.events ? Math.max(1.5, y(0) - y(m.events)) : 0;
          const chosen = (focused || anchor !== null) && i >= lo && i <= hi;
          return (
            <rect
              key={m.month}
              x={LEFT + i * band + band * 0.1}
              y={y(0) - h}
              width={Math.max(1, band * 0.8)}
              height={h}
              className={`bar${onPick ? ' clickable' : ''}${chosen ? ' current' : ''}`}
              onPointerDown={() => (setDrag(i), setAnchor(i), setCursor(i))}
              onPointerEnter={() => drag !== null && setCursor(i)}
              onPointerUp={() => {
                if (drag !== null) pick(drag, i);
                setDrag(null);
              }}
            >
              <title>{`${m.month}: ${m.events}`}</title>
            </rect>
          );
        })}
        <line className="axis" x1={LEFT} x2={width - 4} y1={y(0)} y2={y(0)} />
        {ticks
          .filter(({ m, i }) => monthly || Number(m.month.slice(0, 4)) % yearStep === 0 || i === 0)
          .map(({ m, i }) => (
            <text key={m.month} className="tick-label" x={LEFT + i * band + (monthly ? band / 2 : 0)} y={HEIGHT - 5} textAnchor={monthly ? 'middle' : 'start'}>
              {monthly ? `${MONTH_NAMES[Number(m.month.slice(5, 7)) - 1]}${m.month.endsWith('-01') || i === 0 ? ` ${m.month.slice(0, 4)}` : ''}` : m.month.slice(0, 4)}
            </text>
          ))}
      </svg>
      <figcaption>
        <span aria-live="polite">
          {all[lo].month}
          {hi > lo ? ` to ${all[hi].month}` : ''}: {selected} event{selected === 1 ? '' : 's'}
        </span>
        <span>
          {label}: {total} dated events, at most {max} a month
        </span>
      </figcaption>
    </figure>
  );
}
