// Reports with no date at all, in four languages, that put one meeting in the same city are one
// event through the real path (extraction -> store -> merge): the store gives the merge each
// place's level (a city says where; a country only in which state) and the cities a document
// mentions. A report of the same people in another city stays apart.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildEventsJson, createPipeline, openSqliteStore, runIngest } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-same-place-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DOCS: Record<string, string> = {
  'en-a': 'Leaders talk trade\n\nBrazilian President Luiz Inácio Lula da Silva met Argentine President Javier Milei in Montevideo. The two leaders discussed trade and the Mercosur agreement.\n',
  'fr-b': 'Commerce régional\n\nLe président brésilien Luiz Inácio Lula da Silva a rencontré le président argentin Javier Milei à Montevideo. Les deux dirigeants ont parlé du commerce.\n',
  'es-c': 'Cumbre regional\n\nEl presidente brasileño Luiz Inácio Lula da Silva se reunió con el presidente argentino Javier Milei en Montevideo. Ambos hablaron de comercio.\n',
  'pt-e': 'Encontro em Montevidéu\n\nO presidente brasileiro Luiz Inácio Lula da Silva se reuniu com o presidente argentino Javier Milei em Montevidéu. Os dois falaram sobre comércio.\n',
  'de-d': 'Handel in Südamerika\n\nDer brasilianische Präsident Luiz Inácio Lula da Silva traf den argentinischen Präsidenten Javier Milei in Santiago de Chile. Die beiden sprachen über den Handel.\n',
};

test('undated reports of one meeting in one city merge across languages; another city stays apart', async () => {
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (const [id, text] of Object.entries(DOCS)) writeFileSync(join(corpus, `${id}.txt`), text);
  const store = openSqliteStore(join(dir, 'store.db'));
  await runIngest({ paths: [corpus], store, pipeline: createPipeline() });
  const events = await store.listEvents();
  const json = await buildEventsJson(store);
  await store.close();
  const docsOf = json.events.map((e) => [...new Set(e.mentions.map((m) => m.doc))].sort().join(' ')).sort();
  assert.deepEqual(docsOf, ['de-d', 'en-a es-c fr-b pt-e']);
  const montevideo = json.events.find((e) => e.mentions.length === 4)!;
  assert.equal(montevideo.date, null);
  const joined = events.find((e) => e.reports.length === 4)!;
  assert.ok(joined.judgements.every((j) => j.rule === 'same-place'), JSON.stringify(joined.judgements.map((j) => j.rule)));
});
