// Module hooks that run Parley's TypeScript sources: each `.ts` file is turned into JavaScript by
// esbuild (types removed, nothing else lowered: Node 20 runs all the syntax the sources use),
// with an inline source map so stack traces can name TypeScript lines.
//
// Why not tsx, which did this before: tsx always transforms with esbuild's `keepNames`, which
// wraps every named function and closure in a `__name()` call (a defineProperty each time the
// closure is made), and it lowers regular-expression literals holding \p{..} to `new RegExp(...)`
// calls, rebuilt every time the code around them runs. On the analysis threads both cost real
// CPU (scripts/bench.ts). These hooks are a few lines over esbuild, which stays the compiler; only
// the options are ours.
//
// Every thread loads its own copy of the sources (an ingest has three), so what esbuild made is
// kept in node_modules/.cache/parley-ts/, keyed by a hash of esbuild's version, the options, the
// file's path and its text: a changed file gets a new entry, and nothing is read from a folder
// other users could write to (a shared tmp folder could hand us someone else's code).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform, version } from 'esbuild';

const OPTIONS = { loader: 'ts', format: 'esm', target: 'esnext', sourcemap: 'inline' };
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/parley-ts/', import.meta.url));
const SALT = `${version}\u0000${JSON.stringify(OPTIONS)}\u0000`;

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const entry = join(CACHE, `${createHash('sha256').update(SALT).update(path).update('\u0000').update(source).digest('hex')}.mjs`);
  const cached = await readFile(entry, 'utf8').catch(() => null);
  if (cached !== null) return { format: 'module', source: cached, shortCircuit: true };
  const { code } = await transform(source, { ...OPTIONS, sourcefile: path });
  // written aside and renamed, so a thread never reads half an entry; a cache that cannot be
  // written (a read-only checkout) only costs the transform next time
  const aside = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await mkdir(CACHE, { recursive: true })
    .then(() => writeFile(aside, code))
    .then(() => rename(aside, entry))
    .catch(() => {});
  return { format: 'module', source: code, shortCircuit: true };
}
