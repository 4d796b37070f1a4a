// Which sentences make one report: a later sentence joins only with the same people and a
// compatible time; an earlier meeting told in passing is its own report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents } from './sentence-events.ts';
import { compatibleDates } from './resolve-date.ts';

const XI_PUTIN = 'vladimir-putin xi-jinping';

test('an earlier meeting told in passing is its own report, with its own month', () => {
  for (const body of [
    'Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow. Xi Jinping had met Vladimir Putin in October 2023.',
    'Le président russe Vladimir Poutine a reçu à Moscou le président chinois Xi Jinping. Xi Jinping avait rencontré Vladimir Poutine en octobre 2023.',
    'Der chinesische Präsident Xi Jinping traf den russischen Präsidenten Wladimir Putin in Moskau. Xi Jinping hatte sich im Oktober 2023 mit Wladimir Putin getroffen.',
    'استقبل الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في موسكو. وكان شي جين بينغ قد التقى فلاديمير بوتين في أكتوبر 2023.',
    'El presidente ruso, Vladimir Putin, recibió en Moscú al presidente chino, Xi Jinping. Xi Jinping se había reunido con Vladimir Putin en octubre de 2023.',
  ]) {
    const found = sentenceEvents(body).filter((e) => e.who === XI_PUTIN);
    // the meeting the text is about states no date: the earlier one's month is not its date
    assert.deepEqual(found.map((e) => e.date), [null, '2023-10'], body);
  }
});

test('a later sentence about the same meeting still joins it', () => {
  for (const body of [
    'Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. Xi and Putin met for three hours.',
    'Der chinesische Präsident Xi Jinping traf den russischen Präsidenten Wladimir Putin am Montag in Moskau. Xi und Putin trafen sich drei Stunden lang.',
  ]) {
    const found = sentenceEvents(body).filter((e) => e.who === XI_PUTIN);
    assert.equal(found.length, 1, body);
    assert.equal(found[0].date, '2024-11-18', body);
  }
});

test('a day is compatible with the month or the year that holds it, and with no other day', () => {
  const day = { value: '2024-11-18', span: null };
  assert.equal(compatibleDates(day, { value: '2024-11-18', span: null }), true);
  assert.equal(compatibleDates(day, { value: '2024-11-17', span: null }), false);
  assert.equal(compatibleDates(day, { value: '2024-11', span: null, precision: 'month', from: '2024-11-01', to: '2024-11-30' }), true);
  assert.equal(compatibleDates(day, { value: '2023-11', span: null, precision: 'month', from: '2023-11-01', to: '2023-11-30' }), false);
  assert.equal(compatibleDates(day, { value: '2024', span: null, precision: 'week', from: '2024-11-11', to: '2024-11-17' }), false);
});

test('an embedded post is dated by its signature, whatever the language of the article', () => {
  for (const [lead, post] of [
    ['The agency posted this.', 'Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow.'],
    ['La agencia publicó esto.', 'El presidente chino Xi Jinping se reunió con el presidente ruso Vladimir Putin en Moscú.'],
    ['Die Agentur schrieb dazu.', 'Der chinesische Präsident Xi Jinping traf den russischen Präsidenten Wladimir Putin in Moskau.'],
    ['ونشرت الوكالة ما يلي.', 'التقى الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين في موسكو.'],
  ]) {
    const body = `${lead}\n\n${post} pic.twitter.com/AbCdEf\n\n— Some Agency (@someagency) November 14, 2024\n`;
    const found = sentenceEvents(body).filter((e) => e.who === XI_PUTIN);
    assert.deepEqual(found.map((e) => e.date), ['2024-11-14'], post);
    // the same sentence outside a post takes no date
    assert.deepEqual(sentenceEvents(`${lead}\n\n${post}\n`).filter((e) => e.who === XI_PUTIN).map((e) => e.date), [null], post);
  }
});

test('a verbless photo caption dates and places the meeting it shows, and only that one', () => {
  for (const [body, caption] of [
    ['Chinese President Xi Jinping met Russian President Vladimir Putin for talks.', 'Xi Jinping (left) and Vladimir Putin in Moscow on November 18, 2024.'],
    ['Le président chinois Xi Jinping a rencontré le président russe Vladimir Poutine.', 'Xi Jinping (à gauche) et Vladimir Poutine à Moscou le 18 novembre 2024.'],
    ['El presidente chino Xi Jinping se reunió con el presidente ruso Vladimir Putin.', 'Xi Jinping y Vladimir Putin en Moscú, el 18 de noviembre de 2024. (Foto: Ana Ruiz/EFE)'],
    ['Der chinesische Präsident Xi Jinping traf den russischen Präsidenten Wladimir Putin zu Gesprächen.', 'Xi Jinping (links) und Wladimir Putin in Moskau am 18. November 2024.'],
  ]) {
    const shown = sentenceEvents(`${body}\n${caption}`).filter((e) => e.who === 'vladimir-putin xi-jinping');
    assert.deepEqual(shown.map((e) => [e.date, e.place]), [['2024-11-18', 'moscow']], caption);
    // the same line without the marks of a caption is a sentence of the body, not read into the meeting
    const plain = caption.replace(/ \([^()]*\)/g, '');
    assert.deepEqual(sentenceEvents(`${body}\n${plain}`).filter((e) => e.who === 'vladimir-putin xi-jinping').map((e) => e.date), [null], plain);
  }
});

test('a party label is no caption mark: a body line naming two people and a day dates no meeting', () => {
  const body = 'Chinese President Xi Jinping met Russian President Vladimir Putin for talks.\nXi Jinping (R) and Vladimir Putin (D) in Moscow on November 18, 2024 signed nothing.';
  assert.deepEqual(sentenceEvents(body).filter((e) => e.who === 'vladimir-putin xi-jinping').map((e) => e.date), [null]);
});
