// Coordinates of the knowledge base's places ([lon, lat]), from the GeoNames links of the
// hand-written entries (data/kb/generated/links.jsonl) and the generated places, for the map.
import { readGenerated, readLinks } from './load.ts';

export function loadPlaceCoordinates(options: { generated?: boolean } = {}): Map<string, readonly [number, number]> {
  const out = new Map<string, readonly [number, number]>();
  const add = (e: { id: string; lat?: unknown; lon?: unknown }) => {
    if (typeof e.lat === 'number' && typeof e.lon === 'number' && Number.isFinite(e.lat) && Number.isFinite(e.lon)) out.set(e.id, [e.lon, e.lat]);
  };
  for (const link of readLinks()) add(link as { id: string; lat?: unknown; lon?: unknown });
  if (options.generated) for (const e of readGenerated()) if (!out.has(e.id)) add(e as { id: string; lat?: unknown; lon?: unknown });
  return out;
}
