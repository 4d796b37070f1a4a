// Applies the PostgreSQL migrations the database has not seen, in one transaction under an
// advisory lock: several workers starting against one new database apply them once.
import type pg from 'pg';
import { refuseNewer, schemaState, type SchemaState } from '../schema-version.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** The advisory lock key of schema changes (any constant both sides agree on). */
const MIGRATE_LOCK = 7_310_001;

/** Where the database's schema stands, read without writing anything (no table is created). */
export async function postgresSchemaState(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<SchemaState> {
  const [{ exists }] = (await pool.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`)).rows;
  const recorded = exists ? (await pool.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version) : [];
  return schemaState(recorded, migrations);
}

export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
  now = () => new Date(),
  label = 'the database',
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const recorded = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    refuseNewer(schemaState(recorded, migrations), label);
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (recorded.has(migration.version)) continue;
      for (const sql of migration.statements) await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now().toISOString()]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
