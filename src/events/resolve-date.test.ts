import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDate } from './resolve-date.ts';
import { createLexicons } from './lexicon.ts';
import { wordTokens } from '../actors/detect-mentions.ts';
import type { PartialDate } from '../core/types.ts';

const lexicons = createLexicons();

function dateIn(text: string, lang: string, published: PartialDate | null, year: number | null = null): string | null {
  const all = { start: 0, end: text.length };
  const trigger = { start: text.indexOf('met') >= 0 ? text.indexOf('met') : 0, end: 0 };
  trigger.end = trigger.start + 3;
  return resolveDate(text, all, trigger, wordTokens(text, all), lexicons(lang), published, year)?.value ?? null;
}

test('a weekday resolves backwards from a day-precise publication date', () => {
  // 2023-09-02 was a Saturday; the Thursday before is 2023-08-31
  assert.equal(dateIn('On Thursday, the minister met them.', 'en', { value: '2023-09-02', precision: 'day' }), '2023-08-31');
  // the same weekday as publication is the publication day
  assert.equal(dateIn('They met on Thursday.', 'en', { value: '2022-06-23', precision: 'day' }), '2022-06-23');
});

test('a weekday without a stated publication date stays unknown', () => {
  assert.equal(dateIn('They met on Sunday.', 'en', null), null);
  assert.equal(dateIn('They met on Sunday.', 'en', { value: '2024-04', precision: 'month' }), null);
});

test('day and month take the year from the publication date or the sentence', () => {
  assert.equal(dateIn('a été reçu samedi 20 avril', 'fr', { value: '2024-04', precision: 'month' }), '2024-04-20');
  assert.equal(dateIn('il avait été reçu à Ankara le 26 juillet', 'fr', null, 2023), '2023-07-26');
  assert.equal(dateIn('Biden met Widodo on Monday, Nov. 14, 2022.', 'en', null), '2022-11-14');
  // a day-month after the publication date belongs to the year before
  assert.equal(dateIn('They met on December 30.', 'en', { value: '2024-01-03', precision: 'day' }), '2023-12-30');
});

test('German and Russian month names', () => {
  assert.equal(dateIn('Sie trafen sich am 3. März 2023.', 'de', null), '2023-03-03');
  assert.equal(dateIn('Встреча 20 марта 2023 года', 'ru', null), '2023-03-20');
});
