import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, forStorage } from './analyze.ts';
import type { Span } from '../core/types.ts';

const shared = new URL('../../../shared/corpus/', import.meta.url).pathname;
const pipeline = createPipeline();

function docsIn(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { id: f.replace(/\.txt$/, ''), hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: {} };
    });
}

test('every span the pipeline produces lies inside its text and holds words', { skip: !existsSync(shared) && 'no ../shared' }, () => {
  let spans = 0;
  for (const corpus of readdirSync(shared)) {
    for (const doc of docsIn(join(shared, corpus))) {
      const a = pipeline.analyze(doc);
      const all: Span[] = [
        ...a.text.sentences,
        ...a.mentions,
        ...a.reports.flatMap((r) => [r.trigger, ...r.evidence, ...r.participants.flatMap((p) => p.spans), ...(r.date?.span ? [r.date.span] : []), ...(r.place ? [r.place.span] : [])]),
      ];
      for (const s of all) {
        assert.ok(Number.isInteger(s.start) && s.start >= 0 && s.start < s.end && s.end <= doc.text.length, `${doc.id} [${s.start}, ${s.end})`);
        assert.match(doc.text.slice(s.start, s.end), /[\p{L}\p{N}]/u, `${doc.id} [${s.start}, ${s.end}) holds no word`);
        spans++;
      }
      // a mention's words are the name it was found by: its slice normalizes to something non-empty
      for (const m of a.mentions) assert.equal(doc.text.slice(m.start, m.end).trim(), doc.text.slice(m.start, m.end));
    }
  }
  assert.ok(spans > 100);
});

test('analysis is deterministic: the same document gives the same reports', () => {
  const text = '2022-11-15\n\nUS President Joe Biden met Chinese leader Xi Jinping on Monday in Bali.\n';
  const doc = { id: 'd', hash: 'h', text, source: {}, meta: {} };
  assert.deepEqual(pipeline.analyze(doc).reports, pipeline.analyze(doc).reports);
});

test('the tokens are cut when read, and what the store keeps is made without reading them', () => {
  const doc = { id: 'lazy', hash: 'h', text: 'Published 2024-03-02\n\nPresident Vladimir Putin met Xi Jinping in Moscow on Friday.', source: {}, meta: {} };
  const a = pipeline.analyze(doc);
  const words = a.text.tokens.filter((t) => t.kind === 'word').map((t) => doc.text.slice(t.start, t.end));
  assert.ok(words.includes('Putin') && words.includes('Moscow'), 'read, they are the text’s tokens');
  const b = pipeline.analyze({ ...doc, id: 'lazy2' });
  Object.defineProperty(b.text, 'tokens', {
    get() {
      throw new Error('tokens read');
    },
  });
  const stored = forStorage(b);
  assert.deepEqual(Object.keys(stored.text), ['language', 'title', 'published', 'noise']);
  assert.equal(stored.text.published?.value, '2024-03-02');
});

test('tokens of a text with format characters are mapped back with the sentences', () => {
  const text = 'President Vladimir \u200ePutin met Xi Jinping in \u200bMoscow on Friday.';
  const a = pipeline.analyze({ id: 'fmt', hash: 'h', text, source: {}, meta: {} });
  const words = a.text.tokens.filter((t) => t.kind === 'word').map((t) => text.slice(t.start, t.end));
  assert.ok(words.includes('Putin') && words.includes('Moscow') && words.includes('Friday'), words.join('|'));
});
