// `parley framing` end to end: two outlets (folders) describe one meeting and one actor in their
// own words; the table and the JSON show each outlet's descriptors and loaded terms.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'parley');
let dir: string;
let db: string;

function parley(args: string[]) {
  const result = spawnSync(bin, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-framing-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'kayhan'), { recursive: true });
  mkdirSync(join(corpus, 'i24'), { recursive: true });
  writeFileSync(
    join(corpus, 'kayhan', 'a.txt'),
    'Iranian envoy in Beirut\n\nIranian Foreign Minister Abbas Araghchi met Naim Qassem in Beirut on Monday, and praised Hezbollah, the Lebanese resistance movement, for its steadfastness. He condemned the crimes of the Zionist regime.\n',
  );
  writeFileSync(
    join(corpus, 'i24', 'b.txt'),
    'Iranian FM in Beirut\n\nIranian Foreign Minister Abbas Araghchi met Naim Qassem in Beirut on Monday. The Iran-backed terror group Hezbollah has fired rockets at Israel.\n',
  );
  db = join(dir, 'framing.db');
  const ingest = parley(['ingest', corpus, '--db', db]);
  assert.equal(ingest.code, 0, ingest.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  outlet: string;
  actorId: string;
  descriptor: string;
  count: number;
  stance?: string;
  examples: { docId: string; text: string }[];
}

test('framing --json: each outlet describes Hezbollah in its own words, with the stance of its loaded terms', () => {
  const out = parley(['framing', '--actor', 'Hezbollah', '--json', '--db', db]);
  assert.equal(out.code, 0, out.stderr);
  const json = JSON.parse(out.stdout) as { descriptors: Row[]; loadedTerms: { outlet: string; termId: string; stance: string }[] };
  const of = (outlet: string) => json.descriptors.filter((r) => r.outlet === outlet && r.actorId === 'hezbollah').map((r) => [r.descriptor, r.stance ?? null]);
  assert.deepEqual(of('kayhan'), [['lebanese resistance movement', 'valorizing']]);
  assert.deepEqual(of('i24'), [['iran-backed terror group', 'subordinating']]);
  assert.ok(json.descriptors.every((r) => r.actorId === 'hezbollah'), 'only the actor asked for');
  assert.deepEqual(json.descriptors.find((r) => r.outlet === 'i24')!.examples.map((e) => e.text), ['Iran-backed terror group']);
  const terms = (outlet: string) => json.loadedTerms.filter((t) => t.outlet === outlet).map((t) => `${t.termId}/${t.stance}`).sort();
  assert.deepEqual(terms('kayhan'), ['en:resistance-movement/valorizing']);
  assert.deepEqual(terms('i24'), ['en:iran-backed/subordinating', 'en:terror-group/criminalizing']);
});

test('framing: the table names outlets, actors, descriptors and loaded terms; --outlet narrows it', () => {
  const out = parley(['framing', '--db', db]);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /^outlet +actor +count +descriptor +stance$/m);
  assert.match(out.stdout, /^kayhan +Hezbollah +1 +lebanese resistance movement +valorizing$/m);
  assert.match(out.stdout, /^i24 +Hezbollah +1 +iran-backed terror group +subordinating, criminalizing$/m);
  // the epithet stands for Israel
  assert.match(out.stdout, /^kayhan +Israel +1 +zionist regime +delegitimizing$/m);
  assert.match(out.stdout, /Loaded terms by outlet/);
  const one = parley(['framing', '--outlet', 'I24', '--db', db]);
  assert.equal(one.code, 0);
  assert.doesNotMatch(one.stdout, /kayhan/);
  assert.match(one.stdout, /^i24 +Hezbollah/m);
});

test('framing --event: the descriptors in the documents reporting one meeting', () => {
  const events = parley(['events', '--json', '--db', db]);
  assert.equal(events.code, 0, events.stderr);
  const parsed = JSON.parse(events.stdout) as unknown;
  const list = (Array.isArray(parsed) ? parsed : ((parsed as { events?: unknown[] }).events ?? [])) as { id: string }[];
  assert.ok(list.length > 0);
  for (const { id } of list) {
    const out = parley(['framing', '--event', id, '--json', '--db', db]);
    assert.equal(out.code, 0, out.stderr);
    const rows = (JSON.parse(out.stdout) as { descriptors: Row[] }).descriptors;
    const all = (JSON.parse(parley(['framing', '--json', '--db', db]).stdout) as { descriptors: Row[] }).descriptors;
    // a subset of all rows, never more
    assert.ok(rows.length > 0 && rows.length <= all.length);
  }
});

test('framing: nothing found is said plainly; a missing database is an error', () => {
  const none = parley(['framing', '--actor', 'nobody-at-all', '--db', db]);
  assert.equal(none.code, 0);
  assert.equal(none.stdout.trim(), 'no descriptors for actor "nobody-at-all"');
  const unknown = parley(['framing', '--event', 'no-such-event', '--db', db]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no event no-such-event/);
  const missing = parley(['framing', '--db', join(dir, 'missing.db')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no database/);
});
