// The descriptors table (migration 0003): written with each document in saveBatch, read back as
// framing rows (outlet x actor x descriptor, with counts and examples).
import type Database from 'better-sqlite3';
import { basename, dirname } from 'node:path';
import type { Descriptor, Diagnostic, DocumentMeta, FramingStance, LoadedTermMatch, Span } from '../../core/types.ts';
import type { FramingFilter, FramingRow } from '../store.ts';
import { parseMeta } from './parse-meta.ts';

/** Examples kept per framing row. */
const EXAMPLES = 3;

export interface DescriptorTable {
  /** Stores a document's descriptors; bad ones are left out with a diagnostic. */
  save(docId: string, text: string, descriptors: readonly Descriptor[], report: (d: Omit<Diagnostic, 'severity'>) => void): number;
  /** Rows of all documents, or only of `docIds`. */
  framing(filter?: FramingFilter, docIds?: ReadonlySet<string>, canonical?: (actorId: string) => string): FramingRow[];
}

/** The outlet a document is counted under: its metadata, else its file's folder, else 'unknown'. */
export function outletOfDocument(path: string | null, meta: DocumentMeta): string {
  const stated = typeof meta.outlet === 'string' ? meta.outlet.trim() : '';
  if (stated) return stated;
  if (path && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    const folder = basename(dirname(path));
    if (folder && folder !== '.' && folder !== '/') return folder;
  }
  return 'unknown';
}

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span?.start) && Number.isInteger(span?.end) && span.start >= 0 && span.start < span.end && span.end <= length;
}

interface Row {
  doc_id: string;
  actor_id: string;
  start: number;
  end: number;
  text: string;
  normalized: string;
  stance: FramingStance | null;
  loaded: string;
  path: string | null;
  meta: string;
  name: string | null;
  aliases: string | null;
}

export function createDescriptorTable(db: Database.Database): DescriptorTable {
  const insert = db.prepare(`INSERT INTO descriptors (doc_id, actor_id, start, "end", of_start, of_end, form, text,
    normalized, term_id, stance, loaded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const nameOf = db.prepare('SELECT name FROM actors WHERE id = ?').pluck();
  const all = db.prepare(`SELECT d.doc_id, d.actor_id, d.start, d."end", d.text, d.normalized, d.stance, d.loaded,
    doc.path, doc.meta, a.name, a.aliases
    FROM descriptors d JOIN documents doc ON doc.id = d.doc_id LEFT JOIN actors a ON a.id = d.actor_id
    ORDER BY d.doc_id, d.start`);

  return {
    save(docId, text, descriptors, report) {
      let saved = 0;
      for (const d of descriptors) {
        if (!d.actorId || !inside(d, text.length) || !inside(d.of, text.length) || typeof d.normalized !== 'string') {
          report({ code: 'store/bad-descriptor', message: `descriptor ${d.start}-${d.end} has a bad span or no actor`, docId });
          continue;
        }
        const loaded: LoadedTermMatch[] = Array.isArray(d.loaded) ? d.loaded : [];
        const first = loaded[0];
        insert.run(docId, d.actorId, d.start, d.end, d.of.start, d.of.end, d.form, text.slice(d.start, d.end), d.normalized,
          first?.termId ?? null, first?.stance ?? null, JSON.stringify(loaded));
        saved++;
      }
      return saved;
    },

    framing(filter = {}, docIds, canonical = (id: string) => id) {
      const actorQuery = filter.actor?.trim().toLowerCase();
      const outletQuery = filter.outlet?.trim().toLowerCase();
      const outlets = new Map<string, string>();
      const groups = new Map<string, FramingRow>();
      for (const row of all.iterate() as Iterable<Row>) {
        if (docIds && !docIds.has(row.doc_id)) continue;
        let outlet = outlets.get(row.doc_id);
        if (outlet === undefined) {
          outlet = outletOfDocument(row.path, parseMeta(row.meta));
          outlets.set(row.doc_id, outlet);
        }
        if (outletQuery && outlet.toLowerCase() !== outletQuery) continue;
        // an actor an analyst merged into another is shown as that other one
        const actorId = canonical(row.actor_id);
        const actorName = actorId === row.actor_id ? (row.name ?? row.actor_id) : ((nameOf.get(actorId) as string | undefined) ?? actorId);
        if (actorQuery && row.actor_id !== actorQuery && actorId !== actorQuery) {
          const names = [actorName, ...(row.aliases ? (JSON.parse(row.aliases) as string[]) : [])];
          if (!names.some((n) => n.toLowerCase().includes(actorQuery))) continue;
        }
        const key = `${outlet}\u0000${actorId}\u0000${row.normalized}`;
        let group = groups.get(key);
        if (!group) {
          const loaded = (JSON.parse(row.loaded) as LoadedTermMatch[]).map((l) => ({ termId: l.termId, stance: l.stance }));
          group = {
            outlet,
            actorId,
            actorName,
            descriptor: row.normalized,
            count: 0,
            ...(row.stance ? { stance: row.stance } : {}),
            loaded,
            examples: [],
          };
          groups.set(key, group);
        }
        group.count++;
        if (group.examples.length < EXAMPLES) group.examples.push({ docId: row.doc_id, start: row.start, end: row.end, text: row.text });
      }
      return [...groups.values()].sort(
        (a, b) =>
          a.outlet.localeCompare(b.outlet) ||
          a.actorName.localeCompare(b.actorName) ||
          a.actorId.localeCompare(b.actorId) ||
          b.count - a.count ||
          a.descriptor.localeCompare(b.descriptor),
      );
    },
  };
}

