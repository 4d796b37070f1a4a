import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NoiseKind, NoiseRange } from '../core/types.ts';
import * as mod from './find-noise.ts';
import { corpusAvailable, corpusDoc } from './test-corpus.ts';

const { findNoise } = mod;

function marked(text: string, ranges: NoiseRange[]): [NoiseKind, string][] {
  return ranges.map((r) => [r.kind, text.slice(r.start, r.end)]);
}

function has(text: string, lang: string, kind: NoiseKind, words: string) {
  const got = marked(text, findNoise(text, lang));
  assert.ok(got.some(([k, w]) => k === kind && w === words), `expected ${kind} "${words}" in ${JSON.stringify(got)}`);
}

describe('findNoise', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['createNoiseFinder', 'findNoise']));

  it('marks widgets, banners and furniture as ranges without touching the text', () => {
    const text = [
      'In the fight against Israel: Hezbollah consults with Hamas about “real victory”',
      '',
      'In the fight against Israel',
      'Listen to article',
      '',
      'This audio version was artificially generated. More info | Send feedback',
      '',
      'The head of Hezbollah met senior representatives of Hamas. The meeting focused on the war and on what the men called a real victory for their side, it said in a long statement.',
      '',
      'Already a subscriber? Log in',
      'Save 30% OFF The Star Digital Access',
      '4066136',
      'captcha',
      'source site',
      '',
      'Error! Error occured!',
    ].join('\n');
    has(text, 'en', 'repeated-title', 'In the fight against Israel');
    has(text, 'en', 'widget', 'Listen to article');
    has(text, 'en', 'widget', 'This audio version was artificially generated. More info | Send feedback');
    has(text, 'en', 'widget', 'Already a subscriber? Log in');
    has(text, 'en', 'widget', 'Save 30% OFF The Star Digital Access');
    has(text, 'en', 'boilerplate', '4066136');
    has(text, 'en', 'boilerplate', 'captcha');
    has(text, 'en', 'boilerplate', 'source site');
    has(text, 'en', 'error-banner', 'Error! Error occured!');
    const body = findNoise(text, 'en').filter((r) => text.slice(r.start, r.end).includes('The head of Hezbollah'));
    assert.deepEqual(body, []);
  });

  it('marks photo captions and credits', () => {
    const t1 = 'Chinese President Xi Jinping gestures as he speaks to Russian President Vladimir Putin in Moscow, Monday, March 20, 2023. - AP\nMOSCOW, March 20 (Xinhua): Xi met Putin at the Kremlin on Monday.';
    has(t1, 'en', 'caption', t1.split('\n')[0]);
    const t2 = ' date 2022-11-15 U.S. President Joe Biden attends a meeting in Nusa Dua, Bali, Monday, Nov. 14, 2022. Achmad Ibrahim/Pool via REUTERS\n\nThe two men met on Bali.';
    has(t2, 'en', 'boilerplate', 'date 2022-11-15');
    has(t2, 'en', 'caption', 'U.S. President Joe Biden attends a meeting in Nusa Dua, Bali, Monday, Nov. 14, 2022. Achmad Ibrahim/Pool via REUTERS');
    const t3 = ' date 2024-04 (PRESIDENCE TURQUE / AGENCE ANADOLU VIA AFP)\n\nLe chef du Hamas a été reçu à Istanbul.';
    has(t3, 'fr', 'caption', '(PRESIDENCE TURQUE / AGENCE ANADOLU VIA AFP)');
    const t4 = 'Title of the story\nPhoto: Jane Doe for the agency\nThe story begins here with a long sentence.';
    has(t4, 'en', 'caption', 'Photo: Jane Doe for the agency');
  });

  it('marks a lead-photo caption under the title', () => {
    const text = 'Hezbollah Urges Unity Among Resistance Groups!\n\nHezbollah fighters in Lebanon during a training exercise\n\n' + 'The secretary general of Hezbollah has underscored the significance of unity among resistance groups until final victory, in a meeting in Beirut on Wednesday.';
    has(text, 'en', 'caption', 'Hezbollah fighters in Lebanon during a training exercise');
  });

  it('marks a trailing unrelated bulleted item and everything after it', () => {
    const lead = 'Nasrallah met Hamas leaders in Beirut on Wednesday to discuss the war. '.repeat(5);
    const tail = '  • Meanwhile, Iran has condemned Australia’s sanctions.\n\nAustralia’s sanctions came on Tuesday.';
    const text = `Headline\n\n${lead}\n\n${tail}`;
    has(text, 'en', 'trailer', '• Meanwhile, Iran has condemned Australia’s sanctions.\n\nAustralia’s sanctions came on Tuesday.');
  });

  it('marks comment sections and related lists', () => {
    const lead = 'The two leaders met in Ankara on Saturday and discussed the war. '.repeat(5);
    const text = `Headline\n\n${lead}\n\nRelated articles\nErdogan hosts Haniyeh\nFidan meets Hamas in Doha\n\nThe talks lasted two hours, officials said later.\n\nComments\nGreat article!\nI disagree.`;
    has(text, 'en', 'related', 'Related articles');
    has(text, 'en', 'related', 'Fidan meets Hamas in Doha');
    has(text, 'en', 'comments', 'Comments\nGreat article!\nI disagree.');
  });

  it('marks parenthetical bylines and agency sign-offs', () => {
    const text = 'Le président a parlé samedi. (Rédigé par Tangi Salaün à Paris)\n\nMalaysia held the chairmanship in 2015. — Bernama';
    has(text, 'fr', 'boilerplate', '(Rédigé par Tangi Salaün à Paris)');
    has(text, 'en', 'boilerplate', '— Bernama');
  });

  it('finds the noise of the dev corpus', { skip: !corpusAvailable() && 'no /work/shared corpus' }, () => {
    const w01 = corpusDoc('w01-thestar-xinhua-xi-putin')!;
    const first = w01.text.split('\n')[0];
    has(w01.text, 'en', 'caption', first);
    assert.match(first, /- AP$/);
    const w07 = corpusDoc('w07-exbulletin-biden-xi-widodo')!;
    const caption = findNoise(w07.text, 'en').filter((r) => r.kind === 'caption');
    assert.ok(caption.length >= 1);
    assert.match(w07.text.slice(caption[0].start, caption[0].end), /Achmad Ibrahim\/Pool via REUTERS$/);
    const a03 = corpusDoc('a03-iqna-de-haniyeh-nasrallah')!;
    has(a03.text, 'de', 'boilerplate', 'Nachrichten-ID: 3006355');
    has(a03.text, 'de', 'boilerplate', 'captcha');
    const s004 = corpusDoc('004_549740e79651c825')!;
    has(s004.text, 'en', 'widget', 'Listen to article');
  });
});
