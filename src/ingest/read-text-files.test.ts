import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { listTextFiles, readTextFile, readTextFiles, sha256 } from './read-text-files.ts';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-read-'));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'good.txt'), 'Title\n\nXi met Putin in Moscow.\n');
  writeFileSync(join(dir, 'nested', 'deeper', 'same.txt'), 'Title\n\nXi met Putin in Moscow.\n');
  writeFileSync(join(dir, 'bom.txt'), '\uFEFFLine with a BOM\r\n');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x48, 0x00, 0x49]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), ' \n\t\n');
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
  writeFileSync(join(dir, 'notes.md'), '# not an article');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('folders are walked recursively, in sorted order, .txt only', () => {
  const { files, diagnostics } = listTextFiles([dir]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    files.map((f) => f.slice(dir.length + 1)),
    ['big.txt', 'binary.txt', 'blank.txt', 'bom.txt', 'empty.txt', 'good.txt', 'latin1.txt', join('nested', 'deeper', 'same.txt')],
  );
});

test('a document keeps its exact text, id from the file name, hash of the text', () => {
  const result = readTextFile(join(dir, 'good.txt'));
  assert.ok(result.document);
  assert.equal(result.document.id, 'good');
  assert.equal(result.document.text, 'Title\n\nXi met Putin in Moscow.\n');
  assert.equal(result.document.hash, sha256(result.document.text));
  assert.deepEqual(result.document.meta, {});
  assert.equal(result.document.source.path, join(dir, 'good.txt'));
});

test('a BOM and CRLF are kept as they are in the file', () => {
  const result = readTextFile(join(dir, 'bom.txt'));
  assert.equal(result.document?.text, '\uFEFFLine with a BOM\r\n');
});

test('the same text in two files has the same hash', () => {
  const a = readTextFile(join(dir, 'good.txt')).document!;
  const b = readTextFile(join(dir, 'nested', 'deeper', 'same.txt')).document!;
  assert.equal(a.hash, b.hash);
  assert.notEqual(a.id, b.id);
});

for (const [file, code, options] of [
  ['binary.txt', 'read/binary', {}],
  ['latin1.txt', 'read/invalid-utf8', {}],
  ['empty.txt', 'read/empty', {}],
  ['blank.txt', 'read/empty', {}],
  ['big.txt', 'read/too-large', { maxBytes: 1000 }],
  ['missing.txt', 'read/unreadable', {}],
] as const) {
  test(`${file} gives ${code}, naming the file`, () => {
    const result = readTextFile(join(dir, file), options);
    assert.equal(result.document, undefined);
    assert.equal(result.diagnostic?.code, code);
    assert.equal(result.diagnostic?.severity, 'error');
    assert.equal(result.diagnostic?.file, join(dir, file));
  });
}

test('the batch goes on past bad files; an explicit non-.txt file is a diagnostic', () => {
  const results = [...readTextFiles([join(dir, 'notes.md'), join(dir, 'nowhere'), dir])];
  const codes = results.filter((r) => r.diagnostic).map((r) => r.diagnostic!.code);
  assert.deepEqual(codes, ['read/not-text', 'read/unreadable', 'read/binary', 'read/empty', 'read/empty', 'read/invalid-utf8']);
  const ids = results.filter((r) => r.document).map((r) => r.document!.id);
  assert.deepEqual(ids, ['big', 'bom', 'good', 'same']);
});

test('a file named twice is read once', () => {
  const { files } = listTextFiles([join(dir, 'good.txt'), dir]);
  assert.equal(files.filter((f) => f.endsWith('good.txt')).length, 1);
});

test('UTF-16 text with a byte order mark is decoded (both byte orders); without one it stays binary', () => {
  const text = '\uFEFFנשיא המדינה שוחח עם נשיא טורקיה.\r\nXi met Putin.';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  writeFileSync(join(dir, 'u16le.txt'), le);
  writeFileSync(join(dir, 'u16be.txt'), be);
  writeFileSync(join(dir, 'u16none.txt'), le.subarray(2));
  for (const name of ['u16le.txt', 'u16be.txt']) {
    const r = readTextFile(join(dir, name));
    assert.equal(r.document?.text, text, name);
  }
  assert.equal(readTextFile(join(dir, 'u16none.txt')).diagnostic?.code, 'read/binary');
  writeFileSync(join(dir, 'u16odd.txt'), Buffer.concat([le, Buffer.from([0x41])]));
  assert.equal(readTextFile(join(dir, 'u16odd.txt')).diagnostic?.code, 'read/invalid-utf8');
});

test('links to folders are followed (a loop once), a dangling link and a name that is not UTF-8 are reported', async () => {
  const { symlinkSync } = await import('node:fs');
  const root = mkdtempSync(join(tmpdir(), 'parley-links-'));
  try {
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'inside.txt'), 'Xi met Putin.');
    mkdirSync(join(root, 'corpus'));
    symlinkSync(join(root, 'real'), join(root, 'corpus', 'linked'));
    symlinkSync(join(root, 'corpus'), join(root, 'real', 'back')); // a loop
    symlinkSync(join(root, 'nowhere.txt'), join(root, 'corpus', 'dangling.txt'));
    writeFileSync(Buffer.concat([Buffer.from(join(root, 'corpus') + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Latin-1 name.');
    const { files, diagnostics } = listTextFiles([join(root, 'corpus')]);
    assert.deepEqual(files.map((f) => f.slice(root.length + 1)), ['corpus/linked/inside.txt']);
    const codes = diagnostics.map((d) => `${d.code} ${d.file!.slice(root.length + 1)}`).sort();
    assert.deepEqual(codes, ['read/bad-name corpus/caf?.txt', 'read/unreadable corpus/dangling.txt']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
