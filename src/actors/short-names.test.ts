// Short names and spellings in name matching (detect-mentions.ts, name-key.ts), on sentences
// written here: a part of a name written in full earlier is that person and nobody else; a name
// cut out of a longer word is one only as written; tatweel and vowel marks are no letters of a
// name, and the spans keep the text as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildKnowledgeBase } from './knowledge-base.ts';
import { detectMentions } from './detect-mentions.ts';
import { createLexicons } from '../events/lexicon.ts';
import type { KbEntry } from '../core/types.ts';

const kb = buildKnowledgeBase([
  { id: 'xi-jinping', kind: 'person', name: 'Xi Jinping', aliases: ['Си Цзиньпин', 'Xi'] },
  { id: 'xi-mingze', kind: 'person', name: 'Xi Mingze', aliases: [] },
  { id: 'other-xi', kind: 'person', name: 'Xi', aliases: ['Xi'] },
  { id: 'joko-widodo', kind: 'person', name: 'Joko Widodo', aliases: ['Джоко Видодо'] },
  { id: 'sisi', kind: 'person', name: 'Abdel Fattah al-Sisi', aliases: ['عبد الفتاح السيسي', 'Abdülfettah es-Sisi'] },
  { id: 'erdogan', kind: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['رجب طيب أردوغان', 'أردوغان'] },
  { id: 'rashad-al-alimi', kind: 'person', name: 'Rashad al-Alimi', aliases: ['رشاد العليمي', 'al-Alimi', 'Alimi'] },
  { id: 'jordan', kind: 'place', type: 'country', name: 'Jordan', aliases: ['Jordania', 'Jordanie'] },
  { id: 'jordan-bardella', kind: 'person', name: 'Jordan Bardella', aliases: [] },
  { id: 'netanyahu', kind: 'person', name: 'Benjamin Netanyahu', aliases: ['בנימין נתניהו', 'נתניהו'] },
] as KbEntry[]);
const lexicons = createLexicons();

function names(text: string, lang: string): string[] {
  const r = detectMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], { kb, lex: lexicons(lang), lang, date: null });
  return r.mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}`);
}

test('a part of a full name written before, alone, is that person in every language', () => {
  assert.deepEqual(names('Xi Jinping arrived on Monday. Later Xi spoke.', 'en'), ['Xi Jinping=xi-jinping', 'Xi=xi-jinping']);
  assert.deepEqual(names('Xi Jinping llegó el lunes y luego Xi habló.', 'es'), ['Xi Jinping=xi-jinping', 'Xi=xi-jinping']);
  assert.deepEqual(names("Joko Widodo est arrivé lundi. Joko a parlé ensuite.", 'fr'), ['Joko Widodo=joko-widodo', 'Joko=joko-widodo']);
  assert.deepEqual(names('Джоко Видодо прибыл в понедельник. Джоко заявил.', 'ru'), ['Джоко Видодо=joko-widodo', 'Джоко=joko-widodo']);
  assert.deepEqual(names("Abdülfettah es-Sisi pazartesi geldi. Sisi konuştu.", 'tr'), ['Abdülfettah es-Sisi=sisi', 'Sisi=sisi']);
});

test('a part joined to other name words is a longer name, not the person named before', () => {
  assert.deepEqual(names('Xi Jinping came with Xi Mingze.', 'en'), ['Xi Jinping=xi-jinping', 'Xi Mingze=xi-mingze']);
});

test('a part that names a place as written stays the place', () => {
  assert.deepEqual(names('Jordan Bardella spoke. He will visit Jordan next week.', 'en'), ['Jordan Bardella=jordan-bardella', 'Jordan=jordan']);
});

test('Arabic: a name after a proclitic is found, a word cut out of a longer word is not fuzzy-read as a name', () => {
  assert.deepEqual(names('وصل عبد الفتاح السيسي ثم التقى السيسي وأردوغان', 'ar'), ['عبد الفتاح السيسي=sisi', 'السيسي=sisi', 'أردوغان=erdogan']);
  // كأس العالم (the World Cup): ك + أس العالم would read "as-Alim", no spelling of al-Alimi
  assert.deepEqual(names('خلال افتتاح بطولة كأس العالم في الدوحة', 'ar'), []);
});

test('tatweel, tashkeel and niqqud are ignored in matching, the span keeps them', () => {
  assert.deepEqual(names('استقبل الرئيسُ رجـب طيِّب أردوغـــان الوفد', 'ar'), ['رجـب طيِّب أردوغـــان=erdogan']);
  assert.deepEqual(names('הפגישה עם נְתַנְיָהוּ הסתיימה', 'he'), ['נְתַנְיָהוּ=netanyahu']);
});
