// The co-meeting network drawn with sigma (WebGL): node size = events, edge width = meetings,
// placed by ForceAtlas2 and coloured by Louvain community (network-layout.ts), with a legend.
// Labels are drawn over the canvas by this component, not by sigma: after every frame the nodes
// with most events get theirs first, and a label that would overlap one already drawn is left
// out (placeLabels). Edges outside the filter (an expanded node's) are drawn pale orange, a path
// between two actors dark red.
// Clicking an edge or a node reports it; the same choices are offered as a list beside the graph
// for keyboard users and screen readers (see NetworkView).
import Sigma from 'sigma';
import { layoutNetwork, type Community } from './network-layout.ts';
import { pairKey, placeLabels, type LabelCandidate } from './network-tools.ts';
import { useEffect, useRef, useState } from 'react';
import type { NetworkData } from '../api.ts';

export interface GraphProps {
  data: NetworkData;
  onEdge: (source: string, target: string) => void;
  onNode: (id: string) => void;
  highlight?: string;
  /** a path between two actors: its nodes, and its pairs as `a|b` keys */
  path?: { nodes: ReadonlySet<string>; pairs: ReadonlySet<string> };
}

const LABEL_FONT = '12px system-ui, sans-serif';
let measureContext: CanvasRenderingContext2D | null = null;
function textWidth(text: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 7;
  measureContext.font = LABEL_FONT;
  return Math.ceil(measureContext.measureText(text).width);
}

export function GraphView({ data, onEdge, onNode, highlight, path }: GraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const labels = useRef<HTMLDivElement>(null);
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
    const outside = new Set(data.edges.filter((e) => e.outside).map((e) => pairKey(e.source, e.target)));
    graph.forEachNode((id, a) => {
      // no `label`: the labels are this component's (drawLabels)
      graph.mergeNodeAttributes(id, {
        size: 4 + 12 * Math.sqrt((a.events as number) / maxEvents),
        color: id === highlight ? '#111' : communities[a.community as number]?.color ?? '#555',
      });
    });
    graph.forEachEdge((edge, a, source, target) => {
      const key = pairKey(source, target);
      const onPath = path?.pairs.has(key);
      graph.mergeEdgeAttributes(edge, {
        size: (onPath ? 3 : 1) + 7 * ((a.weight as number) / maxWeight),
        color: onPath ? '#a3121f' : outside.has(key) ? '#f0b27a' : '#b4bec9',
      });
    });
    let sigma: Sigma | null = null;
    const drawLabels = () => {
      const box = container.current;
      const layer = labels.current;
      if (!sigma || !box || !layer) return;
      const [width, height] = [box.clientWidth, box.clientHeight];
      const candidates: LabelCandidate[] = [];
      graph.forEachNode((id, a) => {
        const { x, y } = sigma!.graphToViewport({ x: a.x as number, y: a.y as number });
        if (x < 0 || y < 0 || x > width || y > height) return;
        const text = a.name as string;
        // the page's actor and a path's actors first, then by events
        const weight = (id === highlight || path?.nodes.has(id) ? 1e9 : 0) + (a.events as number);
        candidates.push({ id, text, x, y, radius: a.size as number, width: textWidth(text) + 6, height: 16, weight });
      });
      const placed = placeLabels(candidates, width, height);
      layer.replaceChildren(
        ...placed.map((p) => {
          const span = document.createElement('span');
          span.className = 'node-label';
          span.textContent = p.text;
          span.dataset.node = p.id;
          span.style.left = `${p.left}px`;
          span.style.top = `${p.top}px`;
          span.style.width = `${p.width}px`;
          return span;
        }),
      );
    };
    let frame = 0;
    try {
      sigma = new Sigma(graph, container.current, { settings: { enableEdgeEvents: true, renderEdgeLabels: false, itemSizesReference: 'screen', zoomToSizeRatioFunction: () => 1, labelRenderedSizeThreshold: Infinity } });
      sigma.on('afterRender', () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(drawLabels);
      });
      drawLabels();
      sigma.on('clickEdge', ({ edge }: { edge: string }) => {
        const [source, target] = edge.split('|');
        handlers.current.onEdge(source, target);
      });
      sigma.on('clickNode', ({ node }: { node: string }) => handlers.current.onNode(node));
      setFailed(null);
    } catch (error) {
      setFailed((error as Error).message);
    }
    return () => {
      cancelAnimationFrame(frame);
      sigma?.kill();
    };
  }, [data, highlight, path]);
  return (
    <div className="graph-wrap">
      <div className="graph-stage">
        <div className="graph" ref={container} aria-hidden="true" data-testid="graph" />
        <div className="graph-labels" ref={labels} aria-hidden="true" />
      </div>
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
