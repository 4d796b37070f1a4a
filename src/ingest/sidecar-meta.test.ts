import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ReadResult } from './options.ts';
import { readInputs } from './read-inputs.ts';
import { SIDECAR_NAME } from './sidecar-meta.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-sidecar-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(paths: string[], outlet?: string): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(paths, outlet ? { outlet } : {})) out.push(r);
  return out;
}

test('a folder sidecar gives each file its url, outlet (else the url host) and date', async () => {
  const folder = join(dir, 'wire');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), 'Ministers met in Oslo on Tuesday.\n');
  writeFileSync(join(folder, 'b.txt'), 'Two envoys spoke by phone.\n');
  writeFileSync(join(folder, 'c.txt'), 'Nothing is known of this one.\n');
  writeFileSync(
    join(folder, SIDECAR_NAME),
    [
      JSON.stringify({ id: 'a', url: 'https://www.example-news.no/world/123', published: '2024-06-04' }),
      JSON.stringify({ id: 'b', url: 'https://example.org/x', outlet: 'Example Wire', title: 'Envoys talk' }),
      '',
    ].join('\n'),
  );
  const docs = new Map((await readAll([folder])).filter((r) => r.document).map((r) => [r.document!.id, r.document!.meta]));
  assert.deepEqual(docs.get('a'), { url: 'https://www.example-news.no/world/123', outlet: 'example-news.no', published: '2024-06-04' });
  assert.deepEqual(docs.get('b'), { url: 'https://example.org/x', outlet: 'Example Wire', title: 'Envoys talk' });
  assert.deepEqual(docs.get('c'), { outlet: 'wire' }, 'a file the sidecar does not name keeps the folder name');
  // the sidecar wins over --outlet for the files it names; --outlet over the folder for the rest
  const withOutlet = new Map((await readAll([folder], 'Desk')).filter((r) => r.document).map((r) => [r.document!.id, r.document!.meta.outlet]));
  assert.deepEqual([...withOutlet], [['a', 'example-news.no'], ['b', 'Example Wire'], ['c', 'Desk']]);
});

test('bad sidecar lines are reported by file and line; good ones still apply', async () => {
  const folder = join(dir, 'bad');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), 'Ministers met in Oslo on Tuesday.\n');
  writeFileSync(join(folder, SIDECAR_NAME), ['{not json', JSON.stringify({ url: 'https://a.example/' }), JSON.stringify({ id: 'a', url: 'javascript:alert(1)', outlet: 'Fine' })].join('\n'));
  const results = await readAll([folder]);
  const problems = results.filter((r) => r.diagnostic).map((r) => [r.diagnostic!.code, (r.diagnostic!.file ?? '').replace(dir, '')]);
  assert.deepEqual(problems, [
    ['meta/bad-json', `/bad/${SIDECAR_NAME}:1`],
    ['meta/no-id', `/bad/${SIDECAR_NAME}:2`],
    ['meta/bad-url', `/bad/${SIDECAR_NAME}:3`],
  ]);
  assert.deepEqual(results.find((r) => r.document)!.document!.meta, { outlet: 'Fine' }, 'the javascript: url is never kept');
});
