// Dates written in a language's own shapes (data/lang/<lang>/events.json "dateForms"), read as
// Gregorian days with their offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLexicons, findWrittenDates } from './lexicon.ts';
import type { PartialDate } from '../core/types.ts';

const lexicons = createLexicons();
const published: PartialDate = { value: '2024-11-20', precision: 'day' };

function read(lang: string, text: string, pub: PartialDate | null = published): Array<[string, string]> {
  return findWrittenDates(text, { start: 0, end: text.length }, lexicons(lang), pub).map((w) => [text.slice(w.start, w.end), w.value]);
}

test('Chinese: full dates, month and day, and the day alone (Xinhua: 习近平18日在北京会见)', () => {
  assert.deepEqual(read('zh', '国家主席习近平2024年4月20日在北京会见普京'), [['2024年4月20日', '2024-04-20']]);
  assert.deepEqual(read('zh', '国家主席习近平11月18日在北京会见普京'), [['11月18日', '2024-11-18']]);
  // a month and day after the publication day belong to the year before
  assert.deepEqual(read('zh', '习近平12月5日会见普京'), [['12月5日', '2023-12-05']]);
  assert.deepEqual(read('zh', '习近平18日在北京会见普京'), [['18日', '2024-11-18']]);
  // a day alone after the publication day is last month's
  assert.deepEqual(read('zh', '习近平25日会见普京'), [['25日', '2024-10-25']]);
  // without a publication day a day alone says nothing; 日本 is Japan, not a day
  assert.deepEqual(read('zh', '习近平18日会见普京', null), []);
  assert.deepEqual(read('zh', '中国与3日本'), []);
});

test('Arabic: Arabic-Indic digits, Levantine month names, numeric dates', () => {
  assert.deepEqual(read('ar', 'في القاهرة يوم ١٨ نوفمبر ٢٠٢٤'), [['١٨ نوفمبر ٢٠٢٤', '2024-11-18']]);
  assert.deepEqual(read('ar', 'في ١٨ تشرين الثاني لبحث'), [['١٨ تشرين الثاني', '2024-11-18']]);
  assert.deepEqual(read('ar', 'بتاريخ ١٨/١١/٢٠٢٤'), [['١٨/١١/٢٠٢٤', '2024-11-18']]);
  // Hijri dates count only with their year and the هـ mark (رجب is also a name: رجب طيب أردوغان)
  assert.deepEqual(read('ar', 'يوم ١٦ جمادى الأولى ١٤٤٦ هـ في الرياض'), [['١٦ جمادى الأولى ١٤٤٦ هـ', '2024-11-18']]);
  assert.deepEqual(read('ar', 'التقى ٣ رجب طيب أردوغان'), []);
});

test('Persian: Solar Hijri dates with and without the year, Gregorian months, Persian digits', () => {
  assert.deepEqual(read('fa', 'روز ۲۸ آبان ۱۴۰۳ در مسکو'), [['۲۸ آبان ۱۴۰۳', '2024-11-18']]);
  assert.deepEqual(read('fa', 'روز ۲۸ آبان‌ماه ۱۴۰۳ در مسکو'), [['۲۸ آبان‌ماه ۱۴۰۳', '2024-11-18']]);
  assert.deepEqual(read('fa', 'روز ۲۸ آبان در مسکو'), [['۲۸ آبان', '2024-11-18']]);
  // 5 Dey (late December) is still ahead in Aban 1403: the Dey of 1402
  assert.deepEqual(read('fa', 'روز ۵ دی در تهران'), [['۵ دی', '2023-12-26']]);
  assert.deepEqual(read('fa', 'روز ۱۸ نوامبر ۲۰۲۴'), [['۱۸ نوامبر ۲۰۲۴', '2024-11-18']]);
  assert.deepEqual(read('fa', 'مورخ ۱۴۰۳/۰۸/۲۸'), [['۱۴۰۳/۰۸/۲۸', '2024-11-18']]);
});

test('Portuguese and Spanish: "18 de novembro de 2024"', () => {
  assert.deepEqual(read('pt', 'no Palácio do Planalto em 18 de novembro de 2024.'), [['18 de novembro de 2024', '2024-11-18']]);
  assert.deepEqual(read('es', 'en Bogotá el 1º de octubre'), [['1º de octubre', '2024-10-01']]);
});

test('Hebrew: "ביום שני" is a weekday counted back from the publication day', () => {
  const [found] = findWrittenDates('נפגש ביום שני עם', { start: 0, end: 16 }, lexicons('he'), published);
  assert.deepEqual(found && { value: found.value, weekday: found.weekday }, { value: '2024-11-18', weekday: 1 });
  // "next Monday" is no past day
  assert.deepEqual(read('he', 'ייפגש ביום שני הבא'), []);
});

test('weekday words that are also ordinals or nouns count only in a weekday phrase', () => {
  const days = (lang: string, text: string): string[] =>
    findWrittenDates(text, { start: 0, end: text.length }, lexicons(lang), published).map((w) => w.value);
  // Portuguese segunda-feira is Monday, "a segunda reunião" the second meeting
  assert.deepEqual(days('pt', 'Lula reuniu-se na segunda-feira com Xi'), ['2024-11-18']);
  assert.deepEqual(days('pt', 'Lula reuniu-se na segunda com Xi'), ['2024-11-18']);
  assert.deepEqual(days('pt', 'foi a segunda reunião entre Lula e Xi, na segunda rodada'), []);
  // Indonesian Minggu is Sunday only as "hari Minggu" / "pada Minggu"; "minggu ini" is this week
  assert.deepEqual(days('id', 'Prabowo bertemu Xi pada hari Minggu di Beijing'), ['2024-11-17']);
  assert.deepEqual(days('id', 'Prabowo bertemu Xi pada minggu ini di Beijing'), []);
  assert.deepEqual(days('id', 'Prabowo bertemu Xi di Beijing, Senin (18/11).'), ['2024-11-18']);
  // Persian Saturday (شنبه) only after روز, never the tail of یکشنبه
  assert.deepEqual(days('fa', 'پوتین روز شنبه با پزشکیان دیدار کرد'), ['2024-11-16']);
  assert.deepEqual(days('fa', 'پوتین روز یکشنبه با پزشکیان دیدار کرد'), ['2024-11-17']);
});

test('Chinese weekdays need no spaces; next week\'s (下周一) is no past day', () => {
  const days = (text: string): string[] => findWrittenDates(text, { start: 0, end: text.length }, lexicons('zh'), published).map((w) => w.value);
  assert.deepEqual(days('习近平周一在北京会见了普京'), ['2024-11-18']);
  assert.deepEqual(days('习近平星期二同马克龙通电话'), ['2024-11-19']);
  assert.deepEqual(days('习近平将于下周一会见普京'), []);
});
