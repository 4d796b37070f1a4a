import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { readHtml } from './read-html.ts';
import { MAX_HTML_DEPTH, shallowHtml } from './shallow-html.ts';
import { newsPage, PARAGRAPHS } from '../../test/ingest/fixtures.ts';

/** The deepest element of a parsed page, walked without recursion. */
function depthOf(html: string): number {
  const { document } = parseHTML(html);
  let max = 0;
  const stack: Array<[{ children: ArrayLike<unknown> }, number]> = [[document.documentElement as never, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of Array.from(el.children)) stack.push([c as never, d + 1]);
  }
  return max;
}

test('an ordinary page is left exactly as it is, unclosed <p>, <li> and <td> included', () => {
  const page = newsPage({ title: 'Talks in Paris', paragraphs: PARAGRAPHS, outlet: 'Daily' });
  assert.deepEqual(shallowHtml(page), { html: page, cut: 0 });
  const loose = '<html><body><ul>' + '<li>item <p>para'.repeat(300) + '</ul><table>' + '<tr><td>a<td>b'.repeat(300) + '</table><p>one<p>two<p>three</body></html>';
  assert.equal(shallowHtml(loose).cut, 0, 'implied ends must not count as depth');
});

test('tags past the limit are cut with their closing tags; every word stays', () => {
  for (const deep of [
    '<html><body><article>' + '<div><span>'.repeat(5000) + 'deep words' + '</article></body></html>',
    '<html><body>' + '<div>'.repeat(3000) + 'deep <b>words</b>' + '</div>'.repeat(3000) + '</body></html>',
    '<html><body>' + '<section class="x">'.repeat(500) + '<br/>deep<img src="a.png"/> words' + '</span>'.repeat(500) + '</body></html>',
  ]) {
    const { html, cut } = shallowHtml(deep);
    assert.ok(cut > 0);
    assert.ok(depthOf(html) <= MAX_HTML_DEPTH + 2, `depth ${depthOf(html)}`);
    assert.match(parseHTML(html).document.body.textContent ?? '', /deep\s*words/);
  }
});

test('a deeply nested page is read, its article found, in time linear in its size', () => {
  const body = '<p>' + 'French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday. '.repeat(4) + '</p>';
  const html = `<html><head><title>Talks</title></head><body><article>${body}${'<div><span>'.repeat(20000)}tail</article></body></html>`;
  const r = readHtml(html, { id: 'deep', label: 'deep.html' });
  assert.ok(r.document, JSON.stringify(r.diagnostic));
  assert.match(r.document.text, /Macron met German Chancellor Olaf Scholz/);
  // the raw page is kept whole: offsets point into what was read
  assert.equal(r.document.source.raw?.content, html);
});
