// Builds the web app (web/ -> web/dist/) with Vite when it is missing or older than its sources.
// Vite is a development dependency: an installation without it serves the API only.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

/** True when web/dist is missing or a source file changed after it was built. */
export function webBuildStale(): boolean {
  const built = join(WEB_DIR, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => join(WEB_DIR, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestSource)) > statSync(built).mtimeMs;
}

export async function buildWeb(options: { force?: boolean; quiet?: boolean } = {}): Promise<string> {
  const out = join(WEB_DIR, 'dist');
  if (!options.force && !webBuildStale()) return out;
  const vite = await import('vite');
  await vite.build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: options.quiet ? 'error' : 'info' });
  return out;
}
