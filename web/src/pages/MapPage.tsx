// Events on a world map, filtered like the list (the same address parameters): a circle per place,
// its area the number of events, a link to those events; at a low zoom near places roll up into a
// cluster (map-clusters.ts), which zooms in when chosen. Beside it, the events per country and per
// region, each a link that filters the map. Country outlines come from world-atlas (Natural Earth,
// bundled with the app) drawn with d3-geo: no tile server, nothing fetched.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useEffect, useMemo, useRef, useState } from 'react';
import { clusterPlaces, zoomToSplit, type Cluster } from '../components/map-clusters.ts';
import world from 'world-atlas/countries-110m.json';
import { api, type ActorResolution } from '../api.ts';
import { href } from '../router.ts';
import { useApi } from '../useApi.ts';

interface RollUp {
  id: string;
  name: string;
  events: number;
  country?: string;
}

interface MapData {
  places: { id: string; name: string; lon: number; lat: number; events: number; drawnAt?: string }[];
  countries?: RollUp[];
  regions?: RollUp[];
  unplaced: number;
  events: number;
  truncated: boolean;
  resolved?: ActorResolution[];
}

const WIDTH = 960;
const HEIGHT = 500;
const FILTER_KEYS = ['actor', 'from', 'to', 'place', 'mode', 'outlet', 'source', 'language', 'country', 'status', 'q'];
const MAX_ZOOM = 64;

interface View {
  k: number;
  cx: number;
  cy: number;
}
const WHOLE: View = { k: 1, cx: WIDTH / 2, cy: HEIGHT / 2 };

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
  const [view, setView] = useState<View>(WHOLE);
  const projected = useMemo(
    () =>
      (map?.places ?? []).flatMap((p) => {
        const at = projection([p.lon, p.lat]);
        return at ? [{ id: p.id, name: p.name, events: p.events, x: at[0], y: at[1] }] : [];
      }),
    [map, projection],
  );
  // the grid is 40 screen pixels: on a phone, where the whole map is 370 px wide, more places roll up
  const figure = useRef<HTMLElement>(null);
  const [shown, setShown] = useState(WIDTH);
  useEffect(() => {
    const el = figure.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setShown(el.clientWidth || WIDTH));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const cell = (40 * WIDTH) / Math.max(100, shown);
  const clusters = useMemo(() => clusterPlaces(projected, view.k, cell), [projected, view.k, cell]);
  const max = Math.max(1, ...clusters.map((c) => c.events));
  const zoomTo = (k: number, cx: number, cy: number) => {
    const kk = Math.max(1, Math.min(MAX_ZOOM, k));
    // keep the view inside the map
    const [hw, hh] = [WIDTH / 2 / kk, HEIGHT / 2 / kk];
    setView({ k: kk, cx: Math.max(hw, Math.min(WIDTH - hw, cx)), cy: Math.max(hh, Math.min(HEIGHT - hh, cy)) });
  };
  const openCluster = (c: Cluster) => zoomTo(zoomToSplit(c, view.k, cell), c.x, c.y);
  const viewBox = `${view.cx - WIDTH / 2 / view.k} ${view.cy - HEIGHT / 2 / view.k} ${WIDTH / view.k} ${HEIGHT / view.k}`;
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
      <div className="map-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomTo(view.k * 2, view.cx, view.cy)} disabled={view.k >= MAX_ZOOM}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoomTo(view.k / 2, view.cx, view.cy)} disabled={view.k <= 1}>
          Zoom out
        </button>
        <button type="button" onClick={() => setView(WHOLE)} disabled={view.k === 1}>
          Whole world
        </button>
        <span className="muted">
          zoom ×{view.k} · {clusters.filter((c) => c.places.length > 1).length} cluster(s)
        </span>
      </div>
      <figure className="map" ref={figure}>
        <svg viewBox={viewBox} role="img" aria-label="World map of the events by place" data-zoom={view.k}>
          <g>{outlines}</g>
          {clusters.map((c) => {
            // sizes are in screen units: divided by the zoom, they stay the same on screen
            const r = ((3 + 12 * Math.sqrt(c.events / max)) * (WIDTH / Math.max(100, shown))) / view.k;
            if (c.places.length === 1) {
              const p = c.places[0];
              const place = map!.places.find((x) => x.id === p.id)!;
              return (
                <a key={p.id} href={href('/events', { ...filter, place: p.id })} className="place-dot" data-place={p.id}>
                  <circle cx={p.x} cy={p.y} r={r}>
                    <title>{`${p.name}: ${p.events} event${p.events === 1 ? '' : 's'}${place.drawnAt ? ` (drawn at ${place.drawnAt})` : ''}`}</title>
                  </circle>
                </a>
              );
            }
            const label = `${c.places.length} places, ${c.events} events (${c.places
              .slice(0, 3)
              .map((p) => p.name)
              .join(', ')}${c.places.length > 3 ? ', …' : ''}): zoom in`;
            return (
              <g
                key={c.key}
                className="place-cluster"
                role="button"
                tabIndex={0}
                aria-label={label}
                data-places={c.places.map((p) => p.id).join(' ')}
                onClick={() => openCluster(c)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), openCluster(c))}
              >
                <title>{label}</title>
                <circle cx={c.x} cy={c.y} r={r + (3 * WIDTH) / Math.max(100, shown) / view.k} />
                <text x={c.x} y={c.y} dy="0.35em" textAnchor="middle" fontSize={(11 * WIDTH) / Math.max(100, shown) / view.k}>
                  {c.events}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      {map && (map.countries?.length ?? 0) > 0 && (
        <div className="rollups">
          <section aria-label="Events by country">
            <h2>By country</h2>
            <ol className="rollup countries">
              {map.countries!.map((c) => (
                <li key={c.id} data-country={c.id}>
                  <a href={href('/map', { ...filter, country: c.id })}>{c.name}</a> <span className="muted">{c.events}</span>
                </li>
              ))}
            </ol>
          </section>
          {(map.regions?.length ?? 0) > 0 && (
            <section aria-label="Events by region">
              <h2>By region</h2>
              <ol className="rollup regions">
                {map.regions!.map((r) => (
                  <li key={r.id} data-region={r.id}>
                    <a href={href('/map', { ...filter, place: r.id })}>{r.name}</a> <span className="muted">{r.events}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
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
