import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames } from '../actors/match/index.ts';
import { skeletonKey } from '../actors/name-key.ts';
import type { GeneratedEntry } from './build.ts';
import { addNativeNames, NATIVE_TARGETS, nativeSpelling } from './native-names.ts';

const target = (lang: string) => NATIVE_TARGETS.find((t) => t.lang === lang)!;

test('Cyrillic (ru): every letter written, Russian letters only (х for h, not Kazakh һ)', () => {
  assert.equal(nativeSpelling('Vladimir Putin', target('ru')), 'владимир путин');
  assert.equal(nativeSpelling('Ebrahim Raisi', target('ru')), 'ебрахим раиси');
  assert.equal(nativeSpelling('Pedro Sánchez', target('ru')), 'педро санчез');
});

test('Arabic (ar) and Persian (fa): long vowels only, Persian letters for Persian', () => {
  const ar = nativeSpelling('Ebrahim Raisi', target('ar'))!;
  const fa = nativeSpelling('Ebrahim Raisi', target('fa'))!;
  assert.match(ar, /^[\p{Script=Arabic} ]+$/u);
  assert.ok(ar.endsWith('ريسي'), ar);
  assert.ok(fa.endsWith('ریسی'), fa); // Persian yeh
  assert.ok(!/[ي]/.test(fa));
  assert.equal(nativeSpelling('Mohammed bin Salman', target('ar')), 'محمد بين سلمن');
});

test('Hebrew (he): final letter forms at the end of a word only', () => {
  const he = nativeSpelling('Mohammed bin Salman', target('he'))!;
  assert.match(he, /^[\p{Script=Hebrew} ]+$/u);
  assert.ok(he.endsWith('ן'), he);
  assert.ok(!/[ךםןףץ]\S/u.test(he), he);
});

test('every derived spelling is read back by the matcher as the Latin name', () => {
  for (const name of ['Vladimir Putin', 'Ebrahim Raisi', 'Antony Blinken', 'Tamim bin Hamad Al Thani', 'Recep Tayyip Erdoğan']) {
    for (const t of NATIVE_TARGETS) {
      const s = nativeSpelling(name, t);
      if (!s) continue;
      assert.equal(skeletonKey(s, t.lang), skeletonKey(name), `${t.lang} ${s}`);
      assert.ok(compareNames(s, name, { kind: 'person', lang: t.lang }).match, `${t.lang} ${s} ~ ${name}`);
    }
  }
});

test('addNativeNames adds each script once to the people chosen', () => {
  const people: GeneratedEntry[] = [
    { id: 'a', kind: 'person', name: 'Vladimir Putin', aliases: ['владимир путин'], source: { wikidata: 'Q7747' } },
    { id: 'b', kind: 'person', name: 'Antony Blinken', aliases: [], source: { wikidata: 'Q4775283' } },
  ];
  const added = addNativeNames(people, (p) => p.id === 'a');
  assert.equal(people[1].aliases.length, 0);
  assert.ok(added >= 2);
  assert.equal(people[0].aliases.filter((a) => a === 'владимир путин').length, 1);
});
