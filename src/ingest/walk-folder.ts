// Finding input files: the paths a user names, and folders walked recursively in sorted order.
// Shared by every reader, so all of them treat links, unreadable folders and missing paths alike.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/types.ts';
import { decodeUtf8 } from './input-bytes.ts';
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

/**
 * Calls `found` for every file under `dir` whose name `accept`s, in sorted order. Links are
 * followed, to files and to folders (a folder reached twice, through a loop of links, is walked
 * once). A name that is not valid UTF-8 cannot be carried as a path string: it is reported, never
 * skipped in silence.
 */
export function walkFolder(
  dir: string,
  accept: (name: string) => boolean,
  found: (path: string, size: number) => void,
  diagnostics: Diagnostic[],
  seen: Set<string> = new Set(),
): void {
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
  } catch {
    // listing fails below and says why
  }
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    diagnostics.push(problem('read/unreadable', dir, `cannot list folder: ${(error as Error).message}`));
    return;
  }
  const named: Array<{ name: string; entry: Dirent<Buffer> }> = [];
  for (const entry of entries) {
    const name = decodeUtf8(entry.name);
    if (name === null) {
      const shown = entry.name.toString('latin1').replace(/[^\x20-\x7e]/g, '?');
      diagnostics.push(problem('read/bad-name', join(dir, shown), 'the name is not valid UTF-8, so it is not read: rename it (for example with convmv) to read it'));
    } else named.push({ name, entry });
  }
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, entry } of named) {
    const full = join(dir, name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        // a dangling link: handled as a file below, where stat fails again
      }
    }
    if (isDir) {
      walkFolder(full, accept, found, diagnostics, seen);
      continue;
    }
    if (!accept(name)) continue;
    try {
      const stat = statSync(full);
      if (stat.isFile()) found(full, stat.size);
    } catch (error) {
      diagnostics.push(problem('read/unreadable', full, entry.isSymbolicLink() ? 'a link to nothing' : (error as Error).message));
    }
  }
}
