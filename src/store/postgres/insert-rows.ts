// Many rows of one table in one statement (multi-row VALUES): a batch of documents is written in
// a handful of round trips instead of one per row, which over a network is most of a write's time.
// node-postgres has no bulk insert of its own (COPY needs a stream and knows no ON CONFLICT), so
// this small builder is ours: parameters only, never text spliced into SQL.
import type pg from 'pg';

/** PostgreSQL's limit on the parameters of one statement (a 16-bit count). */
export const MAX_PARAMETERS = 65_535;

type Client = Pick<pg.PoolClient, 'query'>;

/**
 * Inserts `rows` (each one value per column, in `columns`' order) into `table`, as few statements
 * as the parameter limit allows, in the rows' order. `suffix` follows VALUES (e.g. ON CONFLICT ...).
 * `table` and `columns` are SQL identifiers written by this program, never input.
 */
export async function insertRows(client: Client, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
  if (!columns.length) throw new Error(`insertRows(${table}): no columns`);
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
      const marks = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    const names = columns.map((c) => `"${c}"`).join(', ');
    await client.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')} ${suffix}`, values);
  }
}

/** The last row of each key (a multi-row ON CONFLICT DO UPDATE may not touch one row twice), in first-seen order. */
export function lastByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}
