// An HTML page -> a Document: furniture dropped, the article found by Readability (over
// linkedom; nothing on the page is ever run), its text laid out as a title line, a dateline when
// the page states a date, then one paragraph per block. The raw HTML and an offset map back into
// it travel with the document (source.raw).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Diagnostic, DocumentMeta } from '../core/types.ts';
import { cleanHtml } from './clean-html.ts';
import { readPageMeta } from './html-meta.ts';
import { cleanMeta, makeDocument } from './make-document.ts';
import { dayOf } from './normalize-date.ts';
import { OffsetMapBuilder } from './offset-map.ts';
import type { ReadResult } from './options.ts';
import { problem } from './options.ts';
import { rawHtmlText } from './raw-html-text.ts';
import { shallowHtml } from './shallow-html.ts';

export interface HtmlContext {
  id: string;
  /** Names the input in diagnostics and is kept as source.path (a file, or file#record). */
  label: string;
  path?: string;
  /** Where the page came from (feed link, WARC target), when the page names no canonical URL. */
  url?: string;
  /** Metadata the container gave (feed item, bulk row): used where the page says nothing. */
  fallback?: DocumentMeta;
  /** The outlet when neither the page nor the fallback names one. */
  outlet?: string;
  minArticleChars?: number;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'TEXTAREA', 'SELECT']);

export const normalizeSpace = (s: string) => s.replace(/[\s\u00a0]+/gu, ' ').trim();

interface Node {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}

/** The text blocks (paragraphs, headings, list items) under a node, whitespace-normalized. */
export function textBlocks(root: Node): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = normalizeSpace(current);
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: Node, depth: number) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node.tagName ?? '').toUpperCase();
    if (SKIP.has(tag) || depth > 400) return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, depth + 1);
    if (block) flush();
  };
  walk(root, 0);
  flush();
  return out;
}

/** The text of an HTML fragment (a feed item's content), furniture and markup dropped. */
export function fragmentText(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${shallowHtml(html).html}</body></html>`);
  cleanHtml(document);
  return document.body ? textBlocks(document.body as unknown as Node) : [];
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

export function readHtml(html: string, ctx: HtmlContext): ReadResult {
  const fail = (code: string, message: string): { diagnostic: Diagnostic } => ({ diagnostic: problem(code, ctx.label, message) });
  let article: { title?: string | null; content?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null; lang?: string | null } | null;
  let page;
  let h1: string | undefined;
  try {
    // the DOM is built from a copy made shallow (see shallow-html.ts); the page itself stays whole
    const shallow = shallowHtml(html).html;
    let { document } = parseHTML(shallow);
    // a fragment without <html> leaves linkedom with no document element
    if (!document.documentElement || !document.body) document = parseHTML(`<!DOCTYPE html><html><body>${shallow}</body></html>`).document;
    page = readPageMeta(document);
    cleanHtml(document);
    h1 = normalizeSpace(document.querySelector('h1')?.textContent ?? '') || undefined;
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch (error) {
    return fail('html/unparsable', `cannot read the page: ${(error as Error).message}`);
  }
  const fb = ctx.fallback ?? {};
  const url = page.url ?? fb.url ?? ctx.url;
  const meta = cleanMeta({
    title: page.title ?? article?.title ?? fb.title,
    published: page.published ?? article?.publishedTime ?? fb.published,
    outlet: page.outlet ?? article?.siteName ?? fb.outlet ?? hostOf(url) ?? ctx.outlet,
    url,
    language: page.language ?? article?.lang ?? fb.language,
    author: page.author ?? article?.byline ?? fb.author,
  });

  let blocks: string[] = [];
  if (article?.content) {
    try {
      const { document } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
      blocks = document.body ? textBlocks(document.body as unknown as Node) : [];
    } catch (error) {
      return fail('html/unparsable', `cannot read the article: ${(error as Error).message}`);
    }
  }
  const minChars = ctx.minArticleChars ?? 80;
  const length = blocks.reduce((n, b) => n + b.length, 0);
  if (length < minChars) {
    return fail('html/no-article', length === 0 ? 'no article text found on the page' : `article text too short (${length} characters, at least ${minChars} wanted)`);
  }

  // The headline: the page's <h1> when its title agrees, else the title Readability settled on.
  const titles = [article?.title, meta.title].map((t) => normalizeSpace(t ?? '')).filter(Boolean);
  const title = h1 && (titles.length === 0 || titles.some((t) => t.includes(h1!))) ? h1 : titles[0] ?? '';
  if (title && blocks[0] === title) blocks.shift();
  if (title) meta.title = title;
  const day = dayOf(meta.published);

  const raw = rawHtmlText(html);
  const map = new OffsetMapBuilder(raw);
  let text = '';
  if (title) {
    map.add(title, 0, { fromStart: true });
    text += `${title}\n`;
  }
  if (day) {
    const at = page.publishedRaw && page.publishedRaw.startsWith(day) ? html.indexOf(page.publishedRaw) : -1;
    if (at >= 0) map.addRaw(text.length, day.length, at, at + day.length);
    text += `${day}\n`;
  }
  if (text) text += '\n';
  blocks.forEach((block, i) => {
    map.add(block, text.length);
    text += block + (i < blocks.length - 1 ? '\n\n' : '\n');
  });
  return {
    document: makeDocument(ctx.id, text, { ...(ctx.path ? { path: ctx.path } : {}), ...(url ? { url } : {}), raw: { contentType: 'text/html', content: html, map: map.build() } }, meta),
  };
}
