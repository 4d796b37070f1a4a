// Wire copies must not make merging slower than the pairs they add (merge/merge-reports.ts): a
// story's undated copies each keep a group of their own until merging links them on where the
// meeting was, and a loose report's evidence points at all of them at once. Its coherence was
// asked of every two of those groups, for every copy: cubic in the copies. It is now asked of
// the set at once (Groups.allCoherent), and a loose report reads each group's copies of one kind
// once. None of that may change the record: a generated mix of stories and their lightly edited
// copies (dated, dated by their pages' days, dated only by a dateline's day, undated; in a city, a
// country, nowhere; one report or two a document) gives the very events and explanations the
// code before the change gave (its digest, recorded then), in any input order.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { MERGE_VERSION, mergeReports, type MergeInput, type MergeStats } from '../src/merge/merge-reports.ts';
import { prng } from '../scripts/prng.ts';
import { shuffled } from './batches.ts';

type Place = NonNullable<MergeInput['place']>;
const CITIES: Place[] = [
  { actorId: 'pl:cairo', within: ['pl:egypt'], known: true, local: true },
  { actorId: 'pl:ittihadiya', within: ['pl:cairo', 'pl:egypt'], known: true, local: true },
  { actorId: 'pl:ankara', within: ['pl:turkey'], known: true, local: true },
  { actorId: 'pl:istanbul', within: ['pl:turkey'], known: true, local: true },
  { actorId: 'pl:doha', within: ['pl:qatar'], known: true, local: true },
];
const COUNTRIES: Place[] = [
  { actorId: 'pl:egypt', within: [], known: true, local: false },
  { actorId: 'pl:turkey', within: [], known: true, local: false },
  { actorId: 'pl:qatar', within: [], known: true, local: false },
];
const PEOPLE = ['pe:sisi', 'pe:abbas', 'pe:erdogan', 'pe:tamim', 'pe:blinken', 'pe:lavrov', 'pe:guterres'];
const MODES = ['visit', 'meet', 'host', 'phone'] as const;

/** Stories and their copies: each copy keeps its story's reports, lightly edited now and then. */
function mix(seed: number, stories: number, copiesEach: number): MergeInput[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const out: MergeInput[] = [];
  let doc = 0;
  for (let s = 0; s < stories; s++) {
    const people = [...new Set([pick(PEOPLE), pick(PEOPLE), ...(random() < 0.2 ? [pick(PEOPLE)] : [])])];
    if (people.length < 2) people.push(PEOPLE.find((p) => !people.includes(p))!);
    const day = `2024-0${1 + Math.floor(random() * 3)}-${String(10 + Math.floor(random() * 6)).padStart(2, '0')}`;
    const timing = random();
    const date = timing < 0.35 ? day : timing < 0.45 ? day.slice(0, 7) : null;
    const published = timing < 0.7 ? day : null;
    const anchor = timing >= 0.85 ? `--${day.slice(5)}` : null;
    const place = random() < 0.5 ? pick(CITIES) : random() < 0.6 ? pick(COUNTRIES) : null;
    const mode = pick(MODES);
    const context = [...people, ...(place ? [place.actorId] : []), pick(PEOPLE)].sort();
    const contextPlaces = place?.local ? [{ actorId: place.actorId, within: place.within }] : random() < 0.5 ? [{ actorId: pick(CITIES).actorId, within: [] }] : [];
    const second = random() < 0.3 ? [pick(PEOPLE), 'pe:guterres'].sort() : null;
    for (let c = 0; c < copiesEach; c++) {
      const docId = `d${String(doc++).padStart(4, '0')}`;
      // a copy a day later by its page, without its place, or without its second report, now and then
      const later = published && !date && random() < 0.15 ? `${published.slice(0, 8)}${String(Number(published.slice(8)) + 1).padStart(2, '0')}` : published;
      const report = (id: string, who: readonly string[]): MergeInput => ({
        id,
        docId,
        participants: who.map((actorId) => ({ actorId, kind: 'person' as const })),
        mode,
        date,
        published: later,
        ...(anchor ? { anchor } : {}),
        place: random() < 0.1 ? null : place,
        context: random() < 0.3 ? context.slice(1) : context,
        contextPlaces,
      });
      out.push(report(`r${docId}a`, people));
      if (second && random() < 0.8) out.push(report(`r${docId}b`, second));
    }
  }
  return out;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

test('a mix of stories and their copies merges as it did before (events and explanations), in any order', () => {
  const inputs = mix(7, 40, 12);
  const events = mergeReports(inputs, {});
  assert.ok(events.some((e) => e.reportIds.length >= 10), 'copies pile onto events');
  assert.ok(events.some((e) => e.judgements.some((j) => j.rule === 'same-place')), 'undated copies are linked on their place');
  // recorded with the code before the change (commit 4f32454), whose explanations were merge-v7's:
  // the rule for republished copies (merge-v8) reads text signatures, which this mix has none of
  assert.equal(digest(JSON.parse(JSON.stringify(events).replaceAll(`"version":"${MERGE_VERSION}"`, '"version":"merge-v7"'))), EXPECTED_MIX);
  assert.deepEqual(mergeReports(shuffled(inputs, 3), {}), events);
  assert.deepEqual(mergeReports([...inputs].reverse(), {}), events);
});

/** One dated meeting in Cairo, another of the same people in Egypt months before, and n undated copies of the Cairo story. */
function undatedCopies(n: number): MergeInput[] {
  const people = [{ actorId: 'pe:sisi', kind: 'person' as const }, { actorId: 'pe:abbas', kind: 'person' as const }];
  const context = ['pe:abbas', 'pe:sisi', 'pl:cairo'];
  const contextPlaces = [{ actorId: 'pl:cairo', within: ['pl:egypt'] }];
  const out: MergeInput[] = [
    { id: 'r0000', docId: 'd0000', participants: people, mode: 'visit', date: '2024-05-01', published: '2024-05-02', place: CITIES[0], context, contextPlaces },
    { id: 'r9999', docId: 'd9999', participants: people, mode: 'visit', date: '2024-01-10', published: '2024-01-11', place: COUNTRIES[0], context, contextPlaces: [] },
  ];
  for (let k = 1; k <= n; k++) {
    const id = String(k).padStart(4, '0');
    out.push({ id: `r${id}`, docId: `d${id}`, participants: people, mode: 'visit', date: null, published: null, place: CITIES[0], context, contextPlaces });
  }
  return out;
}

test("a story's undated copies are linked on their place with work linear in the pairs, not cubic in the copies", () => {
  const run = (n: number) => {
    const stats: MergeStats = { pairsScored: 0 };
    const events = mergeReports(undatedCopies(n), {}, stats);
    return { events, stats };
  };
  const small = run(60);
  const large = run(120);
  // all the copies are the Cairo meeting, linked on its city (the Egypt meeting keeps apart)
  assert.deepEqual(
    large.events.map((e) => e.reportIds.length),
    [121, 1],
  );
  assert.ok(large.events[0].judgements.every((j) => j.rule === 'same-place'));
  // twice the copies: four times the pairs, and about as many more questions about groups
  // (asking every two of a loose report's candidate events would be eight times as many)
  const ratio = (large.stats.groupChecks ?? NaN) / (small.stats.groupChecks ?? NaN);
  assert.ok(ratio < 5, `group checks grew ${ratio.toFixed(1)}x for twice the copies (${small.stats.groupChecks} -> ${large.stats.groupChecks})`);
  assert.ok((large.stats.groupChecks ?? 0) <= 3 * large.stats.pairsScored, `${large.stats.groupChecks} group checks for ${large.stats.pairsScored} pairs`);
});

const EXPECTED_MIX = 'a30db30a170a3746';
