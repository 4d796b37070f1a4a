// Which adapter a database name selects: a postgres:// URL is PostgreSQL, anything else a SQLite file.
import { openPostgresStore, isPostgresUrl } from './postgres/pg-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** SQLite: fail with ParleyError('not-found') rather than create a missing file. (A PostgreSQL database must exist anyway.) */
  mustExist?: boolean;
  now?: () => Date;
}

export function openStore(target: string, options: OpenStoreOptions = {}): Store {
  if (isPostgresUrl(target)) return openPostgresStore(target, options.now ? { now: options.now } : {});
  return openSqliteStore(target, options);
}

export { isPostgresUrl };
