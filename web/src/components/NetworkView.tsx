// A network for a filter: the graph, and the same pairs as a keyboard-friendly list.
import { lazy, Suspense } from 'react';
import { api, type NetworkData, type Params } from '../api.ts';
import { href, navigate } from '../router.ts';
import { useApi } from '../useApi.ts';

const GraphView = lazy(() => import('./Graph.tsx').then((m) => ({ default: m.GraphView })));

export interface NetworkViewProps {
  filter: Params;
  /** Where an edge leads: the events of the pair, within the same filter. */
  edgeFilter?: Params;
  highlight?: string;
  maxEdges?: number;
  listSize?: number;
}

export function NetworkView({ filter, edgeFilter = {}, highlight, maxEdges = 300, listSize = 25 }: NetworkViewProps) {
  const key = JSON.stringify([filter, maxEdges]);
  const { data, error, loading } = useApi<NetworkData>(key, () => api.get('/api/network', { ...filter, edges: maxEdges }));
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p className="muted">{loading ? 'Loading…' : ''}</p>;
  if (data.edges.length === 0) return <p className="muted">No meetings between two or more actors here.</p>;
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  const pairLink = (source: string, target: string) => href('/events', { ...edgeFilter, actor: [source, target] });
  return (
    <div className="network">
      <Suspense fallback={<div className="graph" />}>
        <GraphView
          data={data}
          highlight={highlight}
          onEdge={(s, t) => navigate(pairLink(s, t))}
          onNode={(id) => navigate(href(`/actor/${encodeURIComponent(id)}`))}
        />
      </Suspense>
      <section className="pairs" aria-label="Pairs by meetings">
        <h3>Pairs by meetings{data.truncated ? ` (strongest ${data.edges.length})` : ''}</h3>
        <ol>
          {data.edges.slice(0, listSize).map((e) => (
            <li key={`${e.source}|${e.target}`}>
              <a className="edge" href={pairLink(e.source, e.target)} data-source={e.source} data-target={e.target}>
                {names.get(e.source)} – {names.get(e.target)}
              </a>{' '}
              <span className="count">{e.weight}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
