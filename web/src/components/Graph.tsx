// The co-meeting network drawn with sigma (WebGL): node size = events, edge width = meetings,
// placed by ForceAtlas2 and coloured by Louvain community (network-layout.ts), with a legend;
// sigma shows labels of the largest nodes first where they do not overlap.
// Clicking an edge or a node reports it; the same choices are offered as a list beside the graph
// for keyboard users and screen readers (see NetworkView).
import Sigma from 'sigma';
import { layoutNetwork, type Community } from './network-layout.ts';
import { useEffect, useRef, useState } from 'react';
import type { NetworkData } from '../api.ts';

export interface GraphProps {
  data: NetworkData;
  onEdge: (source: string, target: string) => void;
  onNode: (id: string) => void;
  highlight?: string;
}

export function GraphView({ data, onEdge, onNode, highlight }: GraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [communities, setCommunities] = useState<Community[]>([]);
  const handlers = useRef({ onEdge, onNode });
  handlers.current = { onEdge, onNode };
  useEffect(() => {
    if (!container.current || data.nodes.length === 0) return;
    const { graph, communities } = layoutNetwork(data);
    setCommunities(communities);
    const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
    const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
    graph.forEachNode((id, a) => {
      graph.mergeNodeAttributes(id, {
        label: a.name as string,
        size: 4 + 12 * Math.sqrt((a.events as number) / maxEvents),
        color: id === highlight ? '#111' : communities[a.community as number]?.color ?? '#555',
      });
    });
    graph.forEachEdge((edge, a) => {
      graph.mergeEdgeAttributes(edge, { size: 1 + 7 * ((a.weight as number) / maxWeight), color: '#b4bec9', label: `${a.weight}` });
    });
    let sigma: Sigma | null = null;
    try {
      sigma = new Sigma(graph, container.current, { settings: { enableEdgeEvents: true, renderEdgeLabels: false, itemSizesReference: 'screen', zoomToSizeRatioFunction: () => 1, labelDensity: 1, labelGridCellSize: 90, labelRenderedSizeThreshold: 0 } });
      sigma.on('clickEdge', ({ edge }: { edge: string }) => {
        const [source, target] = edge.split('|');
        handlers.current.onEdge(source, target);
      });
      sigma.on('clickNode', ({ node }: { node: string }) => handlers.current.onNode(node));
      setFailed(null);
    } catch (error) {
      setFailed((error as Error).message);
    }
    return () => sigma?.kill();
  }, [data, highlight]);
  return (
    <div className="graph-wrap">
      <div className="graph" ref={container} aria-hidden="true" data-testid="graph" />
      {failed && <p className="muted">The graph cannot be drawn here ({failed}); use the list of pairs.</p>}
      {communities.length > 1 && (
        <ul className="legend-communities" aria-label="Communities (Louvain)">
          {communities.slice(0, 10).map((c) => (
            <li key={c.index}>
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" /> {c.members.slice(0, 3).map((m) => m.name).join(', ')}
              {c.members.length > 3 ? ` and ${c.members.length - 3} more` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
