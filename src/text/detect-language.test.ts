import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './detect-language.ts';
import { findNoise } from './find-noise.ts';
import { corpusAvailable, corpusDoc } from './test-corpus.ts';

const { detectLanguage } = mod;

describe('detectLanguage', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['chooseLanguage', 'detectLanguage']));

  it('uses scripts first', () => {
    assert.equal(detectLanguage('اجتمع الرئيس مع رئيس الوزراء في القاهرة يوم الاثنين لبحث العلاقات'), 'ar');
    assert.equal(detectLanguage('رئیس جمهور ایران با نخست وزیر پاکستان در تهران دیدار و گفتگو کرد'), 'fa');
    assert.equal(detectLanguage('Беседа Путина и Си Цзиньпина продолжалась четыре с половиной часа'), 'ru');
    assert.equal(detectLanguage('Президент України провів зустріч із прем’єр-міністром у Києві'), 'uk');
    assert.equal(detectLanguage('习近平会见俄罗斯总统普京，两国元首举行会谈并签署联合声明。'), 'zh');
    assert.equal(detectLanguage('ראש הממשלה נפגש עם נשיא ארצות הברית בבית הלבן'), 'he');
  });

  it("reads a case ending after an apostrophe on a name as no word ('le, 'de are no French)", () => {
    assert.equal(detectLanguage("Türkiye ile Rusya arasındaki ilişkiler son yıllarda gelişti. Erdoğan, Putin'le Soçi'de görüştü."), 'tr');
    assert.equal(detectLanguage("Cumhurbaşkanı Erdoğan, Mısır'a giderek Sisi'yle Kahire'de bir araya geldi ve Gazze'yi görüştü."), 'tr');
    // French elisions stay French
    assert.equal(detectLanguage("Le président Emmanuel Macron s'est entretenu avec Olaf Scholz à l'Élysée, qu'il a reçu pour un dîner de travail."), 'fr');
  });

  it('uses franc-min for Latin script', () => {
    assert.equal(detectLanguage("Le président français Emmanuel Macron s'entretient dimanche avec son homologue ukrainien."), 'fr');
    assert.equal(detectLanguage('Ismail Haniyeh, Leiter des Politbüros der Palästinensischen Islamischen Widerstandsbewegung, traf sich in Beirut mit dem Generalsekretär.'), 'de');
    assert.equal(detectLanguage('The two leaders met on the Indonesian island of Bali ahead of a summit that is expected to be fraught with tension.'), 'en');
  });

  it('names languages of the same scripts apart from the twelve', () => {
    assert.equal(detectLanguage('وزیر اعظم نے پیر کے روز اسلام آباد میں چینی وزیر خارجہ سے ملاقات کی اور دوطرفہ تعلقات پر بات کی۔'), 'ur');
    assert.equal(detectLanguage('Президентът се срещна в понеделник в София с турския президент, за да обсъдят енергетиката.'), 'bg');
    assert.equal(detectLanguage('Президент України провів зустріч із прем’єр-міністром у Києві'), 'uk');
    assert.equal(detectLanguage('Ο πρωθυπουργός συναντήθηκε τη Δευτέρα στην Αθήνα με τον Τούρκο πρόεδρο.'), 'el');
    assert.equal(detectLanguage('प्रधानमंत्री ने सोमवार को नई दिल्ली में रूसी राष्ट्रपति से मुलाकात की और संबंधों पर चर्चा की।'), 'hi');
    assert.equal(detectLanguage('Perdana Menteri mengadakan pertemuan di Putrajaya pada hari Isnin bagi membincangkan kerjasama kedua-dua negara kerana ia penting.'), 'ms');
    assert.equal(detectLanguage('Presiden bertemu dengan Perdana Menteri di Jakarta pada hari Senin untuk membahas kerja sama kedua negara karena penting.'), 'id');
  });

  it("says 'und' for a sentence too short for trigram statistics, unless its lexicon words tell", () => {
    // franc reads this as Uzbek; the English lexicon's "called" and "on" tell
    assert.equal(detectLanguage('Recep Tayyip Erdogan called Vladimir Putin on Tuesday.'), 'en');
    // names only, and a language with no lexicon here: nothing to tell
    assert.equal(detectLanguage('Recep Tayyip Erdogan, Vladimir Putin, Emmanuel Macron.'), 'und');
    assert.equal(detectLanguage('Giorgia Meloni ha incontrato Emmanuel Macron a Roma.'), 'und');
    assert.equal(detectLanguage('Olaf Scholz soll sich am Freitag mit Emmanuel Macron treffen.'), 'de');
    assert.equal(detectLanguage('El presidente Gustavo Petro se reunió en Bogotá con Nicolás Maduro.'), 'es');
  });

  it('reads short texts full of names by the lexicon they hit most, in every language with one', () => {
    const cases: Array<[string, string]> = [
      // "von der" inside a name is no German; "met" and "in" are English
      ['Emmanuel Macron, Olaf Scholz, Pedro Sánchez and Giorgia Meloni met Ursula von der Leyen in Brussels.', 'en'],
      ['Emmanuel Macron a rencontré Olaf Scholz.', 'fr'],
      ['Macron a rencontré Scholz à Berlin.', 'fr'],
      ['Pedro Sánchez se reunió con Emmanuel Macron.', 'es'],
      ['Luiz Inácio Lula da Silva recebeu Javier Milei.', 'pt'],
      ['Olaf Scholz traf Emmanuel Macron in Berlin.', 'de'],
      ['Recep Tayyip Erdoğan Vladimir Putin ile görüştü.', 'tr'],
      ['Joko Widodo bertemu Anthony Albanese di Jakarta.', 'id'],
    ];
    for (const [text, lang] of cases) assert.equal(detectLanguage(text), lang, text);
  });

  it("says 'und' when too short", () => {
    assert.equal(detectLanguage('Hi'), 'und');
    assert.equal(detectLanguage(''), 'und');
  });

  it('judges the text outside noise', () => {
    const text = 'Listen to article\nShare this article\nLe président a reçu son homologue à Paris samedi pour parler de la guerre en Ukraine.';
    assert.equal(detectLanguage(text, findNoise(text, 'und')), 'fr');
  });

  it('reads the corpus languages', { skip: !corpusAvailable() && 'no /work/shared corpus' }, () => {
    const expect: Record<string, string> = { 'a03-iqna-de-haniyeh-nasrallah': 'de', 'w03-interfax-putin-xi': 'ru', 'w18-rtbf-macron-poutine-zelensky': 'fr', 'w06-cnn-biden-xi-bali': 'en' };
    for (const [id, lang] of Object.entries(expect)) {
      const d = corpusDoc(id)!;
      assert.equal(detectLanguage(d.text, findNoise(d.text, 'und')), lang, id);
    }
  });
});
