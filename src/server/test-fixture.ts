// A database built from the sample corpus plus an article full of markup, for the API and
// end-to-end tests.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from '../pipeline/run-ingest.ts';
import { createPipeline, type Pipeline } from '../pipeline/analyze.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';

export const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));

/** An article whose text carries markup: it must be shown as text and never run. */
export const MARKUP_ARTICLE_ID = 'zz-markup-article';
export const MARKUP_ARTICLE = `Biden and Scholz talk trade in Washington <script>window.__parleyRan = 'title'</script>
2024-02-09

WASHINGTON - US President Joe Biden met German Chancellor Olaf Scholz at the White House in Washington on Friday, 9 February 2024, to discuss support for Ukraine <img src=x onerror="window.__parleyRan = 'img'"> and trade.

Officials said the talks <script>window.__parleyRan = 'body'</script> lasted an hour.
`;

export interface Fixture {
  store: Store;
  pipeline: Pipeline;
  dir: string;
  close(): void;
}

let sharedPipeline: Pipeline | null = null;

export async function buildFixture(file = ':memory:'): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-fixture-'));
  const corpus = join(dir, 'corpus');
  cpSync(SAMPLE_DIR, corpus, { recursive: true });
  writeFileSync(join(corpus, `${MARKUP_ARTICLE_ID}.txt`), MARKUP_ARTICLE);
  const store = openSqliteStore(file === ':memory:' ? ':memory:' : file);
  const pipeline = (sharedPipeline ??= createPipeline());
  await runIngest({ paths: [corpus], store, pipeline, command: 'test fixture' });
  return {
    store,
    pipeline,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
