// JSONL, CSV and WARC files, plain and gzipped, through the ingest source.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../../src/ingest/read-inputs.ts';
import type { ReadResult } from '../../src/ingest/options.ts';
import { httpResponse, newsPage, PARAGRAPHS, warcRecord } from './fixtures.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-bulk-'));
  mkdirSync(join(dir, 'wire'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function read(paths: string[], options = {}): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(paths, options)) out.push(r);
  return out;
}
const docs = (rs: ReadResult[]) => rs.filter((r) => r.document).map((r) => r.document!);
const problems = (rs: ReadResult[]) => rs.filter((r) => r.diagnostic).map((r) => `${r.diagnostic!.code} ${r.diagnostic!.file}`);

const jsonl = [
  JSON.stringify({ id: 'a-1', text: 'Xi met Putin.\n', title: 'Talks', published: '2023-03-20', outlet: 'Wire', url: 'https://w.example/1', language: 'en' }),
  '{"text": "no id here"}',
  '{not json',
  '[1,2]',
  '{"title": "no text"}',
  '',
  JSON.stringify({ id: 7, text: 'Seven.' }),
].join('\n');

test('JSONL: records with metadata; bad lines named by file and line; ids from the id field or file-line', async () => {
  const file = join(dir, 'wire', 'feed.jsonl');
  writeFileSync(file, jsonl);
  const rs = await read([file]);
  const d = docs(rs);
  assert.deepEqual(d.map((x) => x.id), ['a-1', 'feed-2', '7']);
  assert.deepEqual(d[0].meta, { title: 'Talks', published: '2023-03-20', outlet: 'Wire', url: 'https://w.example/1', language: 'en' });
  assert.equal(d[0].text, 'Xi met Putin.\n');
  assert.equal(d[1].meta.outlet, undefined, 'a bulk row takes no folder name as outlet');
  assert.deepEqual(problems(rs), [`jsonl/bad-json ${file}:3`, `jsonl/not-object ${file}:4`, `jsonl/no-text ${file}:5`]);
});

test('JSONL gzipped, custom field names, --outlet, a huge line skipped without the rest lost', async () => {
  const file = join(dir, 'x.ndjson.gz');
  const lines = [JSON.stringify({ body: 'First.', when: '2024-01-02' }), JSON.stringify({ body: 'x'.repeat(5000) }), JSON.stringify({ body: 'Third.' })];
  writeFileSync(file, gzipSync(lines.join('\r\n')));
  const rs = await read([file], { columns: { text: 'body', published: 'when' }, outlet: 'Given', maxBytes: 1000 });
  assert.deepEqual(docs(rs).map((d) => [d.id, d.text, d.meta.published ?? null, d.meta.outlet]), [
    ['x-1', 'First.', '2024-01-02', 'Given'],
    ['x-3', 'Third.', null, 'Given'],
  ]);
  assert.deepEqual(problems(rs), [`jsonl/line-too-long ${file}:2`]);
});

test('CSV: header columns matched without case, quoted newlines, ragged rows and bad quoting as diagnostics', async () => {
  const file = join(dir, 'wire', 'rows.csv');
  writeFileSync(file, 'ID,Title,Text,Published\nr1,One,"Xi met Putin\nin Moscow.",2023-03-20\nr2,Two,too,many,fields\n,Three,Third text,\nr4,Four,"unclosed\n');
  const rs = await read([file]);
  const d = docs(rs);
  assert.deepEqual(d.map((x) => x.id), ['r1', 'rows-5']);
  assert.equal(d[0].text, 'Xi met Putin\nin Moscow.');
  assert.equal(d[0].meta.published, '2023-03-20');
  assert.equal(d[0].meta.title, 'One');
  const p = problems(rs);
  assert.ok(p.includes(`csv/ragged-row ${file}:4`), p.join('; '));
  assert.ok(p.some((x) => x.startsWith('csv/bad-record') || x.startsWith('read/unreadable')), p.join('; '));
});

test('CSV without a text column says so', async () => {
  const file = join(dir, 'notext.csv');
  writeFileSync(file, 'a,b\n1,2\n');
  assert.deepEqual(problems(await read([file])), [`csv/no-text-column ${file}`]);
});

test('WARC and WARC.gz: HTML responses become documents with their URL; other records passed over; a bad record ends the file with a diagnostic', async () => {
  const page = newsPage({ title: 'Archived talks', paragraphs: PARAGRAPHS, published: '2023-03-20' });
  const records = (gz: boolean) => [
    warcRecord('warcinfo', 'urn:x', 'software: test\r\n', gz),
    warcRecord('request', 'https://arch.example/a', 'GET /a HTTP/1.1\r\nHost: arch.example\r\n\r\n', gz),
    warcRecord('response', 'https://arch.example/a', httpResponse(page), gz),
    warcRecord('response', 'https://arch.example/img', httpResponse('GIF89a', 'image/gif'), gz),
    warcRecord('response', 'https://arch.example/gone', httpResponse('<p>gone</p>', 'text/html', '404 Not Found'), gz),
  ];
  const plain = join(dir, 'crawl.warc');
  writeFileSync(plain, Buffer.concat([...records(false), Buffer.from('WARC/1.0\r\nContent-Length: 99999999\r\nWARC-Type: response\r\n\r\ntruncated')]));
  const gz = join(dir, 'crawl2.warc.gz');
  writeFileSync(gz, Buffer.concat(records(true)));
  for (const file of [plain, gz]) {
    const rs = await read([file]);
    const d = docs(rs);
    assert.equal(d.length, 1, problems(rs).join('; '));
    assert.equal(d[0].meta.url, 'https://arch.example/a');
    assert.equal(d[0].meta.outlet, 'arch.example');
    assert.ok(d[0].text.startsWith('Archived talks\n2023-03-20\n'));
    assert.ok(d[0].source.raw?.content.includes('<article>'));
  }
});

test('progress: bytes read reach the total; items are known only when every input is one document', async () => {
  const a = join(dir, 'p1.txt');
  writeFileSync(a, 'One text.');
  const single = readInputs([a]);
  assert.equal(single.progress.totalItems, 1);
  const bulk = readInputs([a, join(dir, 'wire', 'feed.jsonl')]);
  assert.equal(bulk.progress.totalItems, null);
  for await (const _ of bulk) void _;
  assert.equal(bulk.progress.bytesRead, bulk.progress.totalBytes);
});

test('only http(s) URLs are kept: javascript:, data: and file: links from records and feeds are dropped', async () => {
  const file = join(dir, 'urls.jsonl');
  writeFileSync(
    file,
    [
      { id: 'u1', text: 'One.', url: 'javascript:alert(document.cookie)' },
      { id: 'u2', text: 'Two.', url: 'data:text/html,<script>alert(1)</script>' },
      { id: 'u3', text: 'Three.', url: ' HTTPS://News.Example/a?b=1 ' },
      { id: 'u4', text: 'Four.', url: 'file:///etc/passwd' },
      { id: 'u5', text: 'Five.', url: 'not a url' },
    ].map((r) => JSON.stringify(r)).join('\n'),
  );
  const got = docs(await read([file]));
  assert.deepEqual(got.map((d) => [d.id, d.meta.url ?? null]), [['u1', null], ['u2', null], ['u3', 'https://news.example/a?b=1'], ['u4', null], ['u5', null]]);
  const feed = join(dir, 'links.rss');
  writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>A</title><link>javascript:alert(1)</link><description>Xi met Putin in Moscow.</description></item></channel></rss>`);
  const [item] = docs(await read([feed]));
  assert.equal(item.meta.url ?? null, null);
  assert.equal(item.source.url ?? null, null);
});

test('a file of many bad lines keeps the first few diagnostics and counts the rest; its good lines are read', async () => {
  const file = join(dir, 'mostly-bad.jsonl.gz');
  const lines: string[] = [];
  for (let i = 0; i < 5000; i++) lines.push(i % 1000 === 0 ? JSON.stringify({ id: `good-${i}`, text: 'Xi met Putin.' }) : i % 2 ? '{broken' : '[1]');
  writeFileSync(file, gzipSync(lines.join('\n')));
  const rs = await read([file]);
  assert.deepEqual(docs(rs).map((d) => d.id), ['good-0', 'good-1000', 'good-2000', 'good-3000', 'good-4000']);
  const diags = rs.filter((r) => r.diagnostic).map((r) => r.diagnostic!);
  assert.equal(diags.length, 21);
  const last = diags[diags.length - 1];
  assert.equal(last.code, 'read/more-problems');
  assert.match(last.message, /^4975 more problems/);
  assert.match(last.message, /jsonl\/bad-json \d+/);
});
