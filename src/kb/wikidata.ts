// Wikidata readers, streamed where the format allows it:
// - office-holder CSV in the shape of every-politician-scrapers' holders21.csv (position, person,
//   personID, start, end, ..., with an optional `repo` column naming the jurisdiction's extract);
// - the results of data/kb/wikidata/office-holders.rq as the query service returns them, CSV
//   (full entity URIs, xsd:dateTime values) or SPARQL JSON results;
// - entity dumps as JSON lines (the "[", one entity per line with a trailing comma, "]" of
//   latest-all.json, or plain NDJSON): labels and aliases in every language, and "position held"
//   (P39) statements with their start (P580), end (P582) and jurisdiction (P1001) qualifiers.
import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { readLines } from './lines.ts';

/** One term in office, whatever file it came from. */
export interface HolderRow {
  /** Wikidata id of the person (Q...) */
  personId: string;
  /** the person's label (English in the shipped data) */
  person: string;
  /** the position's label, as the source gives it */
  position: string;
  /** Wikidata id of the position, when the source gives it */
  positionId?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  start?: string;
  end?: string;
  /** the jurisdiction's label, or the extract's repository name (holders21: `repo`) */
  jurisdiction?: string;
  jurisdictionId?: string;
}

const QID = /Q\d+$/;

/** Q-id from "Q42" or "http://www.wikidata.org/entity/Q42"; '' otherwise. */
export function qid(value: string | undefined): string {
  const m = value?.trim().match(QID);
  return m ? m[0] : '';
}

/**
 * A date as Parley writes it (YYYY, YYYY-MM, YYYY-MM-DD) from an ISO date, an xsd:dateTime or a
 * Wikibase time ("+2021-08-25T00:00:00Z" with precision 9 year, 10 month, 11 day). Wikibase
 * writes 00 for unknown month and day; those become the coarser precision.
 */
export function wikiDate(value: string | undefined, precision?: number): string | undefined {
  if (!value) return undefined;
  const m = value.trim().match(/^\+?(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (precision !== undefined && precision <= 9) return y;
  if (!mo || mo === '00') return y;
  if ((precision !== undefined && precision === 10) || !d || d === '00') return `${y}-${mo}`;
  return `${y}-${mo}-${d}`;
}

function holderFromRecord(r: Record<string, string>): HolderRow | null {
  // holders21 columns, or office-holders.rq variables (person is then an entity URI)
  const personId = qid(r.personID) || qid(r.person);
  if (!personId) return null;
  const person = (r.personLabel ?? (qid(r.person) && r.personID === undefined ? '' : r.person) ?? '').trim();
  const position = (r.positionLabel ?? r.position ?? '').trim();
  if (!person || !position) return null;
  const row: HolderRow = { personId, person, position };
  const positionId = qid(r.position);
  if (positionId && r.positionLabel !== undefined) row.positionId = positionId;
  const start = wikiDate(r.start);
  const end = wikiDate(r.end);
  if (start) row.start = start;
  if (end) row.end = end;
  const jurisdiction = (r.jurisdictionLabel ?? r.repo ?? '').trim();
  if (jurisdiction) row.jurisdiction = jurisdiction;
  const jurisdictionId = qid(r.jurisdiction);
  if (jurisdictionId) row.jurisdictionId = jurisdictionId;
  return row;
}

/** holders21.csv or the query service's CSV answer to office-holders.rq, one term at a time. */
export async function* readHolderCsv(path: string): AsyncGenerator<HolderRow> {
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    const row = holderFromRecord(record);
    if (row) yield row;
  }
}

interface SparqlBinding {
  [variable: string]: { type: string; value: string } | undefined;
}

/**
 * The query service's JSON answer (application/sparql-results+json). Such answers are bounded by
 * the service's time limit (tens of MB at most), so the file is parsed whole; the rows are then
 * handed out one at a time like the CSV readers'.
 */
export async function* readHolderSparqlJson(path: string): AsyncGenerator<HolderRow> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { results?: { bindings?: SparqlBinding[] } };
  for (const b of data.results?.bindings ?? []) {
    const record: Record<string, string> = {};
    for (const [k, v] of Object.entries(b)) if (v) record[k] = v.value;
    const row = holderFromRecord(record);
    if (row) yield row;
  }
}

/** Reads a holder file by its extension: .json is SPARQL JSON, anything else CSV. */
export function readHolders(path: string): AsyncGenerator<HolderRow> {
  return path.endsWith('.json') ? readHolderSparqlJson(path) : readHolderCsv(path);
}

export interface WikidataEntity {
  id: string;
  /** language -> label */
  labels: Record<string, string>;
  /** language -> aliases */
  aliases: Record<string, string[]>;
  /** "position held" statements */
  positions: Array<{ positionId: string; start?: string; end?: string; jurisdictionId?: string }>;
}

interface Snak {
  datavalue?: { value?: { id?: string; time?: string; precision?: number } };
}

function snakTime(snaks: Snak[] | undefined): string | undefined {
  const v = snaks?.[0]?.datavalue?.value;
  return v?.time ? wikiDate(v.time, v.precision) : undefined;
}

/** One entity from its dump JSON (the object of one line). */
export function entityFromJson(raw: Record<string, unknown>): WikidataEntity | null {
  const id = typeof raw.id === 'string' ? raw.id : '';
  if (!QID.test(id)) return null;
  const labels: Record<string, string> = {};
  for (const [lang, l] of Object.entries((raw.labels ?? {}) as Record<string, { value?: string }>)) if (l?.value) labels[lang] = l.value;
  const aliases: Record<string, string[]> = {};
  for (const [lang, list] of Object.entries((raw.aliases ?? {}) as Record<string, Array<{ value?: string }>>)) {
    const values = (list ?? []).map((a) => a.value).filter((v): v is string => !!v);
    if (values.length) aliases[lang] = values;
  }
  const positions: WikidataEntity['positions'] = [];
  const claims = (raw.claims ?? {}) as Record<string, Array<{ mainsnak?: Snak; qualifiers?: Record<string, Snak[]>; rank?: string }>>;
  for (const st of claims.P39 ?? []) {
    if (st.rank === 'deprecated') continue;
    const positionId = st.mainsnak?.datavalue?.value?.id;
    if (!positionId) continue;
    const p: WikidataEntity['positions'][number] = { positionId };
    const start = snakTime(st.qualifiers?.P580);
    const end = snakTime(st.qualifiers?.P582);
    const of = st.qualifiers?.P1001?.[0]?.datavalue?.value?.id;
    if (start) p.start = start;
    if (end) p.end = end;
    if (of) p.jurisdictionId = of;
    positions.push(p);
  }
  return { id, labels, aliases, positions };
}

/** Entities from a dump in JSON lines (with or without the enclosing "[" "]" and trailing commas). */
export async function* readEntityLines(path: string): AsyncGenerator<WikidataEntity> {
  for await (const line of readLines(path)) {
    let text = line.trim();
    if (text === '[' || text === ']' || !text) continue;
    if (text.endsWith(',')) text = text.slice(0, -1);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      continue; // a truncated last line of a dump being downloaded
    }
    const entity = entityFromJson(raw as Record<string, unknown>);
    if (entity) yield entity;
  }
}

/** repo_jurisdictions.csv (repo, jurisdiction, jurisdiction_qid): extract repository -> jurisdiction name. */
export async function readJurisdictions(path: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  for await (const r of parser as AsyncIterable<Record<string, string>>) if (r.repo && r.jurisdiction) map.set(r.repo, r.jurisdiction);
  return map;
}
