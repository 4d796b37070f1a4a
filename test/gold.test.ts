// End to end on the shared gold corpora: files -> SQLite -> events-json -> the project's scorer.
// Guards the figures the issues ask for: the tuned corpora (corpus/seeds, corpus/dev) at their
// required levels, and the broad corpora (corpus-broad/*, reports the extraction was not tuned on)
// at no less than what the mechanisms reach today, so a change that loses ground there fails.
// Skips where ../shared is absent.
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
const pipeline = createPipeline();

type Minimums = Array<readonly [string, number]>;
const TUNED: Minimums = [
  ['meeting.f1', 0.97],
  ['participants.f1', 0.92],
  ['date.acc', 0.9],
  ['location.acc', 0.9],
  ['published.acc', 0.95],
  ['crossdoc.f1', 0.9],
];
/** The broad corpora: floors a little under the figures measured when they were set (see the README). */
const BROAD: Record<string, Minimums> = {
  // measured 0.939 / 0.939 / date 1 / place 1 (2026-12-07, branch mideast)
  mideast: [
    ['meeting.f1', 0.9],
    ['participants.f1', 0.9],
    ['date.acc', 0.9],
    ['location.acc', 0.9],
    ['published.acc', 0.95],
    ['crossdoc.f1', 0.85],
  ],
  // measured 0.704 / 0.709 / date 1 / place 0.8 (2026-12-07); then 0.847 / 0.85 / date 0.875 /
  // place 0.9 (branch world, 2026-12-07: the Chinese reports are read now, and one of them states
  // the day of its meeting twice, differently: 2日 in the lead, 3日 in the body); then 0.935 / 0.937 /
  // date 0.875 / place 0.857 / crossdoc 0.914 (2026-12-07 evening: implicative verbs, the inviter
  // hosts, call mode, leader pairs; merging by page days): floors at issue 12's targets
  world: [
    ['meeting.f1', 0.9],
    ['participants.f1', 0.85],
    ['date.acc', 0.85],
    ['location.acc', 0.85],
    ['published.acc', 0.95],
    ['crossdoc.f1', 0.85],
  ],
};
/** Figures that must be exactly 0 everywhere: a wrong date, place or publication day is worse than none. */
const ZERO = ['date.overclaimed', 'location.overclaimed', 'published.overclaimed', 'actors.split'];

function corporaIn(folder: string): string[] {
  const dir = join(shared, folder);
  return existsSync(scorer) && existsSync(dir) ? readdirSync(dir).filter((c) => existsSync(join(dir, c, 'gold.jsonl'))).map((c) => `${folder}/${c}`) : [];
}
const corpora = [...corporaIn('corpus'), ...corporaIn('corpus-broad')];

for (const corpus of corpora) {
  const broad = corpus.startsWith('corpus-broad/');
  const minimums = broad ? BROAD[corpus.slice('corpus-broad/'.length)] ?? [] : TUNED;
  test(`gold ${corpus}: meetings, participants, dates, places and publication dates as required`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-gold-'));
    try {
      const store = openSqliteStore(join(dir, 'gold.db'));
      await runIngest({ paths: [join(shared, corpus)], store, pipeline });
      writeFileSync(join(dir, 'events.json'), JSON.stringify(await buildEventsJson(store)));
      await store.close();
      const out = execFileSync(process.execPath, [scorer, '--gold', join(shared, corpus), '--pred', join(dir, 'events.json'), '--json'], { encoding: 'utf8' });
      // the scorer prints its JSON, then a summary line
      const { figures } = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as { figures: Record<string, number | null> };
      const get = (name: string): number | null => figures[name] ?? null;
      for (const [name, min] of minimums) {
        const v = get(name);
        if (v !== null) assert.ok(v >= min, `${corpus}: ${name} ${v} < ${min}`);
      }
      for (const name of ZERO) assert.equal(get(name), 0, `${corpus}: ${name}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the gold corpora are found when ../shared is present', { skip: !existsSync(scorer) && 'no ../shared' }, () => {
  assert.ok(corpora.filter((c) => c.startsWith('corpus/')).length >= 1);
  assert.ok(corpora.filter((c) => c.startsWith('corpus-broad/')).length >= 1);
});
