import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptCounts } from './script-counts.ts';

// what each count stood for before: one /…/gu match count per class
const byRegex = (text: string) => {
  const n = (re: RegExp) => text.match(re)?.length ?? 0;
  return {
    letters: n(/\p{L}/gu),
    latin: n(/\p{Script=Latin}/gu),
    arabic: n(/\p{Script=Arabic}/gu),
    cyrillic: n(/\p{Script=Cyrillic}/gu),
    hebrew: n(/\p{Script=Hebrew}/gu),
    han: n(/\p{Script=Han}/gu),
    kana: n(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu),
    hangul: n(/\p{Script=Hangul}/gu),
  };
};

test('counts letters per script as the Unicode property escapes do, in one pass', () => {
  const texts = [
    'The ministers met in Geneva on 3 May, 2024 (officials said).',
    'Der Außenminister traf in Ankara den türkischen Präsidenten; çok iyi, İstanbul.',
    'Президент встретился с премьер-министром в Москве.',
    'التقى الرئيسُ وزيرَ الخارجية في القاهرة ـ يوم الاثنين',
    'ראש הממשלה נפגש עם הנשיא',
    '习近平会见普京。東京で会談した。윤석열 대통령',
    'a 𠮷 astral Han, 𝐀 a mathematical letter, an emoji 😀 and a lone \ud800 surrogate',
    'e\u0301 combining marks are no letters: ́ ',
    '',
  ];
  for (const t of texts) assert.deepEqual(scriptCounts(t), byRegex(t), t);
  // the same characters again are read from what was remembered
  assert.deepEqual(scriptCounts(texts.join(' ')), byRegex(texts.join(' ')));
});

test('sums what matters to language detection', () => {
  const c = scriptCounts('Путин и Си Цзиньпин, 习近平 and Xi');
  assert.equal(c.cyrillic, 16);
  assert.equal(c.han, 3);
  assert.equal(c.latin, 5);
  assert.equal(c.letters, 24);
});
