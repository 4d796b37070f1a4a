// The ingest summary counts documents per detected language and names those no event lexicon
// reads (their documents yield no events), through the real pipeline.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { countWords, runIngest } from './run-ingest.ts';
import { createPipeline } from './analyze.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { languageLine } from '../cli/ingest.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-langs-'));
  const put = (name: string, text: string) => writeFileSync(join(dir, name), text);
  put('en1.txt', 'Talks in Rome\n\nThe Italian foreign minister met his French counterpart in Rome on Tuesday to discuss the border.\n');
  put('en2.txt', 'Visit\n\nThe two leaders met in Berlin on Monday and spoke about trade and energy for an hour.\n');
  put('fr1.txt', "Visite\n\nLe président a rencontré mardi à Paris le Premier ministre pour parler de la situation économique du pays.\n");
  put('ja1.txt', '首脳会談\n\n両国の首脳は月曜日に東京で会談し、経済協力について話し合った。会談は約一時間続いたという。\n');
  put('sw1.txt', 'Mkutano wa viongozi\n\nRais alikutana na waziri mkuu jijini Nairobi siku ya Jumatatu kujadili biashara na usalama wa kanda. Viongozi hao walisema kwamba nchi zao zitashirikiana zaidi katika kilimo na elimu, na kwamba mazungumzo yataendelea mwezi ujao.\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('runIngest: documents per language, most first, and the languages without an event lexicon', async () => {
  const store = openSqliteStore(join(dir, 'db.sqlite'));
  try {
    const summary = await runIngest({ paths: [dir], store, pipeline: createPipeline() });
    assert.equal(summary.ingested, 5);
    assert.deepEqual(summary.languages, { en: 2, fr: 1, ja: 1, sw: 1 });
    assert.deepEqual(Object.keys(summary.languages), ['en', 'fr', 'ja', 'sw']);
    assert.deepEqual(summary.noLexicon, ['ja', 'sw']);
    assert.equal(languageLine(summary), '5 documents: en 2, fr 1, ja 1, sw 1 (no event lexicon: ja, sw)');
    // nothing new is analyzed on a second run: nothing to count
    const again = await runIngest({ paths: [dir], store, pipeline: createPipeline() });
    assert.deepEqual(again.languages, {});
    assert.deepEqual(again.noLexicon, []);
  } finally {
    await store.close();
  }
});

test('languageLine: no parenthesis when every language has a lexicon, nothing when nothing was read', () => {
  assert.equal(languageLine({ languages: { es: 1 }, noLexicon: [] }), '1 document: es 1');
  assert.equal(languageLine({ languages: {}, noLexicon: [] }), '');
});

test('countWords counts what /\\S+/g matches, Unicode spaces included, without the array', () => {
  const pieces = ['Putin', 'Си', 'Цзиньпин', '会谈', 'x', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\u202f', '\ufeff', '\u200b', '\u2028', '\u180e', '-'];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 0; n < 300; n++) {
    const text = Array.from({ length: Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    assert.equal(countWords(text), (text.match(/\S+/g) ?? []).length, JSON.stringify(text));
  }
});
