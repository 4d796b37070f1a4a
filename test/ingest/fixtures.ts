// Builders for ingest tests: realistic pages around an article, feeds, WARC records.
import { gzipSync } from 'node:zlib';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageOptions {
  title: string;
  paragraphs: string[];
  outlet?: string;
  published?: string;
  url?: string;
  lang?: string;
  author?: string;
  /** Where the date is stated: a meta tag, JSON-LD, or a <time> element. */
  dateIn?: 'meta' | 'jsonld' | 'time';
}

/** A news page as sites serve them: navigation, ads, scripts, the article, comments, related links. */
export function newsPage(o: PageOptions): string {
  const date = o.published ?? '';
  const head = [
    '<meta charset="utf-8">',
    `<title>${o.title ? `${escapeHtml(o.title)} | ` : ''}${escapeHtml(o.outlet ?? 'The Daily')}</title>`,
    o.outlet ? `<meta property="og:site_name" content="${escapeHtml(o.outlet)}">` : '',
    o.url ? `<link rel="canonical" href="${escapeHtml(o.url)}">` : '',
    o.author ? `<meta name="author" content="${escapeHtml(o.author)}">` : '',
    date && (o.dateIn ?? 'meta') === 'meta' ? `<meta property="article:published_time" content="${date}">` : '',
    date && o.dateIn === 'jsonld'
      ? `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(o.title)},"datePublished":"${date}"}</script>`
      : '',
    '<script>window.dataLayer=[];function track(){document.title="tracked"}</script>',
    '<style>.ad{color:red}</style>',
  ].join('\n');
  const nav = `<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li></ul></nav></header>`;
  const ad = `<div class="ad-slot advert"><p>Advertisement: Sponsored offer on luxury watches, click now to save on every purchase today only.</p><script>loadAd("top")</script></div>`;
  const body = o.paragraphs.map((p, i) => (i === 2 ? `<div class="promo-box"><p>Subscribe to our newsletter for daily headlines and exclusive offers delivered every morning.</p></div>` : '') + `<p>${escapeHtml(p)}</p>`).join('\n');
  const time = date && o.dateIn === 'time' ? `<time datetime="${date}">${date.slice(0, 10)}</time>` : '';
  const article = `<main><article><h1>${escapeHtml(o.title)}</h1><div class="byline">${time}</div><div class="article-body">${body}</div></article></main>`;
  const comments = `<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Reader one wrote: this is a very interesting article, thanks for sharing your view on it.</p></div><div class="comment"><p onclick="steal()">Reader two wrote: I disagree with the premise entirely and here is a long reply about it.</p></div></section>`;
  const related = `<aside class="related-articles"><h3>Related</h3><ul><li><a href="/a">Markets rally as central bank holds rates steady</a></li><li><a href="/b">Storm forces closure of ports along the coast</a></li></ul></aside>`;
  const footer = `<footer class="site-footer"><p>Copyright The Daily. All rights reserved. Terms of use and privacy policy.</p></footer><script>track();</script><img src="x.gif" onerror="alert(1)">`;
  return `<!DOCTYPE html>\n<html${o.lang ? ` lang="${o.lang}"` : ''}>\n<head>\n${head}\n</head>\n<body onload="track()">\n${nav}\n${ad}\n${article}\n${comments}\n${related}\n${footer}\n</body>\n</html>\n`;
}

export interface FeedItemSpec {
  title: string;
  link: string;
  guid?: string;
  published?: string;
  html: string;
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function rssFeed(items: FeedItemSpec[], title = 'The Daily', language?: string): string {
  const xml = items
    .map(
      (i) =>
        `<item><title>${escapeHtml(i.title)}</title><link>${escapeHtml(i.link)}</link><guid>${escapeHtml(i.guid ?? i.link)}</guid>` +
        `${i.published ? `<pubDate>${new Date(i.published).toUTCString()}</pubDate>` : ''}<description>${escapeHtml(i.html.slice(0, 100))}</description>` +
        `<content:encoded>${cdata(i.html)}</content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeHtml(title)}</title><link>https://daily.example/</link>${language ? `<language>${language}</language>` : ''}\n${xml}\n</channel></rss>\n`;
}

export function atomFeed(items: FeedItemSpec[]): string {
  const xml = items
    .map(
      (i) =>
        `<entry><title>${escapeHtml(i.title)}</title><link rel="alternate" href="${escapeHtml(i.link)}"/><id>${escapeHtml(i.guid ?? i.link)}</id>` +
        `${i.published ? `<published>${i.published}</published>` : ''}<content type="html">${escapeHtml(i.html)}</content></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Daily</title>\n${xml}\n</feed>\n`;
}

/** One WARC record (bytes), optionally gzipped as a member of its own. */
export function warcRecord(type: string, uri: string, block: string | Buffer, gzip = false): Buffer {
  const payload = typeof block === 'string' ? Buffer.from(block) : block;
  const head =
    `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${Math.abs(hash(uri + type)).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000>\r\n` +
    `Content-Type: ${type === 'response' ? 'application/http; msgtype=response' : type === 'request' ? 'application/http; msgtype=request' : 'text/html'}\r\n` +
    `Content-Length: ${payload.length}\r\n\r\n`;
  const record = Buffer.concat([Buffer.from(head), payload, Buffer.from('\r\n\r\n')]);
  return gzip ? gzipSync(record) : record;
}

export function httpResponse(html: string, contentType = 'text/html; charset=utf-8', status = '200 OK'): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(html)}\r\n\r\n${html}`;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** mulberry32: a small PRNG with a fixed seed, so fuzz runs are repeatable. */
export { prng } from '../../scripts/prng.ts';

export const PARAGRAPHS = [
  'MOSCOW, March 20 (Xinhua) -- Chinese President Xi Jinping met with Russian President Vladimir Putin in Moscow on Monday, the first day of a three-day state visit.',
  'The two leaders held talks on trade, energy cooperation and the situation in Ukraine, according to a statement released after the meeting & reported by state media.',
  'Officials said further consultations between the two governments would follow in the coming months, with ministers expected to meet again before the summer.',
  'Analysts said the visit underlined the close ties between the two countries, although details of any agreements were not immediately disclosed to the press.',
];
