import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alternation, phrasePattern, WORD_END, WORD_START } from './word-pattern.ts';

const re = (p: string) => new RegExp(`${WORD_START}(?:${p})${WORD_END}`, 'iu');

test('literal phrases: escaped, both apostrophes, any white space; bounded by letters of any script', () => {
  assert.ok(re(phrasePattern("l'invitation de")).test('a reçu l’invitation  de Paris'));
  assert.ok(re(phrasePattern('(left)')).test('Erdogan (left) and Herzog'));
  assert.ok(!re(phrasePattern('met')).test('Metro'));
  assert.ok(re(phrasePattern('مع')).test('التقى مع الرئيس'));
  assert.ok(!re(phrasePattern('مع')).test('مجمع'));
});

test('patterns: \\w is a letter of any script; classes and groups kept', () => {
  assert.ok(re(phrasePattern('görüş\\w+')).test('görüşmeler yapıldı'));
  assert.ok(re(phrasePattern('[вВ]стреч\\w*')).test('встречи'));
  assert.ok(!re(phrasePattern('görüş\\w+')).test('görüş'));
});

test('an alternation tries the longest phrase first', () => {
  const m = new RegExp(alternation(['met', 'met with'])!, 'iu').exec('Biden met with Xi');
  assert.equal(m?.[0], 'met with');
  assert.equal(alternation([]), null);
});
