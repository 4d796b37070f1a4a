// One generation of the shipped base: the open data in a folder laid out like ../shared/data
// (wikidata-office-holders/, geonames/) plus the hand-written entries -> data/kb/generated/.
// Used by scripts/build-kb.ts (npm run kb:build) and `parley kb import`.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbEntry } from '../core/types.ts';
import { addEntityNames, buildPeople, buildPlaces, type GeneratedEntry, type Link } from './build.ts';
import { readAdmin1, readCountries, readGeoPlaces } from './geonames.ts';
import { loadPositionMap, type PositionMap } from './positions.ts';
import { readEntityLines, readHolders, readJurisdictions, type HolderRow } from './wikidata.ts';
import { addNativeNames } from './native-names.ts';

export const DEFAULT_GENERATED_DIR = fileURLToPath(new URL('../../data/kb/generated/', import.meta.url));
export const HAND_WRITTEN_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));
const LANG_DIR = fileURLToPath(new URL('../../data/lang/', import.meta.url));

/** The hand-written entries: every *.json array under data/kb/ (the generated folder holds none). */
export function readHandWritten(dir: string = HAND_WRITTEN_DIR): KbEntry[] {
  const out: KbEntry[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) out.push(...(JSON.parse(readFileSync(path, 'utf8')) as KbEntry[]));
    }
  };
  walk(dir);
  return out;
}

/** The languages Parley has lexicons for (data/lang/<lang>/): their country names become aliases. */
export function parleyLanguages(dir: string = LANG_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort() : ['en'];
}

export interface GenerateOptions {
  /** folder laid out like ../shared/data */
  dataDir: string;
  /** extra holder files (holders CSV, office-holders.rq answers as CSV or JSON) */
  holderFiles?: string[];
  /** Wikidata entity dumps (JSON lines): labels and aliases of imported people in every language */
  entityFiles?: string[];
  /**
   * Add Arabic, Persian, Hebrew and Cyrillic spellings derived from the transliteration tables
   * (native-names.ts). Off by default: measured on ../shared/corpus* (src/kb/native-report.ts) they
   * resolve no native spelling the matcher's skeleton keys did not already resolve, and each one
   * costs index memory in every analysis thread.
   */
  nativeNames?: boolean;
  handWritten?: KbEntry[];
  positions?: PositionMap;
  progress?: (stage: string, count: number) => void;
}

export interface Generated {
  people: GeneratedEntry[];
  places: GeneratedEntry[];
  links: Link[];
  unresolvedJurisdictions: string[];
}

async function* counted<T>(items: AsyncIterable<T>, stage: string, progress?: (stage: string, count: number) => void): AsyncGenerator<T> {
  let n = 0;
  for await (const item of items) {
    yield item;
    if (++n % 5000 === 0) progress?.(stage, n);
  }
  progress?.(stage, n);
}

async function* concat(files: string[]): AsyncGenerator<HolderRow> {
  for (const f of files) yield* readHolders(f);
}

export async function generateKnowledgeBase(options: GenerateOptions): Promise<Generated> {
  const geo = join(options.dataDir, 'geonames');
  const wd = join(options.dataDir, 'wikidata-office-holders');
  const handWritten = options.handWritten ?? readHandWritten();
  const translations = join(geo, 'country_translations.json');
  const { places, links: placeLinks, countryIndex } = await buildPlaces({
    countries: counted(readCountries(join(geo, 'countryInfo.tsv')), 'countries', options.progress),
    admin1: counted(readAdmin1(join(geo, 'regionInfo.tsv')), 'regions', options.progress),
    places: counted(readGeoPlaces(join(geo, 'cities15000.txt')), 'cities', options.progress),
    countryNames: existsSync(translations) ? JSON.parse(readFileSync(translations, 'utf8')) : undefined,
    languages: parleyLanguages(),
    handWritten,
  });
  const holderFiles = [join(wd, 'holders21_all.csv'), ...(options.holderFiles ?? [])].filter((f) => existsSync(f));
  const jurisdictionsFile = join(wd, 'repo_jurisdictions.csv');
  const { people, links: peopleLinks, unresolvedJurisdictions } = await buildPeople({
    rows: counted(concat(holderFiles), 'office terms', options.progress),
    positions: options.positions ?? loadPositionMap(),
    jurisdictions: existsSync(jurisdictionsFile) ? await readJurisdictions(jurisdictionsFile) : new Map(),
    countryIndex,
    handWritten,
  });
  for (const f of options.entityFiles ?? []) await addEntityNames(people, counted(readEntityLines(f), 'entities', options.progress));
  if (options.nativeNames) addNativeNames(people);
  return { people, places, links: [...peopleLinks, ...placeLinks], unresolvedJurisdictions };
}

const CREDIT = `# Generated knowledge base

Do not edit these files: \`npm run kb:build\` writes them (src/kb/generate.ts) from the open data in
../shared/data plus the hand-written entries in data/kb/people, places and organizations, which stay
authoritative where they disagree.

- people.jsonl: people from Wikidata office holders (every-politician-scrapers' holders21 extracts,
  results of Wikidata queries, CC0), with dated roles; \`source.wikidata\` is the person's Wikidata id.
- places.jsonl: countries, admin-1 regions and cities (population over 15,000) from GeoNames, with
  coordinates, population and \`within\`; \`source.geonames\` is the GeoNames id.
- links.jsonl: hand-written entries found in the open data: their Wikidata or GeoNames ids and,
  for places, coordinates and population.

One JSON object per line, read by src/kb/load.ts.

Place data: GeoNames (https://www.geonames.org/), licensed under Creative Commons Attribution 4.0
(CC BY 4.0). Person data: Wikidata (https://www.wikidata.org/), CC0.
`;

function writeJsonl(path: string, items: unknown[]): void {
  writeFileSync(path, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
}

export function writeGenerated(result: Generated, dir: string = DEFAULT_GENERATED_DIR): void {
  mkdirSync(dir, { recursive: true });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  writeJsonl(join(dir, 'people.jsonl'), [...result.people].sort(byId));
  writeJsonl(join(dir, 'places.jsonl'), [...result.places].sort(byId));
  writeJsonl(join(dir, 'links.jsonl'), [...result.links].sort((a, b) => byId(a, b) || ((a.wikidata ?? a.geonames ?? '') < (b.wikidata ?? b.geonames ?? '') ? -1 : 1)));
  writeFileSync(join(dir, 'README.md'), CREDIT);
}
