// What keeping the browse index costs a writer on PostgreSQL: SQL statements and time per new
// event, for batches of 100 documents and for one document at a time (the server's uploads), in a
// database of its own (created and dropped, as the tests do). Usage:
//   node --import ./src/runtime/register.mjs scripts/bench-browse-writes.ts [--batches 6] [--singles 20] [--prefix parley_bench]
import pg from 'pg';
import { makeAnalysis } from '../src/store/fixtures.ts';
import { openPostgresStore } from '../src/store/postgres/pg-store.ts';
import { createTestDatabase } from '../src/store/postgres/test-database.ts';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
};

const people = Array.from({ length: 60 }, (_, i) => ({ id: `bench-${i}`, kind: 'person' as const, name: `Benchperson${i} Example`, aliases: [`Benchperson${i} Example`] }));
let n = 0;
/** A document with one meeting of a pair on a day no other pair shares (no merges). */
function article() {
  const i = n % people.length;
  const j = (i + 1 + Math.floor(n / people.length)) % people.length;
  const day = new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const sentence = `${people[i].name} met ${people[j].name} for talks.`;
  const id = `bench-doc-${n++}`;
  return makeAnalysis(id, `Talks ${id}\n\n${sentence}\n`, {
    actors: [people[i], people[j]],
    reports: [{ sentence, trigger: 'met', participants: [{ actorId: people[i].id, words: people[i].name }, { actorId: people[j].id, words: people[j].name }], date: { value: day } }],
  });
}

const at = process.argv.indexOf('--prefix');
const db = await createTestDatabase(at > 0 ? process.argv[at + 1] : 'parley_bench');
if (!('url' in db)) throw new Error(db.skip);
const store = openPostgresStore(db.url);
try {
  await store.counts();
  const measure = async (label: string, batches: number, size: number) => {
    const perEvent: number[] = [];
    const ms: number[] = [];
    for (let b = 0; b < batches; b++) {
      const before = (await store.counts()).events;
      const s0 = statements;
      const t0 = performance.now();
      await store.saveBatch(Array.from({ length: size }, article));
      ms.push(performance.now() - t0);
      const used = statements - s0;
      perEvent.push(used / ((await store.counts()).events - before));
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(`${label.padEnd(26)} statements per new event: median ${median(perEvent).toFixed(1)}; ms per batch: median ${median(ms).toFixed(0)}`);
  };
  await measure('batches of 100 documents', option('batches', 6), 100);
  await measure('one document at a time', option('singles', 20), 1);
  console.log(`(${(await store.counts()).events} events at the end)`);
} finally {
  await store.close();
  await db.drop();
}
