import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allMatches, matchesOrNull } from './all-matches.ts';

const same = (re: RegExp, text: string) => {
  const want = [...text.matchAll(re)].map((m) => [m.index, [...m]]);
  const got = allMatches(re, text).map((m) => [m.index, [...m]]);
  assert.deepEqual(got, want);
};

test('the matches matchAll gives, groups and all', () => {
  same(/(?<![\p{L}])(met|talks?) (with)?/giu, 'They met with him; talks went on. Met again, talk.');
  same(/\b(\d{1,2})[./](\d{1,2})\b/g, '1.2 and 03/04, not 123.4');
  same(/x/g, 'no such letter');
});

test('empty matches move on by a whole character, code points under u', () => {
  same(/a*/g, 'baab');
  same(/(?:)/gu, 'a😀b');
  same(/(?:)/g, 'a😀b');
});

test('starts where lastIndex stands and leaves it there', () => {
  const re = /o/g;
  re.lastIndex = 5;
  same(re, 'foo boo zoo');
  assert.equal(re.lastIndex, 5);
  assert.deepEqual(allMatches(re, 'foo boo zoo').map((m) => m.index), [5, 6, 9, 10]);
  assert.equal(re.lastIndex, 5);
});

test('a body that uses the same expression does not disturb the matches', () => {
  const re = /\w+/g;
  const seen: string[] = [];
  for (const m of allMatches(re, 'one two three')) {
    re.test('zzz');
    seen.push(m[0]);
  }
  assert.deepEqual(seen, ['one', 'two', 'three']);
});

test('wants a global expression, as matchAll does', () => {
  assert.throws(() => allMatches(/a/, 'a'), TypeError);
});

test('matchesOrNull: null where allMatches finds none, else the same matches; lastIndex as found', () => {
  const re = /\bmet\b/gu;
  re.lastIndex = 0;
  assert.equal(matchesOrNull(re, 'they talked'), null);
  assert.equal(re.lastIndex, 0);
  const text = 'Putin met Xi; they met again';
  assert.deepEqual(matchesOrNull(re, text)!.map((m) => m.index), allMatches(re, text).map((m) => m.index));
  assert.equal(re.lastIndex, 0);
  re.lastIndex = 12;
  assert.deepEqual(matchesOrNull(re, text)!.map((m) => m.index), [19]);
  assert.equal(re.lastIndex, 12);
  const empty = /x*/gu;
  assert.deepEqual(matchesOrNull(empty, 'a😀b')!.map((m) => m.index), allMatches(empty, 'a😀b').map((m) => m.index));
});
