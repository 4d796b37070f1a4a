// Who says so, the rest of it, on sentences written for these tests: a joint statement kept
// through the store and exported; corrections as claims on the event they correct; statement
// owners named by a pronoun or a role; outlets the knowledge base does not hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPipeline, forStorage } from '../pipeline/analyze.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { buildEventsJson } from '../export/events-json.ts';

const pipeline = createPipeline();
const analyze = (id: string, language: string, text: string, published = '2024-03-05', outlet = 'Outlet') =>
  pipeline.analyze({ id, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: { published, outlet, language } });

for (const [lang, text] of [
  ['en', 'Vladimir Putin and Recep Tayyip Erdogan met in Sochi on Friday, according to a joint statement.'],
  ['fr', 'Vladimir Poutine et Recep Tayyip Erdogan se sont rencontrés vendredi à Sotchi, selon une déclaration conjointe.'],
  ['de', 'Wladimir Putin und Recep Tayyip Erdoğan trafen sich am Freitag in Sotschi, hieß es in einer gemeinsamen Erklärung.'],
  ['es', 'Vladímir Putin y Recep Tayyip Erdogan se reunieron el viernes en Sochi, según una declaración conjunta.'],
] as const) {
  test(`a joint statement is stored as one and exported (${lang})`, async () => {
    const a = analyze(`j-${lang}`, lang, text);
    assert.equal(a.reports.length, 1, `one report in ${lang}`);
    const store = openSqliteStore(':memory:');
    try {
      await store.saveBatch([forStorage(a)]);
      const [e] = (await buildEventsJson(store)).events;
      const official = e.mentions[0].attribution.filter((x) => x.kind === 'official');
      assert.equal(official.length, 1, JSON.stringify(e.mentions[0].attribution));
      assert.equal(official[0].joint, true);
      assert.equal(e.status.status, 'confirmed', 'the sides\' own words');
    } finally {
      await store.close();
    }
  });
}
