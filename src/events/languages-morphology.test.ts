// Triggers named by lemma or stem, clitics and vowel marks, light verbs with event nouns, and event
// nouns with their sides: sentences written here, read by the whole pipeline with the shipped
// knowledge base and lexicons (dated 2024-11-20, a Wednesday).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';

const cases: Array<[string, string, SentenceEvent[]]> = [
  // Arabic: vowel marks, stacked proclitics, a verb and its preposition, light verbs
  ['ar vowel marks and proclitic', 'وَالتَقَى الرئيسُ عبد الفتاح السيسي الرئيسَ التركي رجب طيب أردوغان في القاهرة.', [{ who: 'abdel-fattah-el-sisi recep-tayyip-erdogan', mode: 'meet', date: null, place: 'cairo' }]],
  ['ar handshake with', 'وتصافح الرئيس عبد الفتاح السيسي مع الرئيس التركي رجب طيب أردوغان في الدوحة.', [{ who: 'abdel-fattah-el-sisi recep-tayyip-erdogan', mode: 'meet', date: null, place: 'doha' }]],
  ['ar summit between', 'انطلقت القمة المصرية التركية بين الرئيس عبد الفتاح السيسي والرئيس رجب طيب أردوغان في أنقرة اليوم.', [{ who: 'abdel-fattah-el-sisi recep-tayyip-erdogan', mode: 'meet', date: '2024-11-20', place: 'ankara' }]],
  ['ar light verb, subject between', 'عقد الرئيس عبد الفتاح السيسي اجتماعاً مع الرئيس التركي رجب طيب أردوغان في أنقرة يوم الأحد.', [{ who: 'abdel-fattah-el-sisi recep-tayyip-erdogan', mode: 'meet', date: '2024-11-17', place: 'ankara' }]],
  ['ar future prefix', 'سيعقد الرئيس عبد الفتاح السيسي اجتماعا مع الرئيس التركي رجب طيب أردوغان في أنقرة.', []],
  ['ar purpose prefix', 'وصل الرئيس عبد الفتاح السيسي إلى أنقرة ليلتقي الرئيس التركي رجب طيب أردوغان.', []],
  // Turkish: verb stems with endings, noun case endings, light verbs after their noun
  ['tr welcomed', 'Cumhurbaşkanı Recep Tayyip Erdoğan, Mısır Cumhurbaşkanı Abdulfettah Sisi’yi Ankara’da resmi törenle karşıladı.', [{ who: 'abdel-fattah-el-sisi recep-tayyip-erdogan', mode: 'host', date: null, place: 'ankara' }]],
  ['tr light verb', 'Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Vladimir Putin ile Soçi’de bir görüşme gerçekleştirdi.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'meet', date: null, place: 'sochi' }]],
  ['tr light verb in the future', 'Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Vladimir Putin ile Soçi’de bir görüşme gerçekleştirecek.', []],
  ['tr negated verb', 'Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Vladimir Putin ile görüşmedi.', []],
  // Hebrew: proclitics, niqqud, a verb and its preposition with words between, light verbs
  ['he verb, words before its preposition', 'נשיא המדינה יצחק הרצוג שוחח הערב בטלוויזיה עם נשיא טורקיה רג׳פ טאיפ ארדואן.', [{ who: 'isaac-herzog recep-tayyip-erdogan', mode: 'meet', date: '2024-11-20', place: null }]],
  ['he niqqud', 'ראש הממשלה בנימין נתניהו נִפְגַּשׁ עם נשיא צרפת עמנואל מקרון בפריז.', [{ who: 'benjamin-netanyahu emmanuel-macron', mode: 'meet', date: null, place: 'paris' }]],
  ['he light verb', 'השיחה בין בנימין נתניהו לעמנואל מקרון התקיימה אתמול.', [{ who: 'benjamin-netanyahu emmanuel-macron', mode: 'phone', date: '2024-11-19', place: null }]],
  ['he shook his hand', 'ראש הממשלה בנימין נתניהו לחץ את ידו של נשיא צרפת עמנואל מקרון בפריז.', [{ who: 'benjamin-netanyahu emmanuel-macron', mode: 'meet', date: null, place: 'paris' }]],
  // French: compound past and reflexives through the lemma, light verbs, future refused
  ['fr light verb with a noun phrase', 'Emmanuel Macron a tenu une séance de pourparlers avec le chancelier Olaf Scholz à Berlin.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: null, place: 'berlin' }]],
  ['fr compound past, adverb between', 'Le président Emmanuel Macron et Olaf Scholz se sont longuement rencontrés.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: null, place: null }]],
  ['fr had a talk', 'Le président Emmanuel Macron a eu un entretien avec Olaf Scholz.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: null, place: null }]],
  ['fr future', 'Emmanuel Macron rencontrera Olaf Scholz à Berlin lundi.', []],
  ['fr a negotiator is no negotiation', 'Emmanuel Macron veut jouer le rôle de négociateur entre Olaf Scholz et Giorgia Meloni.', []],
  // Spanish
  ['es shook hands', 'El presidente Luiz Inácio Lula da Silva y su homólogo argentino, Javier Milei, se estrecharon la mano en Río de Janeiro.', [{ who: 'javier-milei luiz-inacio-lula-da-silva', mode: 'meet', date: null, place: 'rio-de-janeiro' }]],
  ['es received a call', 'Claudia Sheinbaum recibió una llamada de Justin Trudeau el lunes.', [{ who: 'claudia-sheinbaum justin-trudeau', mode: 'phone', date: '2024-11-18', place: null }]],
  ['es reflexive, perfect', 'Gustavo Petro y Nicolás Maduro se han reunido en Caracas este martes.', [{ who: 'gustavo-petro nicolas-maduro', mode: 'meet', date: '2024-11-19', place: 'caracas' }]],
  ['es contacted, a call', 'Claudia Sheinbaum se comunicó el lunes con Justin Trudeau.', [{ who: 'claudia-sheinbaum justin-trudeau', mode: 'phone', date: '2024-11-18', place: null }]],
  ['es a cancelled meeting is no light verb construction', 'Gustavo Petro tuvo que cancelar la reunión con Nicolás Maduro.', []],
  ['es future reflexive', 'Gustavo Petro se reunirá con Nicolás Maduro en Caracas.', []],
  ['es light verb in the future', 'Gustavo Petro celebrará una reunión con Nicolás Maduro.', []],
  // Portuguese
  ['pt shook hands', 'O presidente Lula e o presidente argentino Javier Milei apertaram as mãos no Rio de Janeiro.', [{ who: 'javier-milei luiz-inacio-lula-da-silva', mode: 'meet', date: null, place: 'rio-de-janeiro' }]],
  ['pt received a call', 'O presidente Lula recebeu um telefonema de Emmanuel Macron no sábado.', [{ who: 'emmanuel-macron luiz-inacio-lula-da-silva', mode: 'phone', date: '2024-11-16', place: null }]],
  ['pt future reflexive', 'O presidente Lula se reunirá com Javier Milei em Brasília.', []],
  // Indonesian: affixes
  ['id me-...-i', 'Presiden Joko Widodo menemui Perdana Menteri Jepang Fumio Kishida di Istana Bogor pada hari Jumat.', [{ who: 'fumio-kishida joko-widodo', mode: 'meet', date: '2024-11-15', place: 'bogor-palace' }]],
  ['id di-per-...-kan', 'Presiden Joko Widodo dan Perdana Menteri Jepang Fumio Kishida dipertemukan di Bogor pada hari Jumat.', [{ who: 'fumio-kishida joko-widodo', mode: 'meet', date: '2024-11-15', place: 'bogor' }]],
  ['id shook hands', 'Presiden Joko Widodo dan Perdana Menteri Jepang Fumio Kishida berjabat tangan di Bogor.', [{ who: 'fumio-kishida joko-widodo', mode: 'meet', date: null, place: 'bogor' }]],
  ['id found is not met', 'Presiden Joko Widodo menemukan surat dari Fumio Kishida di Bogor.', []],
  // Russian: aspect pairs, ё, light verbs
  ['ru light verb, ё, place between', 'Владимир Путин провёл в Кремле переговоры с Си Цзиньпином.', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'kremlin' }]],
  ['ru took place', 'В Кремле состоялась встреча Путина с Си Цзиньпином.', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'kremlin' }]],
  ['ru shook hands', 'Путин пожал руку Си Цзиньпину в Кремле.', [{ who: 'vladimir-putin xi-jinping', mode: 'meet', date: null, place: 'kremlin' }]],
  ['ru perfective future', 'Путин и Си Цзиньпин встретятся в Кремле в понедельник.', []],
  // German: verb and preposition across the middle field
  ['de spoke with', 'Olaf Scholz sprach am Montag in Berlin mit Emmanuel Macron.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: '2024-11-18', place: 'berlin' }]],
  ['de shook hands', 'Olaf Scholz und Emmanuel Macron schüttelten sich in Berlin die Hände.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: null, place: 'berlin' }]],
  // English
  ['en reached out to', 'On Monday, Prime Minister Justin Trudeau reached out to Claudia Sheinbaum to congratulate her.', [{ who: 'claudia-sheinbaum justin-trudeau', mode: 'phone', date: '2024-11-18', place: null }]],
  ['en shook hands', 'Joe Biden and Xi Jinping shook hands in Lima on Saturday.', [{ who: 'joe-biden xi-jinping', mode: 'meet', date: '2024-11-16', place: 'lima' }]],
  ['en had called for talks', 'Joe Biden had called for talks with Xi Jinping in Lima.', []],
  ['en had a call', 'Joe Biden had a phone call with Xi Jinping on Saturday.', [{ who: 'joe-biden xi-jinping', mode: 'phone', date: '2024-11-16', place: null }]],
  ['tr press conference', 'Cumhurbaşkanı Erdoğan ile Rusya Devlet Başkanı Putin ortak bir basın toplantısı düzenledi.', []],
  // a joint press conference beside another trigger is an appearance together, not words to the press
  ['tr at a press conference', 'Cumhurbaşkanı Erdoğan, Putin ile basın toplantısında görüştü.', []],
  ['tr at a joint press conference', 'Cumhurbaşkanı Erdoğan, Putin ile ortak basın toplantısında görüştü.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'meet', date: null, place: null }]],
  ['de after the press conference', 'Olaf Scholz und Emmanuel Macron posierten mit einem Handschlag nach der Pressekonferenz.', []],
  ['de after their joint press conference', 'Olaf Scholz und Emmanuel Macron posierten mit einem Handschlag nach ihrer gemeinsamen Pressekonferenz.', [{ who: 'emmanuel-macron olaf-scholz', mode: 'meet', date: null, place: null }]],
  ['en at the press conference', 'Joe Biden and Xi Jinping shook hands at the press conference.', []],
  ['en at their joint press conference', 'Joe Biden and Xi Jinping shook hands at their joint press conference.', [{ who: 'joe-biden xi-jinping', mode: 'meet', date: null, place: null }]],
  // a call named by a noun right after a meeting verb is the means of that one event
  ['ar discussed with ... in a phone call', 'وبحث أردوغان مع بوتين في اتصال هاتفي العلاقات الثنائية.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: null, place: null }]],
  ['en held talks ... in a phone call', 'Recep Tayyip Erdogan held talks with Vladimir Putin in a phone call.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: null, place: null }]],
  ['de sprach mit ... in einem Telefonat', 'Erdoğan sprach mit Putin in einem Telefonat über die Lage.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: null, place: null }]],
  ['he spoke with ... in a phone call', 'ארדואן שוחח עם פוטין בשיחת טלפון על המצב.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'phone', date: null, place: null }]],
  ['ar at a joint press conference', 'تصافح أردوغان وبوتين في مؤتمر صحفي مشترك.', [{ who: 'recep-tayyip-erdogan vladimir-putin', mode: 'meet', date: null, place: null }]],
  // Persian: light verbs after their noun
  ['fa light verb', 'ابراهیم رئیسی روز شنبه در ریاض با محمد بن سلمان دیدار و گفت‌وگو کرد.', [{ who: 'ebrahim-raisi mohammed-bin-salman', mode: 'meet', date: '2024-11-16', place: 'riyadh' }]],
  ['fa future between noun and verb', 'ابراهیم رئیسی با محمد بن سلمان در ریاض دیدار خواهد کرد.', []],
];

for (const [name, sentence, expected] of cases) {
  test(`${name}: ${sentence}`, () => assert.deepEqual(events(sentence), expected));
}
