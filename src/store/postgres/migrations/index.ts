// PostgreSQL migrations, applied in version order; each runs once, recorded in schema_migrations.
import initial from './0001-initial.ts';
import search from './0002-search.ts';
import browse from './0003-browse.ts';
import localActors from './0004-local-actors.ts';
import sources from './0005-sources.ts';
import eventRedirects from './0006-event-redirects.ts';
import browseSources from './0007-browse-sources.ts';
import browseOrder from './0008-browse-order.ts';
import sourceClaims from './0009-source-claims.ts';
import browseDirty from './0010-browse-dirty.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', statements: initial },
  { version: 2, name: 'search', statements: search },
  { version: 3, name: 'browse', statements: browse },
  { version: 4, name: 'local-actors', statements: localActors },
  { version: 5, name: 'sources', statements: sources },
  { version: 6, name: 'event-redirects', statements: eventRedirects },
  { version: 7, name: 'browse-sources', statements: browseSources },
  { version: 8, name: 'browse-order', statements: browseOrder },
  { version: 9, name: 'source-claims', statements: sourceClaims },
  { version: 10, name: 'browse-dirty', statements: browseDirty },
];
