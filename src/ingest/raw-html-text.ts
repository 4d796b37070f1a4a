// The visible text of raw HTML as one whitespace-collapsed stream, each character carrying the
// raw range it came from: the ground the offset map is built on. Script, style and similar
// content is skipped; block tags become a space; entities are decoded.
import { decodeHTML } from 'entities';

export interface RawText {
  /** Visible text, whitespace runs collapsed to one space. */
  text: string;
  /** Raw start and end of each character of `text`. */
  starts: Int32Array;
  ends: Int32Array;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'textarea', 'xmp', 'noembed', 'noframes', 'select']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'del', 'ins']);
const SPACE = /[\s\u00a0]/u;

export function rawHtmlText(raw: string): RawText {
  const n = raw.length;
  let text = '';
  let starts = new Int32Array(Math.max(16, n >> 2));
  let ends = new Int32Array(starts.length);
  let k = 0;
  let pendingSpace = -1; // raw offset of a space waiting to be written
  const push = (s: string, from: number, to: number) => {
    for (let j = 0; j < s.length; j++) {
      if (k >= starts.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        starts = grow(starts);
        ends = grow(ends);
      }
      starts[k] = from;
      ends[k] = to;
      k++;
    }
    text += s;
  };
  const space = (at: number) => {
    if (k > 0 && pendingSpace < 0) pendingSpace = at;
  };
  const char = (s: string, from: number, to: number) => {
    if (pendingSpace >= 0) {
      push(' ', pendingSpace, pendingSpace + 1);
      pendingSpace = -1;
    }
    push(s, from, to);
  };
  const lower = raw.toLowerCase();
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 60 /* < */) {
      if (raw.startsWith('<!--', i)) {
        const end = raw.indexOf('-->', i + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(raw.slice(i, i + 64));
      if (raw[i + 1] === '!' || raw[i + 1] === '?') {
        const end = raw.indexOf('>', i);
        i = end < 0 ? n : end + 1;
        continue;
      }
      if (!m) {
        char('<', i, i + 1);
        i++;
        continue;
      }
      // the end of the tag, quotes respected
      let j = i + m[0].length;
      let quote = 0;
      while (j < n) {
        const d = raw.charCodeAt(j);
        if (quote) {
          if (d === quote) quote = 0;
        } else if (d === 34 || d === 39) quote = d;
        else if (d === 62) break;
        j++;
      }
      const name = m[2].toLowerCase();
      i = j + 1;
      if (!INLINE.has(name)) space(j);
      if (!m[1] && SKIPPED.has(name) && raw[j - 1] !== '/') {
        const close = lower.indexOf(`</${name}`, i);
        i = close < 0 ? n : close;
      }
      continue;
    }
    if (c === 38 /* & */) {
      const m = /^&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?/.exec(raw.slice(i, i + 42));
      if (m) {
        const decoded = decodeHTML(m[0]);
        // a legacy entity without ';' decodes only its head: keep the undecoded tail as text
        let common = 0;
        while (common < decoded.length && common < m[0].length && decoded[decoded.length - 1 - common] === m[0][m[0].length - 1 - common]) common++;
        const used = m[0].length - common;
        const out = decoded.slice(0, decoded.length - common);
        if (used > 1 && out.length > 0 && out !== m[0].slice(0, used)) {
          if (SPACE.test(out) && out.trim() === '') space(i);
          else char(out, i, i + used);
          i += used;
          continue;
        }
      }
      char('&', i, i + 1);
      i++;
      continue;
    }
    if (SPACE.test(raw[i])) {
      space(i);
      i++;
      continue;
    }
    // a surrogate pair is two code units, each its own character here
    char(raw[i], i, i + 1);
    i++;
  }
  return { text, starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
}
