// End to end: spawn bin/parley as a user would, on a tmp corpus and a tmp database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { sampleAnalyses } from '../store/fixtures.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'parley');
let dir: string;
let corpus: string;
let eventsDb: string;

function parley(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(bin, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PARLEY_DB: '', ...env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'more'), { recursive: true });
  writeFileSync(join(corpus, 'one.txt'), 'Leaders meet\n2023-03-21\n\nXi Jinping met Vladimir Putin in Moscow.\n');
  writeFileSync(join(corpus, 'more', 'two.txt'), 'Talks\n\nJoe Biden met Xi Jinping in Bali.\n');
  writeFileSync(join(corpus, 'more', 'copy.txt'), 'Talks\n\nJoe Biden met Xi Jinping in Bali.\n');
  writeFileSync(join(corpus, 'readme.md'), 'not an article');
  // A database with events in it, built from hand-made analyses (independent of the stages).
  eventsDb = join(dir, 'events.db');
  const store = openSqliteStore(eventsDb);
  await store.saveBatch(sampleAnalyses());
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('ingest: a summary line, duplicates counted, re-ingest changes nothing', () => {
  const db = join(dir, 'ingest.db');
  const first = parley(['ingest', corpus, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  // copy.txt has the same text as two.txt: one document.
  assert.match(first.stdout, /^ingested 2, duplicates 1, skipped 0;/);
  const again = parley(['ingest', corpus, '--db', db, '--json']);
  assert.equal(again.code, 0, again.stderr);
  const summary = JSON.parse(again.stdout);
  assert.equal(summary.ingested, 0);
  assert.equal(summary.duplicates.length, 3);
  assert.equal(summary.database.documents, 2);
});

test('ingest: documents counted per language, the ones no event lexicon reads named', () => {
  const langs = join(dir, 'langs');
  mkdirSync(langs);
  writeFileSync(join(langs, 'en.txt'), 'Talks\n\nThe Italian foreign minister met his French counterpart in Rome on Tuesday.\n');
  writeFileSync(join(langs, 'ja.txt'), '首脳会談\n\n両国の首脳は月曜日に東京で会談し、経済協力について話し合った。会談は約一時間続いたという。\n');
  const db = join(dir, 'langs.db');
  const line = parley(['ingest', langs, '--db', db]);
  assert.equal(line.code, 0, line.stderr);
  assert.match(line.stdout, /^2 documents: en 1, ja 1 \(no event lexicon: ja\)$/m);
  rmSync(db);
  const json = parley(['ingest', langs, '--db', db, '--json']);
  assert.equal(json.code, 0, json.stderr);
  const summary = JSON.parse(json.stdout);
  assert.deepEqual(summary.languages, { en: 1, ja: 1 });
  assert.deepEqual(summary.noLexicon, ['ja']);
});

test('ingest: the default database is $PARLEY_DB, else ./parley.db', () => {
  const viaEnv = join(dir, 'env.db');
  assert.equal(parley(['ingest', join(corpus, 'one.txt')], { PARLEY_DB: viaEnv }).code, 0);
  assert.equal(parley(['events'], { PARLEY_DB: viaEnv }).code, 0);
  assert.equal(parley(['ingest', join(corpus, 'one.txt')]).code, 0);
  assert.equal(parley(['events', '--db', join(dir, 'parley.db')]).code, 0);
});

test('ingest: bad inputs are reported by name, the rest is stored, exit 1', () => {
  const bad = join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'ok.txt'), 'Fine text.\n');
  writeFileSync(join(bad, 'bin.txt'), Buffer.from([1, 0, 2]));
  writeFileSync(join(bad, 'empty.txt'), '');
  const result = parley(['ingest', bad, join(dir, 'missing'), '--db', join(dir, 'bad.db')]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /ingested 1, duplicates 0, skipped 3 \(read\/unreadable 1, read\/binary 1, read\/empty 1\)/);
  assert.match(result.stderr, /bin\.txt: read\/binary/);
  assert.match(result.stderr, /empty\.txt: read\/empty/);
});

test('events: a table of date, mode, participants, place, id; filters; JSON', () => {
  const table = parley(['events', '--db', eventsDb]);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trim().split('\n');
  assert.match(lines[0], /^date\s+mode\s+participants\s+place\s+event$/);
  assert.match(lines[2], /^2022-11-14\s+meet\s+Joe Biden, Xi Jinping\s+Bali\s+ev_[0-9a-f]{16}$/);
  assert.match(lines[3], /^2023-03-20\s+meet\s+Xi Jinping, Vladimir Putin\s+Moscow\s+ev_[0-9a-f]{16}$/);

  const putin = JSON.parse(parley(['events', '--db', eventsDb, '--actor', 'putin', '--json']).stdout);
  assert.deepEqual(putin.map((e: { date: string }) => e.date), ['2023-03-20']);
  // a name matches places too, and a date bound at the filter's precision
  const bali = JSON.parse(parley(['events', '--db', eventsDb, '--actor', 'bali', '--to', '2022-11-14', '--json']).stdout);
  assert.deepEqual(bali.map((e: { location: string }) => e.location), ['Bali']);
  const in2022 = JSON.parse(parley(['events', '--db', eventsDb, '--from', '2022', '--to', '2022-12', '--json']).stdout);
  assert.deepEqual(in2022.map((e: { location: string }) => e.location), ['Bali']);
  assert.equal(parley(['events', '--db', eventsDb, '--from', 'March']).code, 2);
  const impossible = parley(['events', '--db', eventsDb, '--to', '2023-02-31']);
  assert.equal(impossible.code, 2);
  assert.match(impossible.stderr, /--to: "2023-02-31" is not a calendar date/);
});

test('show: each report with its evidence, marked words in [[brackets]] off a TTY', () => {
  const list = JSON.parse(parley(['events', '--db', eventsDb, '--actor', 'Putin', '--json']).stdout);
  const result = parley(['show', list[0].id, '--db', eventsDb]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /reports: 2 in 2 document\(s\)/);
  assert.match(
    result.stdout,
    /Chinese President \[\[Xi Jinping\]\] \[\[met\]\] \[\[Vladimir Putin\]\] in \[\[Moscow\]\] on \[\[20 March 2023\]\], the Kremlin said\./,
  );
  assert.match(result.stdout, /merged because:/);
  assert.doesNotMatch(result.stdout, /\x1b\[/);
});

test('export: events-json to a file, csv to stdout', () => {
  const out = join(dir, 'out', 'events.json');
  assert.equal(parley(['export', '--format', 'events-json', '--out', out, '--db', eventsDb]).code, 0);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(json.events.length, 2);
  assert.equal(json.documents.length, 3);
  const csv = parley(['export', '--format', 'csv', '--db', eventsDb]);
  assert.equal(csv.code, 0);
  assert.equal(csv.stdout.split('\r\n')[0], 'id,date,date_precision,mode,location,participants,documents,status,independent_sources,sources');
});

test('errors: clear messages and exit 2 for usage and missing things; --help everywhere', () => {
  const missing = parley(['events', '--db', join(dir, 'nowhere.db')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no database at .*nowhere\.db/);
  const unknown = parley(['show', 'ev_0000', '--db', eventsDb]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no event ev_0000/);
  assert.equal(parley(['export', '--format', 'xml', '--db', eventsDb]).code, 2);
  assert.equal(parley(['export', '--db', eventsDb]).code, 2);
  assert.equal(parley(['frobnicate']).code, 2);
  assert.equal(parley(['ingest']).code, 2);
  assert.equal(parley(['ingest', corpus, '--batch', 'zero', '--db', join(dir, 'x.db')]).code, 2);
  for (const command of [[], ['ingest'], ['export'], ['events'], ['actors'], ['show']]) {
    const help = parley([...command, '--help']);
    assert.equal(help.code, 0, `${command} --help`);
    assert.match(help.stdout, /^Usage: parley/);
  }
});

test('actors: listed with a query, JSON too', () => {
  const result = parley(['actors', 'xi', '--db', eventsDb]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /person\s+Xi Jinping\s+kb\s+Q15031/);
  const all = JSON.parse(parley(['actors', '--json', '--db', eventsDb]).stdout);
  assert.equal(all.length, 6);
});

test('token: a new strong token each time; serve refuses a weak one before opening anything', () => {
  const a = parley(['token']);
  const b = parley(['token']);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stdout.trim(), /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a.stdout, b.stdout);
  const weak = parley(['serve', '--db', eventsDb, '--port', '0', '--no-build', '--token', 'letmein-please']);
  assert.equal(weak.code, 2);
  assert.match(weak.stderr, /parley token/);
  const priv = parley(['serve', '--db', eventsDb, '--port', '0', '--no-build', '--private']);
  assert.equal(priv.code, 2);
  assert.match(priv.stderr, /--private needs a token/);
});
