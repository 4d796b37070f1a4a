import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildKnowledgeBase } from '../actors/knowledge-base.ts';
import { createPipeline } from '../pipeline/analyze.ts';
import type { KbEntry } from '../core/types.ts';

// a knowledge base written here, so these tests do not move with data/kb
const entries: KbEntry[] = [
  { id: 'lebanon', kind: 'place', type: 'country', name: 'Lebanon', aliases: [], demonyms: ['Lebanese'], capital: 'beirut' },
  { id: 'beirut', kind: 'place', type: 'city', name: 'Beirut', aliases: ['Beyrouth', 'بيروت'], within: 'lebanon' },
  { id: 'iran', kind: 'place', type: 'country', name: 'Iran', aliases: [], demonyms: ['Iranian'], capital: 'tehran' },
  { id: 'tehran', kind: 'place', type: 'city', name: 'Tehran', aliases: [], within: 'iran' },
  { id: 'palestine', kind: 'place', type: 'country', name: 'Palestine', aliases: [], demonyms: ['Palestinian'] },
  { id: 'hezbollah', kind: 'organization', name: 'Hezbollah', aliases: ['Hizbullah'], country: 'lebanon' },
  { id: 'hamas', kind: 'organization', name: 'Hamas', aliases: [], country: 'palestine' },
  { id: 'hassan-nasrallah', kind: 'person', name: 'Hassan Nasrallah', aliases: ['Nasrallah', 'حسن نصر الله'], country: 'lebanon',
    roles: [{ role: 'secretary-general', of: 'hezbollah', from: '1992-02-16', to: '2024-09-27' }] },
  { id: 'ismail-haniyeh', kind: 'person', name: 'Ismail Haniyeh', aliases: ['Haniyeh', 'إسماعيل هنية'], country: 'palestine',
    roles: [{ role: 'political-bureau-head', of: 'hamas', from: '2017-05-06', to: '2024-07-31' }] },
  { id: 'saleh-al-arouri', kind: 'person', name: 'Saleh al-Arouri', aliases: [], country: 'palestine',
    roles: [{ role: 'deputy-political-bureau-head', of: 'hamas', from: '2017', to: '2024-01-02' }] },
  { id: 'hossein-amir-abdollahian', kind: 'person', name: 'Hossein Amir-Abdollahian', aliases: [], country: 'iran',
    roles: [{ role: 'foreign-minister', of: 'iran', from: '2021-08-25', to: '2024-05-19' }] },
];
const pipeline = createPipeline({ kb: buildKnowledgeBase(entries) });

function analyze(text: string) {
  const a = pipeline.analyze({ id: 'doc', hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: {} });
  return a.reports.map((r) => ({
    participants: r.participants.map((p) => p.actorId).sort(),
    date: r.date?.value ?? null,
    place: r.place?.actorId ?? null,
    mode: r.mode,
    r,
  }));
}

test('a reported meeting with date resolved from the dateline and place from a demonym capital', () => {
  const text = '2023-09-02 21:42:35\n\nOn Thursday, Hassan Nasrallah met Ismail Haniyeh in the Lebanese capital.\n';
  const [e, ...rest] = analyze(text);
  assert.equal(rest.length, 0);
  assert.deepEqual(e.participants, ['hassan-nasrallah', 'ismail-haniyeh']);
  assert.equal(e.date, '2023-08-31');
  assert.equal(e.place, 'beirut');
  // every span points at the words it stands for
  assert.equal(text.slice(e.r.trigger.start, e.r.trigger.end), 'met');
  assert.equal(text.slice(e.r.date!.span!.start, e.r.date!.span!.end), 'Thursday');
});

test('planned, denied and hypothetical meetings are not events', () => {
  for (const s of [
    'Hassan Nasrallah will meet Ismail Haniyeh in Beirut.',
    'Hassan Nasrallah is scheduled to meet Ismail Haniyeh next week.',
    'Hassan Nasrallah did not meet Ismail Haniyeh.',
    'A planned meeting between Hassan Nasrallah and Ismail Haniyeh was postponed.',
  ])
    assert.deepEqual(analyze(`Title line\n\n${s}\n`), [], s);
});

test('without a stated publication date a weekday gives no date', () => {
  const [e] = analyze('Hassan Nasrallah met Ismail Haniyeh on Sunday in Beirut.\n');
  assert.equal(e.date, null);
  assert.equal(e.place, 'beirut');
});

test('a title resolves to the role holder on the document date, and plurals to the earlier meeting', () => {
  const text =
    '2023-09-02\n\nNasrallah met Ismail Haniyeh and Saleh al-Arouri.\n\nOn Thursday, the Iranian foreign minister held an extended meeting with the two Palestinian leaders.\n';
  const events = analyze(text);
  assert.equal(events.length, 2);
  assert.deepEqual(events[0].participants, ['hassan-nasrallah', 'ismail-haniyeh', 'saleh-al-arouri']);
  assert.deepEqual(events[1].participants, ['hossein-amir-abdollahian', 'ismail-haniyeh', 'saleh-al-arouri']);
  assert.equal(events[1].date, '2023-08-31');
});

test('a pronoun subject is the person last named; a later sentence about the same meeting merges', () => {
  const text = 'Ismail Haniyeh arrived in Beirut on Tuesday.\n\nHe met Hassan Nasrallah in Beirut.\n\nNasrallah and Haniyeh also held talks with each other.\n';
  const events = analyze(text);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].participants, ['hassan-nasrallah', 'ismail-haniyeh']);
  assert.equal(events[0].r.evidence.length, 2);
});

test('an organization stands in only where no person is named for it', () => {
  const [e] = analyze('Hassan Nasrallah received a Hamas delegation in Beirut.\n');
  assert.deepEqual(e.participants, ['hamas', 'hassan-nasrallah']);
});

// ---- precision and reference, on the shipped knowledge base and lexicons ----
import { sentenceEvents as events } from './sentence-events.ts';

const XI_PUTIN = 'vladimir-putin xi-jinping';

test('statements made to the press are no meetings, in four languages', () => {
  for (const s of [
    'Russian President Vladimir Putin met reporters together with Chinese President Xi Jinping.',
    'Vladimir Putin, speaking to journalists alongside Chinese President Xi Jinping, praised the talks.',
    "Le président français Emmanuel Macron a rencontré la presse aux côtés du chancelier allemand Olaf Scholz lundi à Berlin.",
    'Bundeskanzler Olaf Scholz traf sich am Montag in Berlin mit Journalisten, neben ihm der französische Präsident Emmanuel Macron.',
    'Президент России Владимир Путин встретился с журналистами вместе с председателем КНР Си Цзиньпином в Москве.',
  ])
    assert.deepEqual(events(s), [], s);
  // the same sentences with a person in place of the press are meetings
  assert.equal(events('Russian President Vladimir Putin met officials together with Chinese President Xi Jinping.')[0]?.who, XI_PUTIN);
});

test('"the first meeting since" names an earlier meeting that is no new event', () => {
  for (const s of [
    'US President Joe Biden met Chinese President Xi Jinping on Monday, their first meeting since they met in Osaka on June 29, 2019.',
    "Le président français Emmanuel Macron a rencontré le chancelier allemand Olaf Scholz lundi à Berlin, leur premier entretien depuis qu'ils s'étaient entretenus à Paris le 3 mai 2019.",
    'Bundeskanzler Olaf Scholz traf den französischen Präsidenten Emmanuel Macron am Montag, das erste Treffen seit sie sich am 3. Mai 2019 in Berlin getroffen hatten.',
    'Путин встретился с Си Цзиньпином в понедельник, это первая встреча после того, как они встретились 3 мая 2019 года.',
  ]) {
    const found = events(s);
    assert.equal(found.length, 1, s);
    assert.equal(found[0].date, '2024-11-18', s);
  }
});

test('a meeting from another year keeps its own date or none, never one counted from the dateline', () => {
  // the weekday gives no day; a year set off by a comma is not taken as the meeting's (it may be another clause's)
  assert.equal(events('Back in 2019, Russian President Vladimir Putin met Chinese President Xi Jinping on a Monday.')[0].date, null);
  // a year in the trigger's own words is what is known (a year, never a day)
  assert.equal(events('Russian President Vladimir Putin met Chinese President Xi Jinping on a Monday in 2019.')[0].date, '2019');
  assert.equal(events('Russian President Vladimir Putin met Chinese President Xi Jinping on June 5, 2019 in Moscow.')[0].date, '2019-06-05');
  assert.equal(events("En 2019, le président russe Vladimir Poutine avait rencontré le président chinois Xi Jinping un lundi à Moscou.")[0]?.date ?? null, '2019');
});

test('people who only go along or look on are no participants', () => {
  for (const s of [
    'Chinese President Xi Jinping, accompanied by Foreign Minister Wang Yi, met Russian President Vladimir Putin on Monday in Moscow.',
    'Foreign Minister Wang Yi attended the talks between Chinese President Xi Jinping and Russian President Vladimir Putin in Moscow on Monday.',
    'Le président chinois Xi Jinping, accompagné de son ministre des Affaires étrangères Wang Yi, a rencontré le président russe Vladimir Poutine lundi au Kremlin.',
    'Der chinesische Präsident Xi Jinping traf am Montag in Begleitung von Außenminister Wang Yi den russischen Präsidenten Wladimir Putin in Moskau.',
    'Председатель КНР Си Цзиньпин в сопровождении министра иностранных дел Ван И встретился в понедельник с президентом России Владимиром Путиным в Москве.',
  ])
    assert.deepEqual(events(s).map((e) => e.who), [XI_PUTIN], s);
  // named in the talks, a minister is a participant
  assert.equal(events('Chinese President Xi Jinping met Russian President Vladimir Putin and Foreign Minister Sergey Lavrov in Moscow on Monday.')[0].who, 'sergey-lavrov vladimir-putin xi-jinping');
});

test('postponed, cancelled, invited, expected, hypothetical and denied meetings are no events', () => {
  for (const s of [
    'The meeting between Chinese President Xi Jinping and Russian President Vladimir Putin was postponed.',
    "Chinese President Xi Jinping's talks with Russian President Vladimir Putin were cancelled.",
    'Chinese President Xi Jinping invited Russian President Vladimir Putin to visit Beijing.',
    'Chinese President Xi Jinping is expected to meet Russian President Vladimir Putin next week.',
    'If Chinese President Xi Jinping met Russian President Vladimir Putin, the war could end.',
    'The Kremlin denied that Russian President Vladimir Putin met Chinese President Xi Jinping.',
    'La rencontre entre le président chinois Xi Jinping et le président russe Vladimir Poutine a été reportée.',
    'La réunion entre le président chinois Xi Jinping et le président russe Vladimir Poutine a été annulée.',
    'Le président chinois Xi Jinping a invité le président russe Vladimir Poutine à se rendre à Pékin.',
    'Le président chinois Xi Jinping devrait rencontrer le président russe Vladimir Poutine la semaine prochaine.',
    'Si le président chinois Xi Jinping rencontrait le président russe Vladimir Poutine, la guerre pourrait cesser.',
    'Le Kremlin a démenti que le président russe Vladimir Poutine a rencontré le président chinois Xi Jinping.',
    'Das Treffen zwischen dem chinesischen Präsidenten Xi Jinping und dem russischen Präsidenten Wladimir Putin wurde verschoben.',
    'Das Treffen zwischen dem chinesischen Präsidenten Xi Jinping und dem russischen Präsidenten Wladimir Putin wurde abgesagt.',
    'Der chinesische Präsident Xi Jinping lud den russischen Präsidenten Wladimir Putin nach Peking ein.',
    'Der chinesische Präsident Xi Jinping wird voraussichtlich den russischen Präsidenten Wladimir Putin nächste Woche treffen.',
    'Wenn der chinesische Präsident Xi Jinping den russischen Präsidenten Wladimir Putin träfe, könnte der Krieg enden.',
    'Der Kreml dementierte, dass der russische Präsident Wladimir Putin den chinesischen Präsidenten Xi Jinping getroffen hat.',
    'Встреча председателя КНР Си Цзиньпина и президента России Владимира Путина была перенесена.',
    'Встреча председателя КНР Си Цзиньпина и президента России Владимира Путина была отменена.',
    'Председатель КНР Си Цзиньпин пригласил президента России Владимира Путина посетить Пекин.',
    'Ожидается, что председатель КНР Си Цзиньпин встретится с президентом России Владимиром Путиным на следующей неделе.',
    'Если бы председатель КНР Си Цзиньпин встретился с президентом России Владимиром Путиным, война могла бы закончиться.',
    'В Кремле опровергли, что президент России Владимир Путин встретился с председателем КНР Си Цзиньпином.',
  ])
    assert.deepEqual(events(s), [], s);
});

test('a photo caption of an older meeting is no event; one of the reported days is', () => {
  const rest = '\n\nChina said on Wednesday that trade with Russia grew again this year.';
  const credit = ' Sputnik/Grigory Sysoyev/Kremlin via REUTERS';
  assert.deepEqual(events(`Russian President Vladimir Putin meets Chinese President Xi Jinping in Moscow, Russia, March 21, 2023.${credit}${rest}`), []);
  assert.equal(events(`Russian President Vladimir Putin meets Chinese President Xi Jinping in Moscow, Russia, November 18, 2024.${credit}${rest}`)[0]?.date, '2024-11-18');
});

test('with a month dateline, weekdays count back from the one day the text dates with its weekday', () => {
  const found = events(
    "Le chef du Hamas, Ismaïl Haniyeh, a été reçu à Istanbul par le président turc, Recep Tayyip Erdogan, samedi 20 avril. " +
      "Haniyeh s'était entretenu mercredi à Doha avec le chef de la diplomatie turque, Hakan Fidan. " +
      'Ismaïl Haniyeh est arrivé vendredi soir à Istanbul et a rencontré le ministre turc Hakan Fidan à Istanbul.',
    'date 2024-04',
  );
  const byWho = new Map(found.map((e) => [`${e.who} ${e.place}`, e.date]));
  assert.equal(byWho.get('ismail-haniyeh recep-tayyip-erdogan istanbul'), '2024-04-20');
  assert.equal(byWho.get('hakan-fidan ismail-haniyeh doha'), '2024-04-17');
  // "arrived on Friday and met": the weekday is the arrival's
  assert.equal(byWho.get('hakan-fidan ismail-haniyeh istanbul'), null);
});

test('"on the first day" of a stated stay, and where a dated meeting within the stay took place', () => {
  const found = events(
    'From March 20 to March 22, 2023, Chinese President Xi Jinping will be in Russia on a state visit. ' +
      'On the first day, Xi Jinping met Vladimir Putin. On March 21, Xi Jinping met Prime Minister Mikhail Mishustin.',
    'Xi in Russia',
  );
  assert.deepEqual(found.map((e) => [e.who, e.date, e.place]), [
    [XI_PUTIN, '2023-03-20', 'russia'],
    ['mikhail-mishustin xi-jinping', '2023-03-21', 'russia'],
  ]);
});

test('members named with a delegation join its meeting; a possessive names a side; a colon goes on with the same meeting', () => {
  const [a] = events('Turkish President Recep Tayyip Erdogan received Ismail Haniyeh and his delegation, including Khaled Meshaal, in Istanbul on Saturday.');
  assert.equal(a.who, 'ismail-haniyeh khaled-meshaal recep-tayyip-erdogan');
  const found = events(
    'Turkish President Recep Tayyip Erdogan spoke about Gaza. His last meeting in Turkey with Ismail Haniyeh dates from 2023: Haniyeh was received in Ankara on July 26, 2023 together with Mahmoud Abbas.',
  );
  assert.deepEqual(found.map((e) => [e.who, e.date, e.place]), [['ismail-haniyeh mahmoud-abbas recep-tayyip-erdogan', '2023-07-26', 'ankara']]);
});

test('a visit to a country whose head the sentence then names is a visit to that head', () => {
  const [e, ...rest] = events("Emmanuel Macron s'est rendu en Chine la semaine dernière, où il a exhorté le président chinois Xi Jinping à raisonner la Russie.");
  assert.equal(rest.length, 0);
  assert.deepEqual([e.who, e.mode, e.place], ['emmanuel-macron xi-jinping', 'visit', 'china']);
});

test('a plural subject before a relative clause: "The two men, who ..., met in Bali"', () => {
  const found = events(
    'Chinese President Xi Jinping and US President Joe Biden met on Monday. The two men, who held their first talks since 2019, met on the Indonesian island of Bali.',
  );
  assert.deepEqual(found.map((e) => [e.who, e.place]), [['joe-biden xi-jinping', 'bali']]);
});

test('a modal governs the verbs joined to its own, in any script', () => {
  for (const s of [
    'Russian President Vladimir Putin will visit China next week and hold talks with President Xi Jinping.',
    'Le président russe Vladimir Poutine se rendra en Chine la semaine prochaine et rencontrera le président Xi Jinping.',
    '俄罗斯总统普京将于下周访问中国并与国家主席习近平举行会谈。',
  ])
    assert.deepEqual(events(s), [], s);
  // done, the same words are a visit to the host
  assert.deepEqual(events('Russian President Vladimir Putin visited China and held talks with President Xi Jinping.').map((e) => [e.who, e.place]), [[XI_PUTIN, 'china']]);
});

test("a place name with a locative ending is where the meeting was (Turkish Soçi'de)", () => {
  const [e] = events('Cumhurbaşkanı Erdoğan ve Rusya Devlet Başkanı Putin, Pazartesi günü Soçi’de bir araya geldi ve iki ülke arasındaki ticareti ele aldı.');
  assert.equal(e.place, 'sochi');
});

test("'to' before a place is a preposition, not a modal carried to the verb joined after it", async () => {
  const { sentenceEvents } = await import('./sentence-events.ts');
  const [went] = sentenceEvents('Joe Biden went to Lima and met Xi Jinping on Saturday.');
  assert.deepEqual(went, { who: 'joe-biden xi-jinping', mode: 'meet', date: '2024-11-16', place: 'lima' });
  // a real modal still governs both verbs
  assert.deepEqual(sentenceEvents('Joe Biden will travel to Lima and meet Xi Jinping on Saturday.'), []);
  assert.deepEqual(sentenceEvents('Joe Biden plans to go to Lima and hold talks with Xi Jinping.'), []);
});

test('"the meeting" told later, with nothing of its own, is the call told before (a call is called a meeting too)', () => {
  const text = [
    '2023-09-02',
    '',
    'Hassan Nasrallah spoke by telephone with Ismail Haniyeh on Thursday, according to a statement.',
    'Markets were calm. Officials declined to comment. The weather was fine.',
    'According to a readout published after the meeting, the two leaders also discussed the situation in the region.',
    '',
  ].join('\n');
  const reports = analyze(text);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].mode, 'phone');
  assert.equal(reports[0].date, '2023-08-31');
  assert.ok(reports[0].r.evidence.some((e) => text.slice(e.start, e.end).startsWith('According to a readout')));
  // a meeting with a place of its own is not a back-reference
  const two = analyze(text.replace('after the meeting,', 'after the meeting in Tehran,'));
  assert.equal(two.length, 2);
});

test('a weak trigger first in its sentence keeps the place told before it', () => {
  // two weak nouns ("a meeting ..., their first encounter"): the place before the first is its own
  const [ar] = analyze('Title line\n\nعقد حسن نصر الله، السبت، في العاصمة بيروت اجتماعا مع إسماعيل هنية، فيما يعد أول لقاء لهما منذ سنوات.\n');
  assert.deepEqual([ar.participants, ar.place], [['hassan-nasrallah', 'ismail-haniyeh'], 'beirut']);
});
