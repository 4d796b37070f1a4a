import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './split-sentences.ts';
import { findNoise } from './find-noise.ts';
import { corpusAvailable, readCorpus } from './test-corpus.ts';

const { splitSentences } = mod;

function texts(text: string, lang = 'en', noise = findNoise(text, lang)): string[] {
  return splitSentences(text, noise, lang).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['createSentenceSplitter', 'splitSentences']));

  it('keeps abbreviations and dates inside sentences', () => {
    const text = 'U.S. President Joe Biden met Gen. Milley and Dr. Smith in Bali on Monday, Nov. 14, 2022. The U.N. chief was not there. Sen. Jones and Gov. Brown said so!';
    assert.deepEqual(texts(text), [
      'U.S. President Joe Biden met Gen. Milley and Dr. Smith in Bali on Monday, Nov. 14, 2022.',
      'The U.N. chief was not there.',
      'Sen. Jones and Gov. Brown said so!',
    ]);
  });

  it('uses French abbreviations', () => {
    const text = "M. Macron a reçu Mme. Dupont à l'Elysée. Ils ont parlé.";
    assert.deepEqual(texts(text, 'fr'), ["M. Macron a reçu Mme. Dupont à l'Elysée.", 'Ils ont parlé.']);
  });

  it('splits a missing space after a period but not domain names', () => {
    const text = 'The deal is between Israel and the UAE.The meeting was attended by members. Paralel.Az reports it.';
    assert.deepEqual(texts(text), ['The deal is between Israel and the UAE.', 'The meeting was attended by members.', 'Paralel.Az reports it.']);
  });

  it('never crosses a paragraph break and skips noise', () => {
    const text = 'Headline without period\n\nListen to article\n\nFirst paragraph ends here\nSecond paragraph starts. It goes on.\n\nError! Error occured!';
    const sentences = splitSentences(text, findNoise(text, 'en'), 'en');
    assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), ['Headline without period', 'First paragraph ends here', 'Second paragraph starts.', 'It goes on.']);
    assert.deepEqual(sentences.map((s) => s.paragraph), [0, 1, 2, 2]);
    assert.deepEqual(sentences.map((s) => s.index), [0, 1, 2, 3]);
  });

  it('keeps a hard-wrapped sentence whole', () => {
    const text = 'The two leaders met in Beirut\non Sunday and talked. Then they left.';
    assert.deepEqual(texts(text), ['The two leaders met in Beirut\non Sunday and talked.', 'Then they left.']);
  });

  it('splits Chinese and quoted sentences', () => {
    assert.deepEqual(texts('习近平会见普京。两国元首举行会谈！', 'zh'), ['习近平会见普京。', '两国元首举行会谈！']);
    assert.deepEqual(texts('“It’s great to see you.” Biden told Xi. He smiled.'), ['“It’s great to see you.”', 'Biden told Xi.', 'He smiled.']);
  });

  it('gives exact, trimmed offsets on the whole corpus', { skip: !corpusAvailable() && 'no /work/shared corpus' }, () => {
    for (const d of readCorpus()) {
      const noise = findNoise(d.text, 'und');
      const sentences = splitSentences(d.text, noise, 'und');
      assert.ok(sentences.length > 0, d.id);
      let last = -1;
      for (const s of sentences) {
        const t = d.text.slice(s.start, s.end);
        assert.equal(t, t.trim(), d.id);
        assert.ok(s.start >= last, d.id);
        assert.ok(!/\n\s*\n/.test(t), `${d.id}: ${t}`);
        assert.ok(!noise.some((r) => s.start < r.end && r.start < s.end), `${d.id} overlaps noise: ${t}`);
        last = s.end;
      }
    }
  });
  it('ends Arabic questions at ؟ and keeps Arabic-script abbreviations whole', () => {
    const read = (text: string, lang: string) => splitSentences(text, [], lang).map((x) => text.slice(x.start, x.end));
    assert.deepEqual(read('هل التقى بوتين أردوغان؟ نعم، التقيا في سوتشي.', 'ar'), ['هل التقى بوتين أردوغان؟', 'نعم، التقيا في سوتشي.']);
    assert.deepEqual(read('التقى د. محمد مصطفى الرئيس عباس. وبحث الجانبان الأوضاع.', 'ar'), ['التقى د. محمد مصطفى الرئيس عباس.', 'وبحث الجانبان الأوضاع.']);
    assert.deepEqual(read('در تاریخ ۲۸ آبان ۱۴۰۳ ه.ش. دیدار انجام شد. سپس بازگشت.', 'fa'), ['در تاریخ ۲۸ آبان ۱۴۰۳ ه.ش. دیدار انجام شد.', 'سپس بازگشت.']);
    assert.deepEqual(read('وزیر اعظم نے ملاقات کی۔ اس کے بعد واپس آئے۔', 'ur'), ['وزیر اعظم نے ملاقات کی۔', 'اس کے بعد واپس آئے۔']);
  });
});
