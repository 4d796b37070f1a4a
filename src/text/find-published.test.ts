import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './find-published.ts';
import { findNoise } from './find-noise.ts';
import { corpusAvailable, readCorpus } from './test-corpus.ts';

const { findPublished } = mod;

function check(text: string, lang: string, value: string | null, words?: string) {
  const p = findPublished(text, lang, findNoise(text, lang));
  assert.equal(p?.value ?? null, value, text.slice(0, 80));
  if (p && words !== undefined) assert.equal(text.slice(p.span.start, p.span.end), words);
  return p;
}

describe('findPublished', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['createPublishedFinder', 'findPublished']));

  it('reads datelines in Persian (Solar Hijri), Arabic-Indic digits and Chinese', () => {
    check('دیدار پوتین و پزشکیان\n\nتهران - ۲۸ آبان ۱۴۰۳\n\nرئیس جمهور روسیه با رئیس جمهور ایران دیدار کرد.', 'fa', '2024-11-18', '۲۸ آبان ۱۴۰۳');
    check('القاهرة - ١٨ نوفمبر ٢٠٢٤\n\nاستقبل الرئيس المصري الرئيس الفلسطيني.', 'ar', '2024-11-18', '١٨ نوفمبر ٢٠٢٤');
    check('新华社北京2024年11月18日电\n\n国家主席习近平会见俄罗斯总统普京。', 'zh', '2024-11-18', '2024年11月18日');
  });

  it('reads the date shapes of datelines', () => {
    check('Title here\n\n2023-09-02 21:42:35\nBody text follows.', 'en', '2023-09-02', '2023-09-02 21:42:35');
    check(' date 2023-06-14 Some lead sentence here.', 'en', '2023-06-14', '2023-06-14');
    assert.equal(check(' date 2024-04 Le chef du Hamas a été reçu.', 'fr', '2024-04', '2024-04')?.precision, 'month');
    check('Headline\nJune 22, 2023\nBody.', 'en', '2023-06-22', 'June 22, 2023');
    check('1. Politics\nJun 23, 2022, 12:00 PM\n\nHeadline', 'en', '2022-06-23', 'Jun 23, 2022');
    check('IQNA\n\nTitel\n\n23:38 - June 23, 2022\nText.', 'de', '2022-06-23', 'June 23, 2022');
    check('Titre\n22 juin 2023\nLe président a parlé.', 'fr', '2023-06-22', '22 juin 2023');
    check('Überschrift\n08.07.2024\nDer Text.', 'de', '2024-07-08', '08.07.2024');
    check('November 14, 2022 Biden, Xi meet during G20 summit\n\nText.', 'en', '2022-11-14', 'November 14, 2022');
    check('٢ Title\n15 مارس 2024\nنص', 'ar', '2024-03-15', '15 مارس 2024');
    check('标题\n2023年3月20日\n正文。', 'zh', '2023-03-20', '2023年3月20日');
  });

  it('gives no year it cannot read', () => {
    check('MOSCOW, March 20 (Xinhua): Xi met Putin.', 'en', null);
    check('Беседа\nМосква. 20 марта. INTERFAX.RU - В Москве завершилась встреча.', 'ru', null);
    check('Received today, Thursday, the head of the bureau.', 'en', null);
  });

  it('takes a dateline year from a caption of the same day or a stated month', () => {
    const text = 'Xi speaks to Putin in Moscow, Monday, March 20, 2023. - AP\nMOSCOW, March 20 (Xinhua): Xi met Putin.';
    check(text, 'en', '2023-03-20', 'March 20');
    check(" date 2023-04 Titre\n\n(Actualisé) PARIS/KYIV, 15 avril (Reuters) - Les présidents ont parlé.", 'fr', '2023-04-15', '15 avril');
  });

  it('takes the earliest of the date lines a page header states: the site states the day it was served', () => {
    check('Москва\n3 декабря 2026 / 10:15\nКурсы\nUSD\n03/12\n91.20\nEUR\n03/12\n99.10\nПолитика\nЛавров встретился с коллегой\n14 мая 2024 / 12:01\nЛавров встретился с коллегой\n\nМинистр провёл переговоры.', 'ru', '2024-05-14', '14 мая 2024');
    check('Startseite\n05.12.2026\nPolitik\nScholz trifft Macron\n12.03.2024\nDer Kanzler traf den Präsidenten.', 'de', '2024-03-12', '12.03.2024');
    check('Accueil\n5 décembre 2026\nMacron reçoit Scholz\n12 mars 2024\nLe président a reçu le chancelier.', 'fr', '2024-03-12', '12 mars 2024');
    // a date inside a body sentence is no date line: the header's own date stays
    check('Headline\nMay 20, 2024\nOn May 2, 2024 the ministers met in Rome.', 'en', '2024-05-20', 'May 20, 2024');
  });

  it('reads a date line with a time zone as a date line, not a caption', () => {
    check('Leaders meet in Jakarta\n16:14 JST, April 30, 2022\nJAKARTA — The leaders met on Friday.', 'en', '2022-04-30', 'April 30, 2022');
    check('Líderes se reúnen\n09:30 CET, 4 de mayo de 2023\nMADRID — Los líderes se reunieron.', 'es', '2023-05-04', '4 de mayo de 2023');
  });

  it('ignores dates outside the dateline area', () => {
    const text = 'Headline\n' + 'Body sentence without any date at all.\n'.repeat(30) + 'On June 22, 2023 they met.';
    check(text, 'en', null);
  });

  it('agrees with every gold published value in the corpus', { skip: !corpusAvailable() && 'no /work/shared corpus' }, () => {
    const docs = readCorpus();
    assert.ok(docs.length > 0);
    let agree = 0;
    for (const d of docs) {
      const p = findPublished(d.text, 'und', findNoise(d.text, 'und'));
      const ok = (p?.value ?? null) === d.published || (d.published === null && p?.precision === 'month');
      assert.ok(ok, `${d.id}: got ${p?.value ?? null}, gold ${d.published}`);
      if (p) assert.match(d.text.slice(p.span.start, p.span.end), /\d/);
      agree++;
    }
    assert.equal(agree, docs.length);
  });
});
