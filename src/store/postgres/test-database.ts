// A database of its own for one test run on the PostgreSQL server the tests are pointed at
// ($PARLEY_TEST_PG, else the local one), dropped after. No server: the reason to skip, except
// under $CI, where a missing server is a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_SERVER = process.env.PARLEY_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new empty database, or the reason there is none (no server answers). */
export async function createTestDatabase(prefix = 'parley_test'): Promise<TestDatabase | { skip: string }> {
  const admin = new pg.Client({ connectionString: TEST_SERVER, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    const reason = `no PostgreSQL server answers at ${TEST_SERVER.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}); set PARLEY_TEST_PG`;
    if (process.env.CI) throw new Error(`under CI the PostgreSQL tests must run: ${reason}`);
    return { skip: reason };
  }
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(TEST_SERVER, name),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_SERVER });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
