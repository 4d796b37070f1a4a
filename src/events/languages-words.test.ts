// The words the event stages use besides triggers (plural references, companions, conditions,
// undone meetings, statements to the press), in Arabic, Persian, Hebrew, Turkish, Chinese and
// Indonesian: sentences written here, read by the whole pipeline with the shipped lexicons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceEvents as events, type SentenceEvent } from './sentence-events.ts';
import { createLexicons } from './lexicon.ts';

const ERDOGAN_PUTIN = 'recep-tayyip-erdogan vladimir-putin';
const XI_PUTIN = 'vladimir-putin xi-jinping';
const meet = (who: string, date: string | null, place: string | null): SentenceEvent => ({ who, mode: 'meet', date, place });

// A fourth element marks a case that waits on another stage's work (the reason is printed).
const cases: Array<[string, string, SentenceEvent[], string?]> = [
  // "the two leaders": both people named in the sentence before
  ['ar both leaders', 'كان الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان في سوتشي يوم الاثنين. وعقد كلا القائدين اجتماعا مغلقا في القصر.', [meet(ERDOGAN_PUTIN, null, null)]],
  ['fa two officials', 'ولادیمیر پوتین و مسعود پزشکیان روز دوشنبه به مسکو رسیدند. دو مقام در کرملین دیدار و گفتگو کردند.', [meet('masoud-pezeshkian vladimir-putin', null, 'kremlin')]],
  ['he two statesmen', 'ראש הממשלה בנימין נתניהו ומזכיר המדינה אנתוני בלינקן הגיעו לירושלים ביום שני. שני המדינאים נפגשו בלשכת ראש הממשלה.', [meet('antony-blinken benjamin-netanyahu', null, null)]],
  ['tr two leaders, capital İ', "Cumhurbaşkanı Erdoğan ve Rusya Devlet Başkanı Putin Pazartesi günü Soçi'ye geldi. İki ülke lideri Soçi'de bir araya geldi.", [meet(ERDOGAN_PUTIN, null, 'sochi')]],
  ['id both heads of government', 'Presiden Prabowo Subianto dan Presiden China Xi Jinping tiba di Beijing pada hari Sabtu. Kedua kepala pemerintahan bertemu di Aula Besar Rakyat.', [meet('prabowo-subianto xi-jinping', null, 'beijing')]],
  ['zh two heads of state', '国家主席习近平和俄罗斯总统普京18日抵达喀山。两国元首在喀山举行会谈。', [meet(XI_PUTIN, null, 'kazan')]],
  // someone who goes along or looks on is no side
  ['ar accompanied by', 'التقى الرئيس الصيني شي جين بينغ برفقة وزير الخارجية وانغ يي الرئيس الروسي فلاديمير بوتين في موسكو يوم الاثنين.', [meet(XI_PUTIN, '2024-11-18', 'moscow')]],
  ['fa accompanied by', 'ولادیمیر پوتین رئیس جمهور روسیه با همراهی سرگئی لاوروف روز دوشنبه در مسکو با مسعود پزشکیان دیدار کرد.', [meet('masoud-pezeshkian vladimir-putin', '2024-11-18', 'moscow')]],
  ['he accompanied by', 'ראש הממשלה בנימין נתניהו, בליווי שר החוץ ישראל כ"ץ, נפגש עם מזכיר המדינה האמריקני אנתוני בלינקן בירושלים.', [meet('antony-blinken benjamin-netanyahu', null, 'jerusalem')]],
  ['he in the presence of', 'ראש הממשלה בנימין נתניהו נפגש עם מזכיר המדינה האמריקני אנתוני בלינקן בירושלים בנוכחות שר החוץ ישראל כ"ץ.', [meet('antony-blinken benjamin-netanyahu', null, 'jerusalem')]],
  ['tr accompanied by (after the name)', 'Cumhurbaşkanı Erdoğan, Dışişleri Bakanı Hakan Fidan eşliğinde Rusya Devlet Başkanı Vladimir Putin ile Pazartesi günü bir araya geldi.', [meet(ERDOGAN_PUTIN, '2024-11-18', null)]],
  ['tr accompanied by (before the name)', 'Cumhurbaşkanı Erdoğan, beraberinde Dışişleri Bakanı Hakan Fidan olduğu halde Rusya Devlet Başkanı Vladimir Putin ile Pazartesi günü bir araya geldi.', [meet(ERDOGAN_PUTIN, '2024-11-18', null)]],
  ['id accompanied by', 'Presiden Prabowo Subianto, didampingi Menteri Luar Negeri Sugiono, bertemu dengan Presiden China Xi Jinping di Beijing pada hari Sabtu.', [meet('prabowo-subianto xi-jinping', '2024-11-16', 'beijing')]],
  ['zh accompanied by', '国家主席习近平在外交部长王毅陪同下会见了俄罗斯总统普京。', [meet(XI_PUTIN, null, null)]],
  ['zh attended', '国家主席习近平会见了俄罗斯总统普京，外交部长王毅出席会见。', [meet(XI_PUTIN, null, null)]],
  // attending a summit is no looking on: only attending the meeting itself is
  ['zh attended a summit and met', '国家主席习近平出席二十国集团领导人峰会并会见了俄罗斯总统普京。', [meet(XI_PUTIN, null, null)]],
  // "the meeting ... X and Y stressed": two people named as one subject, joined by a prefixed "and"
  ['he joint subject', 'הפגישה נערכה בירושלים. נתניהו ובלינקן הדגישו את חשיבות ההסכם.', [meet('antony-blinken benjamin-netanyahu', null, null)]],
  ['ar joint subject', 'وجرى اللقاء في القاهرة. وأكد عبد الفتاح السيسي ومحمود عباس أهمية وقف إطلاق النار.', [meet('abdel-fattah-el-sisi mahmoud-abbas', null, null)]],
  // a condition, or a meeting undone
  ['ar if', 'إذا التقى الرئيس الروسي فلاديمير بوتين الرئيس التركي رجب طيب أردوغان فقد تنتهي الحرب.', []],
  ['ar cancelled', 'المحادثات بين الرئيس الروسي فلاديمير بوتين والرئيس التركي رجب طيب أردوغان ألغيت في اللحظة الأخيرة.', []],
  ['fa if', 'اگر ولادیمیر پوتین با مسعود پزشکیان دیدار کرد، جنگ پایان می‌یابد.', []],
  ['fa cancelled', 'دیدار ولادیمیر پوتین و مسعود پزشکیان در مسکو لغو گردید.', []],
  ['he if', 'אם ראש הממשלה בנימין נתניהו נפגש עם הנשיא ג׳ו ביידן, ההסכם ייחתם.', []],
  ['he called off', 'הפגישה בין ראש הממשלה בנימין נתניהו לבין מזכיר המדינה אנתוני בלינקן התבטלה ברגע האחרון.', []],
  ['tr if', 'Eğer Cumhurbaşkanı Erdoğan Rusya Devlet Başkanı Putin ile görüştü ise savaş sona erebilir.', []],
  ['tr fell through', 'Cumhurbaşkanı Erdoğan ile Rusya Devlet Başkanı Putin arasındaki görüşme son anda suya düştü.', []],
  ['id if', 'Jika Presiden Prabowo Subianto bertemu dengan Presiden Rusia Vladimir Putin, hubungan kedua negara akan membaik.', []],
  ['id fell through', 'Pertemuan antara Presiden Prabowo Subianto dan Presiden Rusia Vladimir Putin gagal terlaksana karena cuaca buruk.', []],
  ['zh if', '如果国家主席习近平会见俄罗斯总统普京，战争可能结束。', []],
  // words said to the press hold no meeting
  ['ar met journalists', 'اجتمع الرئيس الروسي فلاديمير بوتين بالصحفيين برفقة الرئيس التركي رجب طيب أردوغان في موسكو.', []],
  ['fa met reporters', 'ولادیمیر پوتین به همراه مسعود پزشکیان با خبرنگاران دیدار کرد.', []],
  ['he met journalists', 'ראש הממשלה בנימין נתניהו נפגש עם עיתונאים יחד עם מזכיר המדינה אנתוני בלינקן בירושלים.', []],
  ['tr met journalists', 'Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile birlikte gazetecilerle görüştü.', []],
  ['id met journalists', 'Presiden Prabowo Subianto bertemu dengan wartawan bersama Presiden Rusia Vladimir Putin di Moskow.', []],
  ['zh met journalists', '国家主席习近平和俄罗斯总统普京会见了中外记者。', []],
];

for (const [name, sentence, expected, todo] of cases) {
  test(`${name}: ${sentence}`, { todo }, () => assert.deepEqual(events(sentence), expected));
}

test('the same sentences with a person in place of the press or the companion cue are meetings', () => {
  // the cue words, not the sentence shapes, keep the people above out
  assert.equal(events('ولادیمیر پوتین رئیس جمهور روسیه و سرگئی لاوروف روز دوشنبه در مسکو با مسعود پزشکیان دیدار کرد.')[0]?.who, 'masoud-pezeshkian sergey-lavrov vladimir-putin');
  assert.equal(events('Presiden Prabowo Subianto bertemu dengan Presiden Rusia Vladimir Putin di Moskow.')[0]?.who, 'prabowo-subianto vladimir-putin');
  assert.equal(events('Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile görüştü.')[0]?.who, ERDOGAN_PUTIN);
});

test('"on the first day" of a stay told in Chinese (dates written in Han, no spaces), Arabic and Hebrew', () => {
  // the stay's last day, 至22日, is a day alone: the stay is known from its first day (a range
  // sharing one month name, 'من 20 إلى 22 مارس', is read as its last day only: months written twice)
  const found = events('国家主席习近平于2023年3月20日至22日前往俄罗斯进行国事访问。首日，习近平同普京举行会谈。', 'Xi in Russia');
  assert.deepEqual(found, [meet(XI_PUTIN, '2023-03-20', 'russia')]);
  const arabic = events('يقوم الرئيس الصيني شي جين بينغ بزيارة دولة إلى روسيا من 20 مارس إلى 22 مارس 2023. وفي اليوم الأول، التقى شي جين بينغ فلاديمير بوتين.', 'Xi in Russia');
  assert.deepEqual(arabic, [meet(XI_PUTIN, '2023-03-20', 'russia')]);
  // "ביום הראשון" (on the first day), not "ביום ראשון" (on Sunday); the year stated once serves both days
  const hebrew = events("הנשיא שי ג'ינפינג ישהה ברוסיה בביקור ממלכתי מ-20 במרץ עד 22 במרץ 2023. ביום הראשון נפגש שי ג'ינפינג עם ולדימיר פוטין.");
  assert.deepEqual(hebrew, [meet(XI_PUTIN, '2023-03-20', 'russia')]);
  assert.equal(events('ראש הממשלה בנימין נתניהו נפגש עם מזכיר המדינה אנתוני בלינקן בירושלים ביום ראשון.')[0]?.date, '2024-11-17');
  // under a dateline of another year too
  const english = events('From March 20 to March 22, 2023, Chinese President Xi Jinping will be in Russia on a state visit. On the first day, Xi Jinping met Vladimir Putin.');
  assert.deepEqual(english, [meet(XI_PUTIN, '2023-03-20', 'russia')]);
});

test('every one of the six languages compiles the words its stages read', () => {
  const lex = createLexicons();
  const filled: Record<string, string[]> = {
    ar: ['countedPlural', 'memberCue', 'groupNoun', 'stay', 'accompanyCue', 'attendsAfter', 'conditional', 'undoneAfter', 'firstSince', 'sinceThen', 'coordinator'],
    fa: ['countedPlural', 'memberCue', 'groupNoun', 'stay', 'accompanyCue', 'attendsAfter', 'conditional', 'undoneAfter', 'firstSince', 'sinceThen', 'forumAfter'],
    he: ['countedPlural', 'memberCue', 'groupNoun', 'stay', 'accompanyCue', 'attendsAfter', 'conditional', 'undoneAfter', 'firstSince', 'sinceThen', 'coordinator', 'capital'],
    tr: ['countedPlural', 'memberCue', 'groupNoun', 'accompanyCue', 'attendsAfter', 'conditional', 'undoneAfter', 'sinceThen', 'locativeSuffix'],
    zh: ['citedBefore', 'memberCue', 'groupNoun', 'stay', 'attendsAfter', 'conditional', 'undoneAfter', 'sinceThen'],
    id: ['countedPlural', 'memberCue', 'groupNoun', 'stay', 'accompanyCue', 'attendsAfter', 'conditional', 'undoneAfter', 'firstSince', 'sinceThen'],
  };
  for (const [lang, keys] of Object.entries(filled)) {
    const words = lex(lang).words as unknown as Record<string, unknown>;
    for (const k of keys) assert.ok(words[k], `${lang}: ${k}`);
    assert.ok(lex(lang).words.dayOfStay.length, `${lang}: dayOfStay`);
  }
  // day counts of a stay, with the Turkish capital İ that case folding does not reach
  const tr = lex('tr').words;
  assert.equal(tr.dayOfStay.find((d) => d.re.test('İlk gününde'))?.day, 1);
  assert.equal(lex('he').words.dayOfStay.find((d) => d.re.test('ביום השלישי לביקורו'))?.day, 3);
  assert.equal(lex('zh').words.dayOfStay.find((d) => d.re.test('访问第一天'))?.day, 1);
  assert.equal(lex('id').words.dayOfStay.find((d) => d.re.test('Pada hari kedua kunjungan'))?.day, 2);
});
