// Modality per clause on sentences written here: verb forms read from the shipped data, and the
// whole pipeline (shipped knowledge base and lexicons) on hard negatives next to real events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseModality, formOf, modalityFor } from './modality.ts';
import { sentenceEvents as events } from './sentence-events.ts';

test('verb forms from endings, per language', () => {
  const cases: Array<[string, string, string | null]> = [
    ['fr', 'rencontrera', 'future'],
    ['fr', 'réuniront', 'future'],
    ['fr', 'recevrait', 'conditional'],
    ['fr', 'rencontreraient', 'conditional'],
    ['fr', 'rencontré', null],
    ['fr', 'retrait', null],
    ['fr', 'caméra', null],
    ['es', 'reunirá', 'future'],
    ['es', 'recibiría', 'conditional'],
    ['es', 'cancillería', null],
    ['es', 'reunió', null],
    ['pt', 'receberá', 'future'],
    ['pt', 'reunirão', 'future'],
    ['pt', 'encontraria', 'conditional'],
    ['pt', 'secretaria', null],
    ['pt', 'recebeu', null],
    ['tr', 'görüşecek', 'future'],
    ['tr', 'yapacak', 'future'],
    ['tr', 'görüşmedi', 'negative'],
    ['tr', 'görüşmeyecek', 'negative'],
    ['tr', 'görüştü', null],
    ['tr', 'görüşmeler', null],
    ['ru', 'встретится', 'future'],
    ['ru', 'посетит', 'future'],
    ['ru', 'встретился', null],
    ['ru', 'встречается', null],
    ['ru', 'саммит', null],
    ['ru', 'проводят', null],
    ['ar', 'سيلتقي', 'future'],
    ['ar', 'وسيستقبل', 'future'],
    ['ar', 'سيادة', null],
    ['ar', 'التقى', null],
    ['he', 'יפגוש', 'future'],
    ['he', 'ייפגש', 'future'],
    ['he', 'נפגש', null],
  ];
  for (const [lang, word, kind] of cases) assert.equal(formOf(word, modalityFor(lang)), kind, `${lang} ${word}`);
});

test('the clause reading on its own: a stem trigger inside a future or conditional word', () => {
  // a stemmed trigger (the morphology work) matches "rencontr" inside "rencontrera"
  const s = 'Emmanuel Macron rencontrera Olaf Scholz jeudi.';
  const start = s.indexOf('rencontr');
  const span = { start: 0, end: s.length };
  assert.equal(clauseModality(s, span, { start, end: start + 8, noun: false }, modalityFor('fr')), 'modal');
  const past = 'Emmanuel Macron a rencontré Olaf Scholz jeudi.';
  const p = past.indexOf('rencontr');
  assert.equal(clauseModality(past, { start: 0, end: past.length }, { start: p, end: p + 8, noun: false }, modalityFor('fr')), null);
  const ru = 'Путин встретится с Эрдоганом.';
  const r = ru.indexOf('встрет');
  assert.equal(clauseModality(ru, { start: 0, end: ru.length }, { start: r, end: r + 6, noun: false }, modalityFor('ru')), 'modal');
  const ar = 'سيلتقي السيسي أردوغان.';
  assert.equal(clauseModality(ar, { start: 0, end: ar.length }, { start: 1, end: 6, noun: false }, modalityFor('ar')), 'modal');
  const tr = 'Erdoğan Sisi ile Kahire’de görüşmeler yapacak.';
  const t = tr.indexOf('görüşmeler');
  assert.equal(clauseModality(tr, { start: 0, end: tr.length }, { start: t, end: t + 10, noun: true }, modalityFor('tr')), 'modal');
  const neg = 'Erdoğan Sisi ile görüşmedi.';
  const n = neg.indexOf('görüş');
  assert.equal(clauseModality(neg, { start: 0, end: neg.length }, { start: n, end: n + 5, noun: false }, modalityFor('tr')), 'negated');
});

test('a denial returns its own reason, and governs only the clauses under it', () => {
  const s = 'The Kremlin denied media reports that Vladimir Putin met Recep Tayyip Erdogan.';
  const m = s.indexOf('met');
  assert.equal(clauseModality(s, { start: 0, end: s.length }, { start: m, end: m + 3, noun: false }, modalityFor('en')), 'denied');
  const t = 'Vladimir Putin, who denied the reports, met Recep Tayyip Erdogan on Friday.';
  const k = t.indexOf('met ');
  assert.equal(clauseModality(t, { start: 0, end: t.length }, { start: k, end: k + 3, noun: false }, modalityFor('en')), null);
});

// [name, sentence, how many events]: hard negatives give none, real events next to them survive
const cases: Array<[string, string, number]> = [
  ['en denied media reports', 'The Kremlin denied media reports that Vladimir Putin met Recep Tayyip Erdogan in Istanbul.', 0],
  ['en dismissed claims', 'Ankara dismissed claims that Recep Tayyip Erdogan had met Bashar al-Assad.', 0],
  ['en reports denied after', 'Reports that Joe Biden met Xi Jinping in Lima were denied by the White House.', 0],
  ['en invitation received', 'Isaac Herzog received an invitation to visit Ankara from Recep Tayyip Erdogan.', 0],
  ['en planned above', 'Officials said it was planned that Joe Biden would meet Xi Jinping in Lima.', 0],
  ['en real event in a relative clause', 'Emmanuel Macron, who met Olaf Scholz on Monday, will visit Beijing next week.', 1],
  ['en another clause’s would', 'Joe Biden met Xi Jinping in Lima on Saturday, where they discussed how the talks would continue.', 1],
  ['en denial in an inserted clause', 'Vladimir Putin, who denied the reports, met Recep Tayyip Erdogan in Istanbul on Friday.', 1],
  ['fr denied reports', 'Le Kremlin a démenti les informations selon lesquelles Vladimir Poutine a rencontré Recep Tayyip Erdogan.', 0],
  ['fr invitation received', 'Vladimir Poutine a reçu une invitation de Recep Tayyip Erdogan.', 0],
  ['fr negation', 'Emmanuel Macron n’a pas rencontré Vladimir Poutine lors du sommet.', 0],
  ['de Konjunktiv II', 'Olaf Scholz hätte sich gern mit Emmanuel Macron getroffen.', 0],
  ['de denied reports', 'Der Kreml dementierte Berichte, wonach Wladimir Putin Recep Tayyip Erdogan getroffen habe.', 0],
  ['de real event before a relative future', 'Olaf Scholz traf Emmanuel Macron am Montag in Berlin, der am Dienstag nach Peking reisen wird.', 1],
  ['es denied reports', 'El gobierno negó las informaciones de que Gustavo Petro se reunió con Nicolás Maduro.', 0],
  ['es future', 'Gustavo Petro recibirá a Nicolás Maduro en Bogotá.', 0],
  ['pt conditional', 'Lula se reuniria com Javier Milei no Rio de Janeiro.', 0],
  ['pt real event', 'Lula recebeu Javier Milei no Rio de Janeiro na segunda-feira.', 1],
  ['tr future light verb', 'Erdoğan Kahire ziyaretinde Sisi ile görüşmeler yapacak.', 0],
  ['tr negative', 'Erdoğan Sisi ile görüşmedi.', 0],
  ['ar denied reports', 'نفت الرئاسة التقارير التي تحدثت عن أن السيسي التقى أردوغان.', 0],
  ['ar planned above', 'ومن المقرر أن يعقد الرئيس المصري عبد الفتاح السيسي والرئيس التركي رجب طيب أردوغان اجتماعا في القاهرة.', 0],
  ['ar real event', 'التقى الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان في القاهرة.', 1],
  ['ru denied reports', 'В Кремле опровергли сообщения о том, что Путин встретился с Эрдоганом.', 0],
  ['ru negation', 'Путин не встретился с Эрдоганом.', 0],
  ['ru real event', 'Путин встретился с Эрдоганом в Стамбуле.', 1],
  ['ru present talks are real', 'Путин и Эрдоган проводят переговоры в Стамбуле.', 1],
  ['id plan', 'Kishida rencananya bertemu dengan Jokowi pada sore hari.', 0],
  ['id negation', 'Jokowi tidak bertemu dengan Fumio Kishida.', 0],
  // a light verb a few words before its noun, a time adverb between: its future counts
  ['es future light verb, adverb between', 'Javier Milei mantendrá el lunes una reunión con Emmanuel Macron en Buenos Aires.', 0],
  ['es past light verb, adverb between', 'Javier Milei mantuvo el pasado lunes una reunión con Emmanuel Macron en Buenos Aires.', 1],
  ['pt future light verb, adverb between', 'Lula terá na segunda-feira uma reunião com Emmanuel Macron em Brasília.', 0],
  // 应…邀请: "at the invitation of", the invitation was taken up; 邀请 alone invites to what has not happened
  ['zh at the invitation of', '王毅应俄罗斯安全会议秘书邀请，赴莫斯科举行磋商，并在周二会见拉夫罗夫。', 1],
  ['zh an invitation extended', '王毅邀请拉夫罗夫明年访华并会见他。', 0],
  ['zh Traditional script, invitation extended', '王毅邀請拉夫羅夫明年訪華並會見他。', 0],
  ['zh Traditional script, a meeting', '王毅週二在北京會見俄羅斯外長拉夫羅夫。', 1],
  // a denial's object carries a relative clause holding the meeting: the denial governs it
  ['ar denied reports which spoke of a meeting', 'نفت حماس التقارير التي تحدثت عن لقاء بين إسماعيل هنية ورجب طيب أردوغان في أنقرة.', 0],
  ['en denied reports which said', 'The Kremlin denied reports which said Vladimir Putin met Recep Tayyip Erdogan in Ankara.', 0],
  ['es desmintió informaciones que hablaban', 'El gobierno desmintió las informaciones que hablaban de una reunión entre Gustavo Petro y Nicolás Maduro en Caracas.', 0],
  ['fr a démenti les informations qui évoquaient', 'Le Kremlin a démenti les informations qui évoquaient une rencontre entre Vladimir Poutine et Recep Tayyip Erdogan à Ankara.', 0],
  ['de dementierte Berichte, die', 'Der Kreml dementierte Berichte, die von einem Treffen zwischen Wladimir Putin und Recep Tayyip Erdogan in Ankara sprachen.', 0],
  ['ru опроверг сообщения, в которых (a preposition before the relative)', 'Кремль опроверг сообщения, в которых говорилось о встрече Путина с Эрдоганом в Анкаре.', 0],
  // the denial in the relative, the meeting in the main clause; a denial far from the relative
  ['en the relative holds the denial', 'Vladimir Putin, who denied the reports, met Recep Tayyip Erdogan in Ankara on Friday.', 1],
  ['en a denial, then a real meeting in an adverbial', 'The Kremlin denied the claims on Monday, after Vladimir Putin met Recep Tayyip Erdogan in Ankara.', 1],
  // Turkish: the past participle (-DIK) of a verb-final complement; the denial comes last
  ['tr said he met (participle)', 'Putin, Erdoğan ile Ankara’da görüştüğünü söyledi.', 1],
  ['tr denied the claims that they met', 'Kremlin, Putin’in Erdoğan ile Ankara’da görüştüğü iddialarını yalanladı.', 0],
  ['tr rejected the news that they met', 'Ankara, Erdoğan’ın Putin ile görüştüğü haberlerini reddetti.', 0],
  ['tr said he would meet (future participle)', 'Erdoğan, Putin ile Ankara’da görüşeceğini söyledi.', 0],
  // a meeting noun as the object of a verb of cancelling; a cancelled trip beside a real meeting
  ['es had to cancel the meeting', 'Gustavo Petro tuvo que cancelar la reunión con Nicolás Maduro en Caracas.', 0],
  ['en cancelled the meeting', 'Joe Biden cancelled the meeting with Xi Jinping in Lima.', 0],
  ['fr a annulé la rencontre', 'Emmanuel Macron a annulé la rencontre avec Olaf Scholz à Berlin.', 0],
  ['pt adiou a reunião', 'Lula adiou a reunião com Javier Milei em Brasília.', 0],
  // reported speech of a real meeting is a meeting (the French one was read as no language before)
  ['fr a déclaré que ... se sont rencontrés', 'Le porte-parole a déclaré que Emmanuel Macron et Olaf Scholz se sont rencontrés lundi à Berlin.', 1],
  ['fr a déclaré que ... se rencontreront (future)', 'Le porte-parole a déclaré que Emmanuel Macron et Olaf Scholz se rencontreront lundi à Berlin.', 0],
  ['en said that ... met', 'The spokesman said that Emmanuel Macron and Olaf Scholz met in Berlin on Monday.', 1],
  ['es declaró que ... se reunieron', 'El portavoz declaró que Pedro Sánchez y Emmanuel Macron se reunieron el lunes en Madrid.', 1],
  ['pt disse que ... se reuniram', 'O porta-voz disse que Lula e Javier Milei se reuniram na segunda-feira em Brasília.', 1],
  ['es a cancelled trip, then a real meeting', 'Gustavo Petro mantuvo una reunión con Nicolás Maduro en Caracas tras cancelar su viaje a Lima.', 1],
];

for (const [name, sentence, n] of cases) {
  test(`${name}: ${sentence}`, () => assert.equal(events(sentence).length, n));
}

test('de Konjunktiv II: reported speech tells what happened, a counterfactual what did not', () => {
  // German news reports speech in Konjunktiv II where Konjunktiv I would look indicative
  assert.equal(events('Nach Angaben des Präsidialamts hätten Olaf Scholz und Emmanuel Macron am Montag in Berlin miteinander telefoniert.').length, 1);
  assert.equal(events('Am Montag wären Olaf Scholz und Emmanuel Macron in Paris zusammengetroffen.').length, 1);
  // with a counterfactual cue it did not happen
  assert.equal(events('Olaf Scholz hätte Emmanuel Macron beinahe in Paris getroffen.').length, 0);
  assert.equal(events('Olaf Scholz hätte sich mit Emmanuel Macron treffen können.').length, 0);
  assert.equal(events('Olaf Scholz würde Emmanuel Macron am Montag in Paris treffen.').length, 0);
});
