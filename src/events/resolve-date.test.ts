import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAnchorDay, resolveDate } from './resolve-date.ts';
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

test('a month dateline: a day and month after its month belongs to the year before', () => {
  assert.equal(dateIn('They met on December 30.', 'en', { value: '2024-04', precision: 'month' }), '2023-12-30');
  assert.equal(dateIn('They met on March 30.', 'en', { value: '2024-04', precision: 'month' }), '2024-03-30');
});

test('"has since met ... on 2 January": without a dateline, the first such day after the date told before', () => {
  const text = 'Haniyeh avait, depuis, rencontré Hakan Fidan le 2 janvier.';
  const all = { start: 0, end: text.length };
  const trigger = { start: text.indexOf('rencontré'), end: text.indexOf('rencontré') + 9 };
  const at = (after: string): string | null => resolveDate(text, all, trigger, wordTokens(text, all), lexicons('fr'), null, null, { after })?.value ?? null;
  assert.equal(at('2023-07-26'), '2024-01-02');
  assert.equal(at('2023-01-01'), '2023-01-02');
});

test('a weekday counts back from the anchor day of a month dateline, five days at most, and not across "and"', () => {
  const pub = { value: '2024-04', precision: 'month' } as const;
  const at = (text: string): string | null => {
    const all = { start: 0, end: text.length };
    const i = text.indexOf('met');
    return resolveDate(text, all, { start: i, end: i + 3 }, wordTokens(text, all), lexicons('en'), pub, null, { anchor: '2024-04-20' })?.value ?? null;
  };
  assert.equal(at('On Wednesday they met in Doha.'), '2024-04-17');
  assert.equal(at('On Saturday they met in Istanbul.'), '2024-04-20');
  // Sunday: the day after the anchor may be meant, so no date
  assert.equal(at('On Sunday they met in Ankara.'), null);
  assert.equal(at('He arrived on Friday and met them.'), null);
  // no anchor, no date
  assert.equal(dateIn('On Wednesday they met.', 'en', pub), null);
});

test('a clause stating another year takes no date counted from the dateline', () => {
  assert.equal(dateIn('In 2019 they met on a Monday.', 'en', { value: '2024-11-20', precision: 'day' }), null);
  assert.equal(dateIn('They met today, in 2024.', 'en', { value: '2024-11-20', precision: 'day' }), '2024-11-20');
});

test('the anchor day: the one day a text dates with its weekday, confirmed by the calendar', () => {
  const text = 'Erdogan a reçu Haniyeh samedi 20 avril. Ils avaient parlé mercredi.';
  const sentences = [{ start: 0, end: 39 }, { start: 40, end: text.length }];
  const toks = (s: { start: number; end: number }) => wordTokens(text, s);
  assert.equal(findAnchorDay(text, sentences, lexicons('fr'), { value: '2024-04', precision: 'month' }, null, toks), '2024-04-20');
  // 20 April 2023 was a Thursday: the weekday does not confirm the year
  assert.equal(findAnchorDay(text, sentences, lexicons('fr'), { value: '2023-04', precision: 'month' }, null, toks), null);
  // a day-precise dateline needs no anchor
  assert.equal(findAnchorDay(text, sentences, lexicons('fr'), { value: '2024-04-21', precision: 'day' }, null, toks), null);
});

test("a day stated for a verb joined by 'and' yields to the trigger's own day", async () => {
  const { sentenceEvents } = await import('./sentence-events.ts');
  // dateline 2024-11-20, a Wednesday: Friday is 11-15, Saturday 11-16
  const [landed] = sentenceEvents('Joe Biden landed in Lima on Friday and held talks with Xi Jinping on Saturday.');
  assert.equal(landed?.date, '2024-11-16');
  // with no day of its own, the meeting still takes the only day the sentence states
  const [arrived] = sentenceEvents('Joe Biden arrived on Friday and met Xi Jinping.');
  assert.equal(arrived?.date, '2024-11-15');
  // a subject list before the trigger is no joined verb: "On Friday, Biden and Xi met"
  const [subjects] = sentenceEvents('On Friday, Joe Biden and Xi Jinping met in Lima.');
  assert.equal(subjects?.date, '2024-11-15');
});
