import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldTraditional } from './fold-chinese.ts';

test('Traditional Chinese is read in Simplified, with the same length so offsets stay put', () => {
  // a sentence written here: "The two foreign ministers met in Beijing on Tuesday"
  const t = '兩國外長週二在北京會見，雙方舉行會談。';
  const s = foldTraditional(t);
  assert.equal(s, '两国外长周二在北京会见，双方举行会谈。');
  assert.equal(s.length, t.length);
});

test('names written in Traditional fold to the Simplified form the knowledge base holds', () => {
  const t = '俄羅斯外長拉夫羅夫與紹伊古';
  const s = foldTraditional(t);
  assert.equal(s.slice(5, 9), '拉夫罗夫');
  assert.equal(s.slice(10), '绍伊古');
});

test('text without Han characters, and Simplified text, come back unchanged', () => {
  assert.equal(foldTraditional('Lavrov met Wang Yi.'), 'Lavrov met Wang Yi.');
  assert.equal(foldTraditional('王毅会见拉夫罗夫。'), '王毅会见拉夫罗夫。');
});

test('mixed scripts and astral characters keep every offset', () => {
  const t = 'Xi 習近平 😀 會見 𠮷 Putin\n第二行：會談';
  const s = foldTraditional(t);
  assert.equal(s.length, t.length);
  assert.equal(s.indexOf('Putin'), t.indexOf('Putin'));
  assert.equal(s.slice(s.indexOf('会见'), s.indexOf('会见') + 2), '会见');
});
