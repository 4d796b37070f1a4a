// Pages nested deeper than real pages nest are made shallow before they are parsed into a DOM.
// linkedom's parsing, its selectors and Readability all slow down with the square of nesting
// depth: 1,000 unclosed <div><span> took 4 s, 8,000 took 89 s, 1.1 MB of nested <div> overflowed
// the stack. News templates stay far under 100 levels.
//
// htmlparser2's tokenizer (the one linkedom uses) reads the tags; the nesting is followed here
// with a stack that only pushes and pops (htmlparser2's own Parser keeps its stack with
// `unshift`, itself quadratic in depth) and the commonest implied ends of HTML (void elements, a
// <p> closed by a block, <li>, <dt>/<dd>, table cells and rows, <option>). Tags that open past
// the limit are cut out of the string with their closing tags, their text kept, so a page reads
// in time linear in its size. Written by hand because no maintained library exposes a linear
// depth-bounded pass; the tokenizing is the library's. The offsets of the stored text map into the
// original page (read-html keeps it whole), not into this copy.
import { Tokenizer } from 'htmlparser2';

/** Elements deeper than this are unwrapped into their parent (their text stays). */
export const MAX_HTML_DEPTH = 120;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'frame', 'command']);
/** Openers that close an open <p> (the block-level elements of the HTML parsing rules). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt',
]);
/** An opener and the open elements it closes (with whatever is open inside them), up to (not past) the elements that scope them. */
const IMPLIED: Record<string, { closes: Set<string>; scope: Set<string> }> = {
  li: { closes: new Set(['li']), scope: new Set(['ul', 'ol', 'menu']) },
  dt: { closes: new Set(['dt', 'dd']), scope: new Set(['dl']) },
  dd: { closes: new Set(['dt', 'dd']), scope: new Set(['dl']) },
  tr: { closes: new Set(['tr']), scope: new Set(['table', 'tbody', 'thead', 'tfoot']) },
  td: { closes: new Set(['td', 'th']), scope: new Set(['tr', 'table']) },
  th: { closes: new Set(['td', 'th']), scope: new Set(['tr', 'table']) },
  tbody: { closes: new Set(['tbody', 'thead', 'tfoot']), scope: new Set(['table']) },
  thead: { closes: new Set(['tbody', 'thead', 'tfoot']), scope: new Set(['table']) },
  tfoot: { closes: new Set(['tbody', 'thead', 'tfoot']), scope: new Set(['table']) },
  option: { closes: new Set(['option']), scope: new Set(['select', 'datalist', 'optgroup']) },
};
/** How far down the stack an implied or explicit close looks: deeper matches are strays. */
const LOOK = 16;

/** The page with every tag deeper than `maxDepth` cut out, and how many were; the page itself when none is. */
export function shallowHtml(html: string, maxDepth = MAX_HTML_DEPTH): { html: string; cut: number } {
  const cuts: Array<[number, number]> = [];
  const names: string[] = [];
  const cutOpen: boolean[] = [];
  let tagStart = 0;
  let name = '';
  const pop = (): void => {
    names.pop();
    cutOpen.pop();
  };
  /** the index of the nearest open `wanted` within LOOK entries and not past a scope element; -1 when none */
  const nearest = (wanted: (n: string) => boolean, scope?: Set<string>): number => {
    for (let i = names.length - 1; i >= 0 && i >= names.length - LOOK; i--) {
      if (wanted(names[i])) return i;
      if (scope?.has(names[i])) return -1;
    }
    return -1;
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tagStart = start - 1;
        name = html.slice(start, end).toLowerCase();
        if (CLOSES_P.has(name) && names[names.length - 1] === 'p') pop();
        const implied = IMPLIED[name];
        if (implied) {
          const at = nearest((n) => implied.closes.has(n), implied.scope);
          if (at >= 0) while (names.length > at) pop();
        }
      },
      onopentagend(end) {
        if (VOID.has(name)) return;
        const cut = names.length + 1 > maxDepth;
        if (cut) cuts.push([tagStart, end + 1]);
        names.push(name);
        cutOpen.push(cut);
      },
      onselfclosingtag(end) {
        // <x/>: no element stays open; cut only when it would have opened too deep
        if (!VOID.has(name) && names.length + 1 > maxDepth) cuts.push([tagStart, end + 1]);
      },
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase();
        const close = html.indexOf('>', end);
        const span: [number, number] = [start - 2, close < 0 ? html.length : close + 1];
        const at = nearest((n) => n === closing);
        if (at < 0) return; // a stray close: the DOM ignores it too
        const wasCut = cutOpen[at];
        while (names.length > at) pop();
        if (wasCut) cuts.push(span);
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (cuts.length === 0) return { html, cut: 0 };
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start < at) continue;
    out += html.slice(at, start);
    at = end;
  }
  out += html.slice(at);
  return { html: out, cut: cuts.length };
}
