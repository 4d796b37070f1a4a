import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildKnowledgeBase } from './knowledge-base.ts';
import { detectMentions } from './detect-mentions.ts';
import { createLexicons } from '../events/lexicon.ts';
import type { KbEntry, Sentence } from '../core/types.ts';

const kb = buildKnowledgeBase([
  { id: 'iran', kind: 'place', type: 'country', name: 'Iran', aliases: [], demonyms: ['Iranian'] },
  { id: 'hezbollah', kind: 'organization', name: 'Hezbollah', aliases: ['Hisbollah'] },
  { id: 'hassan-nasrallah', kind: 'person', name: 'Hassan Nasrallah', aliases: [], roles: [{ role: 'secretary-general', of: 'hezbollah', from: '1992-02-16', to: '2024-09-27' }] },
  { id: 'naim-qassem', kind: 'person', name: 'Naim Qassem', aliases: [], roles: [{ role: 'secretary-general', of: 'hezbollah', from: '2024-10-29' }] },
  { id: 'ziyad-al-nakhalah', kind: 'person', name: 'Ziyad al-Nakhalah', aliases: [] },
  { id: 'hossein-amir-abdollahian', kind: 'person', name: 'Hossein Amir-Abdollahian', aliases: [], roles: [{ role: 'foreign-minister', of: 'iran', from: '2021-08-25', to: '2024-05-19' }] },
  { id: 'abbas-araghchi', kind: 'person', name: 'Abbas Araghchi', aliases: [], roles: [{ role: 'foreign-minister', of: 'iran', from: '2024-08-21' }] },
  { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Владимир Путин'] },
  { id: 'white-house', kind: 'place', type: 'venue', name: 'White House', aliases: ['the White House'] },
] as KbEntry[]);

function find(text: string, lang = 'en', date: string | null = null) {
  const sentences: Sentence[] = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  return detectMentions(text, sentences, { kb, lex: createLexicons()(lang), lang, date });
}

function names(text: string, lang = 'en', date: string | null = null): string[] {
  const r = find(text, lang, date);
  return r.mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}:${m.via}`);
}

test('spellings of a known name resolve to it, honorifics outside the span', () => {
  assert.deepEqual(names('Sayyed Hassan Nasrallah met Ziad Nakhale.'), ['Hassan Nasrallah=hassan-nasrallah:alias', 'Ziad Nakhale=ziyad-al-nakhalah:alias']);
  assert.deepEqual(names('Hisbollah-Chef traf Siad Nachali.', 'de'), ['Hisbollah=hezbollah:alias', 'Siad Nachali=ziyad-al-nakhalah:alias']);
});

test('inflected Russian forms resolve', () => {
  assert.deepEqual(names('встреча президента Владимира Путина', 'ru'), ['Владимира Путина=vladimir-putin:alias']);
});

test('a surname alone refers to the person named before', () => {
  assert.deepEqual(names('Ziyad al-Nakhalah arrived. Nakhalah said.').at(-1), 'Nakhalah=ziyad-al-nakhalah:surname');
});

test('a title resolves to whoever held the role on the document date', () => {
  assert.deepEqual(names('the Iranian foreign minister said', 'en', '2023-09-02').at(-1), 'foreign minister=hossein-amir-abdollahian:title');
  assert.deepEqual(names('the Iranian foreign minister said', 'en', '2025-01-10').at(-1), 'foreign minister=abbas-araghchi:title');
  assert.deepEqual(names('the Hezbollah chief said', 'en', '2023-09-02').at(-1), 'chief=hassan-nasrallah:title');
  // a title that introduces a name is a cue, not a second mention
  assert.ok(!names('Iranian Foreign Minister Abbas Araghchi said', 'en', '2025-01-10').some((n) => n.endsWith(':title')));
});

test('an unknown person after a title becomes a new actor; everyday words do not open names', () => {
  const r = find('He met Speaker Nabil Qaouk at the White House.');
  assert.deepEqual(
    r.mentions.map((m) => `${r.mentions.length && 'He met Speaker Nabil Qaouk at the White House.'.slice(m.start, m.end)}=${m.actorIds[0]}`),
    ['Nabil Qaouk=found:nabil-qaouk', 'White House=white-house'],
  );
  assert.equal(r.actors.find((a) => a.id === 'found:nabil-qaouk')?.fromKb, false);
});

const nativeKb = buildKnowledgeBase([
  { id: 'ziyad-al-nakhalah', kind: 'person', name: 'Ziyad al-Nakhalah', aliases: [] },
  { id: 'ismail-haniyeh', kind: 'person', name: 'Ismail Haniyeh', aliases: [] },
  { id: 'benjamin-netanyahu', kind: 'person', name: 'Benjamin Netanyahu', aliases: ['Netanyahu', 'נתניהו'] },
  { id: 'recep-tayyip-erdogan', kind: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] },
  { id: 'xi-jinping', kind: 'person', name: 'Xi Jinping', aliases: ['习近平', 'Си Цзиньпин'] },
  { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: ['普京', 'Путин'] },
  { id: 'tehran', kind: 'place', type: 'city', name: 'Tehran', aliases: ['طهران'] },
  { id: 'ankara', kind: 'place', type: 'city', name: 'Ankara', aliases: [] },
] as KbEntry[]);

// names do not depend on the event lexicon: the English one serves every script here
function nativeNames(text: string, lang: string): string[] {
  const sentences: Sentence[] = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  const r = detectMentions(text, sentences, { kb: nativeKb, lex: createLexicons()('en'), lang, date: null });
  // every span is exact over the original text
  for (const m of r.mentions) assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
  return r.mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}`);
}

test('an Arabic-script name not in the knowledge base resolves to the Latin entry through its transliteration', () => {
  assert.deepEqual(nativeNames('التقى زياد النخالة في طهران', 'ar'), ['زياد النخالة=ziyad-al-nakhalah', 'طهران=tehran']);
  assert.deepEqual(nativeNames('استقبل إسماعيل هنية الوفد', 'ar'), ['إسماعيل هنية=ismail-haniyeh']);
});

test('Arabic proclitics and Hebrew prefixes stay outside the span', () => {
  assert.deepEqual(nativeNames('ووصل وزياد النخالة بطهران', 'ar'), ['زياد النخالة=ziyad-al-nakhalah', 'طهران=tehran']);
  assert.deepEqual(nativeNames('הפגישה ונתניהו אמר', 'he'), ['נתניהו=benjamin-netanyahu']);
});

test("Turkish case suffixes after an apostrophe stay outside the span", () => {
  assert.deepEqual(nativeNames("Erdoğan'ın Ankara'da yaptığı görüşme", 'tr'), ['Erdoğan=recep-tayyip-erdogan', 'Ankara=ankara']);
});

test('Chinese names are found inside unsegmented Han text', () => {
  assert.deepEqual(nativeNames('习近平在北京会见普京。', 'zh'), ['习近平=xi-jinping', '普京=vladimir-putin']);
});

test('Russian case endings resolve', () => {
  assert.deepEqual(nativeNames('встреча с Си Цзиньпином и Путиным', 'ru'), ['Си Цзиньпином=xi-jinping', 'Путиным=vladimir-putin']);
});

test('a name found by its shape is matched to a known person through family-name keys', () => {
  assert.equal(nativeKb.matchPerson('Ziyad Abu Tarek al-Nakhalah')?.id, 'ziyad-al-nakhalah');
  assert.equal(nativeKb.matchPerson('Ismail Haniya', 'en')?.id, 'ismail-haniyeh');
  assert.equal(nativeKb.matchPerson('Hussein Haniyeh'), null);
  assert.equal(nativeKb.matchPerson('Nabil Qaouk'), null);
});

const hanKb = buildKnowledgeBase([
  { id: 'rodrigo-chaves', kind: 'person', name: 'Rodrigo Chaves', aliases: ['罗德里戈·查韦斯'] },
  { id: 'hugo-chavez', kind: 'person', name: 'Hugo Chávez', aliases: ['查韦斯'] },
  { id: 'jean-yves-le-drian', kind: 'person', name: 'Jean-Yves Le Drian', aliases: ['勒德里昂'] },
  { id: 'delhi', kind: 'place', type: 'city', name: 'Delhi', aliases: ['德里'] },
  { id: 'lyon', kind: 'place', type: 'city', name: 'Lyon', aliases: ['里昂'] },
  { id: 'dominic-raab', kind: 'person', name: 'Dominic Raab', aliases: ['多米尼克·拉布'] },
  { id: 'dominica', kind: 'place', type: 'country', name: 'Dominica', aliases: ['多米尼克'] },
  { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: ['普京'] },
] as KbEntry[]);

function hanNames(text: string): string[] {
  const sentences: Sentence[] = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  const r = detectMentions(text, sentences, { kb: hanKb, lex: createLexicons()('en'), lang: 'zh', date: null });
  return r.mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}`);
}

test('Han text keeps the longest names only, never a shorter name nested inside them', () => {
  assert.deepEqual(hanNames('罗德里戈·查韦斯会见了勒德里昂和多米尼克·拉布。'), [
    '罗德里戈·查韦斯=rodrigo-chaves',
    '勒德里昂=jean-yves-le-drian',
    '多米尼克·拉布=dominic-raab',
  ]);
  // standing alone, the shorter names are still found
  assert.deepEqual(hanNames('查韦斯访问德里和里昂。'), ['查韦斯=hugo-chavez', '德里=delhi', '里昂=lyon']);
});

test('a Han name is found once, and a Han word does not join a Latin name', () => {
  assert.deepEqual(hanNames('会见、普京 和 Putin。'), ['普京=vladimir-putin', 'Putin=vladimir-putin']);
});

const titleKb = buildKnowledgeBase([
  { id: 'france', kind: 'place', type: 'country', name: 'France', aliases: [], demonyms: ['French', 'הצרפתי'] },
  { id: 'iran', kind: 'place', type: 'country', name: 'Iran', aliases: [], demonyms: ['Iranian', 'iranische'] },
  { id: 'china', kind: 'place', type: 'country', name: 'China', aliases: [], demonyms: ['Chinese'] },
  { id: 'russia', kind: 'place', type: 'country', name: 'Russia', aliases: [], demonyms: ['Russian'] },
  { id: 'edouard-philippe', kind: 'person', name: 'Édouard Philippe', aliases: [], roles: [{ role: 'prime-minister', of: 'france', from: '2017-05-15', to: '2020-07-03' }] },
  { id: 'sebastien-lecornu', kind: 'person', name: 'Sébastien Lecornu', aliases: ['סבסטיאן לקורנו'], roles: [{ role: 'prime-minister', of: 'france', from: '2025-09-09' }] },
  { id: 'hossein-amir-abdollahian', kind: 'person', name: 'Hossein Amir-Abdollahian', aliases: [], roles: [{ role: 'foreign-minister', of: 'iran', from: '2021-08-25', to: '2024-05-19' }] },
  { id: 'abbas-araghchi', kind: 'person', name: 'Abbas Araghchi', aliases: [], roles: [{ role: 'foreign-minister', of: 'iran', from: '2024-08-21' }] },
  { id: 'xi-jinping', kind: 'person', name: 'Xi Jinping', aliases: [], roles: [{ role: 'president', of: 'china', from: '2013-03-14' }] },
  { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: [], roles: [{ role: 'president', of: 'russia', from: '2012-05-07' }] },
] as KbEntry[]);

function titled(text: string, lang: string, date: string): string[] {
  const sentences: Sentence[] = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  const r = detectMentions(text, sentences, { kb: titleKb, lex: createLexicons()(lang), lang, date });
  return r.mentions.filter((m) => m.kind === 'person').map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}:${m.via}`);
}

test('a title right before a name attaches to that name only, never to the role holder on the date', () => {
  // the document's date has another holder of the title: still only the name written
  assert.deepEqual(titled('French Prime Minister Sébastien Lecornu arrived.', 'en', '2020-01-10'), ['Sébastien Lecornu=sebastien-lecornu:alias']);
  // a demonym between title and name, in a script without capitals
  assert.deepEqual(titled('ראש הממשלה הצרפתי סבסטיאן לקורנו הגיע', 'he', '2020-01-10'), ['סבסטיאן לקורנו=sebastien-lecornu:alias']);
  // a lone surname after the title, spelled as no alias is: the holder when it is that name
  assert.deepEqual(titled('Der iranische Außenminister Araghtschi traf ein.', 'de', '2025-01-10'), ['Araghtschi=abbas-araghchi:alias']);
  // ... and nobody when the holder on that date has another name
  assert.deepEqual(titled('Der iranische Außenminister Araghtschi traf ein.', 'de', '2023-01-10'), []);
  // without a name the title still resolves
  assert.deepEqual(titled('The French prime minister arrived.', 'en', '2020-01-10'), ['prime minister=edouard-philippe:title']);
});

test('a title is of the country it names, the nearest one, not of a place later in the sentence', () => {
  assert.deepEqual(titled('China leader will be in Russia on an official visit.', 'en', '2023-03-21'), ['leader=xi-jinping:title']);
  assert.deepEqual(titled('In Russia, the Chinese leader met him.', 'en', '2023-03-21'), ['leader=xi-jinping:title']);
  // a country after the title names it only when joined by "of" or right after it
  assert.deepEqual(titled('The president of Russia met him.', 'en', '2023-03-21'), ['president=vladimir-putin:title']);
  assert.deepEqual(titled('The president said Russia would help.', 'en', '2023-03-21'), []);
});

test('Hebrew כ reads k at the start of a word and kh inside it, so both meet their Latin spellings', () => {
  const heKb = buildKnowledgeBase([
    { id: 'yossi-cohen', kind: 'person', name: 'Yossi Cohen', aliases: [] },
    { id: 'michael-oren', kind: 'person', name: 'Michael Oren', aliases: [] },
  ] as KbEntry[]);
  const text = 'יוסי כהן פגש את מיכאל אורן';
  const sentences: Sentence[] = [{ start: 0, end: text.length, index: 0, paragraph: 0 }];
  const r = detectMentions(text, sentences, { kb: heKb, lex: createLexicons()('he'), lang: 'he', date: null });
  assert.deepEqual(
    r.mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds[0]}`),
    ['יוסי כהן=yossi-cohen', 'מיכאל אורן=michael-oren'],
  );
});

test('a longer known name starting inside a shorter alias wins over it', () => {
  const gulf = buildKnowledgeBase([
    { id: 'tamim', kind: 'person', name: 'Tamim bin Hamad Al Thani', aliases: ['Emir Tamim'] },
    { id: 'hamad', kind: 'person', name: 'Hamad bin Isa Al Khalifa', aliases: ['bin Hamad Al'] },
  ] as KbEntry[]);
  const text = 'Emir Tamim bin Hamad Al Thani met officials. Emir Tamim said so.';
  const r = detectMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], { kb: gulf, lex: createLexicons()('en'), lang: 'en', date: null });
  assert.deepEqual(
    r.mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds.join('+')}`),
    ['Tamim bin Hamad Al Thani=tamim', 'Emir Tamim=tamim'],
  );
});

test('a window ending in a joining particle is not a name', () => {
  const gulf = buildKnowledgeBase([{ id: 'hamad', kind: 'person', name: 'Hamad bin Isa Al Khalifa', aliases: ['King Hamad'] }] as KbEntry[]);
  const text = 'Ahmed bin Hamad Al Thani arrived.';
  const r = detectMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], { kb: gulf, lex: createLexicons()('en'), lang: 'en', date: null });
  assert.deepEqual(r.mentions.map((m) => text.slice(m.start, m.end)), []);
});

test('a word and a particle matched only by spelling are one word: they name only someone already named (he, ar, en)', () => {
  const iranKb = buildKnowledgeBase([
    { id: 'hassan-rouhani', kind: 'person', name: 'Hassan Rouhani', aliases: ['Rouhani', 'רוחאני', 'روحاني'] },
    { id: 'recep-tayyip-erdogan', kind: 'person', name: 'Recep Tayyip Erdogan', aliases: ['ארדואן', 'أردوغان', 'Erdogan'] },
  ] as KbEntry[]);
  const run = (text: string, lang: string): string[] =>
    detectMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], { kb: iranKb, lex: createLexicons()(lang), lang, date: null }).mentions.map((m) => `${text.slice(m.start, m.end)}=${m.actorIds[0]}`);
  // "the first (conversation) between Erdoğan and ...": ראשונה (first) shares its consonants with רוחאני
  assert.deepEqual(run('זו הפגישה הראשונה בין ארדואן לבין נשיא צרפת.', 'he'), ['ארדואן=recep-tayyip-erdogan']);
  // once Rouhani is named, the same spelling still finds him
  assert.deepEqual(run('רוחאני נפגש עם ארדואן. זו הפגישה הראשונה בין ארדואן לבין רוחאני.', 'he').filter((m) => m.endsWith('hassan-rouhani')).length >= 2, true);
  assert.deepEqual(run('Erdogan and Rouhani met.', 'en'), ['Erdogan=recep-tayyip-erdogan', 'Rouhani=hassan-rouhani']);
  assert.deepEqual(run('التقى أردوغان روحاني.', 'ar'), ['أردوغان=recep-tayyip-erdogan', 'روحاني=hassan-rouhani']);
});

test('a month or a weekday after a title in a script without capitals is when, not who (he, ar, fa)', () => {
  assert.deepEqual(names('הוא הושבע לתפקיד נשיא המדינה בחודש יולי האחרון.', 'he'), []);
  assert.deepEqual(names('הוא נבחר לנשיא המדינה ביום שני שעבר.', 'he'), []);
  assert.deepEqual(names('انتخب رئيسا للجمهورية يوليو الماضي.', 'ar'), []);
  assert.deepEqual(names('او به عنوان رئیس جمهور روز دوشنبه سوگند یاد کرد.', 'fa'), []);
  // a name after the title is still found
  assert.deepEqual(names('הוא שוחח עם נשיא המדינה משה לוי ביום שני.', 'he').length, 1);
});

test('the words of a sentence are cut once per text: asked again, the same tokens; another text, its own', async () => {
  const { wordTokens } = await import('./detect-mentions.ts');
  const text = 'Putin met Xi in Moscow. Both spoke.';
  const first = wordTokens(text, { start: 0, end: 23 });
  assert.deepEqual(first.map((t) => t.text), ['Putin', 'met', 'Xi', 'in', 'Moscow']);
  assert.equal(wordTokens(text, { start: 0, end: 23 }), first, 'the same array, not cut again');
  assert.deepEqual(wordTokens(text, { start: 24, end: 35 }).map((t) => [t.text, t.start]), [['Both', 24], ['spoke', 29]]);
  const other = 'Lavrov met Wang in Beijing. Both spoke.';
  assert.deepEqual(wordTokens(other, { start: 0, end: 23 }).map((t) => t.text), ['Lavrov', 'met', 'Wang', 'in', 'Beij']);
  assert.deepEqual(wordTokens(text, { start: 0, end: 23 }).map((t) => t.text), ['Putin', 'met', 'Xi', 'in', 'Moscow']);
});
