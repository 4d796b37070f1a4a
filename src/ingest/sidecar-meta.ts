// Metadata for a folder of plain files: a sidecar file `parley-meta.jsonl` beside them, one JSON
// object a line naming a document by its id (the file name without extension) with any of `url`,
// `outlet`, `published`, `title`, `author`, `language`. A folder of .txt files has no other place
// for where each article came from, and without it every file got its folder's name as outlet.
// The outlet is the sidecar's `outlet`, else the host of its `url` (www. dropped).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic, DocumentMeta } from '../core/types.ts';
import { hostOf } from './feed-items.ts';
import { cleanMeta } from './make-document.ts';
import { problem } from './options.ts';

export const SIDECAR_NAME = 'parley-meta.jsonl';

export interface Sidecar {
  /** Metadata by document id. */
  byId: Map<string, DocumentMeta>;
  diagnostics: Diagnostic[];
}

/** Reads a sidecar file; bad lines become diagnostics naming `file:line`, the rest is kept. */
export function readSidecar(file: string): Sidecar {
  const byId = new Map<string, DocumentMeta>();
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { byId, diagnostics: [problem('meta/unreadable', file, (error as Error).message)] };
  }
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const where = `${file}:${index + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      diagnostics.push(problem('meta/bad-json', where, 'not a JSON object'));
      return;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      diagnostics.push(problem('meta/bad-json', where, 'not a JSON object'));
      return;
    }
    const r = record as Record<string, unknown>;
    if (typeof r.id !== 'string' || !r.id.trim()) {
      diagnostics.push(problem('meta/no-id', where, 'wants an "id": the file name without its extension'));
      return;
    }
    const meta = cleanMeta(r);
    if (!meta.outlet) {
      const host = hostOf(meta.url);
      if (host) meta.outlet = host;
    }
    if (typeof r.url === 'string' && r.url.trim() && !meta.url) {
      diagnostics.push(problem('meta/bad-url', where, `"url" is not an http(s) address: ${JSON.stringify(r.url.slice(0, 100))}`));
    }
    byId.set(r.id.trim(), meta);
  });
  return { byId, diagnostics };
}

/** Sidecars by folder, each read once; a folder without one has none. */
export function sidecarLookup(): { metaOf(path: string, id: string): { meta?: DocumentMeta; diagnostics: Diagnostic[] } } {
  const folders = new Map<string, Sidecar | null>();
  return {
    metaOf(path, id) {
      const folder = dirname(resolve(path));
      let sidecar = folders.get(folder);
      let fresh: Diagnostic[] = [];
      if (sidecar === undefined) {
        const file = join(folder, SIDECAR_NAME);
        sidecar = existsSync(file) ? readSidecar(file) : null;
        folders.set(folder, sidecar);
        fresh = sidecar?.diagnostics ?? [];
      }
      return { meta: sidecar?.byId.get(id), diagnostics: fresh };
    },
  };
}
