import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { qid, readEntityLines, readHolderCsv, readHolderSparqlJson, readHolders, readJurisdictions, wikiDate } from './wikidata.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('dates: ISO, xsd:dateTime and Wikibase times with their precision', () => {
  assert.equal(wikiDate('2021-08-25'), '2021-08-25');
  assert.equal(wikiDate('2022-03'), '2022-03');
  assert.equal(wikiDate('2021-08-25T00:00:00Z'), '2021-08-25');
  assert.equal(wikiDate('+2024-05-00T00:00:00Z', 10), '2024-05');
  assert.equal(wikiDate('+1979-00-00T00:00:00Z', 9), '1979');
  assert.equal(wikiDate('+1979-02-11T00:00:00Z', 9), '1979');
  assert.equal(wikiDate(''), undefined);
  assert.equal(qid('http://www.wikidata.org/entity/Q794'), 'Q794');
  assert.equal(qid('Iran'), '');
});

test('holders21 CSV: one term a row, the extract repository as jurisdiction, rows without a name dropped', async () => {
  const rows = await all(readHolderCsv(fixture('holders.csv')));
  assert.equal(rows.length, 7);
  assert.deepEqual(rows[1], { personId: 'Q17991320', person: 'Hossein Amir-Abdollahian', position: 'Minister of Foreign Affairs', start: '2021-08-25', jurisdiction: 'iran-ministers' });
  assert.equal(rows[4].end, '2022-03');
  assert.equal(rows[3].person, 'Pedro Sánchez');
});

test("the query service's CSV answer: entity URIs become ids, dateTimes dates", async () => {
  const rows = await all(readHolders(fixture('query-answer.csv')));
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0], {
    personId: 'Q17991320',
    person: 'Hossein Amir-Abdollahian',
    position: 'Minister of Foreign Affairs',
    positionId: 'Q3409203',
    start: '2021-08-25',
    end: '2024-05-19',
    jurisdiction: 'Iran',
    jurisdictionId: 'Q794',
  });
  assert.equal(rows[1].position, 'President of the Government');
  assert.equal(rows[1].end, undefined);
});

test("the query service's JSON answer: bindings read like CSV rows; a binding without labels is dropped", async () => {
  const rows = await all(readHolderSparqlJson(fixture('query-answer.json')));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].personId, 'Q17991320');
  assert.equal(rows[0].jurisdiction, 'Iran');
  assert.equal(rows[0].start, '2021-08-25');
});

test('entity dump lines: labels and aliases in every language, dated positions, deprecated statements and broken lines skipped', async () => {
  const entities = await all(readEntityLines(fixture('entities.jsonl')));
  assert.equal(entities.length, 2);
  const [e] = entities;
  assert.equal(e.labels.fa, 'حسین امیرعبداللهیان');
  assert.equal(e.labels.ar, 'حسين أمير عبد اللهيان');
  assert.equal(e.labels.ru, 'Хосейн Амир Абдоллахиан');
  assert.equal(e.labels.zh, '侯赛因·阿米尔-阿卜杜拉希扬');
  assert.deepEqual(e.aliases.de, ['Hossein Amir Abdollahian']);
  assert.deepEqual(e.positions, [{ positionId: 'Q3409203', start: '2021-08-25', end: '2024-05' }]);
  assert.deepEqual(entities[1].positions, []);
});

test('repo_jurisdictions.csv: repository -> jurisdiction name', async () => {
  const map = await readJurisdictions(fixture('repo_jurisdictions.csv'));
  assert.equal(map.get('iran-ministers'), 'Iran');
  assert.equal(map.get('us-cabinet'), 'the United States of America');
});
