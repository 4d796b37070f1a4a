// The descriptors table (migration 0003): written with each document in saveBatch, read back as
// framing rows (grouped by framing/framing-rows.ts).
import type Database from 'better-sqlite3';
import type { Descriptor, Diagnostic, FramingStance, LoadedTermMatch, Span } from '../../core/types.ts';
import type { FramingFilter, FramingRow } from '../store.ts';
import { parseMeta } from './parse-meta.ts';
import { descriptorOk } from '../check-analysis.ts';
import { framingRows, outletOfDocument, type DescriptorRecord } from '../../framing/framing-rows.ts';

export { outletOfDocument };

export interface DescriptorTable {
  /** Stores a document's descriptors; bad ones are left out with a diagnostic. */
  save(docId: string, text: string, descriptors: readonly Descriptor[], report: (d: Omit<Diagnostic, 'severity'>) => void): number;
  /** Rows of all documents, or only of `docIds`. */
  framing(filter?: FramingFilter, docIds?: ReadonlySet<string>, canonical?: (actorId: string) => string): FramingRow[];
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
        if (!descriptorOk(d, text.length)) {
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
      const records = (all.all() as Row[]).map(
        (row): DescriptorRecord => ({
          docId: row.doc_id,
          actorId: row.actor_id,
          start: row.start,
          end: row.end,
          text: row.text,
          normalized: row.normalized,
          stance: row.stance,
          loaded: JSON.parse(row.loaded) as LoadedTermMatch[],
          path: row.path,
          meta: parseMeta(row.meta),
          name: row.name,
          aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : null,
        }),
      );
      return framingRows(records, filter, { docIds, canonical, nameOf: (id) => nameOf.get(id) as string | undefined });
    },
  };
}

