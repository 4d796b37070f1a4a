// Which adapter a database name selects: a postgres:// URL is PostgreSQL, anything else a SQLite file.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { ParleyError } from '../core/errors.ts';
import { openPostgresStore, isPostgresUrl, redactUrl } from './postgres/pg-store.ts';
import { postgresSchemaState } from './postgres/migrate.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import { sqliteSchemaState } from './sqlite/migrate.ts';
import { refuseNewer, type SchemaState } from './schema-version.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** SQLite: fail with ParleyError('not-found') rather than create a missing file. (A PostgreSQL database must exist anyway.) */
  mustExist?: boolean;
  /**
   * false for read commands: a database whose schema is older than this Parley's is refused with
   * a message naming `parley migrate`, never migrated. Default true (writers migrate).
   */
  migrate?: boolean;
  now?: () => Date;
}

export function openStore(target: string, options: OpenStoreOptions = {}): Store {
  if (isPostgresUrl(target)) {
    return openPostgresStore(target, { ...(options.now ? { now: options.now } : {}), ...(options.migrate === false ? { migrate: false } : {}) });
  }
  return openSqliteStore(target, options);
}

/** The database's schema against this Parley's, read without writing (the database must exist). */
export async function readSchemaState(target: string): Promise<SchemaState> {
  if (isPostgresUrl(target)) {
    const pool = new pg.Pool({ connectionString: target, max: 1 });
    pool.on('error', () => undefined);
    try {
      return await postgresSchemaState(pool);
    } catch (error) {
      throw new ParleyError('config', `cannot use database ${redactUrl(target)}: ${(error as Error).message}`, { cause: error });
    } finally {
      await pool.end();
    }
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(target, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return sqliteSchemaState(db);
  } catch (error) {
    throw new ParleyError('config', `cannot use database ${target}: ${(error as Error).message}`, { cause: error });
  } finally {
    db?.close();
  }
}

export interface MigrationResult {
  before: SchemaState;
  after: SchemaState;
}

/**
 * `parley migrate`: brings an existing database to this Parley's schema, re-derives what the
 * migrations dropped (keys, events) and brings the browse index up to date, so that read commands
 * find it current. A schema newer than this Parley's is refused before anything is opened for writing.
 */
export async function migrateDatabase(target: string, options: Pick<OpenStoreOptions, 'now'> = {}): Promise<MigrationResult> {
  const label = isPostgresUrl(target) ? redactUrl(target) : target;
  if (!isPostgresUrl(target) && !existsSync(target)) {
    throw new ParleyError('not-found', `no database at ${target} (run \`parley ingest\` first, or pass --db)`);
  }
  const before = await readSchemaState(target);
  refuseNewer(before, label);
  const store = openStore(target, { mustExist: true, ...options });
  try {
    await store.browse().sync();
  } finally {
    await store.close();
  }
  return { before, after: await readSchemaState(target) };
}

export { isPostgresUrl };
