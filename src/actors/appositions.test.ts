// Unknown people introduced by a title or an apposition anywhere around the name, with the role
// the document gives them (detect-mentions.ts, data/lang/<lang>/names.json), on sentences written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildKnowledgeBase } from './knowledge-base.ts';
import { detectMentions } from './detect-mentions.ts';
import { createLexicons } from '../events/lexicon.ts';
import type { KbEntry, Sentence } from '../core/types.ts';

const kb = buildKnowledgeBase([
  { id: 'poland', kind: 'place', type: 'country', name: 'Poland', aliases: ['Polonia', 'Pologne', 'Polen', 'Польша', 'Polonya', 'بولندا'], demonyms: ['Polish', 'polaco', 'polonais', 'polnische', 'polnischen', 'польский', 'Polonyalı', 'البولندي'] },
  { id: 'chile', kind: 'place', type: 'country', name: 'Chile', aliases: ['Chili', 'Şili', 'Чили'], demonyms: ['Chilean', 'chileno', 'chilien'] },
  { id: 'mongolia', kind: 'place', type: 'country', name: 'Mongolia', aliases: ['Mongolie', 'Mongolei', 'Монголии', 'Монголия', 'Moğolistan'] },
  { id: 'old-pm', kind: 'person', name: 'Jan Starszy', aliases: [], roles: [{ role: 'prime-minister', of: 'poland', from: '2001', to: '2003' }] },
  { id: 'tomas-ibarra', kind: 'person', name: 'Tomás Ibarra', aliases: ['Ibarra'] },
] as KbEntry[]);

const lexicons = createLexicons();

function find(text: string, lang: string, sentences?: Sentence[]) {
  return detectMentions(text, sentences ?? [{ start: 0, end: text.length, index: 0, paragraph: 0 }], { kb, lex: lexicons(lang), lang, date: '2024-06-05' });
}

/** people found, as "name=id:via", and the roles stored on found actors */
function people(text: string, lang: string, sentences?: Sentence[]) {
  const r = find(text, lang, sentences);
  return {
    mentions: r.mentions.filter((m) => m.kind === 'person').map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}:${m.via}`),
    roles: Object.fromEntries(r.actors.filter((a) => a.role).map((a) => [a.id, `${a.role!.role}@${a.role!.of ?? '-'}`])),
  };
}

test('a title after the name, behind a comma: the person and the role of the country', () => {
  const en = people('Marta Kowalska, the Polish prime minister, arrived on Monday.', 'en');
  assert.equal(en.mentions[0], 'Marta Kowalska=found:marta-kowalska:shape');
  assert.deepEqual(en.roles, { 'found:marta-kowalska': 'prime-minister@poland' });
  const es = people('Ricardo Fuentes Ibáñez, presidente de Chile, llegó a la cumbre.', 'es');
  assert.equal(es.mentions[0], 'Ricardo Fuentes Ibáñez=found:ricardo-fuentes-ibanez:shape');
  assert.deepEqual(es.roles, { 'found:ricardo-fuentes-ibanez': 'president@chile' });
  const fr = people('Jean-Marc Duval, le président du Chili, a reçu le ministre.', 'fr');
  assert.equal(fr.mentions[0], 'Jean-Marc Duval=found:jean-marc-duval:shape');
  assert.deepEqual(fr.roles, { 'found:jean-marc-duval': 'president@chile' });
  const de = people('Klaus Bergmann, Präsident von Polen, traf am Montag die Kanzlerin.', 'de');
  assert.equal(de.mentions[0], 'Klaus Bergmann=found:klaus-bergmann:shape');
  assert.deepEqual(de.roles, { 'found:klaus-bergmann': 'president@poland' });
});

test('a title with what it is of before the name, behind a comma', () => {
  const es = people('Fue felicitada por el Presidente de Chile, Ricardo Fuentes, y por otros.', 'es');
  assert.deepEqual(es.mentions, ['Ricardo Fuentes=found:ricardo-fuentes:shape']);
  assert.deepEqual(es.roles, { 'found:ricardo-fuentes': 'president@chile' });
  // the words of what the title is of never become a person themselves
  const en = people("He met the chairman of Mongolia's Great State Assembly, Batbayar Ganzorig, in the capital.", 'en');
  assert.deepEqual(en.mentions, ['Batbayar Ganzorig=found:batbayar-ganzorig:shape']);
});

test('a title, then only a country or an acronym, then the name (no comma): Russian and Turkish', () => {
  const ru = people('глава МИД Монголии Батбаяр Ганзориг встретился с коллегой.', 'ru');
  assert.deepEqual(ru.mentions, ['Батбаяр Ганзориг=found:батбаяр-ганзориг:shape']);
  assert.deepEqual(ru.roles, { 'found:батбаяр-ганзориг': 'foreign-minister@mongolia' });
  const tr = people("Moğolistan Cumhurbaşkanı Batbayar Ganzorig, Ankara'da görüştü.", 'tr');
  assert.deepEqual(tr.mentions, ['Batbayar Ganzorig=found:batbayar-ganzorig:shape']);
});

test('in a list, a title that opens the next name is not the previous name\'s', () => {
  const r = people('Lo felicitaron el Presidente de Chile, Ricardo Fuentes, el primer ministro de Polonia, Marta Kowalska, y otros.', 'es');
  assert.deepEqual(r.mentions, ['Ricardo Fuentes=found:ricardo-fuentes:shape', 'Marta Kowalska=found:marta-kowalska:shape']);
  assert.deepEqual(r.roles, { 'found:ricardo-fuentes': 'president@chile', 'found:marta-kowalska': 'prime-minister@poland' });
});

test('a later title of the same office is the person the document introduced, not the knowledge base holder', () => {
  const text = 'Marta Kowalska, primera ministra de Polonia, llegó el lunes. La primera ministra polaca habló después.';
  const cut = text.indexOf('. ') + 1;
  const r = people(text, 'es', [
    { start: 0, end: cut, index: 0, paragraph: 0 },
    { start: cut + 1, end: text.length, index: 1, paragraph: 0 },
  ]);
  assert.equal(r.mentions.at(-1), 'primera ministra=found:marta-kowalska:title');
});

test('capitalized words that are no person: organizations, sentence openers, no title around', () => {
  assert.deepEqual(people('Foreign Ministry, the spokesman said, had no comment.', 'en').mentions, []);
  assert.deepEqual(people('Marta Kowalska arrived with Ricardo Fuentes on Monday.', 'en').mentions, []);
  assert.deepEqual(people('Central Bank Governor, the president said, will resign.', 'en').mentions, []);
});

test('scripts without capitals: the words right after a title, ended by a stop word, a title or a known name', () => {
  const ar = people('استقبل وزير المالية البولندي يان كوفالسكي في وارسو أمس.', 'ar');
  assert.deepEqual(ar.mentions, ['يان كوفالسكي=found:يان-كوفالسكي:shape']);
  // a title after a proclitic, a title going on past the word, a stop word: no name
  assert.deepEqual(people('الرئيس البولندي وولي العهد يلتقيان اليوم.', 'ar').mentions, []);
  assert.deepEqual(people('وقال المتحدث باسم وزارة الخارجية إن الوفد وصل.', 'ar').mentions, []);
  const he = people('שר האוצר הפולני יאן קובלסקי נפגש עם השגריר.', 'he');
  assert.deepEqual(he.mentions, ['יאן קובלסקי=found:יאן-קובלסקי:shape']);
  assert.deepEqual(people('הנשיא אמר היום כי הפגישה הסתיימה.', 'he').mentions, []);
});

test('unknown given names before a word that alone is a known alias, with a title: one new person, not the known one', () => {
  const es = people('Ricardo Ibarra, presidente de Chile, llegó a Madrid.', 'es');
  assert.deepEqual(es.mentions, ['Ricardo Ibarra=found:ricardo-ibarra:shape', 'presidente=found:ricardo-ibarra:title']);
  const en = people('Ricardo Ibarra, the Chilean president, arrived.', 'en');
  assert.equal(en.mentions[0], 'Ricardo Ibarra=found:ricardo-ibarra:shape');
  // without a title around, the known alias stays what it was
  assert.deepEqual(people('Ricardo Ibarra arrived.', 'en').mentions, ['Ibarra=tomas-ibarra:alias']);
});
