import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { KbEntry } from '../core/types.ts';
import { addEntityNames, buildPeople, buildPlaces, keepPlaceName } from './build.ts';
import { readAdmin1, readCountries, readGeoPlaces } from './geonames.ts';
import { loadPositionMap } from './positions.ts';
import { readEntityLines, readHolderCsv, readJurisdictions } from './wikidata.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

// a hand-written base of my own: one country with a capital, one person with a role
const hand: KbEntry[] = [
  { id: 'iran', kind: 'place', name: 'Iran', aliases: ['Islamic Republic of Iran'], type: 'country' },
  { id: 'spain', kind: 'place', name: 'Spain', aliases: ['España'], type: 'country' },
  { id: 'united-states', kind: 'place', name: 'United States', aliases: ['United States of America', 'USA'], type: 'country' },
  { id: 'tehran', kind: 'place', name: 'Tehran', aliases: ['Teheran'], type: 'city', within: 'iran' },
  {
    id: 'mohammad-javad-zarif',
    kind: 'person',
    name: 'Mohammad Javad Zarif',
    aliases: ['Zarif'],
    country: 'iran',
    roles: [{ role: 'foreign-minister', of: 'iran', from: '2013-08-15', to: '2021-08-25' }],
  },
];

async function places() {
  return buildPlaces({
    countries: readCountries(fixture('countryInfo.txt')),
    admin1: readAdmin1(fixture('admin1.txt')),
    places: readGeoPlaces(fixture('cities.txt')),
    countryNames: { '2510769': { en: 'Spain', de: 'Spanien', ar: 'إسبانيا' } },
    languages: ['ar', 'de', 'en'],
    handWritten: hand,
  });
}

async function people() {
  const { countryIndex } = await places();
  return buildPeople({
    rows: readHolderCsv(fixture('holders.csv')),
    positions: loadPositionMap(),
    jurisdictions: await readJurisdictions(fixture('repo_jurisdictions.csv')),
    countryIndex,
    handWritten: hand,
  });
}

test('places: hand-written countries and cities are linked (ids, coordinates), the others generated with within from admin codes', async () => {
  const { places: generated, links } = await places();
  assert.ok(!generated.some((p) => p.id === 'tehran' || p.id === 'iran' || p.id === 'spain'));
  const tehran = links.find((l) => l.id === 'tehran')!;
  assert.equal(tehran.geonames, '112931');
  assert.ok(Math.abs(tehran.lat! - 35.69439) < 1e-9);
  assert.equal(links.find((l) => l.id === 'iran')?.geonames, '130758');
  const isfahan = generated.find((p) => p.name === 'Isfahan')!;
  assert.equal(isfahan.type, 'city');
  assert.equal(isfahan.source.geonames, '418863');
  assert.equal(isfahan.population, 1547164);
  const region = generated.find((p) => p.id === isfahan.within)!;
  assert.equal(region.type, 'region');
  assert.equal(region.within, 'iran');
  // aliases: names in Cyrillic, Arabic/Persian, Han; a code-like alias and a digit-bearing one are not kept
  for (const a of ['Esfahan', 'Исфахан', 'اصفهان', '伊斯法罕']) assert.ok(isfahan.aliases.includes(a), a);
  assert.ok(!isfahan.aliases.includes('4-Isfahan'));
  // a region named like a city of the base is named with its country, so the name finds the city
  const tehranRegion = generated.find((p) => p.source.geonames === '110791')!;
  assert.equal(tehranRegion.name, 'Tehran (region of Iran)');
  const madridRegion = generated.find((p) => p.source.geonames === '3117732')!;
  assert.equal(madridRegion.within, 'spain');
  assert.equal(generated.find((p) => p.name === 'Madrid')!.within, madridRegion.id);
});

test('place names kept: written as names or in a script Parley reads; codes and lower-case romanizations are not', () => {
  assert.ok(keepPlaceName('La Coruña'));
  assert.ok(keepPlaceName('Тегеран'));
  assert.ok(keepPlaceName('تهران'));
  assert.ok(keepPlaceName('德黑兰'));
  assert.ok(keepPlaceName('テヘラン'));
  assert.ok(!keepPlaceName('THR'));
  assert.ok(!keepPlaceName('tehelan'));
  assert.ok(!keepPlaceName('4-Isfahan'));
});

test('people: dated roles of country ids, the hand-written person linked, an open-ended stale term closed by its successor', async () => {
  const { people: generated, links } = await people();
  assert.deepEqual(links, [{ id: 'mohammad-javad-zarif', wikidata: 'Q297318' }]);
  const aa = generated.find((p) => p.source.wikidata === 'Q17991320')!;
  assert.equal(aa.country, 'iran');
  assert.deepEqual(aa.roles, [{ role: 'foreign-minister', of: 'iran', from: '2021-08-25' }]);
  const velayati = generated.find((p) => p.name === 'Ali Akbar Velayati')!;
  // open-ended since 1981 in the data; the next holder of the post began 2013-08-15 (Zarif)
  assert.deepEqual(velayati.roles, [{ role: 'foreign-minister', of: 'iran', from: '1981-12-15', to: '2013-08-15' }]);
  assert.deepEqual(generated.find((p) => p.name === 'Pedro Sánchez')!.roles, [{ role: 'prime-minister', of: 'spain', from: '2018-06-02' }]);
  // unmapped positions stay their label; "the United States of America" finds the country
  assert.equal(generated.find((p) => p.name === 'Carolina Darias')!.roles![0].role, 'Minister of Health');
  assert.deepEqual(generated.find((p) => p.name === 'Antony Blinken')!.roles, [{ role: 'foreign-minister', of: 'united-states', from: '2021-01-26' }]);
  assert.equal(generated.find((p) => p.name === 'Magnus Brunner')!.roles![0].role, 'Secretary of State');
});

test('a generated term that overlaps a hand-written holder of the same role gives way to it', async () => {
  const { countryIndex } = await places();
  const rows = (async function* () {
    yield { personId: 'Q900', person: 'Someone Else', position: 'Minister of Foreign Affairs', start: '2010-01-01', jurisdiction: 'Iran' };
    yield { personId: 'Q901', person: 'Inside Term', position: 'Minister of Foreign Affairs', start: '2015-01-01', end: '2016-01-01', jurisdiction: 'Iran' };
  })();
  const { people: generated } = await buildPeople({ rows, positions: loadPositionMap(), jurisdictions: new Map(), countryIndex, handWritten: hand });
  assert.deepEqual(generated.find((p) => p.name === 'Someone Else')!.roles, [{ role: 'foreign-minister', of: 'iran', from: '2010-01-01', to: '2013-08-15' }]);
  assert.deepEqual(generated.find((p) => p.name === 'Inside Term')!.roles, []);
});

test('entity dumps add labels and aliases in every language to the imported person with that Wikidata id', async () => {
  const { people: generated } = await people();
  await addEntityNames(generated, readEntityLines(fixture('entities.jsonl')));
  const aa = generated.find((p) => p.source.wikidata === 'Q17991320')!;
  for (const n of ['حسین امیرعبداللهیان', 'حسين أمير عبد اللهيان', 'Хосейн Амир Абдоллахиан', '侯赛因·阿米尔-阿卜杜拉希扬', 'Hossein Amir Abdollahian']) assert.ok(aa.aliases.includes(n), n);
  assert.ok(!aa.aliases.includes('Hossein Amir-Abdollahian')); // its own name is not an alias
});

test('city aliases: a word of the multi-word name, very short names and small cities in Han are left out', async () => {
  const { cityAlias } = await import('./build.ts');
  const tuxtla = { name: 'Tuxtla Gutiérrez', asciiName: 'Tuxtla Gutierrez', population: 600_000 };
  assert.ok(!cityAlias('Gutiérrez', tuxtla));
  assert.ok(cityAlias('Tuxtla', tuxtla) === false);
  assert.ok(cityAlias('Тустла-Гутьеррес', tuxtla));
  assert.ok(!cityAlias('خبر', { name: 'Khobar', asciiName: 'Khobar', population: 600_000 }));
  assert.ok(!cityAlias('太平', { name: 'Taiping', asciiName: 'Taiping', population: 200_000 }));
  assert.ok(cityAlias('德黑兰', { name: 'Tehran', asciiName: 'Tehran', population: 8_000_000 }));
  assert.ok(cityAlias('Téhéran', { name: 'Tehran', asciiName: 'Tehran', population: 8_000_000 }));
});
