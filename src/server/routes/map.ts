// Events on a map: the events of a filter grouped by their place, each place with coordinates
// (its own from the knowledge base's GeoNames links, else those of the nearest place it lies
// within: the Kremlin is drawn at Moscow). The web app draws them on packaged boundaries
// (world-atlas with d3-geo): nothing is fetched at run time.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.ts';
import { filterQuery, type FilterQuery } from '../schemas.ts';
import { resolveActorFilter, type NameResolver } from '../resolve-actors.ts';
import { toFilter } from '../schemas.ts';

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
      const places: MapPlace[] = [];
      for (const [id, c] of counts) {
        const at = [id, ...(actors.get(id)?.within ?? [])].find((p) => coordinates.has(p));
        if (!at) {
          unplaced += c.events;
          continue;
        }
        const [lon, lat] = coordinates.get(at)!;
        places.push({ id, name: c.name, lon, lat, events: c.events, ...(at !== id ? { drawnAt: at } : {}) });
      }
      places.sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
      return { places, unplaced, events: seen, truncated: total > seen, ...(resolutions.length ? { resolved: resolutions } : {}) };
    },
  );
}
