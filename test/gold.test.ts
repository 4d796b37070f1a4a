// End to end on the shared gold corpora: files -> SQLite -> events-json -> the project's scorer.
// Guards the figures issues 3 and 4 ask for (extraction, cross-document merging); skips where
// ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline, openSqliteStore, runIngest, buildEventsJson } from '../src/index.ts';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const scorer = join(shared, 'eval', 'score.mjs');
const corpora = existsSync(scorer) ? readdirSync(join(shared, 'corpus')).filter((c) => existsSync(join(shared, 'corpus', c, 'gold.jsonl'))) : [];
const pipeline = createPipeline();

for (const corpus of corpora) {
  test(`gold corpus ${corpus}: meetings, participants, dates, places and publication dates as required`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-gold-'));
    try {
      const store = openSqliteStore(join(dir, 'gold.db'));
      await runIngest({ paths: [join(shared, 'corpus', corpus)], store, pipeline });
      writeFileSync(join(dir, 'events.json'), JSON.stringify(buildEventsJson(store)));
      store.close();
      const out = execFileSync(process.execPath, [scorer, '--gold', join(shared, 'corpus', corpus), '--pred', join(dir, 'events.json'), '--json'], { encoding: 'utf8' });
      // the scorer prints its JSON, then a summary line
      const { figures } = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as { figures: Record<string, number | null> };
      const get = (name: string): number | null => figures[name] ?? null;
      for (const [name, min] of [
        ['meeting.f1', 0.92],
        ['participants.f1', 0.92],
        ['date.acc', 0.9],
        ['location.acc', 0.9],
        ['published.acc', 0.95],
        ['crossdoc.f1', 0.9],
      ] as const) {
        const v = get(name);
        if (v !== null) assert.ok(v >= min, `${name} ${v} < ${min}`);
      }
      for (const name of ['date.overclaimed', 'location.overclaimed', 'published.overclaimed', 'actors.split']) assert.equal(get(name), 0, name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the gold corpora are found when ../shared is present', { skip: !existsSync(scorer) && 'no ../shared' }, () => {
  assert.ok(corpora.length >= 1);
});
