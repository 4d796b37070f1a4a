// Who says so, the rest of it, on sentences written for these tests: a joint statement kept
// through the store and exported; corrections as claims on the event they correct; statement
// owners named by a pronoun or a role; outlets the knowledge base does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPipeline, forStorage } from '../pipeline/analyze.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { buildEventsJson } from '../export/events-json.ts';

const pipeline = createPipeline();
const analyze = (id: string, language: string, text: string, published = '2024-03-05', outlet = 'Outlet') =>
  pipeline.analyze({ id, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: { published, outlet, language } });

for (const [lang, text] of [
  ['en', 'Vladimir Putin and Recep Tayyip Erdogan met in Sochi on Friday, according to a joint statement.'],
  ['fr', 'Vladimir Poutine et Recep Tayyip Erdogan se sont rencontrés vendredi à Sotchi, selon une déclaration conjointe.'],
  ['de', 'Wladimir Putin und Recep Tayyip Erdoğan trafen sich am Freitag in Sotschi, hieß es in einer gemeinsamen Erklärung.'],
  ['es', 'Vladímir Putin y Recep Tayyip Erdogan se reunieron el viernes en Sochi, según una declaración conjunta.'],
] as const) {
  test(`a joint statement is stored as one and exported (${lang})`, async () => {
    const a = analyze(`j-${lang}`, lang, text);
    assert.equal(a.reports.length, 1, `one report in ${lang}`);
    const store = openSqliteStore(':memory:');
    try {
      await store.saveBatch([forStorage(a)]);
      const [e] = (await buildEventsJson(store)).events;
      const official = e.mentions[0].attribution.filter((x) => x.kind === 'official');
      assert.equal(official.length, 1, JSON.stringify(e.mentions[0].attribution));
      assert.equal(official[0].joint, true);
      assert.equal(e.status.status, 'confirmed', 'the sides\' own words');
    } finally {
      await store.close();
    }
  });
}

// outlets the knowledge base does not hold: a media attribution (country, or name), never a participant
for (const [lang, text, name, country] of [
  ['en', 'Vladimir Putin met Recep Tayyip Erdogan in Sochi on Friday, Turkish media reported.', 'Turkish media', 'turkey'],
  ['en', 'Iranian state TV said Ebrahim Raisi received Bashar al-Assad in Tehran on Monday.', 'Iranian state TV', 'iran'],
  ['en', 'Erdogan met Putin in Sochi on Friday, NTV reported.', 'NTV', null],
  ['en', 'Erdogan met Putin in Sochi on Friday, the daily Hürriyet wrote.', 'Hürriyet', null],
  ['de', 'Putin traf Erdoğan am Freitag in Sotschi, berichteten türkische Medien.', 'türkische Medien', 'turkey'],
  ['fr', 'Poutine a rencontré Erdogan vendredi à Sotchi, selon les médias turcs.', 'médias turcs', 'turkey'],
  ['ru', 'Путин встретился с Эрдоганом в Сочи в пятницу, сообщили турецкие СМИ.', 'турецкие СМИ', 'turkey'],
  ['es', 'Putin se reunió con Erdogan el viernes en Sochi, según medios locales.', 'medios locales', null],
  ['ar', 'ذكرت وسائل الإعلام التركية أن أردوغان التقى بوتين في سوتشي.', 'وسائل الإعلام التركية', 'turkey'],
  ['zh', '据土耳其媒体报道，埃尔多安周五在索契会见了普京。', '土耳其媒体', 'turkey'],
] as const) {
  test(`an outlet the base does not hold is a media attribution (${lang}): ${name}`, () => {
    const a = analyze(`m-${lang}`, lang, text);
    assert.equal(a.reports.length, 1);
    const [r] = a.reports;
    assert.deepEqual(r.participants.map((p) => p.actorId).sort(), ['recep-tayyip-erdogan', 'vladimir-putin'].filter((id) => !text.includes('Raisi')).concat(text.includes('Raisi') ? ['bashar-al-assad', 'ebrahim-raisi'] : []), 'the medium is no participant');
    const said = a.sources!.reports[r.id];
    assert.equal(said.length, 1, JSON.stringify(said));
    assert.equal(said[0].kind, 'outlet');
    assert.equal(said[0].sourceId, null);
    assert.equal(said[0].name, name);
    assert.equal(said[0].country ?? null, country);
  });
}

test('a media noun without a name, a country or a cue is no source', () => {
  for (const [lang, text] of [
    ['en', 'Vladimir Putin met Recep Tayyip Erdogan in Sochi on Friday and then gave an interview to television.'],
    ['en', 'Turkish media covered the talks as Vladimir Putin met Recep Tayyip Erdogan in Sochi on Friday.'],
    ['de', 'Putin traf Erdoğan am Freitag in Sotschi, die Zeitung berichtete.'],
    ['en', 'Putin met Erdogan in Sochi on Friday, the newspaper reported.'],
  ] as const) {
    const a = analyze('none', lang, text);
    assert.deepEqual(a.sources!.attributions.filter((x) => x.kind === 'outlet'), [], text);
  }
});

// statement owners given by a pronoun or a role resolve to the person meant, so their readout confirms
for (const [lang, text, owner, words] of [
  ['en', 'Recep Tayyip Erdogan met Vladimir Putin in Sochi on Friday, his office said.', 'recep-tayyip-erdogan', 'his office'],
  ['fr', 'Emmanuel Macron a reçu Olaf Scholz à Paris lundi, a indiqué son cabinet.', 'emmanuel-macron', 'son cabinet'],
  ['es', 'Pedro Sánchez se reunió con Emmanuel Macron en Madrid el lunes, según su oficina.', 'pedro-sanchez', 'su oficina'],
  ['de', 'Olaf Scholz traf Emmanuel Macron am Montag in Berlin, teilte sein Büro mit.', 'olaf-scholz', 'sein Büro'],
  ['ru', 'Владимир Путин встретился с Реджепом Тайипом Эрдоганом в Сочи в пятницу, сообщила его пресс-служба.', 'vladimir-putin', 'его пресс-служба'],
  ['ar', 'استقبل الرئيس عبد الفتاح السيسي الملك عبد الله الثاني في القاهرة الاثنين، وفقا لما أعلن مكتبه.', 'abdel-fattah-el-sisi', 'مكتبه'],
  ['en', 'The Turkish president met Vladimir Putin in Sochi on Friday, the Turkish president\'s office said.', 'recep-tayyip-erdogan', "president's office"],
] as const) {
  test(`an office owned by a pronoun or a role is its person's (${lang}): ${words}`, async () => {
    const a = analyze(`p-${lang}`, lang, text);
    assert.equal(a.reports.length, 1);
    const official = a.sources!.attributions.filter((x) => x.kind === 'official');
    assert.equal(official.length, 1, JSON.stringify(official));
    assert.equal(official[0].sourceId, owner);
    assert.ok(text.slice(official[0].start, official[0].end).includes(words), text.slice(official[0].start, official[0].end));
    const store = openSqliteStore(':memory:');
    try {
      await store.saveBatch([forStorage(a)]);
      const [e] = (await buildEventsJson(store)).events;
      assert.equal(e.status.status, 'confirmed');
      assert.deepEqual(e.status.confirmed_by.map((c) => c.side), [owner]);
    } finally {
      await store.close();
    }
  });
}

test('a pronoun with no one named before it owns nothing', () => {
  const a = analyze('p-none', 'en', 'The talks were held in Sochi on Friday, his office said.');
  assert.deepEqual(a.sources!.attributions.filter((x) => x.sourceId), []);
});

// corrections: a claim on the event they correct (field, wrong and right values), never an event
const REPORTED = {
  en: 'Recep Tayyip Erdogan met Vladimir Putin in Sochi on Friday.',
  es: 'Pedro Sánchez se reunió con Emmanuel Macron en Madrid el lunes.',
  de: 'Olaf Scholz traf Emmanuel Macron am Montag in Berlin.',
  ru: 'Владимир Путин встретился с Реджепом Тайипом Эрдоганом в Сочи в пятницу.',
  ar: 'التقى الرئيس عبد الفتاح السيسي الملك عبد الله الثاني في القاهرة الاثنين.',
  fr: 'Emmanuel Macron a reçu Olaf Scholz à Paris lundi.',
} as const;

for (const [lang, correction, field, old, right] of [
  ['en', 'Correction: An earlier version of this article said the meeting took place in Ankara; it was held in Sochi.', 'place', ['ankara'], ['sochi']],
  ['es', 'Rectificación: una versión anterior de este artículo decía que la reunión tuvo lugar en Barcelona; se celebró en Madrid.', 'place', ['barcelona'], ['madrid']],
  ['de', 'Korrektur: In einer früheren Version dieses Artikels hieß es, das Treffen habe in Hamburg stattgefunden; es fand in Berlin statt.', 'place', ['hamburg'], ['berlin']],
  ['ru', 'Исправление: в предыдущей версии статьи говорилось, что встреча прошла в Москве; она прошла в Сочи.', 'place', ['moscow'], ['sochi']],
  ['ar', 'تصحيح: ذكرت نسخة سابقة من هذا المقال أن اللقاء عقد في الإسكندرية، والصحيح أنه عقد في القاهرة.', 'place', ['alexandria'], ['cairo']],
  ['en', 'An earlier version of this article said Erdogan met Putin on Thursday. They met on Friday.', 'date', ['2024-02-29'], ['2024-03-01']],
  ['fr', 'Rectificatif : une version précédente de cet article indiquait que la rencontre avait eu lieu mardi ; elle a eu lieu lundi.', 'date', ['2024-03-05'], ['2024-03-04']],
  ['de', 'Korrektur: In einer früheren Version dieses Artikels hieß es, das Treffen habe am Dienstag stattgefunden; es fand am Montag statt.', 'date', ['2024-03-05'], ['2024-03-04']],
] as const) {
  test(`a correction of the ${field} is a claim on the event it corrects (${lang})`, async () => {
    const text = `${REPORTED[lang]}\n\n${correction}`;
    const a = analyze(`c-${lang}-${field}`, lang, text);
    assert.equal(a.reports.length, 1, 'the correction tells no meeting of its own');
    const claims = a.sources!.denials.filter((d) => d.correction);
    assert.equal(claims.length, 1);
    const [c] = claims;
    assert.equal(c.reason, 'corrected');
    assert.equal(c.correction!.field, field);
    assert.deepEqual(c.correction!.old.map((v) => v.value), old);
    assert.deepEqual(c.correction!.new.map((v) => v.value), right);
    assert.deepEqual(c.correction!.reports, [a.reports[0].id]);
    const store = openSqliteStore(':memory:');
    try {
      await store.saveBatch([forStorage(a)]);
      const events = (await buildEventsJson(store)).events;
      assert.equal(events.length, 1);
      const [e] = events;
      assert.notEqual(e.status.status, 'disputed', 'a corrected place or day disputes nothing');
      assert.equal(e.status.corrected_by.length, 1);
      assert.equal(e.status.corrected_by[0].field, field);
      assert.deepEqual(e.denials.map((d) => d.correction?.field), [field], 'shown with the event');
      assert.deepEqual(e.denials[0].correction!.old.map((v) => text.slice(v.span.start, v.span.end)), e.denials[0].correction!.old.map((v) => v.text));
    } finally {
      await store.close();
    }
  });
}

for (const [lang, correction, people] of [
  ['en', 'Correction: An earlier version of this article said Recep Tayyip Erdogan met Vladimir Putin in Sochi on Friday. No such meeting took place.', ['recep-tayyip-erdogan', 'vladimir-putin']],
  ['es', 'Rectificación: una versión anterior de este artículo decía que Pedro Sánchez se reunió con Emmanuel Macron en Madrid el lunes. No hubo tal reunión.', ['emmanuel-macron', 'pedro-sanchez']],
  ['de', 'Korrektur: In einer früheren Version dieses Artikels hieß es, Olaf Scholz habe Emmanuel Macron am Montag in Berlin getroffen. Ein solches Treffen fand nicht statt.', ['emmanuel-macron', 'olaf-scholz']],
  ['fr', 'Rectificatif : une version précédente de cet article indiquait qu’Emmanuel Macron avait rencontré Olaf Scholz lundi à Paris. Cette rencontre n’a pas eu lieu.', ['emmanuel-macron', 'olaf-scholz']],
  ['ru', 'Исправление: в предыдущей версии статьи говорилось, что Владимир Путин встретился с Реджепом Тайипом Эрдоганом в Сочи в пятницу. Встреча не состоялась.', ['recep-tayyip-erdogan', 'vladimir-putin']],
] as const) {
  test(`a correction saying no meeting took place disputes the event others report, and is none (${lang})`, async () => {
    const fixed = analyze(`n-${lang}`, lang, correction, '2024-03-06', 'Outlet Two');
    assert.deepEqual(fixed.reports, [], 'no event from a correction');
    const [c] = fixed.sources!.denials;
    assert.equal(c.correction!.field, 'occurrence');
    assert.deepEqual([...c.participants].sort(), people);
    const store = openSqliteStore(':memory:');
    try {
      await store.saveBatch([forStorage(analyze(`r-${lang}`, lang, REPORTED[lang], '2024-03-05', 'Outlet One')), forStorage(fixed)]);
      const events = (await buildEventsJson(store)).events;
      assert.equal(events.length, 1);
      assert.equal(events[0].status.status, 'disputed');
      assert.match(events[0].status.reasons.join(' | '), /correction/);
      assert.deepEqual(events[0].denials.map((d) => d.doc), [`n-${lang}`]);
    } finally {
      await store.close();
    }
  });
}

test('a word of correcting inside a sentence is no correction; a notice word opening one is', () => {
  const inside = analyze('k1', 'en', 'Recep Tayyip Erdogan met Vladimir Putin in Sochi on Friday and called for a correction of the border.');
  assert.equal(inside.reports.length, 1);
  assert.deepEqual(inside.sources!.denials, []);
  const notice = analyze('k2', 'en', 'Correction: Recep Tayyip Erdogan met Vladimir Putin in Sochi, not in Ankara, on Friday.');
  assert.deepEqual(notice.reports, []);
  assert.deepEqual(notice.sources!.denials.map((d) => [d.correction!.field, d.correction!.old.map((v) => v.value), d.correction!.new.map((v) => v.value)]), [['place', ['ankara'], ['sochi']]]);
});

test('an unlisted medium is named whole: a quoted name after the noun and its country, a capitalized noun running on', () => {
  const fr = analyze('u-fr', 'fr', 'Recep Tayyip Erdogan a reçu Ismaïl Haniyeh à Istanbul samedi, selon la chaîne saoudienne « Asharq ».');
  assert.deepEqual(fr.sources!.attributions.filter((x) => x.kind === 'outlet').map((x) => [x.name, x.country]), [['Asharq', 'saudi-arabia']]);
  const en = analyze('u-en', 'en', 'Recep Tayyip Erdogan met Ismail Haniyeh in Istanbul on Saturday, the Palestinian Media Center said.');
  assert.deepEqual(en.sources!.attributions.filter((x) => x.kind === 'outlet').map((x) => [x.name, x.country]), [['Palestinian Media Center', 'palestine']]);
  const told = analyze('u-told', 'en', 'Recep Tayyip Erdogan met Ismail Haniyeh in Istanbul on Saturday, and ISW told whether the talks went well.');
  assert.deepEqual(told.sources!.attributions.filter((x) => x.kind === 'outlet'), [], 'an acronym is cited as "told X", not "X told"');
});
