// Who met whom: edge weight = meetings; a date-range slider; an edge leads to the pair's events.
// The threshold, expanded actors and a path's ends are in the address (min, expand, pathFrom,
// pathTo), so a view can be shared and reloaded.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { NetworkView, type NetworkControls } from '../components/NetworkView.tsx';
import { href, navigate } from '../router.ts';
import { useApi } from '../useApi.ts';

export function NetworkPage({ params }: { params: URLSearchParams }) {
  const all = useApi<{ months: { month: string; events: number }[] }>('all-months', () => api.get('/api/timeline'));
  const months = all.data?.months.map((m) => m.month) ?? [];
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [range, setRange] = useState<[number, number]>([0, 0]);
  useEffect(() => {
    if (months.length === 0) return;
    const a = from ? Math.max(0, months.findIndex((m) => m >= from.slice(0, 7))) : 0;
    const bIndex = to ? months.findLastIndex((m) => m <= to.slice(0, 7)) : months.length - 1;
    setRange([a, bIndex < 0 ? months.length - 1 : bIndex]);
  }, [all.data, from, to]); // eslint-disable-line react-hooks/exhaustive-deps
  const controls: NetworkControls = {
    min: Math.max(1, Math.floor(Number(params.get('min'))) || 1),
    expand: params.getAll('expand').filter(Boolean),
    path: [params.get('pathFrom') ?? '', params.get('pathTo') ?? ''],
  };
  const go = (dates: { from?: string; to?: string }, c: NetworkControls) =>
    navigate(href('/network', { ...dates, min: c.min > 1 ? c.min : undefined, expand: c.expand, pathFrom: c.path[0], pathTo: c.path[1] }));
  const apply = (next: [number, number]) => {
    const [a, b] = next[0] <= next[1] ? next : [next[1], next[0]];
    go({ from: a > 0 ? months[a] : undefined, to: b < months.length - 1 ? months[b] : undefined }, controls);
  };
  const filter = { from: from || undefined, to: to || undefined };
  return (
    <>
      <h1>Network</h1>
      {months.length > 1 && (
        <fieldset className="range">
          <legend>
            Dates: {months[range[0]]} to {months[range[1]]}
          </legend>
          <label>
            <span>From</span>
            <input
              type="range"
              min={0}
              max={months.length - 1}
              value={range[0]}
              aria-valuetext={months[range[0]]}
              onChange={(e) => setRange([Number(e.target.value), range[1]])}
              onPointerUp={() => apply(range)}
              onKeyUp={() => apply(range)}
            />
          </label>
          <label>
            <span>To</span>
            <input
              type="range"
              min={0}
              max={months.length - 1}
              value={range[1]}
              aria-valuetext={months[range[1]]}
              onChange={(e) => setRange([range[0], Number(e.target.value)])}
              onPointerUp={() => apply(range)}
              onKeyUp={() => apply(range)}
            />
          </label>
        </fieldset>
      )}
      <NetworkView filter={filter} edgeFilter={filter} controls={controls} onControls={(c) => go({ from: from || undefined, to: to || undefined }, c)} />
    </>
  );
}
