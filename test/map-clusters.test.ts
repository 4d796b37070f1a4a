// The map's grid roll-up (web/src/components/map-clusters.ts): near places are one cluster at a low
// zoom and apart when zoomed in; counts add up; the zoom that splits a cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterPlaces, zoomToSplit, type ProjectedPlace } from '../web/src/components/map-clusters.ts';

const places: ProjectedPlace[] = [
  { id: 'a', name: 'A', events: 3, x: 100, y: 100 },
  { id: 'b', name: 'B', events: 1, x: 104, y: 102 },
  { id: 'c', name: 'C', events: 2, x: 400, y: 300 },
];

test('near places are one cluster at low zoom, apart when zoomed in; events add up', () => {
  const low = clusterPlaces(places, 1);
  assert.equal(low.length, 2);
  const ab = low.find((c) => c.places.length === 2)!;
  assert.equal(ab.events, 4);
  assert.deepEqual(ab.places.map((p) => p.id), ['a', 'b'], 'busiest first');
  assert.ok(ab.x > 100 && ab.x < 102, 'drawn at the events-weighted centre');
  assert.equal(clusterPlaces(places, 64).length, 3);
  assert.equal(clusterPlaces(places, 64).reduce((n, c) => n + c.events, 0), 6);
});

test('the zoom that splits a cluster', () => {
  const ab = clusterPlaces(places, 1).find((c) => c.places.length === 2)!;
  const k = zoomToSplit(ab, 1);
  assert.ok(k > 1);
  assert.equal(clusterPlaces(ab.places, k).length, 2);
  assert.equal(clusterPlaces(ab.places, k / 2).length, 1, 'no further than needed');
});
