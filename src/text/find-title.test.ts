import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './find-title.ts';
import { findNoise } from './find-noise.ts';
import { findPublished } from './find-published.ts';

const { findTitle } = mod;

function title(text: string, lang = 'en'): string | null {
  const noise = findNoise(text, lang);
  const t = findTitle(text, noise, findPublished(text, lang, noise)?.span ?? null);
  return t && text.slice(t.start, t.end);
}

describe('findTitle', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['findTitle']));

  it('takes a headline-shaped first line', () => {
    assert.equal(title('Hassan Nasrallah, Ismail Haniyeh meet in Lebanon\n\nTEHRAN (MNA) – They met.'), 'Hassan Nasrallah, Ismail Haniyeh meet in Lebanon');
    assert.equal(title('Hezbollah Urges Unity Until Final Victory Is Achieved!\n\nText.'), 'Hezbollah Urges Unity Until Final Victory Is Achieved!');
  });

  it('skips noise before it and a leading date', () => {
    assert.equal(title(' date 2022-11-14 Skip to Content\nPresident Biden in Bali for G-20 Summit\n\nBody.'), 'President Biden in Bali for G-20 Summit');
    assert.equal(title('IQNA\n\nAnalyse über Entwicklungen in Palästina\n\n23:38 - June 23, 2022\nText.', 'de'), 'Analyse über Entwicklungen in Palästina');
    assert.equal(title('November 14, 2022 Biden, Xi meet during G20 summit\n\nText.'), 'Biden, Xi meet during G20 summit');
  });

  it('gives null when the text starts with a sentence', () => {
    assert.equal(title('The Secretary-General of Hezbollah received today the head of Hamas.\n\nMore text.'), null);
    assert.equal(title(''), null);
  });
});
