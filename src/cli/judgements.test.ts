// The judgement commands end to end: bin/parley on a database built from hand-made analyses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sampleAnalyses, PUTIN, XI } from '../store/fixtures.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'parley');
let dir: string;
let db: string;

function parley(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(bin, [...args, '--db', db], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PARLEY_DB: '', USER: 'tester', NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function events(): { id: string; date: string | null; documents: string[] }[] {
  return JSON.parse(parley(['events', '--json']).stdout);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-judge-'));
  db = join(dir, 'events.db');
  const store = openSqliteStore(db);
  await store.saveBatch(sampleAnalyses());
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('events merge / split / correct / reject and judgements undo say what changed', () => {
  const [bali, moscow] = events();
  assert.equal(events().length, 2);

  // two meetings months apart in two cities: refused with the reasons until confirmed
  const refused = parley(['events', 'merge', bali.id, moscow.id, '--reason', 'one summit']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /this merge looks wrong: dates contradict: .*2022-11-14.*2023-03-20.*--confirm/);
  const merged = parley(['events', 'merge', bali.id, moscow.id, '--reason', 'one summit', '--confirm']);
  assert.equal(merged.code, 0, merged.stderr);
  const gone = [bali.id, moscow.id].find((id) => id !== events()[0].id)!;
  assert.match(parley(['show', gone]).stdout, new RegExp(`${gone} no longer exists: its reports are in ${events()[0].id} now`));
  assert.match(merged.stdout, /recorded #1 event-merge: .* are one event \(tester, .*: one summit\)/);
  assert.match(merged.stdout, /now one: event ev_\w+: .*\(3 report\(s\) in 3 document\(s\)\)/);
  assert.equal(events().length, 1);

  const one = events()[0];
  const corrected = parley(['events', 'correct', one.id, '--date', '2023-03-19', '--by', 'editor']);
  assert.equal(corrected.code, 0, corrected.stderr);
  assert.match(corrected.stdout, /was: event .*\n.*now: event \S+: 2023-03-19/);
  assert.equal(events()[0].date, '2023-03-19');

  const list = parley(['judgements', '--json']);
  const judgements = JSON.parse(list.stdout) as { id: number; kind: string; author: string }[];
  assert.deepEqual(
    judgements.map((j) => [j.id, j.kind, j.author]),
    [
      [1, 'event-merge', 'tester'],
      [2, 'field-correct', 'editor'],
    ],
  );

  const undo = parley(['judgements', 'undo', '1', '--reason', 'two meetings']);
  assert.equal(undo.code, 0, undo.stderr);
  assert.match(undo.stdout, /undid #1 event-merge/);
  assert.equal(events().length, 2);
  assert.match(parley(['judgements', '--all']).stdout, /undone/);
  assert.doesNotMatch(parley(['judgements']).stdout, /event-merge/);
});

test('bad ids are refused with a clear message and a non-zero exit; nothing is recorded', () => {
  const before = parley(['judgements', '--all', '--json']).stdout;
  const cases: [string[], RegExp][] = [
    [['events', 'merge', 'ev_nope', 'ev_gone'], /no event ev_nope/],
    [['events', 'split', events()[0].id, 'r-nope'], /no report r-nope/],
    [['events', 'reject', 'r-nope'], /no report r-nope/],
    [['events', 'correct', events()[0].id, '--place', XI.id], /is a person, not a place/],
    [['events', 'correct', events()[0].id, '--date', 'soon'], /--date: "soon" is not a date: write YYYY/],
    [['events', 'correct', events()[0].id, '--date', '2023-02-31'], /--date: "2023-02-31" is not a calendar date: February 2023 has 28 days/],
    [['actors', 'merge', XI.id, 'nobody'], /no actor nobody/],
    [['actors', 'split', XI.id, '--alias', 'Somebody Else'], /never called "Somebody Else"/],
    [['actors', 'alias', 'remove', XI.id, 'Nope'], /has no alias "Nope"/],
    [['judgements', 'undo', '99'], /no judgement #99/],
    [['judgements', 'undo', 'x'], /a judgement id is a number/],
  ];
  for (const [args, message] of cases) {
    const r = parley(args);
    assert.notEqual(r.code, 0, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
  assert.equal(parley(['judgements', '--all', '--json']).stdout, before);
  const nobody = parley(['events', 'reject', 'r-nope'], { USER: '', USERNAME: '' });
  assert.match(nobody.stderr, /who is deciding\? pass --by NAME/);
});

test('actors merge, split and aliases change how actors read', () => {
  const merged = parley(['actors', 'merge', XI.id, PUTIN.id, '--reason', 'test']);
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, /Q7747 is the same actor as Q15031/);
  assert.match(merged.stdout, /now: Q15031 Xi Jinping \(also .*Vladimir Putin/);
  const actors = JSON.parse(parley(['actors', '--json']).stdout) as { id: string }[];
  assert.ok(!actors.some((a) => a.id === PUTIN.id));

  const split = parley(['actors', 'split', XI.id, '--alias', 'Vladimir Putin']);
  assert.equal(split.code, 0, split.stderr);
  assert.match(split.stdout, /new: Q15031~\w+ Vladimir Putin, named by 2 report\(s\)/);

  const added = parley(['actors', 'alias', 'add', XI.id, 'Xi Dada']);
  assert.match(added.stdout, /now: Q15031 Xi Jinping \(also .*Xi Dada/);
  assert.match(parley(['actors', 'Dada']).stdout, /Xi Jinping/);
});
