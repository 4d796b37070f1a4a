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
