import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldScript, foldText, original } from './normalize-script.ts';

test('Arabic: tashkeel and tatweel are dropped, a match maps back to the original word with its marks', () => {
  const text = 'وَالتَقَى الرئيسُ بنظيرِه';
  const f = foldScript(text);
  assert.equal(f.text, 'والتقي الرئيس بنظيره');
  const at = f.text.indexOf('التقي');
  assert.equal(text.slice(original(f, at), original(f, at + 'التقي'.length)), 'التَقَى');
  assert.equal(foldText('اجتمـــاع'), 'اجتماع');
});

test('Arabic: hamza forms of alef and alef maqsura fold to one letter', () => {
  assert.equal(foldText('أجرى'), foldText('اجري'));
  assert.equal(foldText('إلتقى'), foldText('التقي'));
});

test('Hebrew: niqqud dropped and final letters take their ordinary shape', () => {
  assert.equal(foldText('נִפְגַּשׁ'), 'נפגש');
  assert.equal(foldText('פגישתם'), foldText('פגישתמ'));
  const text = 'הוא שׂוֹחַח עִם';
  const f = foldScript(text);
  const at = f.text.indexOf('עמ');
  assert.equal(text.slice(original(f, at), original(f, at + 2)), 'עִם');
});

test('Persian: the zero-width non-joiner is dropped and Persian yeh and kaf meet their Arabic forms', () => {
  assert.equal(foldText('گفت‌وگو'), 'گفتوگو');
  assert.equal(foldText('می‌کند'), foldText('ميكند'));
});

test('Russian ё is е; Latin text is returned as it is, with no map', () => {
  assert.equal(foldText('провёл'), 'провел');
  const f = foldScript('Macron a rencontré Scholz');
  assert.equal(f.map, null);
  assert.equal(original(f, 9), 9);
});
