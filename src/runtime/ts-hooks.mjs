// Module hooks that run Parley's TypeScript sources: each `.ts` file is turned into JavaScript by
// esbuild (types removed, nothing else lowered: Node 20 runs all the syntax the sources use),
// with an inline source map so stack traces can name TypeScript lines.
//
// Why not tsx, which did this before: tsx always transforms with esbuild's `keepNames`, which
// wraps every named function and closure in a `__name()` call (a defineProperty each time the
// closure is made), and it lowers regular-expression literals holding \p{..} to `new RegExp(...)`
// calls, rebuilt every time the code around them runs. On the analysis threads both cost real
// CPU (scripts/bench.ts, see the note in bin/parley). The hooks are a dozen lines over esbuild,
// which stays the compiler; only the options are ours.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'esnext',
    sourcemap: 'inline',
    sourcefile: path,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
