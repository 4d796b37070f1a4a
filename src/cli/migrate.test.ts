// Read commands never migrate (issue 17): on a database one migration behind, `parley events` and
// `parley serve` stop with one line naming `parley migrate --db ...` and leave the database as it
// was; `parley migrate` then makes it current. A schema newer than this Parley's is refused by
// readers and writers alike. Spawns bin/parley as a user would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrate } from '../store/sqlite/migrate.ts';
import { MIGRATIONS } from '../store/sqlite/migrations/index.ts';
import { migratePostgres } from '../store/postgres/migrate.ts';
import { MIGRATIONS as PG_MIGRATIONS } from '../store/postgres/migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../store/postgres/test-database.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'parley');
const latest = Math.max(...MIGRATIONS.map((m) => m.version));
const pgLatest = Math.max(...PG_MIGRATIONS.map((m) => m.version));
let dir: string;

function parley(args: string[]) {
  const { PARLEY_TOKEN: _token, ...env } = process.env;
  const result = spawnSync(bin, args, { cwd: dir, encoding: 'utf8', env: { ...env, PARLEY_DB: '', NO_COLOR: '1' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A SQLite database as the Parley one migration behind this one left it (WAL, every migration but the last). */
function olderSqlite(name: string): string {
  const file = join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.filter((m) => m.version < latest));
  db.close();
  return file;
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const version = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number;
  } finally {
    db.close();
  }
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('SQLite one migration behind: events and serve refuse in one line naming `parley migrate`, the file untouched; migrate makes it current', () => {
  const file = olderSqlite('old.db');
  const bytes = digest(file);
  const files = readdirSync(dir).sort();
  for (const args of [['events', '--db', file], ['serve', '--db', file, '--port', '0', '--no-build'], ['export', '--format', 'csv', '--db', file]]) {
    const run = parley(args);
    assert.equal(run.code, 3, `${args[0]}: ${run.stdout}${run.stderr}`);
    assert.equal(run.stdout, '', args[0]);
    assert.equal(run.stderr.trim().split('\n').length, 1, `${args[0]} says it in one line: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has schema version ${latest - 1}; this Parley reads version ${latest}`));
    assert.ok(run.stderr.includes(`\`parley migrate --db ${file}\``), run.stderr);
    assert.equal(digest(file), bytes, `${args[0]} left the file byte for byte as it was`);
    assert.deepEqual(readdirSync(dir).sort(), files, `${args[0]} left no -wal or -shm behind`);
  }
  assert.equal(version(file), latest - 1);

  const migrated = parley(['migrate', '--db', file]);
  assert.equal(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stdout, new RegExp(`schema version ${latest - 1} → ${latest} \\(1 migration applied`));
  assert.equal(version(file), latest);
  const events = parley(['events', '--db', file]);
  assert.equal(events.code, 0, events.stderr);
  assert.match(events.stdout, /^no events/);
  const again = parley(['migrate', '--db', file]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /is current \(schema version \d+\); nothing to do/);
});

test('SQLite from a newer Parley: readers and writers both refuse, nothing written', () => {
  const file = join(dir, 'newer.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db);
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from-the-future', '2030-01-01')").run(latest + 5);
  db.close();
  const bytes = digest(file);
  for (const args of [['events'], ['show', 'x'], ['reindex'], ['migrate'], ['ingest', join(dir, 'nothing-here')]]) {
    const run = parley([...args, '--db', file]);
    assert.equal(run.code, 3, `${args[0]}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, new RegExp(`has schema version ${latest + 5}, newer than this Parley knows \\(${latest}\\)`), args[0]);
    assert.equal(digest(file), bytes, `${args[0]} wrote nothing`);
  }
});

test('a missing file: migrate says so and creates nothing', () => {
  const run = parley(['migrate', '--db', join(dir, 'absent.db')]);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /no database at .*absent\.db/);
  assert.ok(!readdirSync(dir).includes('absent.db'));
});

// --- PostgreSQL ---------------------------------------------------------------------------------

async function snapshot(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const migrations = await client.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`);
    return JSON.stringify([migrations.rows, columns.rows, indexes.rows]);
  } finally {
    await client.end();
  }
}

test('PostgreSQL one migration behind: events and serve refuse naming `parley migrate`, nothing changed; migrate makes it current', async (t) => {
  const created = await createTestDatabase();
  if ('skip' in created) return t.skip(created.skip);
  const database: TestDatabase = created;
  try {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    await migratePostgres(pool, PG_MIGRATIONS.filter((m) => m.version < pgLatest));
    await pool.end();
    const before = await snapshot(database.url);
    for (const args of [['events', '--db', database.url], ['serve', '--db', database.url, '--port', '0', '--no-build']]) {
      const run = parley(args);
      assert.equal(run.code, 3, `${args[0]}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, `${args[0]} says it in one line: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`has schema version ${pgLatest - 1}; this Parley reads version ${pgLatest}`));
      assert.ok(run.stderr.includes(`\`parley migrate --db ${database.url}\``), run.stderr);
      assert.equal(await snapshot(database.url), before, `${args[0]} changed nothing`);
    }
    const migrated = parley(['migrate', '--db', database.url]);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, new RegExp(`schema version ${pgLatest - 1} → ${pgLatest} \\(1 migration applied`));
    const events = parley(['events', '--db', database.url]);
    assert.equal(events.code, 0, events.stderr);
    assert.match(events.stdout, /^no events/);
  } finally {
    await database.drop();
  }
});
