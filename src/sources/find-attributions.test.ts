// Attribution on sentences written for these tests, each kind in at least six languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPipeline } from '../pipeline/analyze.ts';
import type { AttributionKind } from '../core/types.ts';

const pipeline = createPipeline();

function analyze(lang: string, text: string) {
  const a = pipeline.analyze({ id: `t-${lang}`, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: { published: '2024-03-05', language: lang } });
  return { text, sources: a.sources!, reports: a.reports };
}

type Case = [lang: string, text: string, source: string | null, words: string];

function check(kind: AttributionKind, cases: Case[]): void {
  for (const [lang, text, source, words] of cases) {
    test(`${kind} (${lang}): ${words}`, () => {
      const { sources } = analyze(lang, text);
      const found = sources.attributions.filter((a) => a.kind === kind);
      assert.equal(found.length, 1, `one ${kind} attribution in ${JSON.stringify(sources.attributions)}`);
      assert.equal(found[0].sourceId, source);
      assert.equal(text.slice(found[0].start, found[0].end), words);
    });
  }
}

check('wire', [
  ['en', 'The Iraqi prime minister received the Jordanian king in Baghdad on Monday, Reuters reported.', 'reuters', 'Reuters reported'],
  ['es', 'El primer ministro iraquí recibió al rey de Jordania en Bagdad el lunes, informó la agencia EFE.', 'efe', 'informó la agencia EFE'],
  ['de', 'Der irakische Ministerpräsident empfing am Montag den jordanischen König in Bagdad, meldete die Nachrichtenagentur dpa.', 'dpa', 'meldete die Nachrichtenagentur dpa'],
  ['ru', 'Премьер-министр Ирака принял короля Иордании в Багдаде в понедельник, сообщает РИА Новости.', 'ria-novosti', 'сообщает РИА Новости'],
  ['fa', 'به گزارش ایرنا، نخست وزیر عراق روز دوشنبه با پادشاه اردن در بغداد دیدار کرد.', 'irna', 'به گزارش ایرنا'],
  ['id', 'Perdana Menteri Irak bertemu Raja Yordania di Baghdad pada Senin, menurut kantor berita Antara.', 'antara', 'menurut kantor berita Antara'],
  ['zh', '据新华社报道，伊拉克总理周一在巴格达会见了约旦国王。', 'xinhua', '据新华社'],
  ['ar', 'استقبل رئيس الوزراء العراقي ملك الأردن في بغداد يوم الاثنين، وفقا لوكالة الأنباء العراقية.', 'ina-iraq', 'وفقا لوكالة الأنباء العراقية'],
  ['he', 'ראש ממשלת עיראק נפגש עם מלך ירדן בבגדד ביום שני, כך דיווחה סוכנות רויטרס.', 'reuters', 'כך דיווחה סוכנות רויטרס'],
  ['tr', 'Anadolu Ajansı bildirdi: Irak Başbakanı Ürdün Kralı ile Bağdat’ta görüştü.', 'anadolu', 'Anadolu Ajansı bildirdi'],
]);

check('official', [
  ['en', 'Kremlin spokesman Dmitry Peskov said the two leaders spoke by phone on Friday.', 'dmitry-peskov', 'Kremlin spokesman Dmitry Peskov'],
  ['fr', 'Le Premier ministre irakien a reçu lundi à Bagdad le roi Abdallah II de Jordanie, selon un communiqué de la présidence du Conseil irakienne.', 'iraq', 'communiqué de la présidence du Conseil irakienne'],
  ['es', 'El presidente Gabriel Boric recibió al presidente Luiz Inácio Lula da Silva en Santiago el lunes, según un comunicado de la Cancillería chilena.', 'chile', 'comunicado de la Cancillería chilena'],
  ['ru', 'Президент России Владимир Путин провел переговоры с президентом Казахстана Касым-Жомартом Токаевым в Москве, сообщила пресс-служба Кремля.', 'russia', 'пресс-служба Кремля'],
  ['ar', 'وأفاد بيان للرئاسة المصرية بأن الرئيس عبد الفتاح السيسي استقبل العاهل الأردني الملك عبد الله الثاني في القاهرة الاثنين.', 'egypt', 'بيان للرئاسة المصرية'],
  ['de', 'Bundeskanzler Olaf Scholz empfing am Montag den polnischen Ministerpräsidenten Donald Tusk in Berlin, teilte ein Regierungssprecher mit.', null, 'Regierungssprecher'],
  ['tr', 'Cumhurbaşkanı Recep Tayyip Erdoğan, Macaristan Başbakanı Viktor Orban ile Ankara’da görüştü, İletişim Başkanlığı açıklamasında belirtildi.', null, 'açıklamasında'],
]);

check('unnamed', [
  ['en', 'Saudi Crown Prince Mohammed bin Salman met Iranian Foreign Minister Hossein Amir-Abdollahian in Riyadh on Monday, diplomatic sources said.', null, 'diplomatic sources'],
  ['fr', 'Selon des sources diplomatiques, le prince héritier saoudien Mohammed ben Salmane a rencontré lundi à Riyad le ministre iranien des Affaires étrangères.', null, 'sources diplomatiques'],
  ['es', 'El príncipe heredero saudí Mohamed bin Salmán se reunió el lunes en Riad con el canciller iraní, según fuentes diplomáticas.', null, 'fuentes diplomáticas'],
  ['ar', 'قالت مصادر دبلوماسية إن ولي العهد السعودي الأمير محمد بن سلمان التقى وزير الخارجية الإيراني في الرياض الاثنين.', null, 'مصادر دبلوماسية'],
  ['ru', 'Наследный принц Саудовской Аравии Мухаммед бин Салман встретился с главой МИД Ирана в Эр-Рияде, сообщили дипломатические источники.', null, 'дипломатические источники'],
  ['tr', 'Diplomatik kaynaklara göre Suudi Veliaht Prens Muhammed bin Selman, İran Dışişleri Bakanı ile Riyad’da görüştü.', null, 'Diplomatik kaynaklara göre'],
  ['he', 'לפי מקורות דיפלומטיים, יורש העצר הסעודי מוחמד בן סלמאן נפגש עם שר החוץ האיראני בריאד.', null, 'מקורות דיפלומטיים'],
]);

check('outlet', [
  ['en', 'Iranian Foreign Minister Hossein Amir-Abdollahian met Syrian President Bashar al-Assad in Damascus on Sunday, Al Jazeera reported.', 'al-jazeera', 'Al Jazeera reported'],
  ['es', 'El canciller iraní se reunió el domingo en Damasco con el presidente sirio Bashar al Asad, informó la cadena Al Jazeera.', 'al-jazeera', 'informó la cadena Al Jazeera'],
  ['ar', 'التقى وزير الخارجية الإيراني الرئيس السوري بشار الأسد في دمشق الأحد، بحسب ما أفادت قناة الميادين.', 'al-mayadeen', 'أفادت قناة الميادين'],
  ['ru', 'Глава МИД Ирана встретился с президентом Сирии Башаром Асадом в Дамаске, сообщает Би-би-си.', 'bbc', 'сообщает Би-би-си'],
  ['de', 'Der iranische Außenminister traf am Sonntag in Damaskus den syrischen Präsidenten Baschar al-Assad, berichtete der Sender Al Jazeera.', 'al-jazeera', 'berichtete der Sender Al Jazeera'],
  ['fr', 'Le ministre iranien des Affaires étrangères a rencontré dimanche à Damas le président syrien Bachar al-Assad, a rapporté la chaîne Al Jazeera.', 'al-jazeera', 'a rapporté la chaîne Al Jazeera'],
]);

test('a credit line covers the whole document; a photo credit does not', () => {
  const text = 'Leaders meet\n\nSOCHI, Russia (Reuters) - Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Friday.\n\nThe two spoke for three hours.';
  const { sources, reports } = analyze('en', text);
  const wire = sources.attributions.filter((a) => a.kind === 'wire');
  assert.equal(wire.length, 1);
  assert.equal(wire[0].scope, 'document');
  assert.deepEqual(sources.reports[reports[0].id].map((r) => r.sourceId), ['reuters']);
});

test('a medium named without a cue is no attribution, and a common word that names one only beside a cue', () => {
  const { sources } = analyze('id', 'Pertemuan antara Presiden Joko Widodo dan Perdana Menteri Anwar Ibrahim berlangsung di Jakarta pada Senin.');
  assert.deepEqual(sources.attributions, []);
  const en = analyze('en', 'Putin met Erdogan in Sochi on Friday; the leaders later gave an interview to the BBC about trade.');
  assert.equal(en.sources.attributions.filter((a) => a.kind === 'outlet').length, 0, JSON.stringify(en.sources.attributions));
});

test("an official statement is the participant's side when its owner is the participant's country or office, else a third party's", () => {
  const own = analyze('es', 'El presidente Gabriel Boric recibió al presidente Luiz Inácio Lula da Silva en Santiago el lunes, según un comunicado de la Cancillería chilena.');
  const r = Object.values(own.sources.reports)[0].find((a) => a.kind === 'official');
  assert.equal(r?.side, 'gabriel-boric');
  const third = analyze('en', 'Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in Ankara on Monday, the French foreign ministry said.');
  const t = Object.values(third.sources.reports)[0]?.find((a) => a.kind === 'official');
  assert.ok(t, JSON.stringify(third.sources));
  assert.equal(t.sourceId, 'france');
  assert.equal(t.side, null);
});

test('a report with no one named is the outlet\'s own reporting', () => {
  const { sources, reports } = analyze('en', 'Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in Ankara on Monday.');
  assert.deepEqual(sources.reports[reports[0].id], [{ kind: 'own', sourceId: null, name: null, span: null }]);
});

// a seat of government speaks for its country: "the Kremlin said", "informó la Casa Blanca"
for (const [lang, text, country, side] of [
  ['en', 'Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Friday, the Kremlin said.', 'russia', 'vladimir-putin'],
  ['fr', 'Le président turc Recep Tayyip Erdogan a rencontré vendredi à Sotchi le président russe Vladimir Poutine, a indiqué le Kremlin.', 'russia', 'vladimir-putin'],
  ['es', 'El presidente Joe Biden recibió al presidente Andrés Manuel López Obrador en Washington el jueves, informó la Casa Blanca.', 'united-states', 'joe-biden'],
  ['de', 'Bundeskanzler Olaf Scholz traf am Freitag in Paris den französischen Präsidenten Emmanuel Macron, teilte der Élysée mit.', 'france', 'emmanuel-macron'],
] as const) {
  test(`a seat of government speaks for its country (${lang})`, () => {
    const { sources, reports } = analyze(lang, text);
    const official = sources.reports[reports[0].id].find((a) => a.kind === 'official');
    assert.equal(official?.sourceId, country);
    assert.equal(official?.side, side);
  });
}

// a joint statement is the sides' own readout
for (const [lang, text] of [
  ['en', 'Putin and Erdogan met in Sochi on Friday, according to a joint statement.'],
  ['fr', 'Selon une déclaration conjointe, Emmanuel Macron et Olaf Scholz se sont rencontrés à Berlin mardi.'],
  ['es', 'Lula y Alberto Fernández se reunieron en Buenos Aires el lunes, según una declaración conjunta.'],
  ['ru', 'Путин и Эрдоган встретились в Сочи в пятницу, говорится в совместном заявлении.'],
] as const) {
  test(`a joint statement is the participants' own (${lang})`, () => {
    const { sources, reports } = analyze(lang, text);
    const official = sources.reports[reports[0].id].find((a) => a.kind === 'official');
    assert.ok(official?.side && reports[0].participants.some((p) => p.actorId === official.side), JSON.stringify(sources.reports));
  });
}
