import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './analyze-text.ts';
import { corpusAvailable, readCorpus } from './test-corpus.ts';

const { createTextAnalyzer } = mod;

describe('createTextAnalyzer', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['createTextAnalyzer']));

  const analyze = createTextAnalyzer();

  it('composes noise, language, date, title, sentences and tokens', () => {
    const text = 'Lebanon’s Hezbollah chief meets Palestinian leaders\n\n2023-09-02 21:42:35\nLebanon’s Hezbollah chief meets Palestinian leaders\n\nSayyed Hassan Nasrallah met Ziyad al-Nakhalah and Saleh al-Arouri in Beirut. They discussed the West Bank.\n\nError! Error occured!';
    const a = analyze(text);
    assert.equal(a.language, 'en');
    assert.equal(a.title && text.slice(a.title.start, a.title.end), 'Lebanon’s Hezbollah chief meets Palestinian leaders');
    assert.equal(a.published?.value, '2023-09-02');
    assert.equal(a.published && text.slice(a.published.span.start, a.published.span.end), '2023-09-02 21:42:35');
    assert.deepEqual(a.noise.map((r) => [r.kind, text.slice(r.start, r.end)]), [
      ['boilerplate', '2023-09-02 21:42:35'],
      ['repeated-title', 'Lebanon’s Hezbollah chief meets Palestinian leaders'],
      ['error-banner', 'Error! Error occured!'],
    ]);
    assert.deepEqual(a.sentences.map((s) => text.slice(s.start, s.end)), [
      'Lebanon’s Hezbollah chief meets Palestinian leaders',
      'Sayyed Hassan Nasrallah met Ziyad al-Nakhalah and Saleh al-Arouri in Beirut.',
      'They discussed the West Bank.',
    ]);
    assert.ok(a.tokens.some((t) => text.slice(t.start, t.end) === 'Nasrallah' && t.kind === 'word'));
  });

  it('takes the language from meta when the text is too short to tell', () => {
    assert.equal(analyze('Short text.', { language: 'fr' }).language, 'fr');
    assert.equal(analyze('Short text.', { language: 'pt-BR' }).language, 'pt');
  });

  it('checks a declared language against the text: the text wins when it clearly reads otherwise', () => {
    const es = 'El presidente del Gobierno se reunió el lunes con la primera ministra de Italia en Roma para hablar de la migración y de los fondos europeos, según informó su oficina.';
    assert.equal(analyze(es, { language: 'en' }).language, 'es');
    assert.equal(analyze(es, { language: 'es-ES' }).language, 'es');
    const fa = 'رئیس جمهور ایران روز دوشنبه در تهران با وزیر امور خارجه عمان دیدار و گفت‌وگو کرد و دو طرف درباره روابط دوجانبه و تحولات منطقه رایزنی کردند.';
    assert.equal(analyze(fa, { language: 'ar' }).language, 'fa');
    const ru = 'Президент России провёл в понедельник в Кремле переговоры с президентом Индонезии, сообщила пресс-служба главы государства.';
    assert.equal(analyze(ru, { language: 'en' }).language, 'ru');
    // close siblings the text cannot reliably tell apart: the declaration stands
    const ms = 'Perdana Menteri bertemu dengan Presiden di Jakarta pada hari ini untuk membincangkan kerjasama ekonomi antara kedua-dua negara.';
    assert.equal(analyze(ms, { language: 'ms' }).language, 'ms');
  });

  it('keeps every span inside the text on the whole corpus', { skip: !corpusAvailable() && 'no /work/shared corpus' }, () => {
    for (const d of readCorpus()) {
      const a = analyze(d.text);
      for (const s of [...a.sentences, ...a.tokens, ...a.noise]) {
        assert.ok(0 <= s.start && s.start < s.end && s.end <= d.text.length, d.id);
      }
      for (const t of a.tokens) assert.ok(d.text.slice(t.start, t.end).trim().length > 0, d.id);
    }
  });
});
