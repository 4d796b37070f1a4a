import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mod from './tokenize.ts';

const { tokenize } = mod;

describe('tokenize', () => {
  it('exports', () => assert.deepEqual(Object.keys(mod).sort(), ['createTokenizer', 'tokenize']));

  it('gives words, numbers, punctuation and symbols with exact offsets', () => {
    const text = 'Xi met Putin on March 20, 2023: 1,400 people & $5.';
    const tokens = tokenize(text, [{ start: 0, end: text.length }]);
    const got = tokens.map((t) => [text.slice(t.start, t.end), t.kind]);
    assert.deepEqual(got, [
      ['Xi', 'word'], ['met', 'word'], ['Putin', 'word'], ['on', 'word'], ['March', 'word'], ['20', 'number'], [',', 'punct'],
      ['2023', 'number'], [':', 'punct'], ['1,400', 'number'], ['people', 'word'], ['&', 'punct'], ['$', 'symbol'], ['5', 'number'], ['.', 'punct'],
    ]);
  });

  it('cuts Chinese into words and keeps sentence offsets', () => {
    const text = '标题\n习近平会见普京。';
    const tokens = tokenize(text, [{ start: 3, end: text.length }]);
    const words = tokens.filter((t) => t.kind === 'word').map((t) => text.slice(t.start, t.end));
    assert.ok(words.length >= 2, JSON.stringify(words));
    assert.equal(words.join(''), '习近平会见普京');
    assert.equal(text.slice(tokens.at(-1)!.start, tokens.at(-1)!.end), '。');
  });
});
