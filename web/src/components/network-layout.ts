// The network's layout and communities, with well-kept graphology packages: ForceAtlas2 run until
// it settles (nodes move less than a small share of the drawing per round) and Louvain
// communities (seeded, so one network is always drawn and coloured the same way).
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { NetworkData } from '../api.ts';

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

export interface Community {
  index: number;
  color: string;
  /** Members, most active first. */
  members: { id: string; name: string }[];
}

export interface NetworkLayout {
  graph: Graph;
  communities: Community[];
  /** Rounds of ForceAtlas2 run before it settled (or the cap). */
  rounds: number;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export function layoutNetwork(data: NetworkData, maxRounds = 60): NetworkLayout {
  const graph = new Graph({ type: 'undirected' });
  const n = data.nodes.length;
  data.nodes.forEach((node, i) => graph.addNode(node.id, { x: Math.cos((2 * Math.PI * i) / n), y: Math.sin((2 * Math.PI * i) / n), name: node.name, events: node.events, kind: node.kind }));
  for (const e of data.edges) graph.addEdgeWithKey(`${e.source}|${e.target}`, e.source, e.target, { weight: e.weight });

  const settings = { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1, barnesHutOptimize: n > 300 };
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    const before = new Map(graph.mapNodes((id, a) => [id, [a.x as number, a.y as number]] as const));
    forceAtlas2.assign(graph, { iterations: 25, settings, getEdgeWeight: 'weight' });
    let moved = 0;
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    graph.forEachNode((id, a) => {
      const [x0, y0] = before.get(id)!;
      moved = Math.max(moved, Math.hypot((a.x as number) - x0, (a.y as number) - y0));
      minX = Math.min(minX, a.x as number);
      maxX = Math.max(maxX, a.x as number);
      minY = Math.min(minY, a.y as number);
      maxY = Math.max(maxY, a.y as number);
    });
    if (moved < 0.005 * Math.max(1e-9, maxX - minX, maxY - minY)) break;
  }

  const assignment = n > 1 && data.edges.length ? louvain(graph, { getEdgeWeight: 'weight', rng: seeded(42) }) : {};
  const groups = new Map<number, { id: string; name: string; events: number }[]>();
  graph.forEachNode((id, a) => {
    const c = (assignment as Record<string, number>)[id] ?? 0;
    const list = groups.get(c) ?? [];
    list.push({ id, name: a.name as string, events: a.events as number });
    groups.set(c, list);
  });
  // biggest community first, so the first colours go to the groups that matter most
  const ordered = [...groups.values()].map((m) => m.sort((a, b) => b.events - a.events)).sort((a, b) => b.length - a.length || b[0].events - a[0].events);
  const communities = ordered.map((members, index) => ({ index, color: PALETTE[index % PALETTE.length], members: members.map(({ id, name }) => ({ id, name })) }));
  for (const c of communities) for (const m of c.members) graph.setNodeAttribute(m.id, 'community', c.index);
  return { graph, communities, rounds };
}
