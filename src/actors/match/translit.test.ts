import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TRANSLIT_DIR, loadTranslit, prefixSplits, readWord } from './translit.ts';
import { skeletonKey } from '../name-key.ts';

test('native scripts read as Latin, consonants kept', () => {
  assert.equal(readWord('Путин'), 'putin');
  assert.equal(readWord('زياد'), 'ziad');
  assert.equal(readWord('النخالة'), 'al nkhalh');
  assert.equal(readWord('پزشکیان'), 'pzshkian');
  assert.equal(readWord('ولید'), 'wlid');
  assert.equal(readWord('ولید', 'fa'), 'vlid');
  assert.equal(readWord('נתניהו'), 'ntniho');
  assert.equal(readWord('بن'), 'bin');
});

test('a name and its transliterations share one skeleton key', () => {
  assert.equal(skeletonKey('زياد النخالة'), skeletonKey('Ziyad al-Nakhalah'));
  assert.equal(skeletonKey('Siad Nachali', 'de'), skeletonKey('Ziad Nakhala'));
  assert.equal(skeletonKey('Путин'), skeletonKey('Putin'));
  assert.notEqual(skeletonKey('Hassan'), skeletonKey('Assad'));
  // a native word that reads like a Latin honorific is kept (Persian در, "in", read "dr")
  assert.notEqual(skeletonKey('در کرملین'), skeletonKey('Kremlin'));
  assert.equal(skeletonKey('کرملین'), skeletonKey('Kremlin'));
});

test('joined prefixes are split off Arabic and Hebrew words, never Latin ones', () => {
  assert.deepEqual(prefixSplits('وزياد').map((p) => p.offset), [1]);
  assert.deepEqual(prefixSplits('للرياض'), [{ offset: 1, restore: '' }, { offset: 2, restore: 'ال' }]);
  assert.deepEqual(prefixSplits('ונתניהו').map((p) => p.offset), [1]);
  assert.deepEqual(prefixSplits('Walid'), []);
});

test('a broken rule file is named in the error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'translit-'));
  for (const f of readdirSync(DEFAULT_TRANSLIT_DIR)) if (f.endsWith('.json')) copyFileSync(join(DEFAULT_TRANSLIT_DIR, f), join(dir, f));
  writeFileSync(join(dir, 'latin-skeleton.json'), JSON.stringify({ rules: [['(', 'x']] }));
  assert.throws(() => loadTranslit(dir), /latin-skeleton\.json: rule 0 \(\(\)/);
  writeFileSync(join(dir, 'latin-skeleton.json'), '{ not json');
  assert.throws(() => loadTranslit(dir), /latin-skeleton\.json/);
});
