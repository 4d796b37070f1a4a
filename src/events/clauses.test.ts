// Clause structure on sentences written here, with the shipped openers of each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseIndexAt, governors, modalWindow, splitClauses } from './clauses.ts';
import { modalityFor } from './modality.ts';

const split = (lang: string, s: string) => splitClauses(s, { start: 0, end: s.length }, modalityFor(lang).openers);
const at = (s: string, word: string): number => s.indexOf(word);

test('en: a relative clause is inserted; the clause after it carries on the subject', () => {
  const s = 'Emmanuel Macron, who met Olaf Scholz on Monday, will visit Beijing next week.';
  const c = split('en', s);
  const met = clauseIndexAt(c, at(s, 'met'));
  const visit = clauseIndexAt(c, at(s, 'visit'));
  assert.equal(c[met].opener, 'relative');
  assert.notEqual(met, visit);
  assert.equal(c[visit].head, 0);
  // the "will" of the main clause is not in the window of "met", and the relative is masked out of the main one
  const w = modalWindow(c, met);
  assert.ok(!s.slice(w.span.start, w.span.end).includes('will'));
  const v = modalWindow(c, visit);
  assert.equal(v.masks.length, 1);
  assert.ok(s.slice(v.masks[0].start, v.masks[0].end).includes('who met'));
});

test('en: "denied media reports that": the complement is governed by the denial', () => {
  const s = 'The Kremlin denied media reports that Vladimir Putin met Recep Tayyip Erdogan.';
  const c = split('en', s);
  const i = clauseIndexAt(c, at(s, 'met'));
  assert.equal(c[i].opener, 'complement');
  assert.deepEqual(governors(c, i).map((k) => s.slice(c[k].start, c[k].end).trim()), ['The Kremlin denied media reports']);
});

test('fr: "selon lesquelles" opens one complement, not a relative inside it', () => {
  const s = 'Le Kremlin a démenti les informations selon lesquelles Vladimir Poutine a rencontré Erdogan.';
  const c = split('fr', s);
  const i = clauseIndexAt(c, at(s, 'rencontré'));
  assert.equal(c[i].opener, 'complement');
  assert.equal(governors(c, i).length, 1);
});

test('de: "der" opens a relative clause only after a comma; a bare comma keeps the clause', () => {
  const s = 'Scholz traf die Kanzlerin, die am Montag in Berlin war.';
  const c = split('de', s);
  assert.equal(c.length, 2);
  assert.equal(c[1].opener, 'relative');
  const t = 'Scholz soll sich, wie ein Sprecher sagte, mit Macron treffen.';
  const d = split('de', t);
  const w = modalWindow(d, clauseIndexAt(d, at(t, 'treffen')));
  assert.ok(t.slice(w.span.start, w.span.end).includes('soll'));
});

test('ar: a complement under a relative under a denial is governed by it', () => {
  const s = 'نفت الرئاسة التقارير التي تحدثت عن أن السيسي التقى أردوغان.';
  const c = split('ar', s);
  const i = clauseIndexAt(c, at(s, 'التقى'));
  assert.equal(c[i].opener, 'complement');
  const up = governors(c, i).map((k) => s.slice(c[k].start, c[k].end).trim());
  assert.ok(up.includes('نفت الرئاسة التقارير'));
});

test('ru: a relative clause is no governor of the main clause', () => {
  const s = 'Путин, который отрицал это, встретился с Эрдоганом.';
  const c = split('ru', s);
  const i = clauseIndexAt(c, at(s, 'встретился'));
  assert.equal(c[i].opener, null);
  assert.deepEqual(governors(c, i), []);
});
