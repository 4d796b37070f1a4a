import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAnchorDay, findCountingDay, intervalOf, precisionOf, resolveDate, toldAsEarlier } from './resolve-date.ts';
import { createLexicons } from './lexicon.ts';
import { wordTokens } from '../actors/detect-mentions.ts';
import type { PartialDate } from '../core/types.ts';

const lexicons = createLexicons();

function dateIn(text: string, lang: string, published: PartialDate | null, year: number | null = null): string | null {
  const all = { start: 0, end: text.length };
  const trigger = { start: text.indexOf('met') >= 0 ? text.indexOf('met') : 0, end: 0 };
  trigger.end = trigger.start + 3;
  return resolveDate(text, all, trigger, wordTokens(text, all), lexicons(lang), published, year)?.value ?? null;
}

test('a weekday resolves backwards from a day-precise publication date', () => {
  // 2023-09-02 was a Saturday; the Thursday before is 2023-08-31
  assert.equal(dateIn('On Thursday, the minister met them.', 'en', { value: '2023-09-02', precision: 'day' }), '2023-08-31');
  // the same weekday as publication is the publication day
  assert.equal(dateIn('They met on Thursday.', 'en', { value: '2022-06-23', precision: 'day' }), '2022-06-23');
});

test('a weekday without a stated publication date stays unknown', () => {
  assert.equal(dateIn('They met on Sunday.', 'en', null), null);
  assert.equal(dateIn('They met on Sunday.', 'en', { value: '2024-04', precision: 'month' }), null);
});

test('day and month take the year from the publication date or the sentence', () => {
  assert.equal(dateIn('a été reçu samedi 20 avril', 'fr', { value: '2024-04', precision: 'month' }), '2024-04-20');
  assert.equal(dateIn('il avait été reçu à Ankara le 26 juillet', 'fr', null, 2023), '2023-07-26');
  assert.equal(dateIn('Biden met Widodo on Monday, Nov. 14, 2022.', 'en', null), '2022-11-14');
  // a day-month after the publication date belongs to the year before
  assert.equal(dateIn('They met on December 30.', 'en', { value: '2024-01-03', precision: 'day' }), '2023-12-30');
});

test("a day and month without a year, in a text with no publication date, takes its time anchor's year: the most recent such day", () => {
  const anchored = (lang: string, text: string, trig: string, anchor: string) => finding(lang, text, trig, null, { anchor })?.value ?? null;
  assert.equal(anchored('en', 'The two presidents met on 3 December in Ankara.', 'met', '2025-01-02'), '2024-12-03');
  assert.equal(anchored('en', 'The two presidents met on 3 December in Ankara.', 'met', '2024-12-05'), '2024-12-03');
  assert.equal(anchored('fr', 'Les deux présidents se sont rencontrés le 28 décembre à Paris.', 'rencontrés', '2025-01-04'), '2024-12-28');
  assert.equal(anchored('es', 'Los dos presidentes se reunieron el 14 de enero en Madrid.', 'reunieron', '2025-01-15'), '2025-01-14');
  assert.equal(anchored('es', 'Los dos presidentes se reunieron el 28 de diciembre en Madrid.', 'reunieron', '2025-01-04'), '2024-12-28');
  assert.equal(anchored('de', 'Die beiden Präsidenten trafen sich am 30. Dezember in Berlin.', 'trafen', '2025-01-02'), '2024-12-30');
  // the day after the anchor may still be meant (a text written the evening before): same year
  assert.equal(anchored('en', 'The two presidents met on 3 January in Ankara.', 'met', '2025-01-02'), '2025-01-03');
  // no anchor, no publication, no year: no date
  assert.equal(finding('en', 'The two presidents met on 3 December in Ankara.', 'met', null)?.value ?? null, null);
});

test('German and Russian month names', () => {
  assert.equal(dateIn('Sie trafen sich am 3. März 2023.', 'de', null), '2023-03-03');
  assert.equal(dateIn('Встреча 20 марта 2023 года', 'ru', null), '2023-03-20');
});

test('a month dateline: a day and month after its month belongs to the year before', () => {
  assert.equal(dateIn('They met on December 30.', 'en', { value: '2024-04', precision: 'month' }), '2023-12-30');
  assert.equal(dateIn('They met on March 30.', 'en', { value: '2024-04', precision: 'month' }), '2024-03-30');
});

test('"has since met ... on 2 January": without a dateline, the first such day after the date told before', () => {
  const text = 'Haniyeh avait, depuis, rencontré Hakan Fidan le 2 janvier.';
  const all = { start: 0, end: text.length };
  const trigger = { start: text.indexOf('rencontré'), end: text.indexOf('rencontré') + 9 };
  const at = (after: string): string | null => resolveDate(text, all, trigger, wordTokens(text, all), lexicons('fr'), null, null, { after })?.value ?? null;
  assert.equal(at('2023-07-26'), '2024-01-02');
  assert.equal(at('2023-01-01'), '2023-01-02');
});

test('a weekday counts back from the anchor day of a month dateline, five days at most, and not across "and"', () => {
  const pub = { value: '2024-04', precision: 'month' } as const;
  const at = (text: string): string | null => {
    const all = { start: 0, end: text.length };
    const i = text.indexOf('met');
    return resolveDate(text, all, { start: i, end: i + 3 }, wordTokens(text, all), lexicons('en'), pub, null, { anchor: '2024-04-20' })?.value ?? null;
  };
  assert.equal(at('On Wednesday they met in Doha.'), '2024-04-17');
  assert.equal(at('On Saturday they met in Istanbul.'), '2024-04-20');
  // Sunday: the day after the anchor may be meant, so no date
  assert.equal(at('On Sunday they met in Ankara.'), null);
  assert.equal(at('He arrived on Friday and met them.'), null);
  // no anchor, no date
  assert.equal(dateIn('On Wednesday they met.', 'en', pub), null);
});

test('a clause stating another year takes no date counted from the dateline', () => {
  // the weekday gives no day; the year the clause states is what is known, as a year
  assert.equal(dateIn('In 2019 they met on a Monday.', 'en', { value: '2024-11-20', precision: 'day' }), '2019');
  assert.equal(dateIn('They met today, in 2024.', 'en', { value: '2024-11-20', precision: 'day' }), '2024-11-20');
});

test('the anchor day: the one day a text dates with its weekday, confirmed by the calendar', () => {
  const text = 'Erdogan a reçu Haniyeh samedi 20 avril. Ils avaient parlé mercredi.';
  const sentences = [{ start: 0, end: 39 }, { start: 40, end: text.length }];
  const toks = (s: { start: number; end: number }) => wordTokens(text, s);
  assert.equal(findAnchorDay(text, sentences, lexicons('fr'), { value: '2024-04', precision: 'month' }, null, toks), '2024-04-20');
  // 20 April 2023 was a Thursday: the weekday does not confirm the year
  assert.equal(findAnchorDay(text, sentences, lexicons('fr'), { value: '2023-04', precision: 'month' }, null, toks), null);
  // a day-precise dateline needs no anchor
  assert.equal(findAnchorDay(text, sentences, lexicons('fr'), { value: '2024-04-21', precision: 'day' }, null, toks), null);
});

test("a day stated for a verb joined by 'and' yields to the trigger's own day", async () => {
  const { sentenceEvents } = await import('./sentence-events.ts');
  // dateline 2024-11-20, a Wednesday: Friday is 11-15, Saturday 11-16
  const [landed] = sentenceEvents('Joe Biden landed in Lima on Friday and held talks with Xi Jinping on Saturday.');
  assert.equal(landed?.date, '2024-11-16');
  // with no day of its own, the meeting still takes the only day the sentence states
  const [arrived] = sentenceEvents('Joe Biden arrived on Friday and met Xi Jinping.');
  assert.equal(arrived?.date, '2024-11-15');
  // a subject list before the trigger is no joined verb: "On Friday, Biden and Xi met"
  const [subjects] = sentenceEvents('On Friday, Joe Biden and Xi Jinping met in Lima.');
  assert.equal(subjects?.date, '2024-11-15');
});

/** The finding for the trigger word `trig` of `text`, with a publication day. */
function finding(lang: string, text: string, trig: string, pub: string | null = '2024-03-06', context = {}) {
  const all = { start: 0, end: text.length };
  const at = text.indexOf(trig);
  assert.ok(at >= 0, trig);
  const published: PartialDate | null = pub ? { value: pub, precision: 'day' } : null;
  const f = resolveDate(text, all, { start: at, end: at + trig.length }, wordTokens(text, all), lexicons(lang), published, null, context);
  return f && { value: f.value, precision: precisionOf(f), from: intervalOf(f)[0], to: intervalOf(f)[1], words: f.span ? text.slice(f.span.start, f.span.end) : null };
}

test('a month, with or without its year, is a month: never a day', () => {
  const nov = { value: '2022-11', precision: 'month', from: '2022-11-01', to: '2022-11-30' };
  assert.deepEqual(finding('en', 'The two presidents met in November 2022 in Doha.', 'met'), { ...nov, words: 'November 2022' });
  assert.deepEqual(finding('es', 'Los presidentes se reunieron en noviembre de 2022 en Doha.', 'reunieron'), { ...nov, words: 'noviembre de 2022' });
  assert.deepEqual(finding('ru', 'Президенты встретились в ноябре 2022 года в Дохе.', 'встретились'), { ...nov, words: 'ноябре 2022' });
  assert.deepEqual(finding('ar', 'التقى الرئيسان في نوفمبر 2022 في الدوحة.', 'التقى'), { ...nov, words: 'نوفمبر 2022' });
  assert.deepEqual(finding('de', 'Die Präsidenten trafen sich im November 2022 in Doha.', 'trafen'), { ...nov, words: 'November 2022' });
  // a month alone is the latest such month not after the document's time
  assert.equal(finding('en', 'They met in June in Rome.', 'met')?.value, '2023-06');
  assert.equal(finding('fr', 'Ils se sont rencontrés en février à Rome.', 'rencontrés')?.value, '2024-02');
  assert.equal(finding('pt', 'Os dois se reuniram em janeiro em Lisboa.', 'reuniram')?.value, '2024-01');
  // with no time to count from, a month without a year is unknown
  assert.equal(finding('en', 'They met in June in Rome.', 'met', null), null);
  // "may" the modal verb is no month: a month alone needs the words that make it a time
  assert.equal(finding('en', 'Officials say the leaders may meet soon.', 'meet'), null);
});

test('a year told as the time of the event is a year', () => {
  assert.deepEqual(finding('en', 'Their last meeting was in 2017 in Paris.', 'meeting'), { value: '2017', precision: 'year', from: '2017-01-01', to: '2017-12-31', words: '2017' });
  assert.equal(finding('fr', 'Ils se sont rencontrés en 2017 à Paris.', 'rencontrés')?.value, '2017');
  assert.equal(finding('ar', 'والتقى الرئيسان في عام 2017 في باريس.', 'التقى')?.value, '2017');
  assert.equal(finding('fa', 'دو رئیس جمهور در سال 2017 دیدار کردند.', 'دیدار')?.value, '2017');
  // a year that only counts something is no date
  assert.equal(finding('en', 'They met 2017 delegates.', 'met'), null);
});

test('relative months, years and weeks count from the document\'s time, never a day', () => {
  // 2024-03-06 is a Wednesday: last week is Monday 2024-02-26 to Sunday 2024-03-03
  assert.deepEqual(finding('en', 'The ministers met last week in Geneva.', 'met'), { value: '2024', precision: 'week', from: '2024-02-26', to: '2024-03-03', words: 'last week' });
  assert.deepEqual(finding('de', 'Die Minister trafen sich vergangene Woche in Genf.', 'trafen'), { value: '2024', precision: 'week', from: '2024-02-26', to: '2024-03-03', words: 'vergangene Woche' });
  assert.equal(finding('en', 'The ministers met last month in Geneva.', 'met')?.value, '2024-02');
  assert.equal(finding('fr', 'Les ministres se sont rencontrés le mois dernier à Genève.', 'rencontrés')?.value, '2024-02');
  assert.equal(finding('ru', 'Министры встретились в прошлом месяце в Женеве.', 'встретились')?.value, '2024-02');
  assert.equal(finding('pt', 'Os ministros se reuniram no ano passado em Genebra.', 'reuniram')?.value, '2023');
  assert.equal(finding('es', 'Los ministros se reunieron a principios de este año en Ginebra.', 'reunieron')?.value, '2024');
  assert.equal(finding('ar', 'التقى الوزيران الشهر الماضي في جنيف.', 'التقى')?.value, '2024-02');
  assert.equal(finding('fa', 'دو وزیر هفته گذشته در ژنو دیدار کردند.', 'دیدار')?.precision, 'week');
  assert.equal(finding('en', 'He met her earlier this year.', 'met')?.precision, 'year');
  // from a time anchor when no publication day is known; from nothing, nothing
  assert.equal(finding('en', 'The ministers met last month in Geneva.', 'met', null, { anchor: '2022-03-09' })?.value, '2022-02');
  assert.equal(finding('en', 'The ministers met last month in Geneva.', 'met', null), null);
});

test('a day beats a month or a year the clause also states', () => {
  assert.equal(finding('en', 'They met on 3 November 2022, in November.', 'met')?.value, '2022-11-03');
  assert.equal(finding('de', 'Im November 2022 trafen sie sich am 20. November 2022.', 'trafen')?.value, '2022-11-20');
});

test('a date next to a verb of saying dates the saying, not the meeting', () => {
  assert.equal(finding('en', 'Biden and Xi met in Lima, the White House said Friday.', 'met'), null);
  assert.equal(finding('en', 'Biden met Xi on Thursday, the White House said Friday.', 'met')?.value, '2024-02-29');
  assert.equal(finding('de', 'Scholz traf Macron am Dienstag, sagte ein Sprecher am Freitag.', 'traf')?.value, '2024-03-05');
  assert.equal(finding('es', 'Sánchez se reunió con Macron el martes, dijo el viernes un portavoz.', 'reunió')?.value, '2024-03-05');
  assert.equal(finding('fr', 'Macron a rencontré Scholz, a déclaré vendredi un porte-parole.', 'rencontré'), null);
  // the saying's date, with its subject between, or before the verb of saying
  assert.equal(finding('ar', 'وقال المتحدث الثلاثاء إن الرئيسين التقيا في روما.', 'التقيا'), null);
  assert.equal(finding('fr', 'Le ministère a déclaré mardi que les deux dirigeants se sont rencontrés à Rome.', 'rencontrés'), null);
  assert.equal(finding('es', 'El ministerio dijo el martes que los dos líderes se reunieron en Roma.', 'reunieron'), null);
  assert.equal(finding('en', 'A statement on Tuesday said they met.', 'met'), null);
  // a statement published or posted on a day dates the publishing
  assert.equal(finding('en', 'In a message posted Friday, the minister said he had spoken with his French counterpart by phone.', 'spoken'), null);
  assert.equal(finding('en', 'According to a readout published Tuesday, Scholz called Macron to discuss the budget.', 'called'), null);
  assert.equal(finding('en', 'A statement on Tuesday said they met on Monday.', 'met')?.value, '2024-03-04');
  // a verb of saying set off by commas, or before the meeting it tells of, leaves the date to the meeting
  assert.equal(finding('en', 'On Monday, the ministry said, the leaders met.', 'met')?.value, '2024-03-04');
  assert.equal(finding('en', 'He said they met on Monday.', 'met')?.value, '2024-03-04');
  assert.equal(finding('ar', 'التقى الرئيسان الثلاثاء في روما، وقال المتحدث إن اللقاء كان مثمرا.', 'التقى')?.value, '2024-03-05');
});

test('an earlier past is told as such, per language', () => {
  const earlier = (lang: string, text: string, trig: string): boolean => {
    const at = text.indexOf(trig);
    return toldAsEarlier(text, { start: 0, end: text.length }, { start: at, end: at + trig.length }, lexicons(lang));
  };
  assert.equal(earlier('en', 'Sisi had met Erdogan in Doha in November 2022.', 'met'), true);
  assert.equal(earlier('en', 'Sisi had already held talks with Erdogan in Doha.', 'talks'), true);
  assert.equal(earlier('en', 'Sisi and Erdogan had talks in Cairo on Wednesday.', 'talks'), false);
  assert.equal(earlier('en', 'Sisi met Erdogan in Cairo on Wednesday.', 'met'), false);
  assert.equal(earlier('ar', 'وكان السيسي قد التقى أردوغان في الدوحة.', 'التقى'), true);
  assert.equal(earlier('ar', 'التقى السيسي أردوغان في القاهرة.', 'التقى'), false);
  assert.equal(earlier('fr', 'Sissi avait rencontré Erdogan à Doha en 2022.', 'rencontré'), true);
  assert.equal(earlier('fr', 'Sissi a rencontré Erdogan au Caire.', 'rencontré'), false);
  assert.equal(earlier('de', 'Sisi hatte Erdogan im November 2022 in Doha getroffen.', 'getroffen'), true);
  assert.equal(earlier('de', 'Sisi hat Erdogan in Kairo getroffen.', 'getroffen'), false);
  assert.equal(earlier('es', 'Sisi se había reunido con Erdogan en Doha.', 'reunido'), true);
  assert.equal(earlier('pt', 'Sisi havia encontrado Erdogan em Doha.', 'encontrado'), true);
  assert.equal(earlier('fa', 'سیسی با اردوغان در دوحه دیدار کرده بود.', 'دیدار'), true);
  assert.equal(earlier('fa', 'سیسی با اردوغان در قاهره دیدار کرد.', 'دیدار'), false);
});

test('the time anchor of a text without a publication day: a day dated with its weekday, else the one day its captions state', () => {
  const anchorOf = (lang: string, text: string): string | null => {
    const sentences = text.split('\n').reduce<Array<{ start: number; end: number }>>((acc, line) => {
      const start = acc.length ? acc[acc.length - 1].end + 1 : 0;
      acc.push({ start, end: start + line.length });
      return acc;
    }, []);
    return findCountingDay(text, sentences, [], lexicons(lang), null, null, (s) => wordTokens(text, s));
  };
  // 9 March 2022 was a Wednesday
  assert.equal(anchorOf('en', 'Leaders meet\nWednesday, 9 March 2022\nThe two presidents met on Tuesday.'), '2022-03-09');
  assert.equal(anchorOf('de', 'Treffen in Ankara\nMittwoch, 9. März 2022\nDie Präsidenten trafen sich am Dienstag.'), '2022-03-09');
  assert.equal(anchorOf('en', 'The presidents met on Wednesday.\nPresident A (left) and President B in Ankara on March 9, 2022.\nMore text.'), '2022-03-09');
  assert.equal(anchorOf('fr', 'Les présidents se sont rencontrés mercredi.\nLe président A (à gauche) et le président B à Ankara le 9 mars 2022.'), '2022-03-09');
  assert.equal(anchorOf('es', 'Los presidentes se reunieron el miércoles.\nEl presidente A y el presidente B en Ankara, el 9 de marzo de 2022. (Foto: Juan Pérez/EFE)'), '2022-03-09');
  // a weekday that the date contradicts gives no anchor; two caption days give none
  assert.equal(anchorOf('en', 'Leaders meet\nThursday, 9 March 2022\nThey met.'), null);
  assert.equal(anchorOf('en', 'A (left) and B on March 9, 2022.\nC (left) and D on March 12, 2022.'), null);
  // no caption, no stated weekday: nothing
  assert.equal(anchorOf('en', 'The presidents met on Wednesday. The talks began on March 9, 2022.'), null);
});

test('a day and month in parentheses after a weekday, in the order the language writes them', () => {
  const month: PartialDate = { value: '2024-11', precision: 'month' };
  const at = (lang: string, text: string, trig: string): string | null => {
    const all = { start: 0, end: text.length };
    const i = text.indexOf(trig);
    return resolveDate(text, all, { start: i, end: i + trig.length }, wordTokens(text, all), lexicons(lang), month, null)?.value ?? null;
  };
  assert.equal(at('pt', 'O presidente recebeu os líderes nesta segunda-feira (18/11) no Rio.', 'recebeu'), '2024-11-18');
  assert.equal(at('es', 'El presidente recibió a los líderes este lunes (18/11) en Río.', 'recibió'), '2024-11-18');
  assert.equal(at('fr', 'Le président a reçu les dirigeants lundi (18/11) à Rio.', 'reçu'), '2024-11-18');
  assert.equal(at('en', 'The president met the leaders on Monday (11/18) in Rio.', 'met'), '2024-11-18');
  // a ratio in parentheses after a number is no date
  assert.equal(at('en', 'The president met the leaders, a 24 (24/7) service.', 'met'), null);
});

test('a meeting named as an earlier one is told as earlier, per language', () => {
  const earlier = (lang: string, text: string, trig: string): boolean => {
    const at = text.indexOf(trig);
    return toldAsEarlier(text, { start: 0, end: text.length }, { start: at, end: at + trig.length }, lexicons(lang));
  };
  assert.equal(earlier('en', 'Their last meeting was in 2017 in Paris.', 'meeting'), true);
  assert.equal(earlier('en', 'The meeting was held in Paris on Monday.', 'meeting'), false);
  assert.equal(earlier('de', 'Ihr letztes Treffen fand 2017 in Paris statt.', 'Treffen'), true);
  assert.equal(earlier('fr', 'Leur rencontre précédente remonte à 2017.', 'rencontre'), true);
  assert.equal(earlier('fr', 'Leur rencontre a eu lieu lundi à Paris.', 'rencontre'), false);
  assert.equal(earlier('es', 'Su última reunión fue en 2017 en París.', 'reunión'), true);
  assert.equal(earlier('ar', 'وكان اللقاء السابق بين الرئيسين في عام 2017.', 'اللقاء'), true);
  assert.equal(earlier('ar', 'وجرى اللقاء بين الرئيسين في باريس.', 'اللقاء'), false);
  assert.equal(earlier('ru', 'Их последняя встреча состоялась в 2017 году.', 'встреча'), true);
});

test('months, years and relative times in Turkish, Indonesian and Hebrew', () => {
  assert.equal(finding('tr', 'İki lider geçen ay Ankara’da görüştü.', 'görüştü')?.value, '2024-02');
  assert.equal(finding('tr', 'İki lider Kasım 2022’de Doha’da görüştü.', 'görüştü')?.value, '2022-11');
  assert.equal(finding('id', 'Kedua pemimpin bertemu pada bulan November 2022 di Doha.', 'bertemu')?.value, '2022-11');
  assert.deepEqual(finding('id', 'Kedua pemimpin bertemu pekan lalu di Jakarta.', 'bertemu')?.from, '2024-02-26');
  assert.equal(finding('id', 'Kedua pemimpin bertemu tahun lalu di Jakarta.', 'bertemu')?.value, '2023');
  assert.equal(finding('he', 'שני המנהיגים נפגשו בחודש שעבר בירושלים.', 'נפגשו')?.value, '2024-02');
  assert.equal(finding('he', 'שני המנהיגים נפגשו בנובמבר 2022 בדוחה.', 'נפגשו')?.value, '2022-11');
  // "next year" is no "this year"
  assert.equal(finding('he', 'שני המנהיגים ייפגשו בשנה הבאה, השנה הבאה תהיה חשובה.', 'ייפגשו'), null);
});

test("a month or a year parted from the trigger by punctuation is another clause's, unless the trigger is told as earlier", () => {
  assert.equal(finding('en', 'Xi, who visited Moscow in 2019, met Putin in Beijing.', 'met'), null);
  assert.equal(finding('en', 'Xi met Putin, with whom he signed a treaty in 2001.', 'met'), null);
  assert.equal(finding('de', 'Xi, der im Jahr 2019 Moskau besuchte, traf Putin in Peking.', 'traf'), null);
  assert.equal(finding('fr', 'Xi, qui a visité Moscou en 2019, a rencontré Poutine à Pékin.', 'rencontré'), null);
  assert.equal(finding('es', 'Xi, quien visitó Moscú en 2019, se reunió con Putin en Pekín.', 'reunió'), null);
  // the trigger's own time phrase, or the time phrase of an earlier past between commas
  assert.equal(finding('en', 'Xi met Putin in Beijing in 2019.', 'met')?.value, '2019');
  assert.equal(finding('ar', 'وكان السيسي قد التقى أردوغان، في نوفمبر 2022، بدولة قطر.', 'التقى')?.value, '2022-11');
  assert.equal(finding('en', 'Xi had met Putin, in October 2023, in Beijing.', 'met')?.value, '2023-10');
});
