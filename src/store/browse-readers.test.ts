// Readers never write: the browse index is kept by the writers (browse-maintenance.ts). `parley
// events` on a database leaves its file byte for byte as it was; a server answering event lists
// while another connection ingests gives no error and no "database is locked", and lists what
// that writer stored without indexing anything itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../server/app.ts';
import { BIDEN, makeAnalysis, sampleAnalyses, XI } from './fixtures.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-readers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A meeting of Xi and Biden in words of its own, on day `n` of 2021. */
function meeting(n: number) {
  const date = new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10);
  const sentence = `Xi met Biden on ${date} to discuss item ${n}.`;
  return makeAnalysis(`m-${n}`, `Talks ${n}\n\n${sentence}\n`, {
    actors: [XI, BIDEN].map((a) => ({ ...a, aliases: [...a.aliases] })),
    reports: [{ sentence, trigger: 'met', participants: [{ actorId: XI.id, words: 'Xi' }, { actorId: BIDEN.id, words: 'Biden' }], date: { value: date } }],
  });
}

test('parley events leaves the database file unchanged', async () => {
  const made = join(dir, 'made.db');
  const store = openSqliteStore(made);
  await store.saveBatch(sampleAnalyses());
  await store.close();
  // a copy closed cleanly: its whole state is in the one file
  const copy = join(dir, 'copy.db');
  copyFileSync(made, copy);
  assert.equal(existsSync(`${copy}-wal`), false);
  const before = digest(copy);
  const result = spawnSync(bin, ['events', '--db', copy, '--json'], { encoding: 'utf8', env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).length, 2, 'the events are listed from the index the writer kept');
  assert.equal(digest(copy), before, 'the file is byte for byte as it was');
});

test('a server lists events while another connection ingests: no error, no lock, the new events listed', async () => {
  const file = join(dir, 'served.db');
  const writer = openSqliteStore(file);
  await writer.saveBatch([meeting(0)]);
  const reader = openSqliteStore(file, { mustExist: true });
  const { app } = await buildServer({ store: reader, webRoot: null });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    let writing = true;
    const ingest = (async () => {
      try {
        for (let n = 1; n <= 40; n++) await writer.saveBatch([meeting(n)]);
      } finally {
        writing = false;
      }
    })();
    const failures: string[] = [];
    let answered = 0;
    while (writing) {
      const response = await fetch(`${base}/api/events?limit=5`);
      const body = await response.text();
      if (response.status !== 200 || /locked/i.test(body)) failures.push(`${response.status} ${body.slice(0, 200)}`);
      answered++;
    }
    await ingest;
    assert.deepEqual(failures, []);
    assert.ok(answered > 0);
    const last = (await (await fetch(`${base}/api/events?limit=1`)).json()) as { total: number; items: { date: string }[] };
    assert.equal(last.total, 41, 'every event the writer stored is listed: the writer indexed them');
    assert.equal(last.items[0].date, '2021-02-10');
  } finally {
    await app.close();
    await reader.close();
    await writer.close();
  }
});
