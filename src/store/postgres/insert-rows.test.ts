// insertRows against a real PostgreSQL: rows past one statement's parameter limit, order kept,
// ON CONFLICT passed through; lastByKey keeps the last row of a key at its first place.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { insertRows, lastByKey, MAX_PARAMETERS } from './insert-rows.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

const made = await createTestDatabase();
const skip = 'skip' in made ? made.skip : false;

describe('insertRows', { skip }, () => {
  let db: TestDatabase;
  let client: pg.Client;
  before(async () => {
    db = made as TestDatabase;
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY, k TEXT PRIMARY KEY, n INTEGER, j JSON, a TEXT[])');
  });
  after(async () => {
    await client?.end();
    await db?.drop();
  });

  it('writes more rows than one statement may carry, in their order, with typed values', async () => {
    const count = Math.floor(MAX_PARAMETERS / 4) * 2 + 7; // three statements
    const rows = Array.from({ length: count }, (_, i) => [`k${i}`, i, JSON.stringify({ i }), ['x', `"${i}'`]]);
    await insertRows(client, 't', ['k', 'n', 'j', 'a'], rows);
    const { rows: got } = await client.query('SELECT k, n, j, a FROM t ORDER BY id');
    assert.equal(got.length, count);
    assert.deepEqual(got[count - 1], { k: `k${count - 1}`, n: count - 1, j: { i: count - 1 }, a: ['x', `"${count - 1}'`] });
    assert.ok(got.every((r, i) => r.n === i), 'identity order follows the rows');
  });

  it('passes the suffix through (ON CONFLICT) and writes nothing for no rows', async () => {
    await insertRows(client, 't', ['k', 'n'], [['k1', -1], ['new', 5]], 'ON CONFLICT (k) DO UPDATE SET n = EXCLUDED.n');
    await insertRows(client, 't', ['k', 'n'], []);
    const { rows } = await client.query("SELECT k, n FROM t WHERE k IN ('k1', 'new') ORDER BY k");
    assert.deepEqual(rows, [{ k: 'k1', n: -1 }, { k: 'new', n: 5 }]);
  });

  it('refuses a row whose length differs from the columns', async () => {
    await assert.rejects(insertRows(client, 't', ['k', 'n'], [['only']]), /a row has 1 values for 2 columns/);
  });
});

describe('lastByKey', () => {
  it('keeps the last row of each key, at the place the key was first seen', () => {
    assert.deepEqual(lastByKey([{ k: 'a', v: 1 }, { k: 'b', v: 2 }, { k: 'a', v: 3 }], (r) => r.k), [{ k: 'a', v: 3 }, { k: 'b', v: 2 }]);
  });
});
