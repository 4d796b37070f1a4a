import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Descriptor, DocumentAnalysis } from '../../core/types.ts';
import { makeAnalysis } from '../fixtures.ts';
import { outletOfDocument } from './descriptors.ts';
import { openSqliteStore } from './sqlite-store.ts';

const HEZBOLLAH = { id: 'hezbollah', kind: 'organization' as const, name: 'Hezbollah', aliases: ['Hezbollah', 'Hizbullah'] };

/** An analysis whose descriptors are located by the quoted words (first occurrence after `of`). */
function withDescriptors(
  id: string,
  text: string,
  outlet: string | null,
  path: string,
  found: { of: string; words: string; loaded?: { words: string; termId: string; stance: Descriptor['loaded'][number]['stance'] }[] }[],
): DocumentAnalysis {
  const analysis = makeAnalysis(id, text, { actors: [HEZBOLLAH] });
  const descriptors: Descriptor[] = found.map((d) => {
    const ofStart = text.indexOf(d.of);
    const start = text.indexOf(d.words);
    return {
      start,
      end: start + d.words.length,
      actorId: 'hezbollah',
      of: { start: ofStart, end: ofStart + d.of.length },
      form: start < ofStart ? 'premodifier' : 'appositive',
      normalized: d.words.toLowerCase(),
      loaded: (d.loaded ?? []).map((l) => ({ start: text.indexOf(l.words), end: text.indexOf(l.words) + l.words.length, termId: l.termId, stance: l.stance })),
    };
  });
  return {
    ...analysis,
    document: { ...analysis.document, source: { path }, meta: outlet ? { outlet } : {} },
    descriptors,
  };
}

test('outlet of a document: its metadata, else its folder, else unknown', () => {
  assert.equal(outletOfDocument('/corpus/kayhan/a.txt', { outlet: ' Press TV ' }), 'Press TV');
  assert.equal(outletOfDocument('/corpus/kayhan/a.txt', {}), 'kayhan');
  assert.equal(outletOfDocument('a.txt', { outlet: '' }), 'unknown');
  assert.equal(outletOfDocument('https://example.org/news/a', {}), 'unknown');
  assert.equal(outletOfDocument(null, {}), 'unknown');
});

test('descriptors are stored with the document and counted per outlet and actor', async () => {
  const store = openSqliteStore(':memory:');
  const a = 'Hezbollah, the Lebanese resistance movement, met envoys. Later Hezbollah, the Lebanese resistance movement, spoke.';
  const b = 'Officials met the Iran-backed militia Hezbollah.';
  const c = 'The Iran-backed militia Hezbollah <script>&"quoted"</script> replied.';
  const result = await store.saveBatch([
    withDescriptors('a', a, 'Al-Manar', '/in/x/a.txt', [
      { of: 'Hezbollah', words: 'Lebanese resistance movement', loaded: [{ words: 'resistance movement', termId: 'en:resistance-movement', stance: 'valorizing' }] },
    ]),
    withDescriptors('b', b, null, '/in/i24/b.txt', [
      {
        of: 'Hezbollah',
        words: 'Iran-backed militia',
        loaded: [
          { words: 'Iran-backed', termId: 'en:iran-backed', stance: 'subordinating' },
          { words: 'militia', termId: 'en:militia', stance: 'delegitimizing' },
        ],
      },
    ]),
    withDescriptors('c', c, null, '/in/i24/c.txt', [{ of: 'Hezbollah', words: 'Iran-backed militia' }]),
  ]);
  assert.deepEqual(result.diagnostics, []);
  // the second appositive in `a` is found by searching after the first
  const second = a.indexOf('Lebanese resistance movement', a.indexOf('Later'));
  const extra = withDescriptors('a2', a + ' ', 'Al-Manar', '/in/x/a2.txt', []);
  extra.descriptors = [{ start: second, end: second + 28, actorId: 'hezbollah', of: { start: a.indexOf('Hezbollah', 60), end: a.indexOf('Hezbollah', 60) + 9 }, form: 'appositive', normalized: 'lebanese resistance movement', loaded: [] }];
  await store.saveBatch([extra]);

  const rows = await store.framing();
  assert.deepEqual(
    rows.map((r) => [r.outlet, r.actorName, r.descriptor, r.count, r.stance ?? null]),
    [
      ['Al-Manar', 'Hezbollah', 'lebanese resistance movement', 2, 'valorizing'],
      ['i24', 'Hezbollah', 'iran-backed militia', 2, 'subordinating'],
    ],
  );
  const i24 = rows[1];
  assert.deepEqual(i24.loaded, [
    { termId: 'en:iran-backed', stance: 'subordinating' },
    { termId: 'en:militia', stance: 'delegitimizing' },
  ]);
  // examples point back into the documents' text
  for (const row of rows) {
    for (const ex of row.examples) assert.equal((await store.getDocument(ex.docId))!.text.slice(ex.start, ex.end), ex.text);
  }
  assert.deepEqual((await store.framing({ outlet: 'I24' })).map((r) => r.outlet), ['i24']);
  assert.deepEqual((await store.framing({ actor: 'hizbullah' })).length, 2);
  assert.deepEqual(await store.framing({ actor: 'hamas' }), []);
  await store.close();
});

test('a descriptor with a span outside the text is left out with a diagnostic, the document kept', async () => {
  const store = openSqliteStore(':memory:');
  const text = 'Hezbollah, the Lebanese group, met envoys.';
  const analysis = withDescriptors('d', text, 'X', '/x/d.txt', [{ of: 'Hezbollah', words: 'Lebanese group' }]);
  analysis.descriptors!.push({ ...analysis.descriptors![0], start: 30, end: 900 });
  const result = await store.saveBatch([analysis]);
  assert.deepEqual(result.saved, ['d']);
  assert.deepEqual(result.diagnostics.map((d) => d.code), ['store/bad-descriptor']);
  assert.equal((await store.framing()).length, 1);
  await store.close();
});

test('framing of one event: only the documents that report it; an unknown event is not found', async () => {
  const store = openSqliteStore(':memory:');
  const people = [
    { id: 'abbas-araghchi', kind: 'person' as const, name: 'Abbas Araghchi' },
    { id: 'naim-qassem', kind: 'person' as const, name: 'Naim Qassem' },
  ];
  const meeting = (id: string, text: string, outlet: string, words: string) => {
    const base = withDescriptors(id, text, outlet, `/in/${outlet}/${id}.txt`, [{ of: 'Hezbollah', words }]);
    const withReport = makeAnalysis(id, text, {
      actors: [HEZBOLLAH, ...people],
      reports: [
        {
          sentence: text.slice(0, text.indexOf('.') + 1),
          trigger: 'met',
          participants: [
            { actorId: 'abbas-araghchi', words: 'Abbas Araghchi' },
            { actorId: 'naim-qassem', words: 'Naim Qassem' },
          ],
          date: { value: id === 'other' ? '2023-01-02' : '2024-10-04', words: id === 'other' ? '2 January 2023' : '4 October 2024' },
        },
      ],
    });
    return { ...withReport, document: base.document, descriptors: base.descriptors };
  };
  await store.saveBatch([
    meeting('one', 'Abbas Araghchi met Naim Qassem on 4 October 2024. Hezbollah, the Lebanese resistance movement, hailed it.', 'Al-Manar', 'Lebanese resistance movement'),
    meeting('other', 'Abbas Araghchi met Naim Qassem on 2 January 2023. The Iran-backed militia Hezbollah hailed it.', 'i24', 'Iran-backed militia'),
  ]);
  const eventOf = async (docId: string) => (await store.listEvents()).find((e) => e.reports.some((r) => r.docId === docId))!.id;
  assert.notEqual(await eventOf('one'), await eventOf('other'));
  assert.deepEqual((await store.framing({ event: await eventOf('one') })).map((r) => [r.outlet, r.descriptor]), [['Al-Manar', 'lebanese resistance movement']]);
  assert.deepEqual((await store.framing({ event: await eventOf('other') })).map((r) => [r.outlet, r.descriptor]), [['i24', 'iran-backed militia']]);
  await assert.rejects(() => store.framing({ event: 'no-such-event' }), /no event no-such-event/);
  await store.close();
});

test('re-extraction replaces a document\'s descriptors, never doubles them', async () => {
  const store = openSqliteStore(':memory:');
  const text = 'The pro-Iranian militia Hezbollah, the Lebanese resistance movement, spoke.';
  const first = withDescriptors('r', text, 'X', '/x/r.txt', [{ of: 'Hezbollah', words: 'pro-Iranian militia' }]);
  await store.saveBatch([first]);
  await store.saveBatch([first]); // the same text again: a duplicate, nothing added
  assert.deepEqual((await store.framing()).map((r) => [r.descriptor, r.count]), [['pro-iranian militia', 1]]);
  const second = withDescriptors('r', text, 'X', '/x/r.txt', [{ of: 'Hezbollah', words: 'Lebanese resistance movement' }]);
  await store.replaceAnalyses([second]);
  assert.deepEqual((await store.framing()).map((r) => [r.descriptor, r.count]), [['lebanese resistance movement', 1]]);
  await store.close();
});

test('framing follows actor merges: descriptors of two merged actors read as one actor', async () => {
  const store = openSqliteStore(':memory:');
  const text = 'Hezbollah, the Lebanese resistance movement, met envoys.';
  const other = { ...makeAnalysis('y', 'Hizb, the armed group, met envoys.', { actors: [{ id: 'found:hizb', kind: 'organization' as const, name: 'Hizb', aliases: ['Hizb'] }] }) };
  const y: DocumentAnalysis = {
    ...other,
    document: { ...other.document, source: { path: '/in/y/y.txt' }, meta: { outlet: 'Y' } },
    descriptors: [{ start: 6, end: 21, actorId: 'found:hizb', of: { start: 0, end: 4 }, form: 'appositive', normalized: 'the armed group', loaded: [] }],
  };
  await store.saveBatch([withDescriptors('x', text, 'X', '/in/x/x.txt', [{ of: 'Hezbollah', words: 'Lebanese resistance movement' }]), y]);
  assert.deepEqual(new Set((await store.framing()).map((r) => r.actorId)), new Set(['hezbollah', 'found:hizb']));
  await store.addJudgement({ kind: 'actor-merge', subjects: ['hezbollah', 'found:hizb'], author: 'analyst' });
  const ids = new Set((await store.framing()).map((r) => r.actorId));
  assert.equal(ids.size, 1, `one actor after the merge, got ${[...ids].join(', ')}`);
  const rows = await store.framing({ actor: [...ids][0]! });
  assert.deepEqual(rows.map((r) => r.descriptor).sort(), ['lebanese resistance movement', 'the armed group']);
  await store.close();
});
