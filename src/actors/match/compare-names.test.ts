import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALGORITHM, FEATURES, THRESHOLD, VERSION, compareNames, explainAlgorithm, spellingsAgree } from './index.ts';

const same = (a: string, b: string, lang?: string): void => {
  const r = compareNames(a, b, lang ? { lang } : {});
  assert.ok(r.match, `${a} = ${b}: ${r.score} ${r.explanation.join('; ')}`);
};
const apart = (a: string, b: string): void => {
  const r = compareNames(a, b);
  assert.ok(!r.match, `${a} != ${b}: ${r.score} ${r.explanation.join('; ')}`);
};

test('one person under every spelling and script is one name', () => {
  const nakhalah = ['Ziyad al-Nakhalah', 'Ziad al-Nakhala', 'Ziyad Nakhaleh', 'Siad Nachali', 'زياد النخالة'];
  for (const a of nakhalah) for (const b of nakhalah) if (a !== b) same(a, b);
  for (const [a, b] of [
    ['Putin', 'Poutine'],
    ['Putin', 'Путин'],
    ['Poutine', 'Путин'],
    ['Vladimir Putin', 'Wladimir Putin'],
    ['Xi Jinping', 'Си Цзиньпин'],
    ['Mao Zedong', 'Мао Цзэдун'],
    ['Xi Jinping', 'Hsi Chin-ping'],
    ['Mao Zedong', 'Mao Tse-tung'],
    ['Hassan Rouhani', 'حسن روحانی'],
    ['Mohammed bin Salman', 'محمد بن سلمان'],
    ['Benjamin Netanyahu', 'בנימין נתניהו'],
    ['Ali Khamenei', 'علی خامنه‌ای'],
    ['Putin, Vladimir', 'Vladimir Putin'],
    ['Bachar el-Assad', 'Bashar al-Assad'],
    ['Usama bin Ladin', 'Osama bin Laden'],
  ])
    same(a, b);
  same('Jamenei', 'Khamenei', 'es');
  same('Filho', 'Filyo', 'pt');
});

test('different people stay apart', () => {
  apart('Hassan Nasrallah', 'Hassan Rouhani');
  apart('Hussein', 'Hassan');
  apart('Hassan Nasrallah', 'Hussein Nasrallah');
  apart('Mohammed bin Salman', 'Mohammed bin Zayed');
  apart('حسن نصرالله', 'حسن روحانی');
  apart('Daniel Tusk', 'Donald Tusk');
  apart('BARZAN IBRAHIM HASSAN AL-MOSULI', 'BARZAN IBRAHIM HASSAN AL-TIKRITI');
});

test('results are versioned and explain which features fired', () => {
  const r = compareNames('Siad Nachali', 'Ziyad al-Nakhalah');
  assert.equal(r.algorithm, ALGORITHM);
  assert.equal(r.version, VERSION);
  assert.equal(r.threshold, THRESHOLD);
  assert.ok(r.score >= THRESHOLD && r.score <= 1);
  assert.ok(r.features.token_translit === 2, JSON.stringify(r.features));
  assert.ok(r.explanation.some((e) => e.startsWith('siad ~ ziyad: translit')), r.explanation.join('; '));
  const apartResult = compareNames('Hassan Nasrallah', 'Hassan Rouhani');
  assert.equal(apartResult.features.unmatched_short, 1);
  assert.ok(apartResult.explanation.some((e) => e.startsWith('unmatched_short')));
  // every feature is documented with a weight
  const doc = explainAlgorithm();
  for (const id of Object.keys(FEATURES)) assert.equal(typeof doc.features[id as keyof typeof FEATURES].weight, 'number');
  assert.equal(spellingsAgree('Nabil Qaouk', 'Nabil Kaouk'), true);
});

test('honorifics, particles, legal forms and acronyms do not decide', () => {
  same('Sayyed Hassan Nasrallah', 'Hassan Nasrallah');
  same('Siemens Aktiengesellschaft', 'Siemens AG');
  same('A.B.C. Company', 'ABC Company');
  apart('Volkswagen Aktiengesellschaft', 'Siemens Aktiengesellschaft');
});
