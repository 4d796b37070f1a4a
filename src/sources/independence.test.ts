// Independence, denials and status on reports written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPipeline } from '../pipeline/analyze.ts';
import { sourceChains, type SourceReport } from './independence.ts';
import { linkDenials, type DatedDenial } from './link-denials.ts';
import { eventStatus } from './status.ts';
import { signature, similarity } from './minhash.ts';

const pipeline = createPipeline();

function analyze(id: string, text: string, outlet: string, published: string, language = 'en') {
  return pipeline.analyze({ id, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: { published, outlet, language } });
}

function sourceReports(analyses: ReturnType<typeof analyze>[]): SourceReport[] {
  // the report of the meeting told (a text may tell of others, which would be other events)
  return analyses.flatMap((a) =>
    a.reports.filter((r) => r.participants.some((p) => p.actorId === 'abdullah-ii')).slice(0, 1).map((r) => ({ reportId: r.id, docId: a.document.id, outlet: a.document.meta.outlet ?? null, published: a.document.meta.published ?? null, attributions: a.sources!.reports[r.id], signature: a.sources!.signature })),
  );
}

const WIRE = [
  'Egyptian President Abdel Fattah el-Sisi received Jordan\'s King Abdullah II in Cairo on Tuesday for talks on the crossing points into Gaza and the supply of fuel to its hospitals.',
  'The two leaders discussed the reopening of the Rafah crossing, the convoys of aid waiting in El Arish and the situation of the wounded who need treatment abroad.',
  'They agreed to keep in close contact and to coordinate their positions before the meeting of Arab foreign ministers planned for next month in Riyadh.',
  'Officials from both countries said further talks at the level of ministers would follow in Amman.',
];

test('a wire story republished by three outlets is one source; an outlet\'s own report is another', () => {
  const a = analyze('wire-1', `Sisi and Abdullah meet in Cairo\n\nCAIRO (Reuters) - ${WIRE.join(' ')}`, 'Outlet A', '2024-03-05');
  const b = analyze('wire-2', `Egypt, Jordan leaders discuss Gaza crossings\n\nCAIRO, March 5 (Reuters) - ${WIRE.slice(0, 3).join(' ')}\n\nReporting by a correspondent.`, 'Outlet B', '2024-03-05T14:00:00Z');
  const c = analyze('wire-3', `King Abdullah in Cairo\n\n${WIRE.join(' ').replace('on Tuesday', 'on Tuesday, March 5,')} (Reuters)`, 'Outlet C', '2024-03-06');
  const own = analyze('own-1', 'Jordan\'s King Abdullah II flew to Cairo on Tuesday and met President Abdel Fattah el-Sisi at the Ittihadiya palace, our correspondent in the Egyptian capital saw. The meeting, the third this year, was about fuel for Gaza\'s hospitals.', 'Outlet D', '2024-03-05');
  for (const x of [a, b, c, own]) assert.ok(x.reports.length >= 1, `${x.document.id}: a report`);
  const chains = sourceChains(sourceReports([a, b, c, own]));
  assert.equal(chains.length, 2, JSON.stringify(chains, null, 1));
  const wire = chains.find((ch) => ch.docs.includes('wire-1'))!;
  assert.deepEqual([...wire.docs].sort(), ['wire-1', 'wire-2', 'wire-3']);
  assert.equal(wire.origin.sourceId, 'reuters');
  assert.equal(wire.first.docId, 'wire-1');
  assert.deepEqual(wire.followers.map((f) => f.docId), ['wire-2', 'wire-3']);
  const status = eventStatus(sourceReports([a, b, c, own]), chains, [], ['abdel-fattah-el-sisi', 'abdullah-ii']);
  assert.equal(status.status, 'corroborated');
  assert.equal(status.independentSources, 2);
  const single = eventStatus(sourceReports([a, b, c]), sourceChains(sourceReports([a, b, c])), [], ['abdel-fattah-el-sisi', 'abdullah-ii']);
  assert.equal(single.status, 'single-source');
  assert.equal(single.reports, 3);
});

test('an analyst marks two reports as independent or as one source', () => {
  const x: SourceReport = { reportId: 'r1', docId: 'x', outlet: 'A', published: '2024-01-01', attributions: [{ kind: 'own', sourceId: null, name: null, span: null }], signature: signature(WIRE.join(' ')) };
  const y: SourceReport = { ...x, reportId: 'r2', docId: 'y', outlet: 'B' };
  assert.equal(sourceChains([x, y]).length, 1);
  assert.equal(sourceChains([x, y], [{ docs: ['x', 'y'], same: false }]).length, 2);
  const z: SourceReport = { ...x, reportId: 'r3', docId: 'z', outlet: 'C', signature: signature('Quite another text about the meeting of two other people in another city on another day.') };
  assert.equal(sourceChains([x, z]).length, 2);
  assert.equal(sourceChains([x, z], [{ docs: ['z', 'x'], same: true }]).length, 1);
});

test('reports citing the same official statement form one chain; one citing the other\'s outlet joins it', () => {
  const base = { signature: null, published: '2024-01-02' };
  const r1: SourceReport = { ...base, reportId: 'a', docId: 'a', outlet: 'One', attributions: [{ kind: 'official', sourceId: 'egypt', name: 'Egyptian presidency', span: { start: 0, end: 5 }, side: 'abdel-fattah-el-sisi' }] };
  const r2: SourceReport = { ...base, reportId: 'b', docId: 'b', outlet: 'Two', attributions: [{ kind: 'official', sourceId: 'egypt', name: 'الرئاسة المصرية', span: { start: 0, end: 5 }, side: 'abdel-fattah-el-sisi' }] };
  const r3: SourceReport = { ...base, reportId: 'c', docId: 'c', outlet: 'Al Jazeera', attributions: [{ kind: 'own', sourceId: null, name: null, span: null }] };
  const r4: SourceReport = { ...base, reportId: 'd', docId: 'd', outlet: 'Four', published: '2024-01-03', attributions: [{ kind: 'outlet', sourceId: 'al-jazeera', name: 'Al Jazeera', span: { start: 0, end: 5 } }] };
  const chains = sourceChains([r1, r2, r3, r4]);
  assert.equal(chains.length, 2);
  assert.deepEqual(chains.find((c) => c.docs.includes('d'))!.docs, ['c', 'd']);
  assert.equal(eventStatus([r1, r2, r3, r4], chains, [], ['abdel-fattah-el-sisi', 'abdullah-ii']).status, 'confirmed');
});

test('MinHash: a light rewrite scores above the threshold, another report of the meeting below', () => {
  const original = WIRE.join(' ');
  const rewrite = WIRE.slice(0, 3).join(' ').replace('received', 'hosted').replace('Tuesday', 'Tuesday afternoon');
  const other = 'Jordan\'s King Abdullah II flew to Cairo on Tuesday and met President Abdel Fattah el-Sisi at the Ittihadiya palace to discuss fuel for Gaza\'s hospitals and the Rafah crossing.';
  assert.ok(similarity(signature(original), signature(rewrite)) >= 0.5);
  assert.ok(similarity(signature(original), signature(other)) < 0.2);
  assert.equal(similarity(signature(original), signature(original)), 1);
});

// denials written in seven languages: a claim with the people, never a report
const DENIALS: Array<[string, string, string]> = [
  ['en', 'Hamas denied reports that Ismail Haniyeh met Mahmoud Abbas in Ankara on Monday.', 'denied'],
  ['fr', 'Le Hamas a démenti les informations selon lesquelles Ismaïl Haniyeh aurait rencontré Mahmoud Abbas à Ankara lundi.', 'a démenti'],
  ['es', 'Hamás desmintió que Ismail Haniyeh se haya reunido con Mahmud Abás en Ankara el lunes.', 'desmintió'],
  ['ru', 'ХАМАС опроверг сообщения о том, что Исмаил Хания встретился с Махмудом Аббасом в Анкаре в понедельник.', 'опроверг'],
  ['de', 'Die Hamas dementierte Berichte, wonach Ismail Hanija sich am Montag in Ankara mit Mahmud Abbas getroffen habe.', 'dementierte'],
  ['id', 'Hamas membantah laporan bahwa Ismail Haniyeh bertemu Mahmoud Abbas di Ankara pada hari Senin.', 'membantah'],
  ['pt', 'O Hamas negou que Ismail Haniyeh tenha se reunido com Mahmoud Abbas em Ancara na segunda-feira.', 'negou'],
];

for (const [lang, text, cue] of DENIALS) {
  test(`a denial (${lang}) is a claim linked to the meeting it contradicts, never a meeting`, () => {
    const denial = analyze(`deny-${lang}`, text, 'Denier', '2024-03-05', lang);
    assert.equal(denial.reports.length, 0);
    const [claim] = denial.sources!.denials;
    assert.ok(claim, 'a denial claim');
    assert.equal(text.slice(claim.cue!.start, claim.cue!.end), cue);
    assert.deepEqual([...claim.participants].sort(), ['ismail-haniyeh', 'mahmoud-abbas']);
    assert.equal(claim.by?.actorId, 'hamas');
    const dated: DatedDenial = { ...claim, published: '2024-03-05', outlet: 'Denier' };
    const links = linkDenials([dated], [
      { id: 'met', participants: ['ismail-haniyeh', 'mahmoud-abbas'], date: '2024-03-04' },
      { id: 'long-before', participants: ['ismail-haniyeh', 'mahmoud-abbas'], date: '2023-06-01' },
      { id: 'others', participants: ['ismail-haniyeh', 'recep-tayyip-erdogan'], date: '2024-03-04' },
    ]);
    assert.deepEqual([...links.keys()], ['met']);
    const status = eventStatus([], [], links.get('met')!, ['ismail-haniyeh', 'mahmoud-abbas']);
    assert.equal(status.status, 'disputed');
    assert.match(status.reasons[0], /denied by .+ in deny-/);
  });
}

test('an override replaces the status and keeps the reasons', () => {
  const s = eventStatus([], [], [], ['a', 'b'], { status: 'confirmed', reason: 'seen on the broadcast', author: 'ana', judgementId: 3 });
  assert.equal(s.status, 'confirmed');
  assert.match(s.reasons.at(-1)!, /set to confirmed by ana: seen on the broadcast/);
});

test("statements of one participant's side are one origin, whichever office the text names; the other side's are another", () => {
  const base = { signature: null, published: '2024-04-20' };
  const office = (doc: string, sourceId: string, name: string, side: string): SourceReport => ({ ...base, reportId: doc, docId: doc, outlet: doc, attributions: [{ kind: 'official', sourceId, name, span: { start: 0, end: 5 }, side }] });
  const presidency = office('a', 'turkey', 'la présidence turque', 'recep-tayyip-erdogan');
  const own = office('b', 'recep-tayyip-erdogan', "Erdogan's office", 'recep-tayyip-erdogan');
  const other = office('c', 'hamas', 'Hamas', 'ismail-haniyeh');
  const third: SourceReport = { ...base, reportId: 'd', docId: 'd', outlet: 'd', attributions: [{ kind: 'official', sourceId: 'qatar', name: 'Qatar', span: { start: 0, end: 5 }, side: null }] };
  assert.deepEqual(sourceChains([presidency, own, other, third]).map((c) => c.docs), [['a', 'b'], ['c'], ['d']]);
});

test('copies already in one chain are not compared again, and an analyst\'s "independent" still splits a chain of copies', () => {
  const copy = (doc: string, outlet: string): SourceReport => ({ reportId: `r-${doc}`, docId: doc, outlet, published: '2024-01-01', attributions: [{ kind: 'own', sourceId: null, name: null, span: null }], signature: signature(WIRE.join(' ')) });
  const copies = Array.from({ length: 200 }, (_, i) => copy(`c${String(i).padStart(3, '0')}`, `Outlet ${i}`));
  const one = sourceChains(copies);
  assert.equal(one.length, 1);
  assert.equal(one[0].followers.length, 199);
  assert.ok(one[0].followers.every((f) => f.via === 'near-duplicate' && f.similarity === 1));
  // a, b, c are copies; the analyst says a and c are independent: c stays apart from the chain a joins
  const [a, b, c] = copies;
  const split = sourceChains([a, b, c], [{ docs: [a.docId, c.docId], same: false }]);
  assert.deepEqual(split.map((ch) => [...ch.docs].sort()).sort(), [[a.docId, b.docId], [c.docId]]);
});
