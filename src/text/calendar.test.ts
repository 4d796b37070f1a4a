import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './calendar.ts';

const { readDigits, toGregorian, fromGregorian } = mod;

describe('calendar', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['fromGregorian', 'readDigits', 'toGregorian']));

  it('reads digits of every script', () => {
    assert.equal(readDigits('2024'), 2024);
    assert.equal(readDigits('٢٠٢٤'), 2024); // Arabic-Indic
    assert.equal(readDigits('۱۴۰۳'), 1403); // Persian
    assert.equal(readDigits('२०२४'), 2024); // Devanagari
    assert.ok(Number.isNaN(readDigits('12a')));
    assert.ok(Number.isNaN(readDigits('')));
  });

  it('converts Solar Hijri dates to Gregorian days', () => {
    assert.equal(toGregorian('persian', 1403, 8, 28), '2024-11-18'); // 28 Aban 1403
    assert.equal(toGregorian('persian', 1403, 1, 1), '2024-03-20'); // Nowruz
    assert.equal(toGregorian('persian', 1402, 12, 29), '2024-03-19');
    assert.equal(toGregorian('persian', 1403, 12, 30), '2025-03-20'); // leap year
    assert.equal(toGregorian('persian', 1402, 12, 30), null); // 1402 is a common year
    assert.equal(toGregorian('persian', 1403, 13, 1), null);
  });

  it('converts Islamic and Gregorian dates, and back', () => {
    assert.equal(toGregorian('islamic-umalqura', 1446, 5, 16), '2024-11-18');
    assert.equal(toGregorian('gregorian', 2024, 2, 29), '2024-02-29');
    assert.equal(toGregorian('gregorian', 2023, 2, 29), null);
    assert.deepEqual(fromGregorian('persian', '2024-11-18'), { y: 1403, m: 8, d: 28 });
    assert.deepEqual(fromGregorian('gregorian', '2024-11-18'), { y: 2024, m: 11, d: 18 });
  });
});
