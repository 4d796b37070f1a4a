// Where a person travelled, written here in several languages: a meeting of that person told
// next (or later in the same sentence) with no place of its own took place there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events } from './sentence-events.ts';

const placesOf = (body: string): Array<string | null> => events(body).map((e) => e.place);

test('a visit told in one sentence places the meeting told in the next (de, en)', () => {
  assert.deepEqual(placesOf('Der Präsident Joko Widodo hat am Dienstag Kiew besucht. Dabei traf Widodo auch Wolodymyr Selenskyj.'), ['kyiv']);
  assert.deepEqual(placesOf('Abdel Fattah al-Sisi flew to Ankara on Wednesday. He then met Recep Tayyip Erdogan for two hours.'), ['ankara']);
});

test('Turkish: the place takes the case ending of a visit', () => {
  assert.deepEqual(placesOf("Cumhurbaşkanı Recep Tayyip Erdoğan dün Kahire'yi ziyaret etti. Erdoğan daha sonra Mısır Cumhurbaşkanı Abdulfettah Sisi ile görüştü."), ['cairo']);
});

test('Chinese: travel to a place, then a meeting later in the same sentence', () => {
  assert.deepEqual(placesOf('王毅应邀赴莫斯科进行访问，并会见了俄罗斯外长拉夫罗夫。'), ['moscow']);
});

test('a journey of someone else, or a meeting by phone, takes no destination', () => {
  assert.deepEqual(placesOf('Antony Blinken arrived in Ankara on Wednesday. Recep Tayyip Erdogan met Vladimir Putin on Thursday.'), [null]);
  assert.deepEqual(placesOf('Abdel Fattah al-Sisi arrived in Ankara on Wednesday. He spoke by phone with Vladimir Putin.'), [null]);
});

test('a meeting placed only in a country takes the one city of it the traveller went to (en, de, es, tr, ar)', () => {
  const filler = ' The visit is the first in twelve years. Officials prepared the talks for weeks.';
  assert.deepEqual(placesOf(`Recep Tayyip Erdogan flew to Cairo on Tuesday.${filler} During his visit to Egypt, Erdogan met Abdel Fattah al-Sisi.`), ['cairo']);
  assert.deepEqual(
    placesOf('Präsident Recep Tayyip Erdoğan ist am Dienstag nach Kairo gereist. Es ist der erste Besuch seit zwölf Jahren. Die Gespräche wurden lange vorbereitet. Bei seinem Besuch in Ägypten traf Erdoğan den Präsidenten Abdel Fattah al-Sisi.'),
    ['cairo'],
  );
  assert.deepEqual(
    placesOf('El presidente Recep Tayyip Erdogan viajó a El Cairo el martes. Es la primera visita en doce años. Las conversaciones se prepararon durante semanas. Durante su visita a Egipto, Erdogan se reunió con Abdel Fattah al-Sisi.'),
    ['cairo'],
  );
  assert.deepEqual(
    placesOf("Cumhurbaşkanı Recep Tayyip Erdoğan dün Kahire'yi ziyaret etti. Ziyaret 12 yıl sonra ilk. Hazırlıklar haftalarca sürdü. Cumhurbaşkanı Erdoğan, Mısır'da Mısır Cumhurbaşkanı Abdulfettah Sisi ile görüştü."),
    ['cairo'],
  );
  assert.deepEqual(
    placesOf('الرئيس التركي رجب طيب أردوغان وصل إلى القاهرة يوم الثلاثاء. وهذه أول زيارة منذ سنوات. وقد تم التحضير للمحادثات طويلا. والتقى أردوغان خلال زيارته إلى مصر الرئيس عبد الفتاح السيسي.'),
    ['cairo'],
  );
  // two cities of the country: which one is not known, the country stays
  assert.deepEqual(placesOf(`Recep Tayyip Erdogan flew to Cairo on Tuesday and flew to Alexandria on Wednesday.${filler} During his visit to Egypt, Erdogan met Abdel Fattah al-Sisi.`), ['egypt']);
});

test('words of time between a journey word and its preposition keep the destination (fr, de, en, ar)', () => {
  const filler = ' La visite est la première depuis douze ans.';
  assert.deepEqual(
    placesOf(`Abdel Fattah al-Sisi a effectué une visite en Turquie.${filler} Il a rencontré Recep Tayyip Erdogan après son arrivée mercredi matin à Ankara.`),
    ['ankara'],
  );
  assert.deepEqual(
    placesOf('Abdel Fattah al-Sisi ist in die Türkei gereist. Es ist der erste Besuch seit Jahren. Bei seinem Besuch am Mittwoch in Ankara traf er Recep Tayyip Erdogan.'),
    ['ankara'],
  );
  assert.deepEqual(
    placesOf('Abdel Fattah al-Sisi is visiting Turkey. It is the first visit in years. He met Recep Tayyip Erdogan after he arrived early on Wednesday in Ankara.'),
    ['ankara'],
  );
  assert.deepEqual(
    placesOf('الرئيس عبد الفتاح السيسي يزور تركيا. وهذه أول زيارة منذ سنوات. والتقى السيسي الرئيس رجب طيب أردوغان بعد وصوله صباح الأربعاء إلى أنقرة.'),
    ['ankara'],
  );
});

test('a meeting told first without a place takes the destination told right before it is retold (en, de, tr, ar)', () => {
  assert.deepEqual(
    placesOf('Recep Tayyip Erdogan met Abdel Fattah al-Sisi. Erdogan flew to Doha for the opening of the games. There Erdogan had a short meeting with Sisi.'),
    ['doha'],
  );
  assert.deepEqual(
    placesOf('Recep Tayyip Erdoğan traf Abdel Fattah al-Sisi. Erdoğan flog nach Doha zur Eröffnung der Spiele. Dort traf Erdoğan Sisi zu einem kurzen Gespräch.'),
    ['doha'],
  );
  assert.deepEqual(
    placesOf("Cumhurbaşkanı Recep Tayyip Erdoğan, Abdulfettah Sisi ile görüştü. Açılış töreni için Doha'ya giden Erdoğan orada kısa bir konuşma yaptı. Erdoğan, Sisi ile kısa bir görüşme gerçekleştirdi."),
    ['doha'],
  );
  assert.deepEqual(
    placesOf('التقى الرئيس رجب طيب أردوغان الرئيس عبد الفتاح السيسي. ثم توجه أردوغان إلى الدوحة لحضور الافتتاح. والتقى أردوغان السيسي لفترة قصيرة.'),
    ['doha'],
  );
  // a destination told after every retelling places nothing
  assert.deepEqual(placesOf('Recep Tayyip Erdogan met Abdel Fattah al-Sisi. Erdogan later had a short meeting with Sisi. The next day Erdogan flew to Doha for the games.'), [null]);
});

test('the words between a journey word and its preposition may not open a topic (de, en, fr, ar)', async () => {
  const { compilePlaceCues } = await import('./place-cues.ts');
  const { readFileSync } = await import('node:fs');
  const cues = (lang: string) => compilePlaceCues(JSON.parse(readFileSync(new URL(`../../data/lang/${lang}/places.json`, import.meta.url), 'utf8'))).destinationBefore!;
  assert.equal(cues('de').test('bei seinem Besuch am Mittwoch in '), true);
  assert.equal(cues('de').test('bei seinem Besuch über die Lage in '), false);
  assert.equal(cues('en').test('during his visit on Monday to '), true);
  assert.equal(cues('en').test('during his visit to discuss the situation to '), false);
  assert.equal(cues('fr').test('après son arrivée mercredi matin à '), true);
  assert.equal(cues('fr').test('lors de sa visite au sujet de la guerre à '), false);
  assert.equal(cues('ar').test('خلال زيارته الرسمية إلى '), true);
  assert.equal(cues('ar').test('خلال زيارته بشأن الحرب إلى '), false);
});

test('a journey word may carry its language\'s proclitics (ar و, he ב)', () => {
  assert.deepEqual(placesOf('ووصل الرئيس رجب طيب أردوغان إلى موسكو صباح الثلاثاء. وهذه أول زيارة منذ سنوات. والتقى أردوغان الرئيس فلاديمير بوتين لساعتين.'), ['moscow']);
  assert.deepEqual(placesOf('ארדואן, השוהה בביקור ממלכתי במוסקבה, נפגש עם פוטין.'), ['moscow']);
});
