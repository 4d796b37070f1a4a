import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readAdmin1, readAlternateNames, readCountries, readGeoPlaces } from './geonames.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('GeoNames cities: coordinates, admin codes, population and untagged alternate names in every script', async () => {
  const places = await all(readGeoPlaces(fixture('cities.txt')));
  assert.equal(places.length, 3);
  const tehran = places[0];
  assert.equal(tehran.geonameId, '112931');
  assert.equal(tehran.country, 'IR');
  assert.equal(tehran.admin1, '26');
  assert.equal(tehran.featureCode, 'PPLC');
  assert.equal(tehran.population, 8693706);
  assert.ok(Math.abs(tehran.lat - 35.69439) < 1e-9 && Math.abs(tehran.lon - 51.42151) < 1e-9);
  for (const n of ['Téhéran', 'Тегеран', 'טהראן', 'طهران', 'تهران', '德黑兰']) assert.ok(tehran.alternateNames.includes(n), n);
  assert.equal(places[2].admin2, 'M');
});

test('GeoNames admin-1 codes: the header line is skipped, codes keep their country', async () => {
  const regions = await all(readAdmin1(fixture('admin1.txt')));
  assert.deepEqual(regions.map((r) => r.code), ['IR.26', 'IR.28', 'ES.29']);
  assert.equal(regions[1].name, 'Esfahan');
  assert.equal(regions[1].geonameId, '418862');
});

test('GeoNames countries: comment lines skipped, languages and neighbours split', async () => {
  const countries = await all(readCountries(fixture('countryInfo.txt')));
  assert.equal(countries.length, 2);
  assert.equal(countries[0].iso, 'IR');
  assert.equal(countries[0].capital, 'Tehran');
  assert.equal(countries[0].geonameId, '130758');
  assert.deepEqual(countries[0].languages, ['fa-IR', 'ku']);
  assert.deepEqual(countries[1].neighbours, ['AD', 'FR', 'GI', 'PT', 'MA']);
});

test('GeoNames alternate names: language tags and flags (preferred, short, historic)', async () => {
  const names = await all(readAlternateNames(fixture('alternateNames.txt')));
  assert.equal(names.length, 4);
  assert.deepEqual([names[0].lang, names[0].name, names[0].preferred], ['fa', 'تهران', true]);
  assert.equal(names[1].short, true);
  assert.equal(names[2].lang, 'iata');
  assert.equal(names[3].historic, true);
});
