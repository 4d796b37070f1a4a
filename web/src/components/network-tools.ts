// What the analyst does to a network besides looking: keep the pairs that met at least N times,
// expand a node (its meetings beyond the current filter), find the shortest chain of meetings
// between two actors (graphology-shortest-path, the graphology team's own), and choose which
// labels to draw, heaviest first, so that no two overlap.
import Graph from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { NetworkData } from '../api.ts';

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The pairs that met at least `min` times, and the nodes they join (plus `keep`, e.g. the actor of the page). */
export function thresholdNetwork(data: NetworkData, min: number, keep: ReadonlySet<string> = new Set()): NetworkData {
  if (min <= 1) return data;
  const edges = data.edges.filter((e) => e.weight >= min);
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  return { ...data, nodes: data.nodes.filter((n) => used.has(n.id) || keep.has(n.id)), edges };
}

/**
 * The network with each expanded node's own meetings added: `expansions` are the networks of the
 * events of one actor each (no other filter); only the edges that touch that actor are taken, and
 * those the filtered network lacks are marked `outside`.
 */
export function expandNetwork(data: NetworkData, expansions: readonly { id: string; data: NetworkData }[]): NetworkData {
  if (expansions.length === 0) return data;
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const edges = new Map(data.edges.map((e) => [pairKey(e.source, e.target), e]));
  for (const { id, data: ego } of expansions) {
    const egoNodes = new Map(ego.nodes.map((n) => [n.id, n]));
    for (const e of ego.edges) {
      if (e.source !== id && e.target !== id) continue;
      const key = pairKey(e.source, e.target);
      if (edges.has(key)) continue;
      edges.set(key, { ...e, outside: true });
      for (const end of [e.source, e.target]) if (!nodes.has(end) && egoNodes.has(end)) nodes.set(end, egoNodes.get(end)!);
    }
    if (!nodes.has(id) && egoNodes.has(id)) nodes.set(id, egoNodes.get(id)!);
  }
  return { ...data, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The shortest chain of meetings from `from` to `to` (fewest steps), as actor ids; null when none. */
export function shortestPath(data: NetworkData, from: string, to: string): string[] | null {
  const graph = new Graph({ type: 'undirected' });
  for (const n of data.nodes) graph.mergeNode(n.id);
  for (const e of data.edges) if (e.source !== e.target) graph.mergeEdge(e.source, e.target);
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return [from];
  return bidirectional(graph, from, to);
}

/** The pairs along a path, as edge keys (`a|b`, ids sorted). */
export function pathPairs(path: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < path.length; i++) pairs.add(pairKey(path[i - 1], path[i]));
  return pairs;
}
export { pairKey };

export interface LabelCandidate {
  id: string;
  text: string;
  /** the node's centre on screen, its radius, and the label's size (px) */
  x: number;
  y: number;
  radius: number;
  width: number;
  height: number;
  /** heavier labels are placed first */
  weight: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Labels to draw: heaviest first, each right of its node (else left, above, below), kept only
 * where it overlaps no label placed before it and stays inside the drawing.
 */
export function placeLabels(candidates: readonly LabelCandidate[], width: number, height: number, gap = 2): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const overlaps = (a: PlacedLabel) =>
    placed.some((b) => a.left < b.left + b.width + gap && b.left < a.left + a.width + gap && a.top < b.top + b.height + gap && b.top < a.top + a.height + gap);
  for (const c of [...candidates].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text))) {
    const spots = [
      { left: c.x + c.radius + 3, top: c.y - c.height / 2 },
      { left: c.x - c.radius - 3 - c.width, top: c.y - c.height / 2 },
      { left: c.x - c.width / 2, top: c.y - c.radius - 2 - c.height },
      { left: c.x - c.width / 2, top: c.y + c.radius + 2 },
    ];
    for (const spot of spots) {
      const label = { id: c.id, text: c.text, ...spot, width: c.width, height: c.height };
      if (label.left < 0 || label.top < 0 || label.left + label.width > width || label.top + label.height > height) continue;
      if (overlaps(label)) continue;
      placed.push(label);
      break;
    }
  }
  return placed;
}
