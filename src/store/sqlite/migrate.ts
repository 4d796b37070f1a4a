import type Database from 'better-sqlite3';
import { refuseNewer, schemaState, type SchemaState } from '../schema-version.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** Where the database's schema stands, read without writing anything (no table is created). */
export function sqliteSchemaState(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): SchemaState {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get();
  const recorded = table ? (db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]) : [];
  return schemaState(recorded, migrations);
}

/**
 * Applies the migrations the database has not seen. Two processes opening one new file at once
 * must not both apply them (`table ... already exists`): the versions are read and every
 * migration applied inside one BEGIN IMMEDIATE transaction, so the second process waits (busy
 * timeout), then finds them recorded.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now = () => new Date(),
  label = 'the database',
): number[] {
  const run = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const recorded = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    refuseNewer(schemaState(recorded, migrations), label);
    const applied: number[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    // Every migration not yet recorded is applied, not only those above the highest recorded one:
    // migrations written on parallel branches may land with lower numbers than one already applied.
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (recorded.has(migration.version)) continue;
      for (const sql of migration.statements) db.exec(sql);
      record.run(migration.version, migration.name, now().toISOString());
      applied.push(migration.version);
    }
    return applied;
  });
  return run.immediate();
}
