// The knowledge base generated from open data: Wikidata office holders become people with dated
// roles, GeoNames countries, admin-1 regions and cities become places with coordinates,
// population and `within` (city -> region -> country, from the admin codes). The hand-written
// entries (data/kb/people, places, organizations) stay authoritative: an imported person or place
// that is one of them is not generated again (the match is recorded as a link with its source
// ids and coordinates), and an imported term that overlaps a hand-written holder of the same role
// of the same country gives way to it.
import type { KbEntry, Role } from '../core/types.ts';
import { normalizeName } from '../actors/name-key.ts';
import type { GeoAdmin1, GeoCountry, GeoPlace } from './geonames.ts';
import type { HolderRow } from './wikidata.ts';
import type { PositionMap } from './positions.ts';
import { slug } from './lines.ts';

/** Where an entry came from. */
export interface EntrySource {
  wikidata?: string;
  geonames?: string;
}

/** A generated entry: a KbEntry with its source ids and, for places, where it lies on a map. */
export interface GeneratedEntry extends KbEntry {
  source: EntrySource;
  lat?: number;
  lon?: number;
  population?: number;
}

/** A hand-written entry found in the open data: its ids there, and its coordinates. */
export interface Link {
  id: string;
  wikidata?: string;
  geonames?: string;
  lat?: number;
  lon?: number;
  population?: number;
}

/** What an alias list keeps of GeoNames' untagged alternate names. */
export interface PlaceNameFilter {
  /** keep a name in this script (tested on the whole name) */
  scripts: RegExp;
}

/** Non-Latin scripts whose names Parley's languages write (Arabic, Persian, Hebrew, Cyrillic, Han, Kana, Hangul, Greek). */
export const DEFAULT_PLACE_SCRIPTS = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Greek}\s\-'’.·・()]+$/u;

/**
 * Which of GeoNames' alternate names to keep as aliases: names in the scripts above, and Latin
 * spellings that are written as names (capitalized, no digits). GeoNames also lists
 * lower-case romanizations of Chinese and Japanese ("an dao er cheng"), airport and postal codes
 * and historic forms; those are left out, since a lower-case or code-like alias only finds common
 * words and abbreviations in running text.
 */
export function keepPlaceName(name: string, filter: PlaceNameFilter = { scripts: DEFAULT_PLACE_SCRIPTS }): boolean {
  const n = name.trim();
  if (n.length < 2 || /\d/.test(n)) return false;
  if (filter.scripts.test(n)) return true;
  if (!/^[\p{Script=Latin}\s\-'’.()]+$/u.test(n)) return false;
  if (/^[A-Z]{2,4}$/.test(n)) return false; // codes: IATA, ICAO, abbreviations
  return /^\p{Lu}/u.test(n); // written as a name
}

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whether an alternate name of a city is kept as a matchable alias. Left out: a single word of
 * the city's own multi-word name ("Gutiérrez" of Tuxtla Gutiérrez: a surname in running text);
 * names of fewer than four letters (in Arabic script, two or three letters spell ordinary words);
 * Han and Kana names of cities under a million people (found inside unspaced text, a two-character
 * name is as often an ordinary word: 太平 is "peace").
 */
export function cityAlias(alias: string, city: { name: string; asciiName: string; population: number }): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (UNSPACED_SCRIPT.test(alias)) return city.population >= 1_000_000;
  if (letters.length < 4) return false;
  const words = (n: string) => normalizeName(n).split(' ').filter(Boolean);
  const a = words(alias);
  if (a.length === 1) for (const n of [city.name, city.asciiName]) if (words(n).length > 1 && words(n).includes(a[0])) return false;
  return true;
}

export interface PeopleInput {
  rows: AsyncIterable<HolderRow>;
  positions: PositionMap;
  /** extract repository or jurisdiction label -> jurisdiction name (repo_jurisdictions.csv) */
  jurisdictions: Map<string, string>;
  /** normalized country name or alias -> country id */
  countryIndex: Map<string, string>;
  handWritten: KbEntry[];
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** normalized names and aliases of hand-written entries of one kind -> their ids */
export function nameIndex(entries: KbEntry[], kind: KbEntry['kind']): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const e of entries) {
    if (e.kind !== kind) continue;
    for (const alias of [e.name, ...(e.aliases ?? [])]) {
      const key = normalizeName(alias);
      if (!key) continue;
      const list = index.get(key);
      if (!list) index.set(key, [e.id]);
      else if (!list.includes(e.id)) list.push(e.id);
    }
  }
  return index;
}

const before = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a < b;

// terms as intervals: a handover day belongs to both the outgoing and the incoming holder
function overlaps(r: Role, h: Role): boolean {
  const rFrom = r.from ?? '0000';
  const rTo = r.to ?? '9999';
  const hFrom = h.from ?? '0000';
  const hTo = h.to ?? '9999';
  return rFrom < hTo && hFrom < rTo;
}

/**
 * An imported term cut where it overlaps an authoritative term (hand-written, or an analyst's
 * local actor) of the same role of the same country or organization: it ends where that term
 * begins, or begins where it ends, or is dropped when it lies inside it. Mutates and returns
 * `role`, or null.
 */
export function giveWay(role: Role, authoritative: readonly Role[] | undefined): Role | null {
  for (const h of authoritative ?? []) {
    if (!overlaps(role, h)) continue;
    if (before(role.from ?? '0000', h.from)) role.to = h.from; // ends where the authoritative term begins
    else if (h.to && before(h.to, role.to ?? '9999')) role.from = h.to; // begins where it ends
    else return null; // lies inside it
  }
  return role;
}

/**
 * People from office-holder rows. A term with no end is closed where the next holder of the same
 * position of the same jurisdiction begins (the data's open-ended rows mean "in office at the
 * snapshot", and some are stale); a term of a role a hand-written person holds at the same time
 * ends where the hand-written term begins, or is dropped when it lies inside it.
 */
export async function buildPeople(input: PeopleInput): Promise<{ people: GeneratedEntry[]; links: Link[]; unresolvedJurisdictions: string[] }> {
  const byId = new Map<string, { name: string; terms: Array<Role & { position: string }> }>();
  const unresolved = new Set<string>();
  const ofCache = new Map<string, string>();
  const countryOf = (jurisdiction: string | undefined): string | undefined => {
    if (!jurisdiction) return undefined;
    const known = ofCache.get(jurisdiction);
    if (known !== undefined) return known || undefined;
    const label = input.jurisdictions.get(jurisdiction) ?? jurisdiction;
    // "the United States of America", "the Czech Republic": the article is not part of the name
    let id = input.countryIndex.get(normalizeName(label)) ?? input.countryIndex.get(normalizeName(label.replace(/^the\s+/i, '')));
    if (!id) {
      unresolved.add(label);
      id = slug(label);
    }
    ofCache.set(jurisdiction, id);
    return id;
  };
  for await (const row of input.rows) {
    const of = countryOf(row.jurisdiction);
    const label = row.jurisdiction ? (input.jurisdictions.get(row.jurisdiction) ?? row.jurisdiction) : undefined;
    let person = byId.get(row.personId);
    if (!person) byId.set(row.personId, (person = { name: row.person, terms: [] }));
    for (const role of input.positions.roles(row.position, label)) {
      const term: Role & { position: string } = { role, position: row.position };
      if (of) term.of = of;
      if (row.start) term.from = row.start;
      if (row.end) term.to = row.end;
      if (!person.terms.some((t) => t.role === term.role && t.of === term.of && t.from === term.from && t.to === term.to)) person.terms.push(term);
    }
  }

  // open-ended terms end where the next holder of the same position begins
  const byPosition = new Map<string, Array<Role & { position: string }>>();
  for (const p of byId.values()) for (const t of p.terms) addTo(byPosition, `${t.of}\u0000${t.position}`, t);
  for (const terms of byPosition.values()) {
    for (const t of terms) {
      if (t.to || !t.from) continue;
      let next: string | undefined;
      for (const u of terms) if (u !== t && before(t.from, u.from) && (!next || u.from! < next)) next = u.from;
      if (next) t.to = next;
    }
  }

  // hand-written people: the same person is linked, not generated; their terms win
  const handPeople = input.handWritten.filter((e) => e.kind === 'person');
  const handNames = nameIndex(handPeople, 'person');
  const handTerms = new Map<string, Role[]>();
  for (const e of handPeople) for (const r of e.roles ?? []) if (r.of) addTo(handTerms, `${r.role}\u0000${r.of}`, r);
  const handById = new Map(handPeople.map((e) => [e.id, e]));

  const people: GeneratedEntry[] = [];
  const links: Link[] = [];
  const usedIds = new Set(input.handWritten.map((e) => e.id));
  for (const [qid, p] of byId) {
    const ofs = new Set(p.terms.map((t) => t.of).filter(Boolean));
    const same = (handNames.get(normalizeName(p.name)) ?? []).filter((id) => {
      const h = handById.get(id)!;
      const hOfs = new Set([h.country, ...(h.roles ?? []).map((r) => r.of)].filter(Boolean));
      return !hOfs.size || !ofs.size || [...ofs].some((o) => hOfs.has(o));
    });
    if (same.length === 1) {
      links.push({ id: same[0], wikidata: qid });
      continue;
    }
    const roles: Role[] = [];
    for (const t of p.terms) {
      const { position: _position, ...role } = t;
      const kept = giveWay(role, t.of ? handTerms.get(`${t.role}\u0000${t.of}`) : undefined);
      if (kept) roles.push(kept);
    }
    let id = slug(p.name) || qid.toLowerCase();
    if (usedIds.has(id)) id = `${id}-${qid.toLowerCase()}`;
    usedIds.add(id);
    const counts = new Map<string, number>();
    for (const r of roles) if (r.of) counts.set(r.of, (counts.get(r.of) ?? 0) + 1);
    const country = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const entry: GeneratedEntry = { id, kind: 'person', name: p.name, aliases: [], source: { wikidata: qid } };
    if (country) entry.country = country;
    entry.roles = roles;
    people.push(entry);
  }
  return { people, links, unresolvedJurisdictions: [...unresolved].sort() };
}

export interface PlacesInput {
  countries: AsyncIterable<GeoCountry>;
  admin1: AsyncIterable<GeoAdmin1>;
  places: AsyncIterable<GeoPlace>;
  /** country geonameid -> language -> name (country_translations.json) */
  countryNames?: Record<string, Record<string, string>>;
  /** languages whose country names become aliases */
  languages: string[];
  handWritten: KbEntry[];
  filter?: PlaceNameFilter;
  /**
   * Cities smaller than this keep only their name and ASCII name: every alias is indexed in every
   * analysis thread, and GeoNames lists dozens for many small towns (default 100,000).
   */
  aliasPopulation?: number;
}

/** Countries, admin-1 regions and cities from GeoNames; hand-written places are linked, not generated. */
export async function buildPlaces(input: PlacesInput): Promise<{ places: GeneratedEntry[]; links: Link[]; countryIndex: Map<string, string> }> {
  const hand = input.handWritten.filter((e) => e.kind === 'place');
  const handNames = nameIndex(hand, 'place');
  const handById = new Map(hand.map((e) => [e.id, e]));
  const usedIds = new Set(input.handWritten.map((e) => e.id));
  const places: GeneratedEntry[] = [];
  const links: Link[] = [];
  const keep = (n: string) => keepPlaceName(n, input.filter);
  const uniqueId = (base: string, ...more: string[]): string => {
    for (const id of [base, ...more.map((m) => `${base}-${m}`)]) if (id && !usedIds.has(id)) return usedIds.add(id), id;
    return base;
  };
  // the country a hand-written place lies in (following `within`)
  const countryOfHand = (id: string): string | undefined => {
    for (let key: string | undefined = id, hops = 0; key && hops < 8; hops++) {
      const e = handById.get(key);
      if (!e) return key;
      if (e.type === 'country') return e.id;
      key = e.within;
    }
    return undefined;
  };

  // countries
  const isoToId = new Map<string, string>();
  const countryIndex = new Map<string, string>();
  for (const e of hand) if (e.type === 'country') for (const a of [e.name, ...e.aliases]) countryIndex.set(normalizeName(a), e.id);
  for await (const c of input.countries) {
    const names = input.countryNames?.[c.geonameId] ?? {};
    const candidates = [c.name, names.en].filter((n): n is string => !!n);
    const handId = candidates.map((n) => handNames.get(normalizeName(n))?.find((id) => handById.get(id)?.type === 'country')).find(Boolean);
    if (handId) {
      isoToId.set(c.iso, handId);
      links.push({ id: handId, geonames: c.geonameId, population: c.population });
      continue;
    }
    const id = uniqueId(slug(c.name), c.iso.toLowerCase());
    isoToId.set(c.iso, id);
    const aliases = new Set<string>();
    for (const lang of input.languages) {
      const n = names[lang];
      if (n && n !== c.name && (keep(n) || lang !== 'en')) aliases.add(n);
    }
    for (const a of [c.name, ...aliases]) if (!countryIndex.has(normalizeName(a))) countryIndex.set(normalizeName(a), id);
    places.push({ id, kind: 'place', name: c.name, aliases: [...aliases], type: 'country', source: { geonames: c.geonameId }, population: c.population });
  }

  // admin-1 regions: within their country. A region named like a city or country of the base
  // (Tehran province, "Tehran") is named with its country so that the name finds the city.
  const regionId = new Map<string, string>();
  const cityNames = new Set<string>();
  const cityRows: GeoPlace[] = [];
  for await (const p of input.places) {
    cityRows.push(p);
    cityNames.add(normalizeName(p.name));
  }
  for await (const r of input.admin1) {
    const iso = r.code.slice(0, 2);
    const country = isoToId.get(iso);
    if (!country) continue;
    const handId = handNames.get(normalizeName(r.name))?.find((id) => handById.get(id)?.type === 'region' && countryOfHand(id) === country);
    if (handId) {
      regionId.set(r.code, handId);
      links.push({ id: handId, geonames: r.geonameId });
      continue;
    }
    const key = normalizeName(r.name);
    const collides = cityNames.has(key) || handNames.has(key) || countryIndex.has(key);
    const countryName = places.find((p) => p.id === country)?.name ?? handById.get(country)?.name ?? iso;
    const id = uniqueId(`${slug(r.asciiName || r.name)}-${iso.toLowerCase()}`, r.geonameId);
    regionId.set(r.code, id);
    const name = collides ? `${r.name} (region of ${countryName})` : r.name;
    const aliases = !collides && r.asciiName && r.asciiName !== r.name ? [r.asciiName] : [];
    places.push({ id, kind: 'place', name, aliases, type: 'region', within: country, source: { geonames: r.geonameId } });
  }

  // cities: within their region, else their country
  for (const p of cityRows) {
    const country = isoToId.get(p.country);
    const handId = [p.name, p.asciiName]
      .map((n) => handNames.get(normalizeName(n))?.find((id) => handById.get(id)?.type !== 'country' && handById.get(id)?.type !== 'region' && (!country || countryOfHand(id) === country)))
      .find(Boolean);
    if (handId) {
      links.push({ id: handId, geonames: p.geonameId, lat: p.lat, lon: p.lon, population: p.population });
      continue;
    }
    const within = regionId.get(`${p.country}.${p.admin1}`) ?? country;
    const id = uniqueId(slug(p.asciiName || p.name), p.country.toLowerCase(), p.geonameId);
    const aliases = new Set<string>();
    const names = p.population >= (input.aliasPopulation ?? 100_000) ? [p.asciiName, ...p.alternateNames] : [p.asciiName];
    for (const n of names) if (n && n !== p.name && keep(n) && cityAlias(n.trim(), p)) aliases.add(n.trim());
    const entry: GeneratedEntry = { id, kind: 'place', name: p.name, aliases: [...aliases], type: 'city', source: { geonames: p.geonameId }, lat: p.lat, lon: p.lon, population: p.population };
    if (within) entry.within = within;
    places.push(entry);
  }
  return { places, links, countryIndex };
}

/**
 * Labels and aliases of a Wikidata entity (every language) as aliases of the generated person
 * with its id. Hand-written people are not touched (they stay as written).
 */
export async function addEntityNames(people: GeneratedEntry[], entities: AsyncIterable<{ id: string; labels: Record<string, string>; aliases: Record<string, string[]> }>): Promise<number> {
  const byQid = new Map<string, GeneratedEntry>();
  for (const p of people) if (p.source.wikidata) byQid.set(p.source.wikidata, p);
  let added = 0;
  for await (const e of entities) {
    const person = byQid.get(e.id);
    if (!person) continue;
    const names = new Set(person.aliases);
    for (const n of [...Object.values(e.labels), ...Object.values(e.aliases).flat()]) {
      if (n && n !== person.name && !names.has(n)) {
        names.add(n);
        added++;
      }
    }
    person.aliases = [...names];
  }
  return added;
}
