import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPipeline } from '../pipeline/analyze.ts';

const pipeline = createPipeline();
const pairs = (text: string): string[] => {
  const a = pipeline.analyze({ id: 'd', text, meta: { published: '2025-03-04' } } as never);
  return a.reports.map((r) => r.participants.map((p) => p.actorId).sort().join('+'));
};

test('German separable verbs: "traf … ein" (arrived) is no meeting, even at the invitation of a host', () => {
  assert.deepEqual(pairs('Auf Einladung von Präsident Emmanuel Macron traf Bundeskanzler Olaf Scholz am Montagabend in Paris ein.'), []);
  assert.deepEqual(pairs('Bundeskanzler Olaf Scholz traf am Montag in Paris ein und wurde am Flughafen begrüßt.'), []);
});

test('German: "traf" without a particle closing its clause is still a meeting; a particle of another clause does not count', () => {
  assert.equal(pairs('Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron.').length, 1);
  assert.equal(pairs('Bundeskanzler Olaf Scholz traf am Montag Präsident Emmanuel Macron, nachdem er in Paris eingetroffen war.').length, 1);
  assert.equal(pairs('Bundeskanzler Olaf Scholz traf am Montag Präsident Emmanuel Macron und lud ihn nach Berlin ein.').length, 1);
  // "ein" as an article is no particle
  assert.equal(pairs('Bundeskanzler Olaf Scholz traf sich mit Präsident Emmanuel Macron zu einem Gespräch über ein Abkommen.').length, 1);
});

test('German: "trifft … zu" (is true) is no meeting', () => {
  assert.deepEqual(pairs('Der Bericht, wonach Olaf Scholz Emmanuel Macron in Paris gesehen habe, trifft nach Angaben der Regierung nicht zu.').filter((p) => p.includes('scholz')), []);
});
