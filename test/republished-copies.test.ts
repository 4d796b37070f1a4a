// Republished copies (merge/merge-reports.ts, rule 'copy'): a report alike in all that merging
// reads, in a document whose text is a near-duplicate of an earlier report's document (MinHash
// signatures), is that report again. It joins that report's group and takes part in no pair of its
// own, so the pairs a story's copies make do not grow with the square of the copies. Inputs made
// here: undated copies (which no other rule joins to each other), dated ones, a document telling
// of two meetings alike, and an analyst who says a copy is another meeting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeReports, type MergeInput, type MergeStats } from '../src/merge/merge-reports.ts';
import { SIGNATURE_SIZE } from '../src/sources/minhash.ts';

const people = [
  { actorId: 'pe:widodo', kind: 'person' as const },
  { actorId: 'pe:putin', kind: 'person' as const },
];

/** A text's signature: `changed` of its values differ from the story's (64 in all: another text). */
function signature(story: number, changed: number, salt: number): number[] {
  return Array.from({ length: SIGNATURE_SIZE }, (_, k) => (k < changed ? 1_000_000 + salt * 100 + k : story * 1000 + k));
}

function report(n: number, fields: Partial<MergeInput> = {}): MergeInput {
  const id = String(n).padStart(3, '0');
  return { id: `r${id}`, docId: `d${id}`, participants: people, mode: 'meet', date: null, published: null, ...fields };
}

const sizes = (events: { reportIds: string[] }[]) => events.map((e) => e.reportIds.length).sort((a, b) => b - a);

test('undated copies of one text are one report republished; another text of the same people is not', () => {
  const copies = Array.from({ length: 12 }, (_, k) => report(k, { signature: signature(1, k % 5, k) }));
  const other = report(50, { signature: signature(2, 0, 0) });
  const events = mergeReports([...copies, other], {});
  assert.deepEqual(sizes(events), [12, 1]);
  const joined = events.find((e) => e.reportIds.length === 12)!;
  assert.equal(joined.judgements.length, 11);
  for (const j of joined.judgements) {
    assert.equal(j.rule, 'copy');
    // each copy is linked to the story's first report, not to another copy
    assert.equal(j.left, 'r000');
    assert.ok((j.features?.copy ?? 0) >= 0.9, `similarity ${j.features?.copy}`);
  }
  // without signatures nothing says they are one meeting: undated, no place, each keeps apart
  assert.deepEqual(sizes(mergeReports([...copies, other].map(({ signature: _, ...r }) => r), {})), Array(13).fill(1));
});

test("a story's copies take part in no pair of their own: twice the copies, the same pairs scored", () => {
  const dated = { date: '2024-03-05', published: '2024-03-06' };
  const run = (n: number) => {
    const stats: MergeStats = { pairsScored: 0 };
    const inputs = [
      ...Array.from({ length: n }, (_, k) => report(k, { ...dated, signature: signature(1, k % 7, k) })),
      // another outlet's own report of the meeting, and a report of another day
      report(500, { ...dated, signature: signature(2, 0, 0) }),
      report(501, { date: '2024-03-20', published: '2024-03-21', signature: signature(3, 0, 0) }),
    ];
    return { events: mergeReports(inputs, {}, stats), stats };
  };
  const small = run(40);
  const large = run(80);
  assert.deepEqual(sizes(small.events), [41, 1]);
  assert.deepEqual(sizes(large.events), [81, 1]);
  assert.equal(large.stats.copies, 79);
  assert.equal(large.stats.pairsScored, small.stats.pairsScored);
  assert.ok(large.stats.pairsScored <= 4, `${large.stats.pairsScored} pairs scored`);
  // the other outlet's report joins by its score, as before
  assert.ok(large.events[0].judgements.some((j) => j.rule === 'score' && j.right === 'r500'));
});

test('undated copies follow their first report into the one dated meeting of those people', () => {
  const dated = report(900, { date: '2024-03-05', published: '2024-03-06', signature: signature(9, 0, 0) });
  const undated = Array.from({ length: 6 }, (_, k) => report(k, { signature: signature(1, k, k) }));
  const events = mergeReports([dated, ...undated], {});
  assert.deepEqual(sizes(events), [7]);
  const rules = events[0].judgements.map((j) => j.rule).sort();
  assert.deepEqual(rules, ['copy', 'copy', 'copy', 'copy', 'copy', 'only-candidate']);
  // the same meeting as each undated report joins without signatures (one by one, on the same rule)
  const plain = mergeReports([dated, ...undated].map(({ signature: _, ...r }) => r), {});
  assert.deepEqual(plain.map((e) => e.reportIds), events.map((e) => e.reportIds));
});

test('a document telling of two meetings alike has no copies; an analyst who says a copy is another meeting is heard', () => {
  // d000 tells of two meetings of the same people (its extraction told them apart): which of
  // them a copy's report repeats is not known, so neither they nor the copy join as copies
  const twice = [report(0, { signature: signature(1, 0, 0) }), { ...report(1, { signature: signature(1, 0, 0) }), docId: 'd000' }];
  const copy = report(2, { signature: signature(1, 2, 2) });
  assert.deepEqual(sizes(mergeReports([...twice, copy], {})), [1, 1, 1]);

  const copies = Array.from({ length: 4 }, (_, k) => report(k, { signature: signature(1, k, k) }));
  const events = mergeReports(copies, { different: [{ report: 'r002', others: ['r000'], judgementId: 1 }] });
  // r002 may not join r000's group and leads a chain of its own; r003 is compared with r000 first
  assert.deepEqual(
    events.map((e) => e.reportIds),
    [['r000', 'r001', 'r003'], ['r002']],
  );
});
