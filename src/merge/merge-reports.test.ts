import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventMode } from '../core/types.ts';
import { blockingKeys, eventIdFor, judgePair, lookupKeys, mergeReports, type MergeInput } from './merge-reports.ts';
import { dayFits, explainScore, SAME_THRESHOLD, scorePair, SCORER_VERSION } from './score-pair.ts';

const person = (actorId: string) => ({ actorId, kind: 'person' as const });
const org = (actorId: string) => ({ actorId, kind: 'organization' as const });

interface Extra {
  published?: string | null;
  anchor?: string | null;
  doc?: string;
  mode?: EventMode;
  place?: MergeInput['place'];
}

function report(id: string, people: string[], date: string | null, extra: Extra = {}): MergeInput {
  return {
    id,
    docId: extra.doc ?? `doc-${id}`,
    participants: people.map(person),
    date,
    published: extra.published ?? null,
    ...(extra.anchor ? { anchor: extra.anchor } : {}),
    ...(extra.mode ? { mode: extra.mode } : {}),
    ...(extra.place !== undefined ? { place: extra.place } : {}),
  };
}

const DOHA = { actorId: 'doha', within: ['qatar'] };
const QATAR = { actorId: 'qatar', within: [], known: true };
const ISTANBUL = { actorId: 'istanbul', within: ['turkey'] };
const groups = (events: { reportIds: string[] }[]) => events.map((e) => e.reportIds);
// places as the store gives them: a city or venue is local (it says where), a country is not
const CAIRO = { actorId: 'cairo', within: ['egypt'], local: true };
const PALACE = { actorId: 'ittihadiya-palace', within: ['cairo', 'egypt'], local: true };
const EGYPT = { actorId: 'egypt', within: [], known: true };
const ANKARA = { actorId: 'ankara', within: ['turkey'], local: true };
const ISTANBUL_CITY = { actorId: 'istanbul', within: ['turkey'], local: true };
const TURKEY = { actorId: 'turkey', within: [], known: true };
const DOHA_CITY = { actorId: 'doha', within: ['qatar'], local: true };
const mentions = (...places: { actorId: string; within: readonly string[] }[]) => places.map(({ actorId, within }) => ({ actorId, within }));

test('same people, same date: one event, and the judgement says why feature by feature', () => {
  const events = mergeReports([report('r1', ['xi', 'putin'], '2023-03-20'), report('r2', ['putin', 'xi'], '2023-03-20')]);
  assert.deepEqual(groups(events), [['r1', 'r2']]);
  const [j] = events[0].judgements;
  assert.equal(j.rule, 'score');
  assert.equal(j.version, SCORER_VERSION);
  assert.equal(j.features?.time.verdict, 'agree');
  assert.deepEqual(j.features?.participants, { jaccard: 1, shared: ['putin', 'xi'] });
  assert.ok(j.score >= SAME_THRESHOLD);
  assert.equal(events[0].id, eventIdFor(['r2', 'r1']));
});

test('the explanation names each feature and the decision', () => {
  const same = explainScore(scorePair(report('a', ['x', 'y'], '2024-04-20', { place: DOHA }), report('b', ['x', 'y'], '2024-04-20', { place: QATAR })));
  assert.match(same[0], /participants: overlap 1 \(x, y\)/);
  assert.match(same[1], /time: agree \(2024-04-20 \/ 2024-04-20\)/);
  assert.match(same[2], /place: within \(doha \/ qatar\)/);
  assert.match(same.at(-1)!, /decision: same \(score 1.1 >= 0.7, merge-v8\)/);
  const apart = explainScore(scorePair(report('a', ['x', 'y'], '2024-09-12'), report('b', ['x', 'y'], '2024-10-03')));
  assert.match(apart[1], /time: conflict .*21 days apart/);
  assert.match(apart.at(-1)!, /decision: different \(times disagree \(2024-09-12 vs 2024-10-03\)\)/);
  const weak = explainScore(scorePair(report('a', ['x', 'y'], null), report('b', ['x', 'y'], null)));
  assert.match(weak.at(-1)!, /decision: not enough \(score 0.55 < 0.7/);
});

test('a September and an October meeting of the same three leaders stay apart', () => {
  const trio = ['erdogan', 'putin', 'raisi'];
  const events = mergeReports([
    report('sep1', trio, '2024-09-12', { published: '2024-09-12' }),
    report('sep2', trio, null, { published: '2024-09-13' }),
    report('oct1', trio, '2024-10-03', { published: '2024-10-04' }),
    report('oct2', trio, null, { published: '2024-10-04' }),
  ]);
  assert.deepEqual(groups(events), [['oct1', 'oct2'], ['sep1', 'sep2']]);
});

test('an announced meeting (reported before it happened) is not the one that happened', () => {
  // published on 1 September, undated: it tells of something before 1 September, not of 5 October
  const announced = report('plan', ['x', 'y'], null, { published: '2024-09-01' });
  const held = report('held', ['x', 'y'], '2024-10-05', { published: '2024-10-05' });
  assert.equal(judgePair(announced, held), null);
  assert.equal(scorePair(announced, held).features.time.verdict, 'conflict');
  assert.equal(mergeReports([announced, held]).length, 2);
});

test('two calls a year apart, neither dated, stay apart; two reports of one call merge', () => {
  const events = mergeReports([
    report('c1', ['macron', 'zelensky'], null, { published: '2022-02-20', mode: 'phone' }),
    report('c2', ['macron', 'zelensky'], null, { published: '2022-02-21', mode: 'phone' }),
    report('c3', ['macron', 'zelensky'], null, { published: '2023-02-20', mode: 'phone' }),
  ]);
  assert.deepEqual(groups(events), [['c1', 'c2'], ['c3']]);
});

test('an undated report with no publication date joins the only dated event of those people, else stays alone', () => {
  const dated = report('dated', ['xi', 'putin'], '2023-03-20', { place: { actorId: 'kremlin', within: ['moscow', 'russia'] } });
  const bare = report('bare', ['xi', 'putin'], null, { place: { actorId: 'moscow', within: ['russia'] } });
  const joined = mergeReports([dated, bare]);
  assert.deepEqual(groups(joined), [['bare', 'dated']]);
  assert.equal(joined[0].judgements[0].rule, 'only-candidate');
  // a second meeting of the same people makes it ambiguous: kept apart
  const other = report('other', ['xi', 'putin'], '2024-05-16');
  assert.equal(mergeReports([dated, bare, other]).length, 3);
  // an event known only to a month counts against uniqueness but is too loose to join
  const monthOnly = report('month', ['xi', 'putin'], null, { published: '2023-03' });
  assert.equal(mergeReports([bare, monthOnly]).length, 2);
  // and a place that contradicts rules the candidate out
  const elsewhere = report('far', ['xi', 'putin'], null, { place: ISTANBUL });
  const moscow = report('dated2', ['xi', 'putin'], '2023-03-20', { place: { actorId: 'moscow', within: ['russia'] } });
  assert.equal(mergeReports([moscow, elsewhere]).length, 2);
});

test("a report with no date, in a document with no publication day, is dated by its text's time anchor", () => {
  const held = report('held', ['x', 'y'], '2024-03-06', { published: '2024-03-06', place: DOHA });
  // the anchor (the latest full date its text writes) falls in the days the event allows: same people, place and mode fit
  const anchored = report('anchored', ['y', 'x'], null, { anchor: '2024-03-07', place: QATAR });
  const j = judgePair(held, anchored);
  assert.equal(j?.rule, 'score');
  assert.equal(j?.features?.time.verdict, 'agree');
  assert.equal(j?.features?.time.right, 'anchored 2024-03-07');
  assert.match(explainScore(scorePair(held, anchored)).join('\n'), /time: agree \(2024-03-06 \/ anchored 2024-03-07\)/);
  // an anchor a month later is another meeting: a veto, not a weak match
  const later = report('later', ['x', 'y'], null, { anchor: '2024-04-07' });
  assert.equal(scorePair(held, later).features.time.verdict, 'conflict');
  assert.equal(mergeReports([held, later]).length, 2);
  // an anchor before the event cannot tell of it (the text speaks from before it happened)
  assert.equal(mergeReports([held, report('before', ['x', 'y'], null, { anchor: '2024-03-01' })]).length, 2);
  // the report's own date comes first, then a publication day, then the anchor
  assert.equal(scorePair(held, report('own', ['x', 'y'], '2024-03-06', { anchor: '2024-05-01' })).features.time.verdict, 'agree');
  assert.equal(scorePair(held, report('pub', ['x', 'y'], null, { published: '2024-03-07', anchor: '2024-05-01' })).features.time.right, 'published 2024-03-07');
  // a publication month is narrowed by an anchor inside it, and ignores one outside it
  assert.equal(scorePair(held, report('month', ['x', 'y'], null, { published: '2024-03', anchor: '2024-03-08' })).features.time.verdict, 'agree');
  assert.equal(scorePair(held, report('month2', ['x', 'y'], null, { published: '2024-03', anchor: '2024-06-08' })).features.time.verdict, 'compatible');
});

test('a report with no time at all does not join people who meet repeatedly on uniqueness alone', () => {
  const march = report('march', ['x', 'y'], '2024-03-06', { place: DOHA, mode: 'visit' });
  const april = report('april', ['x', 'y'], '2024-04-10', { place: ISTANBUL, mode: 'visit' });
  // fits only March (Istanbul contradicts Doha), but x and y met twice: it stays alone
  const bare = report('bare', ['x', 'y'], null, { place: QATAR });
  const events = mergeReports([march, april, bare]);
  assert.deepEqual(groups(events), [['april'], ['bare'], ['march']]);
  // a call (no meeting in person) rules April out the same way
  const call = report('call', ['x', 'y'], '2024-04-10', { mode: 'phone' });
  assert.equal(mergeReports([march, call, report('met', ['x', 'y'], null, { mode: 'visit' })]).length, 3);
  // when the store holds one meeting of theirs, the one fitting event takes it, and the judgement says how many there were
  const once = mergeReports([march, bare]);
  assert.deepEqual(groups(once), [['bare', 'march']]);
  assert.equal(once[0].judgements[0].rule, 'only-candidate');
  assert.deepEqual(once[0].judgements[0].features?.candidates, { events: 1, fitting: 1, repeated: false });
  // its own document telling of an earlier meeting of theirs says so too
  const earlier = report('earlier', ['x', 'y'], '2022-11', { doc: 'doc-bare' });
  assert.equal(mergeReports([march, bare, earlier]).length, 3);
  // even when it does not date that other meeting ("they had met before, in Istanbul")
  assert.equal(mergeReports([march, bare, report('before', ['x', 'y'], null, { doc: 'doc-bare', place: ISTANBUL })]).length, 3);
  // two reports of one day that did not merge (places contradict) are not two windows: the one that fits takes it
  const same = mergeReports([march, report('istanbul', ['x', 'y'], '2024-03-06', { place: ISTANBUL }), bare]);
  assert.ok(same.some((e) => e.reportIds.join() === 'bare,march'));
});

test("a dateline's day without a year picks the meeting of those days among the people's meetings of several years", () => {
  const march = report('march', ['x', 'y'], '2023-03-20', { published: '2023-03-20' });
  const may = report('may', ['x', 'y'], '2024-05-16', { published: '2024-05-16' });
  const wire = report('wire', ['x', 'y'], null, { anchor: '--03-21' });
  const events = mergeReports([march, may, wire]);
  assert.deepEqual(groups(events), [['march', 'wire'], ['may']]);
  assert.equal(events[0].judgements[0].rule, 'dateline-day');
  // a day that neither meeting's days hold: alone, even with one meeting in the store
  assert.equal(mergeReports([march, report('july', ['x', 'y'], null, { anchor: '--07-01' })]).length, 2);
  // the days before a dateline of 2 January reach back into December
  assert.ok(dayFits('--01-02', [Date.UTC(2023, 11, 30) / 86_400_000, Date.UTC(2023, 11, 31) / 86_400_000]));
  assert.ok(!dayFits('--01-05', [Date.UTC(2023, 11, 30) / 86_400_000, Date.UTC(2023, 11, 31) / 86_400_000]));
  // it is no window: it never dates the report for scoring
  assert.equal(scorePair(march, wire).features.time.verdict, 'unknown');
});

test('two documents without dates that report the same two meetings corroborate each other', () => {
  const a1 = report('a1', ['erdogan', 'haniyeh'], null, { doc: 'A', place: ISTANBUL });
  const a2 = report('a2', ['fidan', 'haniyeh'], null, { doc: 'A', place: DOHA });
  const b1 = report('b1', ['haniyeh', 'erdogan'], null, { doc: 'B', place: ISTANBUL });
  const b2 = report('b2', ['haniyeh', 'fidan'], null, { doc: 'B', place: QATAR });
  const b3 = report('b3', ['haniyeh', 'fidan'], null, { doc: 'B', place: ISTANBUL });
  const events = mergeReports([a1, a2, b1, b2, b3]);
  assert.deepEqual(groups(events), [['a1', 'b1'], ['a2', 'b2'], ['b3']]);
  const j = events[0].judgements[0];
  assert.equal(j.features?.corroboration, 1);
  assert.match(explainScore(scorePair(a1, b1, 1)).join('\n'), /corroborated: the two documents also report 1 other meeting/);
  // one shared meeting alone is not enough
  assert.equal(mergeReports([a1, b1]).length, 2);
});

test('places and modes that contradict veto a merge', () => {
  assert.equal(scorePair(report('a', ['x', 'y'], '2024-01-01', { place: DOHA }), report('b', ['x', 'y'], '2024-01-01', { place: ISTANBUL })).veto, 'places disagree (doha vs istanbul)');
  // a place whose chain is unknown does not contradict
  assert.equal(scorePair(report('a', ['x', 'y'], '2024-01-01', { place: { actorId: 'somewhere', within: [] } }), report('b', ['x', 'y'], '2024-01-01', { place: ISTANBUL })).veto, null);
  assert.match(scorePair(report('a', ['x', 'y'], '2024-01-01', { mode: 'phone' }), report('b', ['x', 'y'], '2024-01-01', { mode: 'visit' })).veto ?? '', /modes disagree/);
  assert.equal(scorePair(report('a', ['x', 'y'], '2024-01-01', { mode: 'meet' }), report('b', ['x', 'y'], '2024-01-01', { mode: 'phone' })).veto, null);
});

test('a contradiction between any two members keeps them apart, even when every link of a chain agrees', () => {
  // an undated report published on the 11th fits both the 8th and the 10th; the 8th and the 10th are two meetings
  const bridge = mergeReports([
    report('on8', ['x', 'y'], '2024-03-08', { published: '2024-03-09' }),
    report('undated', ['x', 'y'], null, { published: '2024-03-11' }),
    report('on10', ['x', 'y'], '2024-03-10', { published: '2024-03-10' }),
  ]);
  assert.equal(bridge.length, 2);
  assert.ok(!bridge.some((e) => e.reportIds.includes('on8') && e.reportIds.includes('on10')));
  // a place-less report between Doha and Istanbul, a 'meet' between a call and a visit
  const places = mergeReports([
    report('doha', ['x', 'y'], '2024-03-08', { place: DOHA }),
    report('nowhere', ['x', 'y'], '2024-03-08'),
    report('istanbul', ['x', 'y'], '2024-03-08', { place: ISTANBUL }),
  ]);
  assert.ok(!places.some((e) => e.reportIds.includes('doha') && e.reportIds.includes('istanbul')));
  const modes = mergeReports([
    report('call', ['x', 'y'], '2024-03-08', { mode: 'phone' }),
    report('met', ['x', 'y'], '2024-03-08', { mode: 'meet' }),
    report('visit', ['x', 'y'], '2024-03-08', { mode: 'visit' }),
  ]);
  assert.ok(!modes.some((e) => e.reportIds.includes('call') && e.reportIds.includes('visit')));
  // two meetings one document told apart are not joined through a third document
  const docs = mergeReports([
    report('a1', ['x', 'y'], '2024-03-08', { doc: 'a' }),
    report('b1', ['x', 'y'], '2024-03-08', { doc: 'b' }),
    report('a2', ['x', 'y'], '2024-03-08', { doc: 'a' }),
  ]);
  assert.ok(!docs.some((e) => e.reportIds.includes('a1') && e.reportIds.includes('a2')));
});

test('an event records the links that joined it, not every agreeing pair', () => {
  const events = mergeReports(['a', 'b', 'c', 'd'].map((id) => report(id, ['x', 'y'], '2024-03-08')));
  assert.deepEqual(groups(events), [['a', 'b', 'c', 'd']]);
  assert.equal(events[0].judgements.length, 3);
});

test('Jaccard at 0.5 merges, below does not; persons count when there are any', () => {
  assert.ok(judgePair(report('a', ['x', 'y'], '2024-01-01'), report('b', ['x', 'y', 'z', 'w'], '2024-01-01')));
  assert.equal(judgePair(report('a', ['x', 'y'], '2024-01-01'), report('b', ['x', 'z'], '2024-01-01')), null);
  const a: MergeInput = { id: 'a', docId: 'd1', participants: [person('x'), person('y'), org('o1')], date: '2024-01-01', published: null };
  const b: MergeInput = { id: 'b', docId: 'd2', participants: [person('x'), person('y'), org('o2')], date: '2024-01-01', published: null };
  assert.equal(judgePair(a, b)?.features?.participants.jaccard, 1);
});

test("analysts' judgements: different beats the score, same beats the lack of one, rejected reports are in no event", () => {
  const r1 = report('r1', ['x', 'y'], '2024-01-01');
  const r2 = report('r2', ['x', 'y'], '2024-01-01');
  const r3 = report('r3', ['x', 'y'], null);
  const r4 = report('r4', ['p', 'q'], '2025-01-01');
  assert.deepEqual(groups(mergeReports([r1, r2], { different: [{ report: 'r2', others: ['r1'], judgementId: 1 }] })), [['r1'], ['r2']]);
  const forced = mergeReports([r1, r4], { same: [{ reports: ['r1', 'r4'], judgementId: 2 }] });
  assert.deepEqual(groups(forced), [['r1', 'r4']]);
  assert.equal(forced[0].judgements[0].rule, 'human');
  assert.equal(forced[0].judgements[0].judgementId, 2);
  // a later "same" overrides an earlier "different" on the same pair, an earlier one does not
  assert.equal(mergeReports([r1, r2], { different: [{ report: 'r2', others: ['r1'], judgementId: 1 }], same: [{ reports: ['r1', 'r2'], judgementId: 3 }] }).length, 1);
  assert.equal(mergeReports([r1, r2], { different: [{ report: 'r2', others: ['r1'], judgementId: 5 }], same: [{ reports: ['r1', 'r2'], judgementId: 3 }] }).length, 2);
  assert.deepEqual(groups(mergeReports([r1, r2, r3], { rejected: new Set(['r2']) })), [['r1', 'r3']]);
});

test('blocking keys cover every pair that can reach the threshold', () => {
  assert.deepEqual(blockingKeys(report('a', ['y', 'x'], null)), ['2:x@*', '2:y@*', 'x|y@*', '2:x@-', '2:y@-', 'x|y@-']);
  assert.deepEqual(lookupKeys(report('a', ['y', 'x'], null)), ['1:x@*', '1:y@*', 'x|y@*']);
  assert.deepEqual(blockingKeys(report('a', ['x', 'y', 'z'], '2024-01-31')), ['x|y@*', 'x|z@*', 'y|z@*', 'x|y@w2821', 'x|z@w2821', 'y|z@w2821']);
  // weeks are counted from 1970-01-01 (a Thursday): a window over a week's end is looked up under both weeks
  assert.deepEqual(lookupKeys(report('a', ['x', 'y'], null, { published: '2024-02-02' })), ['1:x@w2821', '1:x@w2822', '1:x@-', '1:y@w2821', '1:y@w2822', '1:y@-', 'x|y@w2821', 'x|y@w2822', 'x|y@-']);
  const names = ['a', 'b', 'c', 'd', 'e'];
  const sets: string[][] = [];
  for (let mask = 1; mask < 32; mask++) sets.push(names.filter((_, i) => mask & (1 << i)));
  const times: [string | null, string | null, string | null][] = [
    ['2024-01-01', null, null],
    [null, '2024-01-02', null],
    [null, null, null],
    ['2024-01', null, null],
    // either side of a week's start (Thursday 2024-01-04): the publication window spans both
    ['2024-01-03', null, null],
    [null, '2024-01-05', null],
    ['2024-01-04', null, null],
    // a time anchor from the text, alone or within a publication month
    [null, null, '2024-01-05'],
    [null, '2024-01', '2024-01-02'],
  ];
  for (const s of sets) {
    for (const t of sets) {
      for (const [d1, p1, a1] of times) {
        for (const [d2, p2, a2] of times) {
          const r1 = report('1', s, d1, { published: p1, anchor: a1 });
          const r2 = report('2', t, d2, { published: p2, anchor: a2 });
          const f = scorePair(r1, r2).features;
          if (f.participants.jaccard < 0.5 || f.time.verdict === 'conflict') continue;
          assert.ok(lookupKeys(r1).some((k) => blockingKeys(r2).includes(k)), `${s} vs ${t} match but ${s} cannot find ${t}`);
          assert.ok(lookupKeys(r2).some((k) => blockingKeys(r1).includes(k)), `${s} vs ${t} match but ${t} cannot find ${s}`);
        }
      }
    }
  }
  // the same two people every month: a dated report is compared only with its month
  const monthly = Array.from({ length: 24 }, (_, i) => report(`m${i}`, ['x', 'y'], `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`));
  const stats = { pairsScored: 0 };
  assert.equal(mergeReports(monthly, {}, stats).length, 24);
  assert.equal(stats.pairsScored, 0);
});

test('candidates come from blocking only: unrelated reports are never scored', () => {
  const reports: MergeInput[] = [];
  for (let i = 0; i < 200; i++) reports.push(report(`r${i}`, [`p${i}`, `q${i}`], '2024-01-01'));
  reports.push(report('dup', ['p7', 'q7'], '2024-01-01'));
  const stats = { pairsScored: 0 };
  const events = mergeReports(reports, {}, stats);
  assert.equal(stats.pairsScored, 1);
  assert.equal(events.length, 200);
});

test('reports without participants stay alone; the result is order-independent; one document never merges with itself', () => {
  const reports = [report('r3', [], null), report('r1', ['x', 'y'], '2024-01-01'), report('r2', ['x', 'y'], '2024-01-01')];
  const forward = mergeReports(reports);
  assert.deepEqual(forward, mergeReports([...reports].reverse()));
  assert.deepEqual(groups(forward), [['r1', 'r2'], ['r3']]);
  const a = report('a', ['x', 'y'], '2024-01-01', { doc: 'same' });
  const b = report('b', ['x', 'y'], '2024-01-01', { doc: 'same' });
  assert.equal(judgePair(a, b), null);
});

test('two reports with no time that put one visit in the same city or venue are one event; other people, a call, two countries are not', () => {
  const airport = report('airport', ['sisi', 'erdogan'], null, { place: CAIRO, mode: 'host' });
  const summit = report('summit', ['erdogan', 'sisi'], null, { place: PALACE });
  const events = mergeReports([airport, summit]);
  assert.deepEqual(groups(events), [['airport', 'summit']]);
  const [j] = events[0].judgements;
  assert.equal(j.rule, 'same-place');
  assert.deepEqual(j.features?.sharedPlace, { tier: 'local', via: 'stated', left: 'cairo', right: 'ittihadiya-palace' });
  assert.match(explainScore({ ...scorePair(airport, summit), features: j.features! }).join('\n'), /shared place \(local\): cairo \/ ittihadiya-palace/);
  // a third leader in the same city: maybe the summit after the bilateral meeting, not the same people
  assert.equal(mergeReports([airport, report('trio', ['sisi', 'erdogan', 'tamim'], null, { place: CAIRO })]).length, 2);
  // a call happens in no one place
  assert.equal(mergeReports([report('c1', ['sisi', 'erdogan'], null, { place: CAIRO, mode: 'phone' }), summit]).length, 2);
  // two countries say nothing: leaders meet in each other's countries again and again
  assert.equal(mergeReports([report('e1', ['sisi', 'erdogan'], null, { place: EGYPT }), report('e2', ['sisi', 'erdogan'], null, { place: EGYPT })]).length, 2);
  // places that do not nest are a contradiction, not evidence
  assert.equal(mergeReports([airport, report('ankara', ['sisi', 'erdogan'], null, { place: ANKARA })]).length, 2);
  // a country and a city within it, when the country's document mentions that city too, are
  // coarse evidence, enough for people the store shows meeting once
  const inTurkey: MergeInput = { ...report('t1', ['sisi', 'erdogan'], null, { place: TURKEY }), contextPlaces: mentions(ANKARA) };
  const coarse = mergeReports([inTurkey, report('t2', ['sisi', 'erdogan'], null, { place: ANKARA })]);
  assert.equal(coarse.length, 1);
  assert.equal(coarse[0].judgements[0].features?.sharedPlace?.tier, 'coarse');
  // the country alone does not say which meeting held in it
  assert.equal(mergeReports([{ ...inTurkey, contextPlaces: [] }, report('t2', ['sisi', 'erdogan'], null, { place: ANKARA })]).length, 2);
});

test('a report that states no place: the cities its document mentions point to the event', () => {
  // "Erdoğan met Sisi" in a story about the World Cup opening in Doha; another outlet dates it to November in Qatar
  const qatar = report('qatar', ['sisi', 'erdogan'], '2022-11', { place: QATAR });
  const bare: MergeInput = { ...report('bare', ['erdogan', 'sisi'], null), contextPlaces: mentions(DOHA_CITY) };
  const events = mergeReports([qatar, bare]);
  assert.deepEqual(groups(events), [['bare', 'qatar']]);
  assert.deepEqual(events[0].judgements[0].features?.sharedPlace, { tier: 'coarse', via: 'mentioned', left: 'doha', right: 'qatar' });
  // its document mentioning Cairo instead: nothing
  assert.equal(mergeReports([qatar, { ...bare, contextPlaces: mentions(CAIRO) }]).length, 2);
  // neither states a place: two documents set in one city (all they mention lies in it) agree...
  const setA: MergeInput = { ...report('setA', ['lula', 'milei'], null), contextPlaces: mentions({ actorId: 'rio', within: ['brazil'] }) };
  const setB: MergeInput = {
    ...report('setB', ['milei', 'lula'], null),
    contextPlaces: mentions({ actorId: 'museum', within: ['rio', 'brazil'] }, { actorId: 'rio', within: ['brazil'] }),
  };
  assert.equal(mergeReports([setA, setB]).length, 1);
  // ...but a document naming cities that lie apart is set nowhere
  assert.equal(mergeReports([setA, { ...setB, contextPlaces: mentions({ actorId: 'rio', within: ['brazil'] }, ISTANBUL_CITY) }]).length, 2);
});

test('a report dated only to a month joins the one dated in days in the same city', () => {
  const days = report('days', ['widodo', 'zelensky'], null, { published: '2022-06-30', place: { actorId: 'kyiv', within: ['ukraine'], local: true } });
  const month = report('month', ['zelensky', 'widodo'], null, { published: '2022-06', place: { actorId: 'kyiv', within: ['ukraine'], local: true } });
  // the score alone (a month is only compatible with the days) does not reach the threshold
  assert.equal(judgePair(days, month), null);
  const events = mergeReports([days, month]);
  assert.deepEqual(groups(events), [['days', 'month']]);
  assert.equal(events[0].judgements[0].rule, 'same-place');
  // a month that does not hold the days is another visit
  assert.equal(mergeReports([days, { ...month, id: 'may', published: '2022-04' }]).length, 2);
});

test('a place picks one meeting of people who meet repeatedly only when both state that city and their other meetings were elsewhere', () => {
  const march = report('march', ['x', 'y'], '2024-03-06', { place: DOHA_CITY });
  const april = report('april', ['x', 'y'], '2024-04-10', { place: ISTANBUL_CITY });
  const doha = report('doha', ['x', 'y'], null, { place: DOHA_CITY });
  assert.deepEqual(groups(mergeReports([march, april, doha])), [['april'], ['doha', 'march']]);
  // "in Qatar" does not pick Doha out of their meetings
  assert.equal(mergeReports([march, april, report('qatar', ['x', 'y'], null, { place: QATAR })]).length, 3);
  // nor does a city mentioned by the document only
  assert.equal(mergeReports([march, april, { ...report('told', ['x', 'y'], null), contextPlaces: mentions(DOHA_CITY) }]).length, 3);
  // another meeting of theirs whose place is unknown could have been in Doha too
  assert.equal(mergeReports([march, report('may', ['x', 'y'], '2024-05-02'), doha]).length, 3);
  // one told only as "in Qatar" is less likely the Doha one than the meeting told in Doha
  assert.deepEqual(groups(mergeReports([march, report('nov', ['x', 'y'], '2024-11-02', { place: QATAR }), doha])), [['doha', 'march'], ['nov']]);
  // a document that also tells of another meeting of theirs, place unknown: Doha may be that one's
  const retold = report('retold', ['x', 'y'], null, { doc: 'doc-two', place: DOHA_CITY });
  const earlier = report('earlier', ['x', 'y'], null, { doc: 'doc-two' });
  const undatedDoha = report('undated', ['x', 'y'], null, { place: DOHA_CITY });
  assert.equal(mergeReports([retold, earlier, undatedDoha]).length, 3);
  // one told elsewhere, or a call, leaves Doha to one meeting
  assert.equal(mergeReports([retold, { ...earlier, place: ISTANBUL_CITY }, undatedDoha]).length, 2);
  assert.equal(mergeReports([retold, { ...earlier, mode: 'phone' }, undatedDoha]).length, 2);
  // evidence that points at two meetings says nothing: "in Turkey", with one in Ankara and one in Istanbul
  const turkey = report('turkey', ['x', 'y'], null, { place: TURKEY });
  const events = mergeReports([report('ank', ['x', 'y'], null, { place: ANKARA }), report('ist', ['x', 'y'], null, { place: ISTANBUL_CITY }), turkey]);
  assert.equal(events.length, 3);
});

test('undated reports of one pair in one city, told day after day: the same events whatever the order', () => {
  const PARIS = { actorId: 'paris', within: ['france'], known: true, local: true };
  const day = (i: number) => `2024-03-${String(1 + i).padStart(2, '0')}`;
  const reports: MergeInput[] = [];
  for (let i = 0; i < 6; i++) {
    reports.push(report(`a${i}`, ['macron', 'scholz'], null, { place: PARIS, published: day(i) }));
    reports.push(report(`b${i}`, ['scholz', 'macron'], null, { place: PARIS, published: day(i) }));
  }
  const forward = groups(mergeReports(reports));
  assert.deepEqual(groups(mergeReports([...reports].reverse())), forward);
  for (const g of forward) assert.ok(g.length >= 2 && g.length <= 8, JSON.stringify(forward));
});

test('pages of different days that state no day: compatible in time, joined only as each other\'s one meeting of those people then', () => {
  const monday = report('mon', ['x', 'y'], null, { published: '2024-05-06', mode: 'phone' });
  const tuesday = report('tue', ['y', 'x'], null, { published: '2024-05-07', mode: 'phone' });
  assert.equal(scorePair(monday, tuesday).features.time.verdict, 'compatible');
  assert.equal(scorePair(monday, report('mon2', ['x', 'y'], null, { published: '2024-05-06' })).features.time.verdict, 'agree');
  const joined = mergeReports([monday, tuesday]);
  assert.deepEqual(groups(joined), [['mon', 'tue']]);
  assert.equal(joined[0].judgements[0].rule, 'only-candidate');
  // a meeting of theirs in person in that window (a mode that rules it out) shows them in touch more than once: apart
  const visit = report('visit', ['x', 'y'], '2024-05-05', { mode: 'visit', place: ANKARA });
  assert.equal(mergeReports([monday, tuesday, visit]).length, 3);
  // a third page of another day: which two go together is not known, none join
  const wednesday = report('wed', ['x', 'y'], null, { published: '2024-05-08', mode: 'phone' });
  assert.equal(mergeReports([monday, tuesday, wednesday]).length, 3);
  // pages of one day join whatever else there is
  const tuesdayToo = report('tue2', ['x', 'y'], null, { published: '2024-05-07', mode: 'phone' });
  assert.deepEqual(groups(mergeReports([monday, tuesday, wednesday, tuesdayToo])), [['mon'], ['tue', 'tue2'], ['wed']]);
});

test('a call and a meeting held in a city are never one event, however well the rest fits', () => {
  const meeting = report('met', ['x', 'y'], '2024-05-06', { place: ANKARA });
  const call = report('call', ['y', 'x'], null, { published: '2024-05-06', mode: 'phone' });
  assert.equal(scorePair(meeting, call).features.mode.verdict, 'conflict');
  assert.equal(mergeReports([meeting, call]).length, 2);
  // with no time at all, the meeting is no candidate for the call either
  assert.equal(mergeReports([meeting, report('bare-call', ['x', 'y'], null, { mode: 'phone' })]).length, 2);
  // a 'meet' that says nowhere may have been the call
  assert.equal(mergeReports([report('somewhere', ['x', 'y'], '2024-05-06'), call]).length, 1);
  // nor does a report placing the meeting in the city keep a third from joining the two in person
  const visit = report('visit', ['x', 'y'], null, { published: '2024-05-07', mode: 'visit', place: ANKARA });
  assert.equal(mergeReports([meeting, visit]).length, 1);
});

test('copies alike are scored once per kind: the same events, explanations and pairs as scoring every pair', () => {
  // copies differing in one thing only (day, place, mode, people, publication, anchor, the places
  // their documents mention), dated and not, in their own documents and two to a document
  const kinds: ((k: number) => MergeInput)[] = [
    (k) => report(`a${k}`, ['x', 'y'], '2024-03-04', { place: CAIRO }),
    (k) => report(`b${k}`, ['x', 'y'], '2024-03-05', { place: CAIRO }),
    (k) => report(`c${k}`, ['x', 'y'], '2024-03-04', { place: ANKARA }),
    (k) => report(`d${k}`, ['x', 'y'], '2024-03-04', { mode: 'phone' }),
    (k) => report(`e${k}`, ['x', 'y', 'z'], '2024-03-04'),
    (k) => report(`f${k}`, ['x', 'y'], null, { published: '2024-03-06' }),
    (k) => report(`g${k}`, ['x', 'y'], null, { anchor: '2024-03-05' }),
    (k) => report(`h${k}`, ['x', 'y'], null, { place: CAIRO }),
    (k) => ({ ...report(`i${k}`, ['x', 'y'], null), contextPlaces: [PALACE] }),
    (k) => ({ ...report(`j${k}`, ['x', 'y'], null), contextPlaces: [ISTANBUL_CITY] }),
    (k) => report(`k${k}`, ['x', 'y'], null, { anchor: '--03-04', doc: `doc-a${k}` }),
    (k) => report(`l${k}`, ['x', 'w'], '2024-03-04', { doc: `doc-a${k}` }),
    (k) => report(`m${k}`, ['x', 'y'], '2024-03-04'),
    // other people: undated reports set in the city of the one placed meeting, or elsewhere
    (k) => report(`n${k}`, ['p', 'q'], '2024-05', { place: CAIRO }),
    (k) => ({ ...report(`o${k}`, ['p', 'q'], null), contextPlaces: [PALACE] }),
    (k) => ({ ...report(`p${k}`, ['p', 'q'], null), contextPlaces: [ISTANBUL_CITY] }),
  ];
  const inputs: MergeInput[] = [];
  for (let k = 0; k < 6; k++) for (const kind of kinds) inputs.push(kind(k));
  const byKind = { pairsScored: 0 };
  const each = { pairsScored: 0 };
  const events = mergeReports(inputs, {}, byKind);
  assert.deepEqual(events, mergeReports(inputs, {}, each, { alike: false }));
  assert.equal(byKind.pairsScored, each.pairsScored);
  assert.ok(events.some((e) => e.reportIds.length >= 6), 'copies join');
});
