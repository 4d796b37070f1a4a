// The co-meeting network drawn with sigma (WebGL): node size = events, edge width = meetings.
// Clicking an edge or a node reports it; the same choices are offered as a list beside the graph
// for keyboard users and screen readers (see NetworkView).
import Graph from 'graphology';
import Sigma from 'sigma';
import { useEffect, useRef, useState } from 'react';
import type { NetworkData } from '../api.ts';

export interface GraphProps {
  data: NetworkData;
  onEdge: (source: string, target: string) => void;
  onNode: (id: string) => void;
  highlight?: string;
}

const COLORS: Record<string, string> = { person: '#2f6f9f', organization: '#9f6a2f', place: '#4f8f4f' };

/** A small force layout (Fruchterman-Reingold), deterministic: starts on a circle. */
function layout(data: NetworkData): Map<string, { x: number; y: number }> {
  const n = data.nodes.length;
  const pos = data.nodes.map((_, i) => ({ x: Math.cos((2 * Math.PI * i) / n), y: Math.sin((2 * Math.PI * i) / n) }));
  const index = new Map(data.nodes.map((node, i) => [node.id, i]));
  const k = Math.sqrt(4 / Math.max(1, n));
  const iterations = n > 200 ? 60 : 150;
  for (let it = 0; it < iterations; it++) {
    const t = 0.1 * (1 - it / iterations);
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x;
        const dy = pos[i].y - pos[j].y;
        const d2 = Math.max(1e-4, dx * dx + dy * dy);
        const f = (k * k) / d2;
        disp[i].x += dx * f;
        disp[i].y += dy * f;
        disp[j].x -= dx * f;
        disp[j].y -= dy * f;
      }
    }
    for (const e of data.edges) {
      const a = index.get(e.source)!;
      const b = index.get(e.target)!;
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(1e-3, Math.sqrt(dx * dx + dy * dy));
      const f = (d / k) * Math.min(3, 1 + Math.log(e.weight));
      disp[a].x -= (dx / d) * f * d;
      disp[a].y -= (dy / d) * f * d;
      disp[b].x += (dx / d) * f * d;
      disp[b].y += (dy / d) * f * d;
    }
    for (let i = 0; i < n; i++) {
      const len = Math.max(1e-6, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x += (disp[i].x / len) * Math.min(len, t);
      pos[i].y += (disp[i].y / len) * Math.min(len, t);
    }
  }
  return new Map(data.nodes.map((node, i) => [node.id, pos[i]]));
}

export function GraphView({ data, onEdge, onNode, highlight }: GraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const handlers = useRef({ onEdge, onNode });
  handlers.current = { onEdge, onNode };
  useEffect(() => {
    if (!container.current || data.nodes.length === 0) return;
    const graph = new Graph({ type: 'undirected' });
    const positions = layout(data);
    const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
    const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
    for (const node of data.nodes) {
      const p = positions.get(node.id)!;
      graph.addNode(node.id, {
        x: p.x,
        y: p.y,
        label: node.name,
        size: 4 + 12 * Math.sqrt(node.events / maxEvents),
        color: node.id === highlight ? '#c0392b' : (COLORS[node.kind] ?? '#555'),
      });
    }
    for (const e of data.edges) {
      graph.addEdgeWithKey(`${e.source}|${e.target}`, e.source, e.target, {
        size: 1 + 7 * (e.weight / maxWeight),
        color: '#9aa7b4',
        label: `${e.weight}`,
      });
    }
    let sigma: Sigma | null = null;
    try {
      sigma = new Sigma(graph, container.current, { settings: { enableEdgeEvents: true, renderEdgeLabels: false, itemSizesReference: 'screen', zoomToSizeRatioFunction: () => 1 } });
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
    </div>
  );
}
