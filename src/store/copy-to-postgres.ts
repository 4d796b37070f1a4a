// Moving a SQLite record up to PostgreSQL: what was stored (documents and their sources, actors,
// mentions, descriptors, reports, judgements, runs, who says so: attributions, denials and
// corrections, text signatures, source judgements; an analyst's local actors, the redirects of
// merged-away event ids) is copied table by table; what is derived (blocking keys, events, the
// browse index) is derived again there by the same rules, judgements included. Counts are
// checked after, table by table, and the copy refuses a database that holds documents.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { ParleyError } from '../core/errors.ts';
import { openPostgresStore } from './postgres/pg-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import { signatureFromBlob } from './sqlite/sources.ts';

export interface CopyCounts {
  documents: number;
  actors: number;
  reports: number;
  events: number;
  judgements: number;
  /** Rows of the stored tables the store's counts do not cover (who says so, local actors, redirects), by table. */
  tables: Record<string, number>;
}

/** SQLite's 0/1 as a boolean. */
const flag = (value: unknown): boolean => value === 1 || value === true;

/**
 * Each table copied: its SQLite columns, columns only PostgreSQL has, and how a row becomes
 * PostgreSQL values (`text` gives a document's text).
 */
const TABLES: {
  name: string;
  columns: string[];
  extra?: string[];
  convert?: (row: Record<string, unknown>, text: (docId: string) => string) => Record<string, unknown>;
  /** Its id is numbered by a sequence on PostgreSQL (set past the copied ids after). */
  numbered?: 'identity' | 'serial';
  /** The order rows are read in, where PostgreSQL numbers them as they come (local actors). */
  order?: string;
  /** Counted after the copy, on both sides (the store's counts cover the others). */
  counted?: boolean;
}[] = [
  { name: 'runs', columns: ['id', 'command', 'args', 'started_at', 'finished_at', 'stats'], numbered: 'identity' },
  {
    name: 'documents',
    columns: ['id', 'hash', 'path', 'text', 'language', 'title_start', 'title_end', 'published_value', 'published_precision', 'published_start', 'published_end', 'noise', 'meta', 'ingested_at', 'run_id'],
  },
  { name: 'document_sources', columns: ['doc_id', 'content_type', 'raw', 'offset_map'] },
  { name: 'actors', columns: ['id', 'kind', 'name', 'from_kb', 'place_type', 'aliases', 'within'], convert: (r) => ({ ...r, from_kb: r.from_kb === 1 }) },
  { name: 'mentions', columns: ['doc_id', 'start', 'end', 'kind', 'via', 'actor_ids'] },
  { name: 'descriptors', columns: ['doc_id', 'actor_id', 'start', 'end', 'of_start', 'of_end', 'form', 'text', 'normalized', 'term_id', 'stance', 'loaded'] },
  {
    name: 'event_reports',
    columns: ['id', 'doc_id', 'type', 'mode', 'trigger_start', 'trigger_end', 'evidence', 'date_value', 'date_start', 'date_end', 'place_actor_id', 'place_start', 'place_end'],
    // the words full-text search reads, cut here as the store cuts them when it saves a report
    extra: ['evidence_text'],
    convert: (r, text) => ({ ...r, evidence_text: evidenceText(text(r.doc_id as string), r.evidence as string) }),
  },
  { name: 'report_participants', columns: ['report_id', 'actor_id', 'position', 'spans'] },
  { name: 'judgements', columns: ['id', 'kind', 'subjects', 'value', 'anchors', 'author', 'reason', 'created_at', 'undone_at', 'undone_by', 'undo_reason'], numbered: 'identity' },
  { name: 'diagnostics', columns: ['run_id', 'code', 'severity', 'message', 'file', 'doc_id', 'span_start', 'span_end'] },
  // who says so (sqlite/sources.ts, postgres/pg-sources.ts): stored, not derived
  { name: 'attributions', columns: ['doc_id', 'start', 'end', 'kind', 'source_id', 'name', 'scope', 'joint', 'country'], convert: (r) => ({ ...r, joint: flag(r.joint) }), counted: true },
  {
    name: 'report_attributions',
    columns: ['report_id', 'seq', 'kind', 'source_id', 'name', 'start', 'end', 'side', 'joint', 'country'],
    convert: (r) => ({ ...r, joint: flag(r.joint) }),
    counted: true,
  },
  {
    name: 'denial_claims',
    columns: ['id', 'doc_id', 'reason', 'trigger_start', 'trigger_end', 'sentence_start', 'sentence_end', 'cue_start', 'cue_end', 'participants', 'date', 'by_actor', 'by_name', 'by_start', 'by_end', 'correction'],
    counted: true,
  },
  // a MinHash signature: SQLite keeps it as the bytes of a Uint32Array, PostgreSQL as BIGINT[]
  { name: 'text_signatures', columns: ['doc_id', 'minhash'], convert: (r) => ({ ...r, minhash: signatureFromBlob(r.minhash as Buffer) }), counted: true },
  { name: 'source_judgements', columns: ['id', 'kind', 'subjects', 'status', 'anchors', 'author', 'reason', 'created_at', 'undone_at', 'undone_by'], numbered: 'serial', counted: true },
  // an analyst's own knowledge-base entries, in the order imported (PostgreSQL numbers them)
  { name: 'local_actors', columns: ['id', 'entry', 'source', 'imported_at'], order: 'rowid', counted: true },
  // where merged-away event ids went: history, not derivable from the reports
  { name: 'event_redirects', columns: ['from_id', 'report_id', 'recorded_at'], counted: true },
];

/** The tables counted on both sides after the copy, with their COUNT. */
const COUNTED = TABLES.filter((t) => t.counted).map((t) => [t.name, `SELECT COUNT(*) AS n FROM ${t.name}`] as const);

const quote = (column: string) => `"${column}"`;

/**
 * A report's evidence sentences as one text. Spans count UTF-16 code units (JavaScript strings),
 * so they are cut here, not by PostgreSQL's substr, which counts code points: an emoji or any
 * astral character before a sentence would shift it.
 */
export function evidenceText(text: string, evidence: string): string {
  const spans = JSON.parse(evidence) as { start: number; end: number }[];
  return spans.map((s) => text.slice(s.start, s.end)).join(' ');
}

export async function copyToPostgres(file: string, url: string, onTable?: (table: string, rows: number) => void): Promise<{ from: CopyCounts; to: CopyCounts }> {
  if (!existsSync(file)) throw new ParleyError('not-found', `no database at ${file}`);
  // the SQLite record brought up to date first (its own migrations, keys and events)
  const source = openSqliteStore(file, { mustExist: true });
  const fromCounts = await source.counts();
  const fromJudgements = (await source.listJudgements()).length;
  await source.close();
  const fromTables: Record<string, number> = {};
  const counting = new Database(file, { readonly: true });
  try {
    for (const [name, sql] of COUNTED) fromTables[name] = Number(counting.prepare(sql).pluck().get());
  } finally {
    counting.close();
  }
  // the schema, created by the first operation of the store
  const target = openPostgresStore(url);
  const before = await target.counts();
  await target.close();
  if (before.documents > 0) throw new ParleyError('usage', `the PostgreSQL database already holds ${before.documents} documents: copy into an empty one`);

  const db = new Database(file, { readonly: true });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
    let cached: { id: string; text: string } | null = null;
    const text = (docId: string): string => {
      if (cached?.id !== docId) cached = { id: docId, text: (textOf.get(docId) as string | undefined) ?? '' };
      return cached.text;
    };
    for (const table of TABLES) {
      const rows = db.prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${table.name}${table.order ? ` ORDER BY ${table.order}` : ''}`).all() as Record<string, unknown>[];
      const columns = [...table.columns, ...(table.extra ?? [])];
      const identity = table.numbered === 'identity';
      for (let k = 0; k < rows.length; k += 500) {
        const slice = rows.slice(k, k + 500).map((r) => (table.convert ? table.convert(r, text) : r));
        const params: unknown[] = [];
        const tuples = slice.map((r) => `(${columns.map((c) => `$${params.push(r[c] ?? null)}`).join(', ')})`);
        await client.query(
          `INSERT INTO ${table.name} (${columns.map(quote).join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE' : ''} VALUES ${tuples.join(', ')}`,
          params,
        );
      }
      if (table.numbered) await client.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), GREATEST((SELECT MAX(id) FROM ${table.name}), 1))`);
      onTable?.(table.name, rows.length);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
    db.close();
  }
  // keys and events derived again (the store does so before its first answer), then counted
  const copied = openPostgresStore(url);
  try {
    // the browse index is written by writers only: the copy is one
    await copied.browse().sync();
    const toCounts = await copied.counts();
    const toJudgements = (await copied.listJudgements()).length;
    const counter = new pg.Client({ connectionString: url });
    await counter.connect();
    const toTables: Record<string, number> = {};
    try {
      for (const [name, sql] of COUNTED) toTables[name] = Number((await counter.query<{ n: string }>(sql)).rows[0].n);
    } finally {
      await counter.end();
    }
    const from: CopyCounts = { ...fromCounts, judgements: fromJudgements, tables: fromTables };
    const to: CopyCounts = { ...toCounts, judgements: toJudgements, tables: toTables };
    const differ = [
      ...(['documents', 'actors', 'reports', 'events', 'judgements'] as const).filter((k) => from[k] !== to[k]).map((k) => `${k} ${from[k]} -> ${to[k]}`),
      ...Object.keys(from.tables).filter((k) => from.tables[k] !== to.tables[k]).map((k) => `${k} ${from.tables[k]} -> ${to.tables[k]}`),
    ];
    if (differ.length) throw new ParleyError('storage', `the copy differs: ${differ.join(', ')}`);
    return { from, to };
  } finally {
    await copied.close();
  }
}
