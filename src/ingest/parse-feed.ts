// RSS 2.0, RSS 1.0 (RDF) and Atom -> feed items, by fast-xml-parser. DOCTYPE and ENTITY
// declarations are refused before parsing: they are how entity bombs and external entities come in.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normalizeDate } from './normalize-date.ts';

export interface FeedItem {
  /** guid / id, else the link. */
  key: string | null;
  link: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  /** The item's content as HTML (content:encoded, content, description, summary). */
  html: string | null;
}

export interface Feed {
  title: string | null;
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

export type FeedParse = { feed: Feed; error?: undefined } | { error: { code: string; message: string }; feed?: undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

type Obj = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = text(x);
      if (t) return t;
    }
    return null;
  }
  if (typeof v === 'object') return text((v as Obj)['#text']);
  return null;
}

function atomLink(v: unknown): string | null {
  const links = Array.isArray(v) ? v : [v];
  let fallback: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') return l.trim() || null;
    if (!l || typeof l !== 'object') continue;
    const o = l as Obj;
    const href = typeof o['@_href'] === 'string' ? (o['@_href'] as string).trim() : text(o);
    if (!href) continue;
    const rel = o['@_rel'];
    if (rel === undefined || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

function author(v: unknown): string | null {
  if (v && typeof v === 'object' && !Array.isArray(v) && 'name' in (v as Obj)) return text((v as Obj).name);
  if (Array.isArray(v)) return v.map(author).filter(Boolean).join(', ') || null;
  return text(v);
}

function item(o: Obj): FeedItem {
  const link = atomLink(o.link) ?? (typeof o.guid === 'object' && (o.guid as Obj)?.['@_isPermaLink'] !== 'false' ? text(o.guid) : null);
  const key = text(o.guid) ?? text(o.id) ?? link;
  return {
    key,
    link: link && /^https?:\/\//i.test(link) ? link : null,
    title: text(o.title),
    published: normalizeDate(text(o.pubDate) ?? text(o['dc:date']) ?? text(o.published) ?? text(o.updated) ?? text(o['a10:updated'])),
    author: author(o['dc:creator'] ?? o.author ?? o['itunes:author']),
    html: text(o['content:encoded']) ?? text(o.content) ?? text(o.description) ?? text(o.summary),
  };
}

export function parseFeed(xml: string): FeedParse {
  const head = xml.slice(0, 1_000_000);
  if (/<!DOCTYPE/i.test(head) || /<!ENTITY/i.test(xml)) {
    return { error: { code: 'feed/doctype', message: 'DOCTYPE or ENTITY declarations are refused (entity expansion, external entities)' } };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { error: { code: 'feed/invalid-xml', message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` } };
  }
  let doc: Obj;
  try {
    doc = parser.parse(xml) as Obj;
  } catch (error) {
    return { error: { code: 'feed/invalid-xml', message: (error as Error).message } };
  }
  const rss = doc.rss as Obj | undefined;
  const rdf = doc['rdf:RDF'] as Obj | undefined;
  const atom = doc.feed as Obj | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Obj | undefined;
    const items = (channel?.item ?? []) as Obj[];
    return { feed: { title: text(channel?.title), link: atomLink(channel?.link), language: text(channel?.language), items: items.filter((i) => i && typeof i === 'object').map(item) } };
  }
  if (rdf && typeof rdf === 'object') {
    const channel = rdf.channel as Obj | undefined;
    const items = (rdf.item ?? []) as Obj[];
    return { feed: { title: text(channel?.title), link: atomLink(channel?.link), language: text(channel?.['dc:language']), items: items.filter((i) => i && typeof i === 'object').map(item) } };
  }
  if (atom && typeof atom === 'object') {
    const entries = (atom.entry ?? []) as Obj[];
    return { feed: { title: text(atom.title), link: atomLink(atom.link), language: text(atom['@_xml:lang']), items: entries.filter((i) => i && typeof i === 'object').map(item) } };
  }
  return { error: { code: 'feed/not-a-feed', message: 'no <rss>, <rdf:RDF> or <feed> element' } };
}
