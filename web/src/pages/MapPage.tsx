// Events on a world map, filtered like the list (the same address parameters): a circle per place,
// its area the number of events, a link to those events. Country outlines come from world-atlas
// (Natural Earth, bundled with the app) drawn with d3-geo: no tile server, nothing fetched.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useMemo } from 'react';
import world from 'world-atlas/countries-110m.json';
import { api, type ActorResolution } from '../api.ts';
import { href } from '../router.ts';
import { useApi } from '../useApi.ts';

interface MapData {
  places: { id: string; name: string; lon: number; lat: number; events: number; drawnAt?: string }[];
  unplaced: number;
  events: number;
  truncated: boolean;
  resolved?: ActorResolution[];
}

const WIDTH = 960;
const HEIGHT = 500;
const FILTER_KEYS = ['actor', 'from', 'to', 'place', 'mode', 'outlet', 'q'];

export function MapPage({ params }: { params: URLSearchParams }) {
  const filter: Record<string, string | string[]> = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filter[key] = key === 'actor' ? values.slice(0, 2) : values[0];
  }
  const key = JSON.stringify(filter);
  const data = useApi<{ requested: string; map: MapData }>(key, () => api.get<MapData>('/api/map', filter).then((map) => ({ requested: key, map })));
  const { outlines, projection } = useMemo(() => {
    const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topology, topology.objects.countries) as unknown as FeatureCollection;
    const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], countries);
    const path = geoPath(projection);
    return { outlines: countries.features.map((f, i) => <path key={i} d={path(f) ?? ''} className="country" />), projection };
  }, []);
  // stale results are not shown while a new filter loads
  const map = data.data?.requested === key ? data.data.map : null;
  const max = Math.max(1, ...(map?.places.map((p) => p.events) ?? [1]));
  return (
    <>
      <h1>Map</h1>
      <p className="muted">
        {map
          ? `${map.events} event${map.events === 1 ? '' : 's'}${map.truncated ? ' (the first ones)' : ''} · ${map.places.length} place${map.places.length === 1 ? '' : 's'} · ${map.unplaced} without a place on the map`
          : 'Loading…'}{' '}
        · <a href={href('/events', filter)}>as a list</a>
      </p>
      {map?.resolved?.map((r) => (
        <p key={r.query} role="status" className="resolved">
          {r.actorId ? `Actor “${r.query}” read as ${r.name}.` : `No actor is known as “${r.query}”.`}
        </p>
      ))}
      {data.error && <p role="alert">{data.error}</p>}
      <figure className="map">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="World map of the events by place">
          <g>{outlines}</g>
          {map?.places.map((p) => {
            const at = projection([p.lon, p.lat]);
            if (!at) return null;
            const r = 3 + 12 * Math.sqrt(p.events / max);
            return (
              <a key={p.id} href={href('/events', { ...filter, place: p.id })} className="place-dot" data-place={p.id}>
                <circle cx={at[0]} cy={at[1]} r={r}>
                  <title>{`${p.name}: ${p.events} event${p.events === 1 ? '' : 's'}${p.drawnAt ? ` (drawn at ${p.drawnAt})` : ''}`}</title>
                </circle>
              </a>
            );
          })}
        </svg>
      </figure>
      {map && map.places.length > 0 && (
        <ol className="map-places" aria-label="Places by events">
          {map.places.map((p) => (
            <li key={p.id}>
              <a href={href('/events', { ...filter, place: p.id })}>{p.name}</a> <span className="muted">{p.events}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
