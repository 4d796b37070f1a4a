import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lower, WordMatcher, wordsOf } from './stem.ts';

const forms = (lang: string, s: string): string[] => wordsOf(s, { start: 0, end: s.length }, lang).map((w) => w.form);

test('words: apostrophes and hyphens cut words, offsets are the original text', () => {
  assert.deepEqual(forms('fr', 'Ils se sont rencontrés, s’est-il dit'), ['ils', 'se', 'sont', 'rencontrés', 's', 'est', 'il', 'dit']);
  assert.deepEqual(forms('pt', 'Lula reuniu-se com Milei'), ['lula', 'reuniu', 'se', 'com', 'milei']);
  const text = 'وَالتَقَى الرئيس';
  const [w] = wordsOf(text, { start: 0, end: text.length }, 'ar');
  assert.equal(text.slice(w.start, w.end), 'وَالتَقَى');
  assert.equal(w.form, 'والتقي');
});

test('Turkish case fold: dotted and dotless i', () => {
  assert.equal(lower('tr', 'KARŞILADI'), 'karşıladı');
  assert.equal(lower('tr', 'İSRAİL'), 'israil');
});

test('Spanish lemma through Snowball: every tense of reunir, not the noun reunión', () => {
  const m = new WordMatcher('es', [{ lemma: 'reunir' }]);
  for (const w of ['reunió', 'reunieron', 'reúne', 'reunido']) assert.deepEqual(m.match(w), [0], w);
  assert.deepEqual(m.match('reunión'), []);
});

test('Russian lemma through Snowball: the cases of переговоры', () => {
  const m = new WordMatcher('ru', [{ lemma: 'переговоры' }]);
  for (const w of ['переговоры', 'переговоров', 'переговорах']) assert.deepEqual(m.match(w), [0], w);
});

test('Turkish stems with allowed endings: past tenses match, negation and future do not', () => {
  const m = new WordMatcher('tr', [{ stems: ['görüş'], endings: 'past' }], {
    stemmer: 'none',
    endings: { past: ['[dt][ıiuü](?:m|n|k|l[ae]r)?', 'm[ıiuü]ş(?:t[ıiuü])?'] },
  });
  for (const w of ['görüştü', 'görüştüler', 'görüşmüştü']) assert.deepEqual(m.match(w), [0], w);
  for (const w of ['görüşmedi', 'görüşecek', 'görüşme']) assert.deepEqual(m.match(w), [], w);
});

test('Arabic proclitics are stripped, stacked, before the stem and its endings', () => {
  const m = new WordMatcher('ar', [{ stems: ['استقبل'], endings: 'perfect' }], {
    stemmer: 'none',
    proclitics: ['و', 'ف', 'ب', 'ل', 'ال'],
    endings: { perfect: ['(?:ت|ا|وا)?(?:ه|ها)?'] },
  });
  for (const w of ['استقبل', 'واستقبل', 'فاستقبلت', 'واستقبله']) assert.deepEqual(m.match(w), [0], w);
  // the noun of reception and the future are other words
  for (const w of ['استقبال', 'مستقبل']) assert.deepEqual(m.match(w), [], w);
  // "the ministry" is no "visited" with و taken off: ة is no ending of a verb
  const visit = new WordMatcher('ar', [{ stems: ['زار'], endings: 'perfect' }], { stemmer: 'none', proclitics: ['و'], endings: { perfect: ['(?:ت|ا|وا)?'] } });
  assert.deepEqual(visit.match('وزارت'), [0]);
  assert.deepEqual(visit.match('وزارة'), []);
});

test('Hebrew proclitics: ו ש כש before the verb', () => {
  const m = new WordMatcher('he', [{ stems: ['שוחח'], endings: ['(?:ה|ו)?'] }], { proclitics: ['ו', 'ש', 'כש'] });
  for (const w of ['שוחח', 'ושוחח', 'כששוחחו', 'שוחחה']) assert.deepEqual(m.match(w), [0], w);
  assert.deepEqual(m.match('שיחה'), []);
});

test('a spec names one word; an unknown ending class is an error', () => {
  assert.throws(() => new WordMatcher('en', [{ forms: ['shook hands'] }]), /one word/);
  assert.throws(() => new WordMatcher('tr', [{ stems: ['görüş'], endings: 'nope' }]), /ending class/);
});
