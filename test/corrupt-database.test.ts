// A database with a zeroed page is refused on open, with a clear storage error naming the file,
// by ingest, serve and events alike, and its bytes are left exactly as they were.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { ParleyError } from '../src/core/errors.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { checkFileBytes } from '../src/store/sqlite/check-file.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-corrupt-'));
const corpus = join(dir, 'corpus');
let healthy: string;
let pageSize: number;
/** Pages of the documents table's b-tree in the healthy file (leaves and interior). */
let documentPages: number[];

const parley = (args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PARLEY_DB: '', NO_COLOR: '1' } });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function zeroPage(file: string, page: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

function copy(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, readFileSync(healthy));
  return file;
}

before(() => {
  mkdirSync(corpus);
  for (let i = 0; i < 24; i++) {
    writeFileSync(join(corpus, `d${i}.txt`), `Talks ${i}\n2024-03-12\n\nPARIS - French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on day ${i}. ${'They discussed the budget. '.repeat(60)}\n`);
  }
  healthy = join(dir, 'healthy.db');
  const made = parley(['ingest', corpus, '--db', healthy]);
  assert.equal(made.status, 0, made.stderr);
  const db = new Database(healthy, { readonly: true });
  pageSize = db.pragma('page_size', { simple: true }) as number;
  documentPages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'documents' ORDER BY pageno").pluck().all() as number[]);
  db.close();
  assert.ok(documentPages.length > 4, `the documents table spans ${documentPages.length} pages`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a healthy database opens and reads as before', () => {
  const events = parley(['events', '--db', healthy, '--json']);
  assert.equal(events.status, 0, events.stderr);
  assert.ok(JSON.parse(events.stdout).length >= 1);
});

test('a zeroed page of the documents table: ingest, events and serve refuse the file (exit 74, naming it) and never write to it', () => {
  const file = copy('zeroed.db');
  zeroPage(file, documentPages[Math.floor(documentPages.length / 2)]);
  const before = sha(file);
  more(join(corpus, 'new.txt'));
  for (const args of [
    ['ingest', corpus, '--db', file],
    ['events', '--db', file],
    ['serve', '--db', file, '--port', '0', '--no-build'],
  ]) {
    const run = parley(args);
    assert.equal(run.status, 74, `${args[0]}: ${run.stderr}`);
    assert.ok(run.stderr.includes(`the database file is damaged (page ${documentPages[Math.floor(documentPages.length / 2)]} of`), run.stderr);
    assert.ok(run.stderr.includes(file), run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(sha(file), before, `${args[0]} changed the file`);
  }
});

function more(path: string) {
  writeFileSync(path, 'New talks\n2024-03-13\n\nBERLIN - Olaf Scholz met Emmanuel Macron in Berlin on Wednesday.\n');
}

test('a zeroed first page, a file cut short, a file that is not a database: refused', () => {
  const first = copy('first.db');
  zeroPage(first, 1);
  const cut = copy('cut.db');
  writeFileSync(cut, readFileSync(healthy).subarray(0, pageSize * 3));
  const text = join(dir, 'text.db');
  writeFileSync(text, 'just some words, not a database at all\n'.repeat(200));
  for (const [file, why] of [
    [first, /does not start with an SQLite header/],
    [cut, /cut short/],
    [text, /does not start with an SQLite header/],
  ] as const) {
    const before = sha(file);
    assert.throws(
      () => openSqliteStore(file),
      (e: unknown) => e instanceof ParleyError && e.code === 'storage' && why.test(e.message) && e.message.includes(file),
    );
    assert.equal(sha(file), before);
  }
});

test('damage the byte scan cannot see is found by quick_check on a small file', () => {
  const file = copy('scrambled.db');
  // a leaf page's cell pointers scrambled, not zeroed
  const page = documentPages[documentPages.length - 1];
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize + 8);
  closeSync(fd);
  const before = sha(file);
  assert.doesNotThrow(() => checkFileBytes(file));
  assert.throws(() => openSqliteStore(file), (e: unknown) => e instanceof ParleyError && e.code === 'storage' && /damaged/.test(e.message));
  assert.equal(sha(file), before);
});

test('past the scan budget, the zero-page scan reads evenly spaced pieces of the file', () => {
  const file = copy('sampled.db');
  const pages = readFileSync(file).length / pageSize;
  const piece = { pieceBytes: pageSize * 4 };
  // two pieces of four pages: the first, and the one halfway through the file
  const halfway = Math.floor(Math.ceil(pages / 4) / 2) * 4 + 2;
  zeroPage(file, halfway);
  assert.throws(() => checkFileBytes(file, { ...piece, scanUpTo: pageSize * 8 }), new RegExp(`page ${halfway} of ${pages} is all zeros`));
  const late = copy('late.db');
  zeroPage(late, pages);
  assert.doesNotThrow(() => checkFileBytes(late, { ...piece, scanUpTo: pageSize * 8 }), 'a page outside the sample is not seen');
  assert.throws(() => checkFileBytes(late, piece), /all zeros/);
});
