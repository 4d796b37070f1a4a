// What a page says about itself: title, publication date, outlet, canonical URL, language and
// author, from <meta> tags, JSON-LD, <time datetime>, <link rel=canonical> and <html lang>.
// Read before the page is cleaned (JSON-LD lives in <script> elements, which are only parsed as
// JSON here, never run).

export interface PageMeta {
  title?: string;
  published?: string;
  outlet?: string;
  url?: string;
  language?: string;
  author?: string;
  /** The raw attribute text the published date was read from, to map a dateline back. */
  publishedRaw?: string;
}

interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface Doc {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  documentElement: El | null;
}

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[property="og:published_time"]',
];

function attr(doc: Doc, selector: string, name = 'content'): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : undefined;
}

function first(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v !== '');
}

/** JSON-LD objects of the page, @graph and arrays flattened; bad JSON is ignored. */
function jsonLd(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 5 || out.length > 200) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph) visit(graph, depth + 1);
    }
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = el.textContent ?? '';
    if (text.length > 1_000_000) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // not JSON: ignored
    }
  }
  return out;
}

const isArticle = (o: Record<string, unknown>) => {
  const t = o['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && /Article|Posting|Report|BlogPosting/i.test(x));
};

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object') return nameOf((v as Record<string, unknown>).name);
  return undefined;
}

export function readPageMeta(doc: Doc): PageMeta {
  const ld = jsonLd(doc);
  const article = ld.find(isArticle) ?? ld.find((o) => 'datePublished' in o);
  const ldDate = typeof article?.datePublished === 'string' ? article.datePublished : undefined;
  const metaDate = PUBLISHED_META.map((s) => attr(doc, s)).find(Boolean);
  const timeDate = attr(doc, 'article time[datetime]', 'datetime') ?? attr(doc, 'time[datetime]', 'datetime');
  const published = first(metaDate, ldDate, timeDate);
  const canonical = first(attr(doc, 'link[rel="canonical"]', 'href'), attr(doc, 'meta[property="og:url"]'), typeof article?.url === 'string' ? article.url : undefined);
  const url = canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined;
  let host: string | undefined;
  try {
    host = url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    host = undefined;
  }
  return {
    title: first(attr(doc, 'meta[property="og:title"]'), doc.querySelector('title')?.textContent?.trim() || undefined),
    published,
    publishedRaw: published,
    outlet: first(attr(doc, 'meta[property="og:site_name"]'), nameOf(article?.publisher), host),
    url,
    language: first(doc.documentElement?.getAttribute('lang')?.trim() || undefined, attr(doc, 'meta[http-equiv="content-language"]'), attr(doc, 'meta[property="og:locale"]')),
    author: first(attr(doc, 'meta[name="author"]'), attr(doc, 'meta[property="article:author"]'), nameOf(article?.author)),
  };
}
