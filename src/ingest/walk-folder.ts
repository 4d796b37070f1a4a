// Finding input files: the paths a user names, and folders walked recursively in sorted order.
// Shared by every reader, so all of them treat links, unreadable folders and missing paths alike.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import { problem } from './options.ts';

/** The stat of a path the user named, or a diagnostic saying why there is none. */
export function statNamed(path: string, diagnostics: Diagnostic[]): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    diagnostics.push(problem('read/unreadable', path, code === 'ENOENT' ? 'no such file or folder' : (error as Error).message));
    return null;
  }
}

/** Calls `found` for every file under `dir` whose name `accept`s, links followed, in sorted order. */
export function walkFolder(dir: string, accept: (name: string) => boolean, found: (path: string, size: number) => void, diagnostics: Diagnostic[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    diagnostics.push(problem('read/unreadable', dir, `cannot list folder: ${(error as Error).message}`));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      walkFolder(full, accept, found, diagnostics);
      continue;
    }
    if (!accept(entry.name)) continue;
    try {
      const stat = statSync(full);
      if (stat.isFile()) found(full, stat.size);
    } catch {
      // a dangling link inside a folder is not something the user asked for
    }
  }
}
