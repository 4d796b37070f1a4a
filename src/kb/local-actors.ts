// An analyst's own actors (`parley kb import --db FILE local-actors.json|csv`): people, places and
// organizations the shipped base lacks, stored in the database (table local_actors) and loaded on
// top of the shipped base at ingest. They live in the database, not in data/kb/, so an upgrade of
// the shipped base keeps them.
//
// JSON: an array of knowledge-base entries ({ id, kind, name, aliases?, type?, country?, within?,
// roles?: [{ role, of?, from?, to? }] }).
// CSV, one actor a row (a person with several roles: one row per role, same id):
//   id,kind,name,aliases,type,country,within,role,of,from,to
// aliases separated by "|". Only id, kind and name are required.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ParleyError } from '../core/errors.ts';
import type { KbEntry, Role } from '../core/types.ts';

const KINDS = new Set(['person', 'organization', 'place']);
const ID = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}._~-]*$/u;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function fail(file: string, where: string, problem: string): never {
  throw new ParleyError('usage', `${file}: ${where}: ${problem}`);
}

function text(value: unknown, file: string, where: string, field: string, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) fail(file, where, `"${field}" is missing`);
    return undefined;
  }
  if (typeof value !== 'string') fail(file, where, `"${field}" must be text`);
  const t = value.trim();
  if (required && !t) fail(file, where, `"${field}" is empty`);
  return t || undefined;
}

function role(raw: unknown, file: string, where: string): Role {
  if (!raw || typeof raw !== 'object') fail(file, where, 'a role must be an object with "role"');
  const r = raw as Record<string, unknown>;
  const out: Role = { role: text(r.role, file, where, 'role', true)! };
  const of = text(r.of, file, where, 'of', false);
  if (of) out.of = of;
  for (const k of ['from', 'to'] as const) {
    const d = text(r[k], file, where, k, false);
    if (d && !DATE.test(d)) fail(file, where, `"${k}" must be YYYY, YYYY-MM or YYYY-MM-DD, not "${d}"`);
    if (d) out[k] = d;
  }
  if (out.from && out.to && out.to < out.from) fail(file, where, `role ${out.role} ends (${out.to}) before it starts (${out.from})`);
  return out;
}

/** One entry checked: the fields the pipeline reads, each of the right shape. */
export function checkEntry(raw: unknown, file: string, where: string): KbEntry {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(file, where, 'an actor must be an object');
  const r = raw as Record<string, unknown>;
  const id = text(r.id, file, where, 'id', true)!;
  if (!ID.test(id)) fail(file, where, `id "${id}" must be lower-case letters, digits, "-", "_", "." or "~"`);
  const kind = text(r.kind, file, where, 'kind', true)!;
  if (!KINDS.has(kind)) fail(file, where, `kind must be person, organization or place, not "${kind}"`);
  const entry: KbEntry = { id, kind: kind as KbEntry['kind'], name: text(r.name, file, where, 'name', true)!, aliases: [] };
  if (r.aliases !== undefined) {
    if (!Array.isArray(r.aliases) || r.aliases.some((a) => typeof a !== 'string')) fail(file, where, '"aliases" must be a list of names');
    entry.aliases = [...new Set((r.aliases as string[]).map((a) => a.trim()).filter((a) => a && a !== entry.name))];
  }
  for (const k of ['type', 'country', 'within'] as const) {
    const v = text(r[k], file, where, k, false);
    if (v) entry[k] = v;
  }
  if (r.roles !== undefined) {
    if (!Array.isArray(r.roles)) fail(file, where, '"roles" must be a list');
    entry.roles = r.roles.map((x, i) => role(x, file, `${where}, role ${i + 1}`));
  }
  return entry;
}

/** The rows of a CSV file as entries (rows with one id are one actor, each row adding its role). */
export function parseLocalCsv(content: string, file: string): KbEntry[] {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    fail(file, 'CSV', (e as Error).message);
  }
  const byId = new Map<string, KbEntry>();
  rows.forEach((row, i) => {
    const where = `row ${i + 2}`;
    const entry = checkEntry(
      {
        ...row,
        aliases: row.aliases ? row.aliases.split('|') : undefined,
        roles: row.role ? [{ role: row.role, of: row.of, from: row.from, to: row.to }] : undefined,
      },
      file,
      where,
    );
    const known = byId.get(entry.id);
    if (!known) return void byId.set(entry.id, entry);
    if (known.kind !== entry.kind || known.name !== entry.name) fail(file, where, `id "${entry.id}" is given again with another kind or name`);
    known.aliases = [...new Set([...known.aliases, ...entry.aliases])];
    if (entry.roles) known.roles = [...(known.roles ?? []), ...entry.roles];
  });
  return [...byId.values()];
}

export function parseLocalJson(content: string, file: string): KbEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (e) {
    fail(file, 'JSON', (e as Error).message);
  }
  if (!Array.isArray(data)) fail(file, 'JSON', 'must hold an array of actors');
  const entries = data.map((x, i) => checkEntry(x, file, `actor ${i + 1}`));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id)) fail(file, `actor ${i + 1}`, `id "${e.id}" is given twice`);
    seen.add(e.id);
  });
  return entries;
}

/** A local actors file, by its extension (.json or .csv). */
export function readLocalActors(file: string): KbEntry[] {
  const ext = extname(file).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') throw new ParleyError('usage', `${file}: local actors come as .json or .csv, not "${ext || 'no extension'}"`);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ParleyError('not-found', `cannot read ${file}: ${(e as Error).message}`);
  }
  return ext === '.json' ? parseLocalJson(content, file) : parseLocalCsv(content, file);
}
