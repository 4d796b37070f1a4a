// The web app's network layout (web/src/components/network-layout.ts): ForceAtlas2 settles,
// Louvain finds the groups, and one network is always drawn the same way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NetworkData } from '../web/src/api.ts';
import { layoutNetwork } from '../web/src/components/network-layout.ts';

function twoGroups(): NetworkData {
  const a = ['a1', 'a2', 'a3', 'a4'];
  const b = ['b1', 'b2', 'b3', 'b4'];
  const nodes = [...a, ...b].map((id) => ({ id, name: id.toUpperCase(), kind: 'person', events: id.endsWith('1') ? 5 : 2 }));
  const edges: NetworkData['edges'] = [];
  for (const group of [a, b]) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) edges.push({ source: group[i], target: group[j], weight: 3 });
  edges.push({ source: 'a1', target: 'b1', weight: 1 });
  return { nodes, edges, truncated: false };
}

test('two tight groups joined by one edge are two communities, drawn apart', () => {
  const { graph, communities, rounds } = layoutNetwork(twoGroups());
  assert.equal(communities.length, 2);
  assert.deepEqual(communities.map((c) => c.members.map((m) => m.id).sort()).sort(), [['a1', 'a2', 'a3', 'a4'], ['b1', 'b2', 'b3', 'b4']]);
  assert.equal(communities[0].members[0].name.endsWith('1'), true, 'most active first');
  assert.notEqual(communities[0].color, communities[1].color);
  assert.ok(rounds < 60, `settled after ${rounds} rounds`);
  const centre = (ids: string[]) => ids.map((id) => [graph.getNodeAttribute(id, 'x') as number, graph.getNodeAttribute(id, 'y') as number]).reduce((s, p) => [s[0] + p[0] / ids.length, s[1] + p[1] / ids.length], [0, 0]);
  const [ca, cb] = [centre(['a2', 'a3', 'a4']), centre(['b2', 'b3', 'b4'])];
  const spread = Math.hypot(graph.getNodeAttribute('a2', 'x') - graph.getNodeAttribute('a3', 'x'), graph.getNodeAttribute('a2', 'y') - graph.getNodeAttribute('a3', 'y'));
  assert.ok(Math.hypot(ca[0] - cb[0], ca[1] - cb[1]) > spread, 'the groups lie apart');
});

test('the same network is laid out and coloured the same way every time', () => {
  const one = layoutNetwork(twoGroups());
  const two = layoutNetwork(twoGroups());
  assert.deepEqual(one.graph.export().nodes, two.graph.export().nodes);
});
