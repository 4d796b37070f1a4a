// parley kb, spawned as a user would: import from a small data folder made of the kb fixtures,
// then ask who held a role on a date.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', '..', 'bin', 'parley');
const fixtures = join(here, '..', 'kb', 'fixtures');
let dir: string;

function parley(args: string[]) {
  const r = spawnSync(bin, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-kb-'));
  const data = join(dir, 'data');
  mkdirSync(join(data, 'wikidata-office-holders'), { recursive: true });
  mkdirSync(join(data, 'geonames'), { recursive: true });
  copyFileSync(join(fixtures, 'holders.csv'), join(data, 'wikidata-office-holders', 'holders21_all.csv'));
  copyFileSync(join(fixtures, 'repo_jurisdictions.csv'), join(data, 'wikidata-office-holders', 'repo_jurisdictions.csv'));
  copyFileSync(join(fixtures, 'cities.txt'), join(data, 'geonames', 'cities15000.txt'));
  copyFileSync(join(fixtures, 'admin1.txt'), join(data, 'geonames', 'regionInfo.tsv'));
  copyFileSync(join(fixtures, 'countryInfo.txt'), join(data, 'geonames', 'countryInfo.tsv'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('kb import --json: generates people, places and links from a data folder, with the CC BY credit', () => {
  const r = parley(['kb', 'import', '--data', join(dir, 'data'), '--holders', join(fixtures, 'query-answer.csv'), '--entities', join(fixtures, 'entities.jsonl'), '--out', join(dir, 'gen'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.ok(summary.people >= 3);
  // the shipped hand-written base knows Tehran: it is linked to its GeoNames id and coordinates, not generated again
  const links = readFileSync(join(dir, 'gen', 'links.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const tehran = links.find((l) => l.geonames === '112931');
  assert.ok(tehran && tehran.id === 'tehran' && tehran.lat > 35 && tehran.lat < 36);
  const people = readFileSync(join(dir, 'gen', 'people.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  // Pedro Sánchez: one person from both holder files, with the query answer's "President of the Government" read as prime minister
  const sanchez = people.filter((p) => p.source.wikidata === 'Q6070218');
  assert.equal(sanchez.length, 1);
  assert.ok(sanchez[0].roles.some((r: { role: string }) => r.role === 'prime-minister'));
  assert.match(readFileSync(join(dir, 'gen', 'README.md'), 'utf8'), /GeoNames[\s\S]*CC BY/);
});

test('kb holders: who held a role of a country on a date, with where the answer comes from', () => {
  const r = parley(['kb', 'holders', 'prime-minister', 'spain', '2019-05-01', '--dir', join(dir, 'gen'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const found = JSON.parse(r.stdout);
  assert.ok(found.some((f: { name: string; source: string }) => f.name === 'Pedro Sánchez' && f.source === 'wikidata Q6070218'));
  const none = parley(['kb', 'holders', 'prime-minister', 'spain', '2001', '--dir', join(dir, 'gen')]);
  assert.equal(none.code, 0);
  assert.doesNotMatch(none.stdout, /Pedro Sánchez/);
  assert.notEqual(parley(['kb', 'holders', 'prime-minister', 'spain', 'May 2019']).code, 0);
});

test('kb import --db: local actors kept in the database, read by ingest on top of the shipped base (by name and by title)', () => {
  const db = join(dir, 'local.db');
  const csv = join(dir, 'local-actors.csv');
  writeFileSync(
    csv,
    'id,kind,name,aliases,type,country,within,role,of,from,to\n' + 'marta-ibarra-local,person,Marta Ibarra Soler,Marta Ibarra,,uruguay,,foreign-minister,uruguay,2031-01-01,\n',
  );
  const r = parley(['kb', 'import', '--db', db, csv, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files[0], { file: csv, added: 1, replaced: 0 });
  // importing again replaces rather than repeats
  assert.equal(JSON.parse(parley(['kb', 'import', '--db', db, csv, '--json']).stdout).localActors, 1);
  // an id the base does not have is refused, naming the file and the id
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify([{ id: 'x-local', kind: 'person', name: 'X Local', roles: [{ role: 'mayor', of: 'atlantis-city' }] }]));
  const refused = parley(['kb', 'import', '--db', db, bad]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /bad\.json: actor "x-local" points at "atlantis-city"/);
  const docs = join(dir, 'docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'a.txt'), 'MOSCOW, March 4, 2031 — Marta Ibarra met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday to discuss grain exports.\n');
  writeFileSync(join(docs, 'b.txt'), "MOSCOW, March 5, 2031 — Uruguay's foreign minister met Sergey Lavrov in Moscow on Wednesday, the ministry said.\n");
  const ingest = parley(['ingest', docs, '--db', db, '--json']);
  assert.equal(ingest.code, 0, ingest.stderr);
  const actors = JSON.parse(parley(['actors', '--db', db, '--json']).stdout) as Array<{ id: string; fromKb: boolean }>;
  assert.ok(actors.some((a) => a.id === 'marta-ibarra-local' && a.fromKb), JSON.stringify(actors.map((a) => a.id)));
  assert.ok(!actors.some((a) => a.id.startsWith('found:') && /ibarra/i.test(a.id)), 'not a new unknown person');
  // by name in a.txt; by title in b.txt: "Uruguay's foreign minister" on that date is the local actor (her role is local too)
  const events = JSON.parse(parley(['events', '--db', db, '--json']).stdout) as Array<{ participants: Array<{ id: string }>; documents: string[] }>;
  const docsWithHer = events.filter((e) => e.participants.some((p) => p.id === 'marta-ibarra-local')).flatMap((e) => e.documents);
  assert.deepEqual([...new Set(docsWithHer)].sort(), ['a', 'b'], JSON.stringify(events));
});
