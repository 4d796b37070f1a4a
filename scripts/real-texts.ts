// The shared gold texts (../shared/corpus/*, ../shared/corpus-broad/*): real reports for the
// real-text benchmarks (scripts/bench-real.ts, scripts/bench-analyze.ts --real).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SHARED = fileURLToPath(new URL('../../shared', import.meta.url));

/** Every .txt article of every corpus folder under SHARED/corpus and SHARED/corpus-broad, in name order; exits with a clear error when there is none. */
export function realTexts(sharedDir: string = DEFAULT_SHARED, who = 'bench'): Array<{ id: string; text: string }> {
  const shared = resolve(sharedDir);
  const dirs = ['corpus', 'corpus-broad'].flatMap((group) => {
    const dir = join(shared, group);
    return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort() : [];
  });
  const texts = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ id: f.slice(0, -4), text: readFileSync(join(dir, f), 'utf8') })),
  );
  if (texts.length === 0) {
    console.error(
      `${who}: no gold texts found: expected folders of .txt articles under ${join(shared, 'corpus')} and ${join(shared, 'corpus-broad')} ` +
        `(the shared gold corpora); give their parent folder with --shared DIR`,
    );
    process.exit(2);
  }
  return texts;
}
