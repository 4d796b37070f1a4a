// Events on a map: the events of a filter grouped by their place, each place with coordinates
// (its own from the knowledge base's GeoNames links, else those of the nearest place it lies
// within: the Kremlin is drawn at Moscow). The web app draws them on packaged boundaries
// (world-atlas with d3-geo): nothing is fetched at run time.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.ts';
import { filterQuery, type FilterQuery } from '../schemas.ts';
import { resolveActorFilter, type NameResolver } from '../resolve-actors.ts';
import { toFilter } from '../schemas.ts';
import { countryOfPlace } from '../../store/browse-summary.ts';

/** Events read for one map (pages of 200); beyond it the answer says `truncated`. */
export const MAP_EVENT_LIMIT = 5000;

export interface MapPlace {
  id: string;
  name: string;
  lon: number;
  lat: number;
  events: number;
  /** The place whose coordinates were used, when not its own (a venue drawn at its city). */
  drawnAt?: string;
  /** The country it is or lies within, and the region (first-level division), when known. */
  country?: string;
  region?: string;
}

/** Events counted per country or region (every event with a place, drawn or not). */
export interface RollUp {
  id: string;
  name: string;
  events: number;
  /** regions: the country they lie in */
  country?: string;
}

export function registerMapRoutes(app: FastifyInstance, store: Store, coordinates: ReadonlyMap<string, readonly [number, number]>, resolveName?: NameResolver): void {
  app.get<{ Querystring: FilterQuery }>(
    '/api/map',
    {
      schema: {
        summary: 'Events of a filter by place, with coordinates (places without any are counted as unplaced)',
        tags: ['events'],
        querystring: { type: 'object', additionalProperties: false, properties: filterQuery },
      },
    },
    async (request) => {
      const { ids, resolutions } = await resolveActorFilter(store, resolveName, request.query.actor);
      const filter = toFilter({ ...request.query, ...(ids ? { actor: ids } : {}) });
      const browse = store.browse();
      const counts = new Map<string, { name: string; events: number }>();
      let seen = 0;
      let total = 0;
      let unplaced = 0;
      for (let offset = 0; offset < MAP_EVENT_LIMIT; offset += 200) {
        const page = await browse.listEvents(filter, 'date', 'desc', { limit: 200, offset });
        total = page.total;
        for (const e of page.items) {
          seen++;
          if (!e.place) {
            unplaced++;
            continue;
          }
          const c = counts.get(e.place.id) ?? { name: e.place.name, events: 0 };
          c.events++;
          counts.set(e.place.id, c);
        }
        if (page.items.length < 200) break;
      }
      const actors = new Map((await store.getActors([...counts.keys()])).map((a) => [a.id, a]));
      // the places they lie within: their types (which is the country, which the region) and names
      const around = [...new Set([...actors.values()].flatMap((a) => a.within))].filter((id) => !actors.has(id));
      const aroundActors = new Map((around.length ? await store.getActors(around) : []).map((a) => [a.id, a]));
      const types = new Map<string, string | null>([...actors.values(), ...aroundActors.values()].map((a) => [a.id, a.placeType]));
      const nameOf = (id: string) => actors.get(id)?.name ?? aroundActors.get(id)?.name ?? id;
      const countries = new Map<string, RollUp>();
      const regions = new Map<string, RollUp>();
      const add = (table: Map<string, RollUp>, id: string, events: number, extra: Partial<RollUp> = {}) => {
        const row = table.get(id) ?? { id, name: nameOf(id), events: 0, ...extra };
        row.events += events;
        table.set(id, row);
      };
      const places: MapPlace[] = [];
      for (const [id, c] of counts) {
        const actor = actors.get(id);
        const country = countryOfPlace(actor, types) ?? undefined;
        const region = actor ? [id, ...actor.within].find((p) => types.get(p) === 'region') : undefined;
        if (country) add(countries, country, c.events);
        if (region) add(regions, region, c.events, country ? { country } : {});
        const at = [id, ...(actor?.within ?? [])].find((p) => coordinates.has(p));
        if (!at) {
          unplaced += c.events;
          continue;
        }
        const [lon, lat] = coordinates.get(at)!;
        places.push({ id, name: c.name, lon, lat, events: c.events, ...(at !== id ? { drawnAt: at } : {}), ...(country ? { country } : {}), ...(region ? { region } : {}) });
      }
      places.sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
      const ranked = (table: Map<string, RollUp>) => [...table.values()].sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
      return {
        places,
        countries: ranked(countries),
        regions: ranked(regions),
        unplaced,
        events: seen,
        truncated: total > seen,
        ...(resolutions.length ? { resolved: resolutions } : {}),
      };
    },
  );
}
