// Framing rows (outlet x actor x descriptor, with counts and examples) from stored descriptors:
// the rule both store adapters share; each adapter only reads the descriptor rows.
import { basename, dirname } from 'node:path';
import type { DocumentMeta, FramingStance, LoadedTermMatch } from '../core/types.ts';
import type { FramingFilter, FramingRow } from '../store/store.ts';

/** Examples kept per framing row. */
const EXAMPLES = 3;

/** One stored descriptor with what its document and actor say, in document then offset order. */
export interface DescriptorRecord {
  docId: string;
  actorId: string;
  start: number;
  end: number;
  text: string;
  normalized: string;
  stance: FramingStance | null;
  loaded: LoadedTermMatch[];
  path: string | null;
  meta: DocumentMeta;
  /** The actor's stored name and aliases (null when the actor is not stored). */
  name: string | null;
  aliases: string[] | null;
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

export interface FramingContext {
  /** Only these documents (the documents reporting one event). */
  docIds?: ReadonlySet<string>;
  /** Where actor merges send an id. */
  canonical?: (actorId: string) => string;
  /** The stored name of an actor an id was merged into. */
  nameOf?: (actorId: string) => string | undefined;
}

export function framingRows(records: Iterable<DescriptorRecord>, filter: FramingFilter = {}, context: FramingContext = {}): FramingRow[] {
  const { docIds, canonical = (id: string) => id, nameOf = () => undefined } = context;
  const actorQuery = filter.actor?.trim().toLowerCase();
  const outletQuery = filter.outlet?.trim().toLowerCase();
  const outlets = new Map<string, string>();
  const groups = new Map<string, FramingRow>();
  for (const row of records) {
    if (docIds && !docIds.has(row.docId)) continue;
    let outlet = outlets.get(row.docId);
    if (outlet === undefined) {
      outlet = outletOfDocument(row.path, row.meta);
      outlets.set(row.docId, outlet);
    }
    if (outletQuery && outlet.toLowerCase() !== outletQuery) continue;
    // an actor an analyst merged into another is shown as that other one
    const actorId = canonical(row.actorId);
    const actorName = actorId === row.actorId ? (row.name ?? row.actorId) : (nameOf(actorId) ?? actorId);
    if (actorQuery && row.actorId !== actorQuery && actorId !== actorQuery) {
      const names = [actorName, ...(row.aliases ?? [])];
      if (!names.some((n) => n.toLowerCase().includes(actorQuery))) continue;
    }
    const key = `${outlet}\u0000${actorId}\u0000${row.normalized}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        outlet,
        actorId,
        actorName,
        descriptor: row.normalized,
        count: 0,
        ...(row.stance ? { stance: row.stance } : {}),
        loaded: row.loaded.map((l) => ({ termId: l.termId, stance: l.stance })),
        examples: [],
      };
      groups.set(key, group);
    }
    group.count++;
    if (group.examples.length < EXAMPLES) group.examples.push({ docId: row.docId, start: row.start, end: row.end, text: row.text });
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.outlet.localeCompare(b.outlet) ||
      a.actorName.localeCompare(b.actorName) ||
      a.actorId.localeCompare(b.actorId) ||
      b.count - a.count ||
      a.descriptor.localeCompare(b.descriptor),
  );
}
