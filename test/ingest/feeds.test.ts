// Feeds from files and over HTTP (a server of our own on 127.0.0.1): items, polite fetching,
// the ways a feed can go wrong, and `watch` taking only what is new.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createFetcher } from '../../src/ingest/fetch-url.ts';
import { parseFeed } from '../../src/ingest/parse-feed.ts';
import { readFeedText, readFeedUrl } from '../../src/ingest/read-feed.ts';
import type { ReadResult } from '../../src/ingest/options.ts';
import { atomFeed, newsPage, PARAGRAPHS, rssFeed, type FeedItemSpec } from './fixtures.ts';

const items: FeedItemSpec[] = [
  { title: 'Xi and Putin hold talks', link: 'https://daily.example/a', published: '2023-03-20T10:00:00Z', html: PARAGRAPHS.map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('') + '<script>alert(1)</script>' },
  { title: 'Second story', link: 'https://daily.example/b', published: '2023-03-21T10:00:00Z', html: '<p>Officials met in Geneva on Tuesday to discuss the plan.</p>' },
];

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

test('RSS and Atom items: link, title, date and text, markup stripped', async () => {
  for (const xml of [rssFeed(items), atomFeed(items)]) {
    const results = await collect(readFeedText(Buffer.from(xml), { label: 'f.xml', prefix: 'f' }));
    assert.equal(results.length, 2);
    const doc = results[0].document!;
    assert.ok(doc, JSON.stringify(results[0].diagnostic));
    assert.equal(doc.meta.title, 'Xi and Putin hold talks');
    assert.equal(doc.meta.url, 'https://daily.example/a');
    assert.equal(doc.meta.published?.slice(0, 10), '2023-03-20');
    assert.equal(doc.meta.outlet, 'daily.example');
    assert.ok(doc.text.startsWith('Xi and Putin hold talks\n2023-03-20\n\nMOSCOW, March 20'));
    assert.ok(doc.text.includes('& reported by state media'));
    assert.doesNotMatch(doc.text, /alert|<p>/);
    assert.match(doc.id, /^daily\.example-[0-9a-f]{12}$/);
  }
});

test('entity bombs and external entities are refused with a clear diagnostic', async () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>`;
  const external = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&xxe;</title></item></channel></rss>`;
  for (const xml of [bomb, external]) {
    const [r] = await collect(readFeedText(Buffer.from(xml), { label: 'evil.xml', prefix: 'e' }));
    assert.equal(r.diagnostic?.code, 'feed/doctype');
    assert.equal(r.diagnostic?.file, 'evil.xml');
    assert.match(r.diagnostic!.message, /entit/i);
  }
  assert.equal(parseFeed('<rss><channel><item>').error?.code, 'feed/invalid-xml');
  assert.equal(parseFeed('<html><body>hi</body></html>').error?.code, 'feed/not-a-feed');
});

// ---------------------------------------------------------------- over HTTP

let server: Server;
let base: string;
let concurrent = 0;
let peak = 0;
let feedItems: FeedItemSpec[] = [];

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed.xml') {
      res.setHeader('content-type', 'application/rss+xml');
      res.end(rssFeed(feedItems));
    } else if (path === '/slow') {
      setTimeout(() => res.end('late'), 5000).unref();
    } else if (path === '/loop') {
      res.statusCode = 302;
      res.setHeader('location', '/loop2');
      res.end();
    } else if (path === '/loop2') {
      res.statusCode = 301;
      res.setHeader('location', '/loop');
      res.end();
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.statusCode = 302;
      res.setHeader('location', `/hop/${n + 1}`);
      res.end();
    } else if (path === '/huge') {
      res.setHeader('content-type', 'application/rss+xml');
      // no content-length: the limit must hold while reading
      let sent = 0;
      const push = () => {
        while (sent < 3_000_000) {
          sent += 64 * 1024;
          if (!res.write('x'.repeat(64 * 1024))) return void res.once('drain', push);
        }
        res.end();
      };
      push();
    } else if (path.startsWith('/page/')) {
      concurrent++;
      peak = Math.max(peak, concurrent);
      setTimeout(() => {
        concurrent--;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(newsPage({ title: `Page ${path.slice(6)}`, paragraphs: PARAGRAPHS, outlet: 'Page Outlet' }));
      }, 30);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('fetching: a good feed over HTTP', async () => {
  feedItems = items;
  const results = await collect(readFeedUrl(`${base}/feed.xml`, {}));
  assert.equal(results.filter((r) => r.document).length, 2);
});

test('fetching: timeouts, redirect loops, too many redirects, oversized bodies, HTTP errors, bad schemes', async () => {
  const hasty = createFetcher({ timeoutMs: 300 });
  assert.equal((await hasty(`${base}/slow`)).error?.code, 'fetch/timeout');
  const fetchUrl = createFetcher({ timeoutMs: 10_000, maxBytes: 1_000_000, maxRedirects: 3 });
  const codes = await Promise.all(['/loop', '/hop/0', '/huge', '/missing'].map(async (p) => (await fetchUrl(`${base}${p}`)).error?.code));
  assert.deepEqual(codes, ['fetch/redirect-loop', 'fetch/too-many-redirects', 'fetch/too-large', 'fetch/http-status']);
  assert.equal((await fetchUrl('file:///etc/passwd')).error?.code, 'fetch/bad-url');
  // through the feed reader: a diagnostic naming the URL
  const [r] = await collect(readFeedUrl(`${base}/loop`, {}));
  assert.equal(r.diagnostic?.code, 'fetch/redirect-loop');
  assert.equal(r.diagnostic?.file, `${base}/loop`);
});

test('--fetch-pages: each item read from its page, at most N requests per host at once', async () => {
  feedItems = Array.from({ length: 8 }, (_, i) => ({ title: `Item ${i}`, link: `${base}/page/${i}`, html: '<p>summary only</p>' }));
  peak = 0;
  const results = await collect(readFeedUrl(`${base}/feed.xml`, { fetchPages: true, fetch: { perHost: 2 } }));
  const docs = results.map((r) => r.document!);
  assert.equal(docs.length, 8);
  assert.ok(peak <= 2 && peak >= 1, `peak ${peak}`);
  assert.equal(docs[3].text.split('\n')[0], 'Page 3');
  assert.ok(docs[3].text.includes(PARAGRAPHS[0]));
  assert.equal(docs[3].meta.outlet, 'Page Outlet');
  assert.ok(docs[3].source.raw?.content.includes('<html'));
});

test('watch: the second poll takes only the new item, without fetching the old ones again', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openSqliteStore } = await import('../../src/store/sqlite/sqlite-store.ts');
  const { watchFeeds } = await import('../../src/cli/watch.ts');
  const dir = mkdtempSync(join(tmpdir(), 'parley-watch-'));
  const store = openSqliteStore(join(dir, 'w.db'));
  // a stand-in pipeline: this test is about what gets read, not what is found in it
  const pipeline = {
    kb: undefined as never,
    analyze: (document: import('../../src/core/types.ts').Document) => ({
      document,
      text: { language: 'en', title: null, published: null, noise: [], sentences: [], tokens: [] },
      actors: [],
      mentions: [],
      reports: [],
      diagnostics: [],
    }),
  };
  try {
    feedItems = [items[0]];
    const polls: number[] = [];
    let round = 0;
    await watchFeeds({
      feeds: [`${base}/feed.xml`],
      store,
      pipeline: pipeline as never,
      intervalMs: 10,
      rounds: 3,
      onPoll(_r, s) {
        polls.push(s.ingested);
        round++;
        if (round === 1) feedItems = [items[1], items[0]];
      },
    });
    assert.deepEqual(polls, [1, 1, 0]);
    assert.equal((await store.counts()).documents, 2);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
