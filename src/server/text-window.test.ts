import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowsAround } from './text-window.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');

test('a short text is sent whole', () => {
  const text = 'A short article.\nIt fits.';
  assert.deepEqual(windowsAround(text, [{ start: 2, end: 7 }]), [{ start: 0, end: text.length, text }]);
});

test('a long text is cut around the spans, at word boundaries, with offsets into the whole', () => {
  const text = `${words(20_000)} The two leaders met in Rome. ${words(20_000)}`;
  const start = text.indexOf('The two leaders');
  const span = { start, end: start + 'The two leaders met in Rome.'.length };
  const windows = windowsAround(text, [span], { margin: 500 });
  assert.equal(windows.length, 1);
  const [w] = windows;
  assert.ok(w.start <= span.start && w.end >= span.end);
  assert.ok(w.end - w.start < 1300, `window of ${w.end - w.start}`);
  assert.equal(w.text, text.slice(w.start, w.end));
  assert.ok(text[w.start - 1] === ' ' && text[w.end] === ' ', 'cut between words');
});

test('near spans share one window; far ones get their own', () => {
  const text = words(60_000);
  const windows = windowsAround(text, [{ start: 1000, end: 1010 }, { start: 1500, end: 1510 }, { start: 200_000, end: 200_010 }], { margin: 300 });
  assert.equal(windows.length, 2);
  assert.ok(windows[0].end < windows[1].start);
});

test('a cut never splits a surrogate pair', () => {
  const text = '😀'.repeat(30_000);
  const [w] = windowsAround(text, [{ start: 20_000, end: 20_002 }], { margin: 1001 });
  assert.equal(w.start % 2, 0);
  assert.equal(w.end % 2, 0);
});
