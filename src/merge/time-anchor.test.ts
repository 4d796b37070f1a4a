import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NoiseRange } from '../core/types.ts';
import { findTimeAnchor, type AnchorSource } from './time-anchor.ts';

function source(text: string, language: string, extra: Partial<AnchorSource> = {}): AnchorSource {
  return { text, language, noise: [], published: null, ...extra };
}

const noiseAround = (text: string, words: string, kind: NoiseRange['kind']): NoiseRange => {
  const start = text.indexOf(words);
  return { start, end: start + words.length, kind };
};

test('the latest full date the text writes is the day it speaks from, with the words that state it', () => {
  const text =
    'The two ministers met in the capital.\nThey had last spoken on 3 January 2024, and agreed on 12 February 2024 to meet again.\n';
  const anchor = findTimeAnchor(source(text, 'en'));
  assert.equal(anchor?.value, '2024-02-12');
  assert.equal(anchor?.from, 'stated');
  assert.equal(text.slice(anchor!.span!.start, anchor!.span!.end), '12 February 2024');
});

test('German, French, Spanish and Turkish texts without a dateline: a caption or body date anchors them', () => {
  const de = 'Die beiden Präsidenten trafen sich gestern in der Hauptstadt.\nFoto: Empfang am 14. März 2023 im Palast.\n';
  assert.equal(findTimeAnchor(source(de, 'de'))?.value, '2023-03-14');
  const fr = "Les deux dirigeants se sont entretenus hier.\nLa réunion précédente remontait au 2 mai 2021, selon le communiqué du 9 juin 2022.\n";
  assert.equal(findTimeAnchor(source(fr, 'fr'))?.value, '2022-06-09');
  const es = 'Los presidentes se reunieron ayer en el palacio, según un comunicado del 20 de noviembre de 2024.\n';
  assert.equal(findTimeAnchor(source(es, 'es'))?.value, '2024-11-20');
  const tr = 'İki lider dün başkentte bir araya geldi. Açıklama 5 Nisan 2022 tarihinde yapıldı.\n';
  assert.equal(findTimeAnchor(source(tr, 'tr'))?.value, '2022-04-05');
});

test('Russian, Indonesian and Chinese full dates anchor too', () => {
  assert.equal(findTimeAnchor(source('Министры встретились вчера, сообщили 7 октября 2023 года.\n', 'ru'))?.value, '2023-10-07');
  assert.equal(findTimeAnchor(source('Kedua menteri bertemu kemarin, kata pernyataan tanggal 15 Agustus 2023.\n', 'id'))?.value, '2023-08-15');
  assert.equal(findTimeAnchor(source('两国外长昨天举行会谈。2025年3月8日发布。\n', 'zh'))?.value, '2025-03-08');
});

test('a stated publication day is the anchor; without a full date there is none', () => {
  const text = 'The leaders met on Wednesday.\n';
  assert.deepEqual(findTimeAnchor(source(text, 'en', { published: { value: '2024-05-08', precision: 'day' } })), {
    value: '2024-05-08',
    from: 'published',
    span: null,
  });
  assert.equal(findTimeAnchor(source(text, 'en')), null);
  // a month or a year alone is no day to speak from ("since March 2023" is background)
  assert.equal(findTimeAnchor(source('They met for the first time since relations resumed in March 2023.\n', 'en')), null);
});

test('page furniture dates other things: related lists, widgets and comments are left out, captions are not', () => {
  const text = 'The leaders met yesterday, the office said on 4 July 2023.\nRelated: Summit ends, 30 November 2025\nShared 1 December 2025\n';
  const noise = [noiseAround(text, 'Related: Summit ends, 30 November 2025', 'related'), noiseAround(text, 'Shared 1 December 2025', 'widget')];
  assert.equal(findTimeAnchor(source(text, 'en', { noise }))?.value, '2023-07-04');
  const captioned = 'Die Präsidenten trafen sich gestern.\nBild: die beiden am 2. Juli 2023\n';
  const caption = [noiseAround(captioned, 'Bild: die beiden am 2. Juli 2023', 'caption')];
  assert.equal(findTimeAnchor(source(captioned, 'de', { noise: caption }))?.value, '2023-07-02');
});

test('a publication month bounds the anchor: a stated day of another month is not the day the text speaks from', () => {
  const text = 'Les présidents se sont rencontrés le 18 novembre 2024, deux ans après le sommet du 20 novembre 2022. Prochaine étape le 3 janvier 2025.\n';
  const published = { value: '2024-11', precision: 'month' as const };
  assert.equal(findTimeAnchor(source(text, 'fr', { published }))?.value, '2024-11-18');
  assert.equal(findTimeAnchor(source(text, 'fr'))?.value, '2025-01-03');
});

test("a date that dates a meeting the document reports is that meeting's day, not the day the text speaks from", () => {
  const text = 'The two presidents met again today in the capital. They had last met on 5 May 2023 in Geneva.\n';
  const span = { start: text.indexOf('5 May 2023'), end: text.indexOf('5 May 2023') + '5 May 2023'.length };
  assert.equal(findTimeAnchor(source(text, 'en'))?.value, '2023-05-05');
  assert.equal(findTimeAnchor(source(text, 'en', { reportDates: [null, { value: '2023-05-05', span }] })), null);
  // a date a report infers (no words of its own) leaves the written dates alone
  assert.equal(findTimeAnchor(source(text, 'en', { reportDates: [{ value: '2023-05-05', span: null }] }))?.value, '2023-05-05');
  // Spanish: the later written date remains the anchor when the earlier one dates a meeting
  const es = 'Los cancilleres se reunieron el 3 de marzo de 2024, informó el ministerio el 5 de marzo de 2024.\n';
  const esSpan = { start: es.indexOf('3 de marzo de 2024'), end: es.indexOf('3 de marzo de 2024') + '3 de marzo de 2024'.length };
  assert.equal(findTimeAnchor(source(es, 'es', { reportDates: [{ value: '2024-03-03', span: esSpan }] }))?.value, '2024-03-05');
});

test('an agency dateline without a year gives the day and month it speaks from (English, French, Turkish, Russian, Indonesian, Spanish, Portuguese)', () => {
  const cases: [string, string][] = [
    ['MOSCOW, March 20 (Agency) - The two presidents held talks.\n', 'en'],
    ['PARIS, 20 mars (Agence) - Les deux présidents se sont entretenus.\n', 'fr'],
    ['ANKARA, 20 Mart (Ajans) - İki lider görüştü.\n', 'tr'],
    ['Москва. 20 марта. Два президента провели переговоры.\n', 'ru'],
    ['JAKARTA, 20 Maret (Kantor) - Kedua presiden bertemu.\n', 'id'],
    // the city written as a name, with its country in brackets, an abbreviated month, "de"
    ['Quito (Ecuador), 20 mar (Agencia).- Los dos presidentes conversaron.\n', 'es'],
    ['Belo Horizonte, 20 de março (Agência) - Os dois presidentes conversaram.\n', 'pt'],
  ];
  for (const [text, language] of cases) {
    const anchor = findTimeAnchor(source(text, language));
    assert.equal(anchor?.value, '--03-20', language);
    assert.equal(anchor?.from, 'dateline');
    assert.match(text.slice(anchor!.span!.start, anchor!.span!.end), /20/);
  }
  // a publication year (or month) known from elsewhere completes it; a month it contradicts leaves none
  const text = cases[0][0];
  assert.equal(findTimeAnchor(source(text, 'en', { published: { value: '2023', precision: 'year' } }))?.value, '2023-03-20');
  assert.equal(findTimeAnchor(source(text, 'en', { published: { value: '2023-03', precision: 'month' } }))?.value, '2023-03-20');
  assert.equal(findTimeAnchor(source(text, 'en', { published: { value: '2023-04', precision: 'month' } })), null);
  // a full date the text writes comes first
  assert.equal(findTimeAnchor(source(`${text}The summit had been set on 14 March 2023.\n`, 'en'))?.value, '2023-03-14');
});
