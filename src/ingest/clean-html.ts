// Page furniture out before the article is looked for: scripts and other active content,
// navigation, ads and promotions, comment sections, share widgets, related links. Event-handler
// attributes are dropped too. Works on a linkedom document in place (a copy the caller owns).

/** Elements that never hold article text. */
const DROP_TAGS = 'script, style, noscript, template, iframe, object, embed, form, button, input, select, textarea, svg, canvas, nav, footer, aside, dialog, link, meta[http-equiv]';
const DROP_ROLES = '[role="navigation"], [role="banner"], [role="complementary"], [role="contentinfo"], [role="dialog"], [aria-hidden="true"], [hidden]';
/** class / id words that mark furniture in common page templates. */
const FURNITURE = /(?:^|[\s_-])(?:ads?|adv|advert\w*|adslot|sponsor\w*|promo\w*|banner|outbrain|taboola|comments?|disqus|related|recommend\w*|more-stories|read-more|share|sharing|social|newsletter|subscribe|subscription|paywall|nav|navbar|navigation|menu|breadcrumbs?|site-header|site-footer|footer|cookie\w*|consent|popup|modal|widget|sidebar|trending|most-read|tags?)(?=$|[\s_-])/i;
const KEEP = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'H1']);

// linkedom's document type is loose; these are the few members used.
interface El {
  tagName: string;
  attributes: ArrayLike<{ name: string }>;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
  textContent: string | null;
}

export function cleanHtml(document: { querySelectorAll(selector: string): ArrayLike<unknown> }): void {
  const all = (sel: string) => Array.from(document.querySelectorAll(sel) as ArrayLike<El>);
  for (const el of all(DROP_TAGS)) el.remove();
  for (const el of all(DROP_ROLES)) if (!KEEP.has(el.tagName)) el.remove();
  for (const el of all('[class], [id]')) {
    if (KEEP.has(el.tagName)) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE.test(names)) continue;
    // a wrapper that holds the article itself stays
    if (el.querySelector('article, [itemprop="articleBody"], h1')) continue;
    el.remove();
  }
  for (const el of all('*')) {
    for (const { name } of Array.from(el.attributes)) {
      if (/^on/i.test(name) || ((name === 'href' || name === 'src') && /^\s*(?:javascript|vbscript|data):/i.test(el.getAttribute(name) ?? ''))) {
        el.removeAttribute(name);
      }
    }
  }
}
