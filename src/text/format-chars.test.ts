import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originalSpan, remapSpans, stripFormatChars } from './format-chars.ts';
import { createPipeline } from '../pipeline/analyze.ts';
import { highlight, terminalText } from '../cli/format.ts';

test('format characters are stripped with a map back to the original', () => {
  const s = stripFormatChars('\u202Bab\u200Fc\u202C d');
  assert.equal(s.text, 'abc d');
  assert.ok(s.map);
  assert.deepEqual(originalSpan(s.map, { start: 0, end: 3 }), { start: 1, end: 5 });
  assert.deepEqual(originalSpan(s.map, { start: 4, end: 5 }), { start: 7, end: 8 });
  // ZWNJ (Persian spelling) and the zero-width space (a word break) are not touched
  assert.equal(stripFormatChars('می\u200Cخواهد\u200Bx').map, null);
  const shared = { start: 0, end: 3 };
  const analysis = { a: [shared], b: { sentence: shared } };
  remapSpans(analysis, s.map);
  assert.deepEqual(shared, { start: 1, end: 5 }, 'a span reached twice is remapped once');
});

// sentences written for this test; the marks sit where word processors and web pages put them
const pipeline = createPipeline();
const withMarks = (s: string) => s.split(' ').map((w, i) => (i % 2 ? `\u200F${w}\u202C` : `\u2067${w}\u2069`)).join(' ').replace(/ /g, '\u200E ');
const run = (body: string) => {
  const text = `2024-11-20\n\n${body}\n`;
  const a = pipeline.analyze({ id: 'doc', hash: 'h', text, source: {}, meta: {} });
  return { a, text };
};

for (const [lang, sentence] of [
  ['he', 'ראש הממשלה בנימין נתניהו נפגש ביום שני בירושלים עם נשיא ארצות הברית ג׳ו ביידן.'],
  ['ar', 'استقبل الرئيس المصري عبد الفتاح السيسي الرئيس الفلسطيني محمود عباس في القاهرة يوم الأحد.'],
] as const) {
  test(`${lang}: bidi controls do not change the meeting found, and spans point at the original text`, () => {
    const plain = run(sentence);
    const marked = run(withMarks(sentence));
    const summary = (r: typeof plain) => r.a.reports.map((x) => [x.mode, x.date?.value, x.place?.actorId, x.participants.map((p) => p.actorId).sort().join(' ')]);
    assert.equal(plain.a.reports.length, 1);
    assert.deepEqual(summary(marked), summary(plain));
    assert.equal(marked.a.document.text, marked.text, 'the document keeps its text as read');
    const strip = (s: string) => stripFormatChars(s).text;
    const report = marked.a.reports[0];
    const plainReport = plain.a.reports[0];
    for (const [m, p] of [[report.trigger, plainReport.trigger], [report.place!.span, plainReport.place!.span], ...report.participants.map((x, i) => [x.spans[0], plainReport.participants[i].spans[0]])]) {
      const slice = marked.text.slice(m.start, m.end);
      assert.equal(strip(slice), plain.text.slice(p.start, p.end));
      assert.match(slice, /^\p{L}/u, 'a span starts on a letter');
    }
    for (const m of marked.a.mentions) assert.ok(m.end <= marked.text.length && /\p{L}/u.test(marked.text.slice(m.start, m.end)));
  });
}

test('a terminal sees bidi controls and escape sequences escaped, never raw', () => {
  assert.equal(terminalText('a\u202Eb\u200Fc\x1b[31md'), 'a<U+202E>b<U+200F>c [31md');
  assert.equal(terminalText('می\u200Cخواهد'), 'می\u200Cخواهد');
  const text = 'x \u2067נתניהו\u2069 נפגש';
  const out = highlight(text, { start: 0, end: text.length }, [{ start: 2, end: 11, kind: 'participant' }], true);
  assert.doesNotMatch(out, /[\u2067\u2069]/);
  assert.match(out, /<U\+2067>נתניהו<U\+2069>/);
  assert.match(out, /\x1b\[1;36m/, 'the highlight itself still colours');
});
