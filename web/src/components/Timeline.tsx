// Events per month as bars (SVG), with the counts also in the accessible label of each bar.
export interface TimelineProps {
  months: { month: string; events: number }[];
  label: string;
  onPick?: (month: string) => void;
}

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

export function Timeline({ months, label, onPick }: TimelineProps) {
  const all = fill(months);
  if (all.length === 0) return <p className="muted">No dated events.</p>;
  const max = Math.max(...all.map((m) => m.events));
  const width = 100 / all.length;
  return (
    <figure className="timeline" aria-label={label}>
      <svg viewBox="0 0 100 30" preserveAspectRatio="none" role="list">
        {all.map((m, i) => {
          const h = m.events ? Math.max(1.5, (m.events / max) * 28) : 0;
          return (
            <rect
              key={m.month}
              role="listitem"
              aria-label={`${m.month}: ${m.events} events`}
              x={i * width + width * 0.1}
              y={30 - h}
              width={width * 0.8}
              height={h}
              className={onPick && m.events ? 'bar clickable' : 'bar'}
              onClick={onPick && m.events ? () => onPick(m.month) : undefined}
            >
              <title>{`${m.month}: ${m.events}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span>{all[0].month}</span>
        <span>
          {label}: {months.reduce((n, m) => n + m.events, 0)} dated events, at most {max} a month
        </span>
        <span>{all[all.length - 1].month}</span>
      </figcaption>
    </figure>
  );
}
