// Places on the map rolled up on a grid of the screen: at a low zoom, places closer than a cell
// are one cluster (its events summed, drawn at their events-weighted centre); zooming in splits
// them. A grid of our own: a few hundred places need nothing more than this.

export interface ProjectedPlace {
  id: string;
  name: string;
  events: number;
  /** projected position (map units; the whole map is WIDTH x HEIGHT at zoom 1) */
  x: number;
  y: number;
}

export interface Cluster {
  /** the cell's key (stable while the zoom does not change) */
  key: string;
  x: number;
  y: number;
  events: number;
  places: ProjectedPlace[];
}

/** Clusters of places at zoom `k`: one per occupied grid cell of `cell` screen units. */
export function clusterPlaces(places: readonly ProjectedPlace[], k: number, cell = 40): Cluster[] {
  const size = cell / k;
  const cells = new Map<string, ProjectedPlace[]>();
  for (const p of places) {
    const key = `${Math.floor(p.x / size)}:${Math.floor(p.y / size)}`;
    cells.set(key, [...(cells.get(key) ?? []), p]);
  }
  return [...cells].map(([key, members]) => {
    const events = members.reduce((n, p) => n + p.events, 0);
    const weight = (p: ProjectedPlace) => Math.max(1, p.events);
    const total = members.reduce((n, p) => n + weight(p), 0);
    return {
      key,
      x: members.reduce((s, p) => s + p.x * weight(p), 0) / total,
      y: members.reduce((s, p) => s + p.y * weight(p), 0) / total,
      events,
      places: [...members].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
    };
  });
}

/** The zoom at which a cluster's places no longer all share a cell (at most `max`). */
export function zoomToSplit(cluster: Cluster, k: number, cell = 40, max = 64): number {
  let next = k * 2;
  while (next < max && clusterPlaces(cluster.places, next, cell).length < 2) next *= 2;
  return Math.min(next, max);
}
