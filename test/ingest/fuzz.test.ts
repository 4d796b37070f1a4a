// Fuzzing the readers: random bytes and random mutations of valid pages, feeds, JSONL, CSV and
// WARC files (fixed seed, thousands of cases). Every case must end in documents and diagnostics:
// no throw, no crash, no unhandled rejection, no stall.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../../src/ingest/read-inputs.ts';
import { httpResponse, newsPage, PARAGRAPHS, prng, rssFeed, atomFeed, warcRecord } from './fixtures.ts';

const random = prng(20261124);
const int = (n: number) => Math.floor(random() * n);

let dir: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
  process.on('unhandledRejection', onUnhandled);
});
after(() => {
  process.off('unhandledRejection', onUnhandled);
  rmSync(dir, { recursive: true, force: true });
});

const SPICE = ['<', '>', '&', '&amp;', '&#x0;', '&#99999999;', '"', "'", '\u0000', '\uFFFD', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE x>', '<!ENTITY e "x">', '\r\n', '\n', ',', '"', '{', '}', '[', ']', '\\', 'WARC/1.0\r\n', 'Content-Length: 5\r\n\r\n', '<script>', '</p>', '<p>', 'é', '😀', '\ud800'];

function mutate(seed: Buffer): Buffer {
  let b = Buffer.from(seed);
  const edits = 1 + int(8);
  for (let e = 0; e < edits; e++) {
    const at = int(b.length + 1);
    switch (int(6)) {
      case 0: // flip bytes
        for (let k = 0; k < 1 + int(4) && b.length; k++) b[int(b.length)] = int(256);
        break;
      case 1: // cut
        b = b.subarray(0, at);
        break;
      case 2: // delete a stretch
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + int(64)))]);
        break;
      case 3: // insert something structural
        b = Buffer.concat([b.subarray(0, at), Buffer.from(SPICE[int(SPICE.length)]), b.subarray(at)]);
        break;
      case 4: // duplicate a stretch
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.max(0, at - int(200)), at), b.subarray(at)]);
        break;
      default: // random bytes
        b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: int(32) }, () => int(256))), b.subarray(at)]);
    }
  }
  return b;
}

const page = newsPage({ title: 'Fuzzed page', paragraphs: PARAGRAPHS, published: '2023-03-20', url: 'https://f.example/a', dateIn: 'jsonld' });
const item = { title: 'Item', link: 'https://f.example/1', published: '2023-03-20T10:00:00Z', html: `<p>${PARAGRAPHS[0]}</p>` };
const SEEDS: [string, Buffer][] = [
  ['html', Buffer.from(page)],
  ['rss', Buffer.from(rssFeed([item, { ...item, link: 'https://f.example/2' }]))],
  ['atom', Buffer.from(atomFeed([item]))],
  ['jsonl', Buffer.from([JSON.stringify({ id: 'a', text: PARAGRAPHS[0], published: '2023-03-20' }), JSON.stringify({ text: PARAGRAPHS[1] })].join('\n'))],
  ['csv', Buffer.from(`id,text,published\na,"${PARAGRAPHS[0].replace(/"/g, '""')}",2023-03-20\nb,"two\nlines",\n`)],
  ['warc', Buffer.concat([warcRecord('response', 'https://f.example/a', httpResponse(page)), warcRecord('request', 'https://f.example/a', 'GET / HTTP/1.1\r\n\r\n')])],
  ['txt', Buffer.from(PARAGRAPHS.join('\n'))],
];

async function drain(path: string): Promise<number> {
  let n = 0;
  for await (const r of readInputs([path], { maxBytes: 200_000, minArticleChars: 20 })) {
    assert.ok(r.document || r.diagnostic, 'a result is a document or a diagnostic');
    if (r.diagnostic) assert.ok(r.diagnostic.file && r.diagnostic.code && r.diagnostic.message);
    if (r.document) assert.equal(typeof r.document.text, 'string');
    n++;
  }
  return n;
}

test('thousands of mutated inputs of every kind and random bytes: only documents and diagnostics', { timeout: 240_000 }, async () => {
  const cases = Number(process.env.PARLEY_FUZZ_CASES ?? 2100);
  let results = 0;
  for (let i = 0; i < cases; i++) {
    const [kind, seed] = SEEDS[i % SEEDS.length];
    let bytes: Buffer;
    let ext = kind;
    const r = random();
    if (r < 0.15) bytes = Buffer.from(Array.from({ length: int(2048) }, () => int(256)));
    else bytes = mutate(seed);
    if (random() < 0.1) {
      bytes = random() < 0.5 ? gzipSync(bytes) : mutate(gzipSync(bytes));
      ext += '.gz';
    }
    const file = join(dir, `case-${i}.${ext}`);
    writeFileSync(file, bytes);
    // a stall would hang here: every case must finish on its own
    results += await Promise.race([
      drain(file),
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`case ${i} (${ext}) did not finish`)), 20_000).unref()),
    ]);
    rmSync(file);
  }
  assert.ok(results >= cases, `${results} results for ${cases} cases`);
  assert.deepEqual(unhandled, []);
});
