// The network's tools (web/src/components/network-tools.ts): a weight threshold, expanding a node
// beyond the filter, the shortest chain of meetings, and labels that never overlap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NetworkData } from '../web/src/api.ts';
import { expandNetwork, placeLabels, shortestPath, thresholdNetwork, type LabelCandidate } from '../web/src/components/network-tools.ts';

const node = (id: string, events = 1) => ({ id, name: id.toUpperCase(), kind: 'person', events });
const net = (edges: [string, string, number][]): NetworkData => ({
  nodes: [...new Set(edges.flatMap(([a, b]) => [a, b]))].map((id) => node(id)),
  edges: edges.map(([source, target, weight]) => ({ source, target, weight })),
  truncated: false,
});

test('a threshold keeps the pairs that met often enough, and only the nodes they join', () => {
  const data = net([['a', 'b', 3], ['b', 'c', 1], ['c', 'd', 2]]);
  const kept = thresholdNetwork(data, 2);
  assert.deepEqual(kept.edges.map((e) => `${e.source}-${e.target}`), ['a-b', 'c-d']);
  assert.deepEqual(kept.nodes.map((n) => n.id).sort(), ['a', 'b', 'c', 'd']);
  assert.deepEqual(thresholdNetwork(data, 3).nodes.map((n) => n.id).sort(), ['a', 'b']);
  assert.deepEqual(thresholdNetwork(data, 3, new Set(['d'])).nodes.map((n) => n.id).sort(), ['a', 'b', 'd']);
  assert.equal(thresholdNetwork(data, 1), data);
});

test('expanding a node adds its own meetings outside the filter, not its neighbours\' other pairs', () => {
  const filtered = net([['a', 'b', 2]]);
  const egoOfB = net([['a', 'b', 5], ['b', 'x', 1], ['x', 'y', 4]]);
  const out = expandNetwork(filtered, [{ id: 'b', data: egoOfB }]);
  assert.deepEqual(out.edges.map((e) => `${e.source}-${e.target}:${e.weight}:${e.outside ?? false}`), ['a-b:2:false', 'b-x:1:true']);
  assert.deepEqual(out.nodes.map((n) => n.id).sort(), ['a', 'b', 'x']);
});

test('the shortest chain of meetings between two actors, or none', () => {
  const data = net([['a', 'b', 1], ['b', 'c', 1], ['c', 'd', 1], ['a', 'e', 1], ['e', 'd', 1], ['d', 'f', 1], ['g', 'h', 1]]);
  const path = shortestPath(data, 'a', 'f')!;
  assert.equal(path.length, 4, path.join('>'));
  assert.deepEqual([path[0], path[1], path[3]], ['a', 'e', 'f']);
  assert.equal(shortestPath(data, 'a', 'g'), null);
  assert.equal(shortestPath(data, 'a', 'zzz'), null);
});

test('labels are placed heaviest first and never overlap', () => {
  // twenty nodes crowded in a 200 x 100 box: not all fit
  const candidates: LabelCandidate[] = Array.from({ length: 20 }, (_, i) => ({
    id: `n${i}`,
    text: `Actor number ${i}`,
    x: 20 + ((i * 37) % 160),
    y: 10 + ((i * 53) % 80),
    radius: 4,
    width: 80,
    height: 12,
    weight: i === 7 ? 100 : i,
  }));
  const placed = placeLabels(candidates, 200, 100);
  assert.ok(placed.length > 1 && placed.length < 20, `${placed.length} placed`);
  assert.equal(placed[0].id, 'n7', 'the heaviest first');
  for (const a of placed) {
    assert.ok(a.left >= 0 && a.top >= 0 && a.left + a.width <= 200 && a.top + a.height <= 100, 'inside the drawing');
    for (const b of placed) {
      if (a === b) continue;
      assert.ok(a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top, `${a.id} overlaps ${b.id}`);
    }
  }
});
