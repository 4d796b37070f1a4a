import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './lang-data.ts';

const { loadLangData, phraseToRegExp, lexiconLanguages } = mod;

describe('lang-data', () => {
  it('exports', () =>
    assert.deepEqual(Object.keys(mod).sort(), ['DEFAULT_LANG_DIR', 'defaultLangData', 'escapeRegExp', 'lexiconLanguages', 'loadLangData', 'phraseToRegExp']));

  const data = loadLangData();

  it('ships the languages the text stage needs', () => {
    for (const l of ['en', 'fr', 'de', 'es', 'pt', 'ru', 'ar', 'tr']) assert.ok(data.byLang.get(l)?.noise, `noise ${l}`);
    for (const l of ['en', 'fr', 'de', 'es', 'pt', 'ru', 'ar', 'fa', 'tr', 'id', 'zh', 'he']) {
      assert.equal(data.byLang.get(l)?.dates?.months.length, 12, `dates ${l}`);
      assert.ok(Array.isArray(data.byLang.get(l)?.abbreviations), `abbreviations ${l}`);
    }
  });

  it('compiles every noise phrase', () => {
    for (const [, d] of data.byLang) for (const list of Object.values(d.noise ?? {})) for (const p of list as string[]) phraseToRegExp(p);
  });

  it('reads literal phrases case-insensitively and /patterns/ as written', () => {
    assert.ok(phraseToRegExp('listen to article').test('Listen to Article'));
    assert.ok(phraseToRegExp('/^\\d+ posts?$/i').test('40 Posts'));
    assert.ok(!phraseToRegExp('/^[\\p{Lu}]+$/u').test('iqna'));
  });

  it('adds English to a language and uses all for und', () => {
    assert.deepEqual(lexiconLanguages(data, 'fr'), ['fr', 'en']);
    assert.deepEqual(lexiconLanguages(data, 'und'), data.languages);
  });
});
