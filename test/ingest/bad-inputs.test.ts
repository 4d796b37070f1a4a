// The broken-case corpus, every input kind: each bad input is one diagnostic naming it and its
// problem, the rest of the batch is stored, and nothing stored before is lost.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Document } from '../../src/core/types.ts';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { httpResponse, newsPage, PARAGRAPHS, rssFeed, warcRecord } from './fixtures.ts';

// what is read is under test here, not what the stages find: a stand-in pipeline
const pipeline = {
  kb: undefined as never,
  analyze: (document: Document) => ({
    document,
    text: { language: 'en', title: null, published: null, noise: [], sentences: [], tokens: [] },
    actors: [],
    mentions: [],
    reports: [],
    diagnostics: [],
  }),
};

let dir: string;
const bad: Record<string, [string, string | Buffer]> = {};
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-bad-'));
  mkdirSync(join(dir, 'batch'));
  const page = newsPage({ title: 'Good page', paragraphs: PARAGRAPHS });
  const put = (name: string, content: string | Buffer) => writeFileSync(join(dir, 'batch', name), content);
  // good ones
  put('plain.txt', 'A good text.\n');
  put('good.html', page);
  put('good.jsonl', JSON.stringify({ id: 'j1', text: 'Line one.' }) + '\n');
  // bad ones: file -> expected code
  const cases: [string, string | Buffer, string][] = [
    ['truncated.txt', Buffer.from([0x63, 0x61, 0x66, 0xc3]), 'read/invalid-utf8'],
    ['latin1.html', Buffer.concat([Buffer.from('<html><body><p>caf'), Buffer.from([0xe9]), Buffer.from('</p></body></html>')]), 'read/invalid-utf8'],
    ['binary.html', Buffer.from([0x3c, 0x68, 0x00, 0x01, 0x02, 0xff]), 'read/binary'],
    ['binary.jsonl', Buffer.from([0x7b, 0x00, 0x01, 0x0a]), 'read/binary'],
    ['noarticle.htm', '<html><body><nav>Home | World</nav><script>x()</script></body></html>', 'html/no-article'],
    ['scripted.html', '<html><body><script>document.body.innerHTML="<p>"+"injected ".repeat(100)+"</p>"</script><img src=x onerror="alert(1)"></body></html>', 'html/no-article'],
    ['bomb.rss', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>', 'feed/doctype'],
    ['external.rss', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>', 'feed/doctype'],
    ['broken.atom', '<feed><entry><title>unclosed', 'feed/invalid-xml'],
    ['huge.txt', 'x'.repeat(12000), 'read/too-large'],
    ['bad.jsonl', '{"text": "fine one"}\n{"text": broken\n' + JSON.stringify({ text: 'y'.repeat(12000) }) + '\n', 'jsonl/bad-json'],
    ['ragged.csv', 'id,text\nc1,"ok row"\nc2,one,two\n', 'csv/ragged-row'],
    ['bad.warc', Buffer.concat([warcRecord('response', 'https://a.example/x', httpResponse(newsPage({ title: 'Archived', paragraphs: PARAGRAPHS }))), Buffer.from('WARC/1.0\r\nWARC-Type: response\r\n\r\nno length')]), 'warc/bad-record'],
    ['notgzip.txt.gz', 'plain text pretending', 'read/bad-gzip'],
    ['truncated.jsonl.gz', gzipSync(JSON.stringify({ text: 'z'.repeat(20000) }) + '\n').subarray(0, 40), 'read/bad-gzip'],
  ];
  for (const [name, content, code] of cases) {
    put(name, content);
    bad[name] = [code, ''];
  }
  writeFileSync(join(dir, 'feed-ok.rss'), rssFeed([{ title: 'Fed item', link: 'https://f.example/1', html: '<p>Feed item text.</p>' }]));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('each bad input: a diagnostic naming it and the problem; the rest stored; stored data kept', async () => {
  const db = join(dir, 'bad.db');
  const store = openSqliteStore(db);
  try {
    const first = await runIngest({ paths: [join(dir, 'feed-ok.rss')], store, pipeline });
    assert.equal(first.ingested, 1);
    const batch = join(dir, 'batch');
    const summary = await runIngest({
      paths: [batch, join(batch, 'good.jsonl'), join(batch, 'binary.jsonl'), join(batch, 'bad.jsonl'), join(batch, 'ragged.csv'), join(batch, 'truncated.jsonl.gz')],
      store,
      pipeline,
      maxBytes: 8000,
    });
    const byFile = new Map<string, string[]>();
    for (const d of summary.failed) {
      const name = (d.file ?? '').slice(batch.length + 1).replace(/[:#]\d+$/, '');
      byFile.set(name, [...(byFile.get(name) ?? []), d.code]);
      assert.ok(d.message.length > 5, `${d.code} has a message`);
    }
    for (const [name, [code]] of Object.entries(bad)) {
      assert.ok(byFile.get(name)?.includes(code), `${name}: expected ${code}, got ${JSON.stringify(byFile.get(name))}`);
    }
    // the good ones, the good parts of the bad files, and the earlier run's document
    const ids = (await store.listDocuments()).map((d) => d.id).sort();
    for (const id of ['good', 'plain', 'j1', 'bad-1', 'c1']) assert.ok(ids.includes(id), `${id} stored (${ids.join(', ')})`);
    assert.ok(ids.some((id) => id.startsWith('f.example-')), 'the earlier feed item is still there');
    // the stored page keeps its raw HTML and map; a plain text has none
    assert.ok((await store.getDocumentSource('good'))?.content.includes('<article>'));
    assert.ok(((await store.getDocumentSource('good'))?.map.length ?? 0) > 0);
    assert.equal(await store.getDocumentSource('plain'), null);
    for (const d of await store.listDocuments()) assert.doesNotMatch((await store.getDocument(d.id))!.text, /alert\(|innerHTML|track\(\)/);
  } finally {
    await store.close();
  }
});
