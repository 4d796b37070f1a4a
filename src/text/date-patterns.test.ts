import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './date-patterns.ts';
import { defaultLangData } from './lang-data.ts';

const { findDates, formatDate } = mod;

describe('findDates', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['findDates', 'formatDate']));

  it('finds each shape with exact offsets', () => {
    const text = 'A 2023-09-02 21:42:35 B June 22, 2023 C 22 juin 2023 D 08.07.2024 E MOSCOW, March 20 (Xinhua) F 2023年3月20日';
    const got = findDates(text, 'und', defaultLangData()).map((c) => [text.slice(c.start, c.end), c.shape, c.year, c.month, c.day]);
    assert.deepEqual(got, [
      ['2023-09-02 21:42:35', 'iso', 2023, 9, 2],
      ['June 22, 2023', 'textual', 2023, 6, 22],
      ['22 juin 2023', 'textual', 2023, 6, 22],
      ['08.07.2024', 'numeric', 2024, 7, 8],
      ['March 20', 'dateline', null, 3, 20],
      ['2023年3月20日', 'cjk', 2023, 3, 20],
    ]);
  });

  it('reads a dateline that names its city as a name, with a country in brackets and "de" before the month', () => {
    const read = (text: string, lang: string) => findDates(text, lang, defaultLangData()).map((c) => [text.slice(c.start, c.end), c.shape, c.year, c.month, c.day]);
    assert.deepEqual(read('Titular\nLima (Perú), 14 jul (EFE).- El presidente', 'es'), [['14 jul', 'dateline', null, 7, 14]]);
    assert.deepEqual(read('Ciudad de Guatemala, 2 de septiembre (EFE).- La reunión', 'es'), [['2 de septiembre', 'dateline', null, 9, 2]]);
    assert.deepEqual(read('Porto Alegre, 5 de maio (Lusa) - O ministro', 'pt'), [['5 de maio', 'dateline', null, 5, 5]]);
    assert.deepEqual(read('Nairobi, 8 November (Reuters) - The president', 'en'), [['8 November', 'dateline', null, 11, 8]]);
    // a city and a day inside a sentence are not a dateline
    assert.deepEqual(read('El ministro viajó a Lima, 14 de julio - según fuentes', 'es'), []);
  });

  it('reads the Russian agency dateline and rejects impossible dates', () => {
    const text = 'Москва. 20 марта. INTERFAX.RU - Встреча. 45.13.2024';
    const got = findDates(text, 'ru', defaultLangData()).map((c) => [text.slice(c.start, c.end), c.shape, c.month, c.day]);
    assert.deepEqual(got, [['20 марта', 'dateline', 3, 20]]);
  });

  it('reads Arabic-Indic and Persian digits, Chinese dates and Solar Hijri dates', () => {
    const read = (text: string, lang: string) => findDates(text, lang, defaultLangData()).map((c) => [text.slice(c.start, c.end), c.shape, c.year, c.month, c.day]);
    assert.deepEqual(read('القاهرة - ١٨ نوفمبر ٢٠٢٤', 'ar'), [['١٨ نوفمبر ٢٠٢٤', 'textual', 2024, 11, 18]]);
    assert.deepEqual(read('بيروت - ١٨ تشرين الثاني ٢٠٢٤', 'ar'), [['١٨ تشرين الثاني ٢٠٢٤', 'textual', 2024, 11, 18]]);
    assert.deepEqual(read('١٨/١١/٢٠٢٤', 'ar'), [['١٨/١١/٢٠٢٤', 'numeric', 2024, 11, 18]]);
    assert.deepEqual(read('تهران - ۲۸ آبان ۱۴۰۳', 'fa'), [['۲۸ آبان ۱۴۰۳', 'calendar', 2024, 11, 18]]);
    assert.deepEqual(read('الرياض - ١٦ جمادى الأولى ١٤٤٦', 'ar'), [['١٦ جمادى الأولى ١٤٤٦', 'calendar', 2024, 11, 18]]);
    assert.deepEqual(read('تهران - ۱۸ نوامبر ۲۰۲۴', 'fa'), [['۱۸ نوامبر ۲۰۲۴', 'textual', 2024, 11, 18]]);
    assert.deepEqual(read('新华社北京2024年11月18号电', 'zh'), [['2024年11月18号', 'cjk', 2024, 11, 18]]);
    // 30 Esfand 1402 does not exist: no date rather than a wrong one
    assert.deepEqual(read('۳۰ اسفند ۱۴۰۲', 'fa'), []);
  });

  it('formats partial dates', () => {
    assert.equal(formatDate({ year: 2024, month: 4, day: null }), '2024-04');
    assert.equal(formatDate({ year: 2024, month: 4, day: 5 }), '2024-04-05');
  });
});
