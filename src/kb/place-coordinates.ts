// Coordinates of the knowledge base's places ([lon, lat]), from the GeoNames links of the
// hand-written entries (data/kb/generated/links.jsonl) and the generated places, for the map.
import { readGenerated, readLinks } from './load.ts';

export function loadPlaceCoordinates(options: { generated?: boolean } = {}): Map<string, readonly [number, number]> {
  const out = new Map<string, readonly [number, number]>();
  const add = (e: { id: string; lat?: unknown; lon?: unknown }) => {
    if (typeof e.lat === 'number' && typeof e.lon === 'number' && Number.isFinite(e.lat) && Number.isFinite(e.lon)) out.set(e.id, [e.lon, e.lat]);
  };
  // A hand-written name can link to several GeoNames places (Washington, D.C. and the towns named
  // after it in Illinois and Utah); the most populous is the one the entry means.
  const population = new Map<string, number>();
  for (const link of readLinks() as Array<{ id: string; lat?: unknown; lon?: unknown; population?: unknown }>) {
    const pop = typeof link.population === 'number' ? link.population : 0;
    if (out.has(link.id) && (population.get(link.id) ?? 0) >= pop) continue;
    add(link);
    if (out.has(link.id)) population.set(link.id, pop);
  }
  if (options.generated) for (const e of readGenerated()) if (!out.has(e.id)) add(e as { id: string; lat?: unknown; lon?: unknown });
  return out;
}
