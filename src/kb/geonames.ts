// GeoNames dump readers, streamed: cities (cities15000.txt and its siblings, the 19-column
// "geoname" table), admin-1 codes (admin1CodesASCII.txt, or regionInfo.tsv with a header),
// countries (countryInfo.txt, '#' comment lines) and alternate names (alternateNamesV2.txt).
// Column layouts are GeoNames' own (https://download.geonames.org/export/dump/readme.txt);
// this module only splits the tab-separated lines and types the columns.
import { readLines } from './lines.ts';

export interface GeoPlace {
  geonameId: string;
  name: string;
  asciiName: string;
  /** alternate names as GeoNames lists them: every script, not tagged by language */
  alternateNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  admin1: string;
  admin2: string;
  population: number;
}

export interface GeoAdmin1 {
  /** "IR.26": country code and admin-1 code */
  code: string;
  name: string;
  asciiName: string;
  geonameId: string;
}

export interface GeoCountry {
  iso: string;
  iso3: string;
  name: string;
  capital: string;
  population: number;
  continent: string;
  /** language tags as listed ("fa-IR,ku,ar") */
  languages: string[];
  geonameId: string;
  neighbours: string[];
}

export interface GeoAlternateName {
  geonameId: string;
  /** ISO 639 language, or a pseudo-code (post, iata, link, abbr, wkdt, ...), or '' */
  lang: string;
  name: string;
  preferred: boolean;
  short: boolean;
  colloquial: boolean;
  historic: boolean;
}

const num = (s: string | undefined): number => (s && s.trim() ? Number(s) : 0);

/** The "geoname" table: cities15000.txt, cities500.txt, allCountries.txt, a country's XX.txt. */
export async function* readGeoPlaces(path: string): AsyncGenerator<GeoPlace> {
  for await (const line of readLines(path)) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    if (c.length < 15) continue;
    yield {
      geonameId: c[0],
      name: c[1],
      asciiName: c[2],
      alternateNames: c[3] ? c[3].split(',').filter(Boolean) : [],
      lat: num(c[4]),
      lon: num(c[5]),
      featureClass: c[6],
      featureCode: c[7],
      country: c[8],
      admin1: c[10] ?? '',
      admin2: c[11] ?? '',
      population: num(c[14]),
    };
  }
}

/** admin1CodesASCII.txt (code, name, ascii name, geonameid), with or without a '#' header. */
export async function* readAdmin1(path: string): AsyncGenerator<GeoAdmin1> {
  for await (const line of readLines(path)) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    if (c.length < 4 || !/^[A-Z]{2}\./.test(c[0])) continue; // a header without '#'
    yield { code: c[0], name: c[1], asciiName: c[2], geonameId: c[3] };
  }
}

/** countryInfo.txt: '#' lines are comments (the last one names the columns). */
export async function* readCountries(path: string): AsyncGenerator<GeoCountry> {
  for await (const line of readLines(path)) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    if (c.length < 17) continue;
    yield {
      iso: c[0],
      iso3: c[1],
      name: c[4],
      capital: c[5],
      population: num(c[7]),
      continent: c[8],
      languages: c[15] ? c[15].split(',').filter(Boolean) : [],
      geonameId: c[16],
      neighbours: c[17] ? c[17].split(',').filter(Boolean) : [],
    };
  }
}

/** alternateNamesV2.txt (or alternateNames.txt): one name of one place per line. */
export async function* readAlternateNames(path: string): AsyncGenerator<GeoAlternateName> {
  for await (const line of readLines(path)) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    if (c.length < 4) continue;
    yield {
      geonameId: c[1],
      lang: c[2],
      name: c[3],
      preferred: c[4] === '1',
      short: c[5] === '1',
      colloquial: c[6] === '1',
      historic: c[7] === '1',
    };
  }
}
