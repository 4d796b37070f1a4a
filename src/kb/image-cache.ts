// The knowledge base's frozen image kept in a file, keyed by a hash of everything it is built
// from (the data under data/kb/ and data/lang/, the code that makes the name keys, the load
// options): a process whose inputs did not change reads the image straight into its
// SharedArrayBuffer (milliseconds, and no transient Maps of every key on the heap, which the
// process would keep as RSS) instead of building it (seconds; tens of MB). Any change of an
// input is another key, so a stale image is never read.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArenaImage, ArenaLayout } from '../actors/shared-table.ts';

/** Bumped when the image's layout changes in a way the hashed inputs do not show. */
const FORMAT = 'parley-kb-image-4';

/** PARLEY_CACHE_DIR, else a folder of this user's in the system's temporary directory. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PARLEY_CACHE_DIR) return env.PARLEY_CACHE_DIR;
  const uid = process.getuid?.();
  return join(tmpdir(), uid === undefined ? 'parley-cache' : `parley-cache-${uid}`);
}

/**
 * Whether a cache folder can be trusted (made if missing, readable and writable by this user
 * alone): owned by this user, a folder and not a link, writable by no one else. The default folder
 * is in the shared temporary directory, where another local user could make it first and plant an
 * image: a knowledge base of their making, read as ours. An untrusted folder is not used at all.
 */
export function trustedDir(dir: string): boolean {
  if (!process.getuid) return true;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function* files(root: string): Generator<string> {
  if (!existsSync(root)) return;
  if (!statSync(root).isDirectory()) return yield root;
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    yield* files(join(root, name));
  }
}

/** A hash of the files under `roots` (paths and contents) and of `extra` (options, local entries). */
export function inputsKey(roots: readonly string[], extra: unknown): string {
  const hash = createHash('sha256').update(FORMAT).update(JSON.stringify(extra ?? null));
  // read in chunks through one buffer: the generated files are megabytes, and a process keeps
  // the memory of large transient buffers as RSS
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (const root of roots)
    for (const file of files(root)) {
      if (file.endsWith('.test.ts')) continue;
      hash.update(file).update('\0');
      const fd = openSync(file, 'r');
      try {
        for (let n: number; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
      } finally {
        closeSync(fd);
      }
      hash.update('\0');
    }
  return hash.digest('hex').slice(0, 32);
}

/** The image from the cache file of `key`, or built and then written there (a cache that cannot be written is skipped). */
export function cachedImage(key: string, build: () => ArenaImage, dir: string = cacheDir()): ArenaImage {
  if (!trustedDir(dir)) return build();
  const file = join(dir, `kb-${key}.bin`);
  const read = readImage(file);
  if (read) return read;
  const image = build();
  try {
    const header = Buffer.from(JSON.stringify({ format: FORMAT, size: image.buffer.byteLength, layout: image.layout }));
    const head = Buffer.alloc(8);
    head.writeUInt32LE(header.length, 0);
    const pad = Buffer.alloc((8 - ((8 + header.length) % 8)) % 8);
    // written whole under another name, then renamed: a reader never sees half a file
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, Buffer.concat([head, header, pad, new Uint8Array(image.buffer)]));
    renameSync(tmp, file);
  } catch {
    // a read-only or full disk: the image stays in memory only
  }
  return image;
}

function readImage(file: string): ArenaImage | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    if (readSync(fd, head, 0, 8, 0) !== 8) return null;
    const length = head.readUInt32LE(0);
    const headerBytes = Buffer.alloc(length);
    if (readSync(fd, headerBytes, 0, length, 8) !== length) return null;
    const header = JSON.parse(headerBytes.toString('utf8')) as { format: string; size: number; layout: ArenaLayout };
    if (header.format !== FORMAT) return null;
    const buffer = new SharedArrayBuffer(header.size);
    const at = 8 + length + ((8 - ((8 + length) % 8)) % 8);
    const view = new Uint8Array(buffer);
    let done = 0;
    while (done < header.size) {
      const n = readSync(fd, view, done, header.size - done, at + done);
      if (n <= 0) return null;
      done += n;
    }
    return { buffer, layout: header.layout };
  } catch {
    return null; // a damaged file is rebuilt
  } finally {
    closeSync(fd);
  }
}
