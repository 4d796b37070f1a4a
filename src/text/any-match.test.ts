import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyMatch, union } from './any-match.ts';
import { WORD_END, WORD_START } from './word-pattern.ts';

const word = (w: string) => new RegExp(`${WORD_START}${w}${WORD_END}`, 'giu');

test('the union matches a text exactly when one of the patterns does, in any script', () => {
  const patterns = [word('prime minister'), word('Außenminister'), word('وزير الخارجية'), word('министр'), /会谈/giu];
  const any = anyMatch(patterns, (re) => re);
  const texts = [
    'The prime minister arrived.',
    'The prime ministers arrived.', // no word end after "minister"
    'Der Außenminister reiste ab.',
    'Der Außenministerin reiste ab.',
    'التقى وزير الخارجية نظيره',
    'Министр прибыл в Москву.',
    'заместитель министра', // another form: no match
    '两国领导人举行会谈',
    'Nothing here at all.',
  ];
  for (const t of texts) {
    const one = patterns.some((re) => {
      re.lastIndex = 0;
      return re.test(t);
    });
    assert.equal(any(t), one, t);
  }
  assert.equal(any('Nothing here at all.'), false);
  assert.equal(any('The prime minister arrived.'), true);
});

test('alternatives inside a pattern stay inside it: its own boundaries still bind them', () => {
  // unbracketed "a|b" patterns: the union keeps each whole, so "xb" needs b at the end of the text
  const any = anyMatch([/^a|b$/u, /c/u], (re) => re);
  assert.equal(any('ab'), true);
  assert.equal(any('xa'), false);
  assert.equal(any('bx'), false);
  assert.equal(any('xcx'), true);
});

test('no union where it would not mean the same: it never skips then', () => {
  assert.equal(union([/(a)\1/u]), null, 'back-reference: group numbers shift in a union');
  assert.equal(union([/(?<x>a)\k<x>/u]), null, 'named back-reference');
  assert.equal(union([/a/iu, /b/u]), null, 'different flags');
  assert.equal(union([/(?<n>a)/u, /(?<n>b)/u]), null, 'a group name twice');
  assert.ok(union([/a/giu, /b/iu]), 'g and y do not matter to a test');
  const any = anyMatch([/(a)\1/u, /b/u], (re) => re);
  assert.equal(any('nothing'), true, 'without a union every text is scanned pattern by pattern');
});

test('an empty list matches nothing, and a list is compiled once', () => {
  assert.equal(anyMatch([], (re: RegExp) => re)('anything'), false);
  const list = [{ re: /x/u }];
  assert.equal(anyMatch(list, (i) => i.re), anyMatch(list, (i) => i.re));
});

test('patterns bounded by word edges share them in the union, which still matches exactly when one does', () => {
  const patterns = [word('met(?: with)?'), word('talks'), new RegExp(`${WORD_START}a${WORD_END}|b`, 'giu'), word('x\\\\'), /会谈/giu];
  const re = union(patterns)!;
  assert.equal(re.source.split(WORD_START).length - 1, 2, 'one shared start for the first two, one inside the top-level "a|b" pattern kept whole');
  const any = anyMatch(patterns, (p) => p);
  for (const t of ['they met', 'metwith', 'the talks', 'talkshow', 'xb', 'a', 'ab', 'cab', 'x\\', 'x\\y', '举行会谈', 'none']) {
    const one = patterns.some((p) => {
      p.lastIndex = 0;
      return p.test(t);
    });
    assert.equal(any(t), one, t);
  }
});
