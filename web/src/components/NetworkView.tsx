// A network for a filter: the graph, and the same pairs as a keyboard-friendly list; controls to
// keep only the pairs that met at least N times, to expand an actor (all their meetings, beyond
// the filter), and to find the shortest chain of meetings between two actors.
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, type ActorResolution, type NetworkData, type Params } from '../api.ts';
import { href, navigate } from '../router.ts';
import { useApi } from '../useApi.ts';
import { ActorPicker } from './ActorPicker.tsx';
import { expandNetwork, pairKey, pathPairs, shortestPath, thresholdNetwork } from './network-tools.ts';

const GraphView = lazy(() => import('./Graph.tsx').then((m) => ({ default: m.GraphView })));

export interface NetworkViewProps {
  filter: Params;
  /** Where an edge leads: the events of the pair, within the same filter. */
  edgeFilter?: Params;
  highlight?: string;
  maxEdges?: number;
  listSize?: number;
  /** The controls' state, when the page keeps it (in its address); else the view keeps its own. */
  controls?: NetworkControls;
  onControls?: (next: NetworkControls) => void;
}

export interface NetworkControls {
  /** pairs that met at least this often */
  min: number;
  /** actors whose every meeting is shown */
  expand: string[];
  /** the ends of a path ('' when not chosen) */
  path: [string, string];
}

export const NO_CONTROLS: NetworkControls = { min: 1, expand: [], path: ['', ''] };

type Resolved = NetworkData & { resolved?: ActorResolution[] };

export function NetworkView({ filter, edgeFilter = {}, highlight, maxEdges = 300, listSize = 25, controls, onControls }: NetworkViewProps) {
  const key = JSON.stringify([filter, maxEdges]);
  const { data, error, loading } = useApi<NetworkData>(key, () => api.get('/api/network', { ...filter, edges: maxEdges }));
  const [local, setLocal] = useState<NetworkControls>(NO_CONTROLS);
  const state = controls ?? local;
  const update = (next: Partial<NetworkControls>) => (onControls ?? setLocal)({ ...state, ...next });
  const { min, expand: expanded, path: ends } = state;
  const setMin = (m: number) => update({ min: m });
  const setExpanded = (list: string[]) => update({ expand: list });
  const setEnds = (e: [string, string]) => update({ path: e });
  const [pickerKey, setPickerKey] = useState(0);

  // an expanded actor's meetings: the network of their events, no other filter
  const expansions = useApi(expanded.length ? JSON.stringify(expanded) : null, () =>
    Promise.all(
      expanded.map((id) =>
        api.get<Resolved>('/api/network', { actor: id, edges: 500 }).then((d) => ({ id: d.resolved?.[0]?.actorId ?? id, asked: id, data: d as NetworkData })),
      ),
    ),
  );
  // memos depend on the values, not on arrays made anew each render (the page reads them from its address)
  const expandKey = expanded.join('\n');
  const liveExpansions = useMemo(() => (expansions.data ?? []).filter((x) => expandKey.split('\n').includes(x.asked)), [expansions.data, expandKey]);
  // the path is looked for in the whole network of the filter (not only the strongest pairs drawn)
  const wantPath = ends[0] !== '' && ends[1] !== '';
  const full = useApi<NetworkData>(wantPath ? JSON.stringify([filter, 'full']) : null, () => api.get('/api/network', { ...filter, edges: 2000 }));

  const keep = useMemo(() => new Set([...(highlight ? [highlight] : []), ...liveExpansions.map((x) => x.id)]), [highlight, liveExpansions]);
  const path = useMemo(() => {
    if (!wantPath || !full.data) return null;
    const net = thresholdNetwork(expandNetwork(full.data, liveExpansions), min);
    return { nodes: shortestPath(net, ends[0], ends[1]), net };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantPath, full.data, liveExpansions, min, ends[0], ends[1]]);
  const shown = useMemo(() => {
    if (!data) return null;
    let net = thresholdNetwork(expandNetwork(data, liveExpansions), min, keep);
    // a path's actors and pairs are drawn even when they are not among the strongest pairs
    if (path?.nodes && path.nodes.length > 1) {
      const pairs = pathPairs(path.nodes);
      const have = new Set(net.edges.map((e) => pairKey(e.source, e.target)));
      const haveNodes = new Set(net.nodes.map((n) => n.id));
      net = {
        ...net,
        nodes: [...net.nodes, ...path.net.nodes.filter((n) => path.nodes!.includes(n.id) && !haveNodes.has(n.id))],
        edges: [...net.edges, ...path.net.edges.filter((e) => pairs.has(pairKey(e.source, e.target)) && !have.has(pairKey(e.source, e.target)))],
      };
    }
    // never an edge to a node that is not drawn (the layout would refuse it)
    const drawn = new Set(net.nodes.map((n) => n.id));
    return { ...net, edges: net.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)) };
  }, [data, liveExpansions, min, keep, path]);
  const pathHighlight = useMemo(() => (path?.nodes && path.nodes.length > 1 ? { nodes: new Set(path.nodes), pairs: pathPairs(path.nodes) } : undefined), [path]);

  if (error) return <p role="alert">{error}</p>;
  if (!data || !shown) return <p className="muted">{loading ? 'Loading…' : ''}</p>;
  if (data.edges.length === 0) return <p className="muted">No meetings between two or more actors here.</p>;
  const names = new Map([...shown.nodes, ...(full.data?.nodes ?? [])].map((n) => [n.id, n.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const pairLink = (source: string, target: string) => href('/events', { ...edgeFilter, actor: [source, target] });
  const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
  const weightOf = (a: string, b: string) => path?.net.edges.find((e) => pairKey(e.source, e.target) === pairKey(a, b))?.weight;
  return (
    <div className="network-tools">
      <form className="network-controls" onSubmit={(e) => e.preventDefault()} aria-label="Network controls">
        <label className="field">
          <span>Pairs that met at least</span>
          <input type="number" name="min" min={1} max={maxWeight} value={min} onChange={(e) => setMin(Math.max(1, Math.min(maxWeight, Number(e.target.value) || 1)))} />
        </label>
        <ActorPicker
          key={pickerKey}
          label="Expand an actor (all their meetings)"
          value=""
          onChange={(id) => {
            if (!id) return;
            if (!expanded.includes(id)) setExpanded([...expanded, id]);
            setPickerKey((k) => k + 1);
          }}
        />
        <ActorPicker label="Path from" value={ends[0]} onChange={(id) => setEnds([id, ends[1]])} />
        <ActorPicker label="Path to" value={ends[1]} onChange={(id) => setEnds([ends[0], id])} />
      </form>
      {liveExpansions.length > 0 && (
        <p className="expanded">
          Expanded (their meetings outside the filter in orange):{' '}
          {[...new Map(liveExpansions.map((x) => [x.id, x])).values()].map((x) => (
            <span key={x.id} className="chip">
              {nameOf(x.id)}{' '}
              <button type="button" className="link" aria-label={`Collapse ${nameOf(x.id)}`} onClick={() => setExpanded(expanded.filter((y) => y !== x.asked && y !== x.id))}>
                ×
              </button>
            </span>
          ))}
        </p>
      )}
      {expansions.error && <p role="alert">{expansions.error}</p>}
      {wantPath && (
        <section className="path" aria-label="Path between two actors" role="status">
          {!path ? (
            <p className="muted">Looking for a path…</p>
          ) : path.nodes === null ? (
            <p>
              No chain of meetings joins {nameOf(ends[0])} and {nameOf(ends[1])} in this network{min > 1 ? ` (pairs that met at least ${min} times)` : ''}.
            </p>
          ) : (
            <p>
              Shortest chain ({path.nodes.length - 1} {path.nodes.length === 2 ? 'step' : 'steps'}):{' '}
              {path.nodes.map((id, i) => (
                <span key={id} className="step">
                  {i > 0 && (
                    <>
                      {' '}
                      <a className="path-pair" href={pairLink(path.nodes![i - 1], id)} title={`${weightOf(path.nodes![i - 1], id) ?? ''} meetings`}>
                        met
                      </a>{' '}
                    </>
                  )}
                  <a className="path-actor" href={href(`/actor/${encodeURIComponent(id)}`)}>
                    {nameOf(id)}
                  </a>
                </span>
              ))}
            </p>
          )}
        </section>
      )}
      <div className="network">
        <Suspense fallback={<div className="graph" />}>
          <GraphView
            data={shown}
            highlight={highlight}
            path={pathHighlight}
            onEdge={(s, t) => navigate(pairLink(s, t))}
            onNode={(id) => navigate(href(`/actor/${encodeURIComponent(id)}`))}
          />
        </Suspense>
        <section className="pairs" aria-label="Pairs by meetings">
          <h3>
            Pairs by meetings{data.truncated ? ` (strongest ${data.edges.length})` : ''}
            {min > 1 ? `, at least ${min}` : ''}
          </h3>
          <ol>
            {[...shown.edges]
              .sort((a, b) => b.weight - a.weight)
              .slice(0, listSize)
              .map((e) => (
                <li key={`${e.source}|${e.target}`} className={e.outside ? 'outside' : undefined}>
                  <a className="edge" href={pairLink(e.source, e.target)} data-source={e.source} data-target={e.target}>
                    {nameOf(e.source)} – {nameOf(e.target)}
                  </a>{' '}
                  <span className="count">{e.weight}</span>
                  {e.outside && <span className="muted"> (outside the filter)</span>}
                </li>
              ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
