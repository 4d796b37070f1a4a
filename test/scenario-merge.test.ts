// One meeting reported in two languages, a different meeting of the same people, and an analyst
// who corrects the machine: the corrections must hold through re-ingestion and through an
// upgrade of the extraction rules that gives every report a new id.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ParleyError } from '../src/core/errors.ts';
import type { DocumentAnalysis } from '../src/core/types.ts';
import { makeAnalysis, type ActorSpec, type ReportSpec } from '../src/store/fixtures.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store, StoredEvent } from '../src/store/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-scenario-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ERDOGAN: ActorSpec = { id: 'recep-tayyip-erdogan', kind: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['Erdogan', 'Recep Tayyip Erdogan'] };
const HANIYEH: ActorSpec = { id: 'ismail-haniyeh', kind: 'person', name: 'Ismail Haniyeh', aliases: ['Ismail Haniyeh', 'Ismaïl Haniyeh'] };
const HANIJA: ActorSpec = { id: 'found:hanija', kind: 'person', name: 'Ismail Hanija', aliases: ['Ismail Hanija'] };
const ABBAS: ActorSpec = { id: 'mahmoud-abbas', kind: 'person', name: 'Mahmoud Abbas', aliases: ['Mahmoud Abbas'] };
const ISTANBUL: ActorSpec = { id: 'istanbul', kind: 'place', name: 'Istanbul', placeType: 'city' };
const ANKARA: ActorSpec = { id: 'ankara', kind: 'place', name: 'Ankara', placeType: 'city' };
const TURKEY: ActorSpec = { id: 'turkey', kind: 'place', name: 'Turkey', placeType: 'country' };
const WITHIN: Record<string, string[]> = { istanbul: ['turkey'], ankara: ['turkey'] };

interface DocSpec {
  id: string;
  text: string;
  published?: string;
  actors: ActorSpec[];
  report: Omit<ReportSpec, 'trigger'> & { triggers: [string, string] };
}

const DOCS: DocSpec[] = [
  {
    id: 'en-aa',
    text: 'Erdogan receives Haniyeh\n2024-04-20\n\nTurkish President Erdogan received Hamas leader Ismail Haniyeh in Istanbul on Saturday.\n',
    published: '2024-04-20',
    actors: [ERDOGAN, HANIYEH, ISTANBUL],
    report: {
      sentence: 'Turkish President Erdogan received Hamas leader Ismail Haniyeh in Istanbul on Saturday.',
      triggers: ['received', 'Hamas leader'],
      mode: 'host',
      participants: [
        { actorId: ERDOGAN.id, words: 'Erdogan' },
        { actorId: HANIYEH.id, words: 'Ismail Haniyeh' },
      ],
      date: { value: '2024-04-20', words: 'Saturday' },
      place: { actorId: ISTANBUL.id, words: 'Istanbul' },
    },
  },
  {
    id: 'fr-i24',
    text: 'Haniyeh chez Erdogan\n21 avril 2024\n\nIsmaïl Haniyeh a rencontré le président turc Recep Tayyip Erdogan à Istanbul.\n',
    published: '2024-04-21',
    actors: [ERDOGAN, HANIYEH, ISTANBUL],
    report: {
      sentence: 'Ismaïl Haniyeh a rencontré le président turc Recep Tayyip Erdogan à Istanbul.',
      triggers: ['a rencontré', 'président'],
      participants: [
        { actorId: HANIYEH.id, words: 'Ismaïl Haniyeh' },
        { actorId: ERDOGAN.id, words: 'Recep Tayyip Erdogan' },
      ],
      place: { actorId: ISTANBUL.id, words: 'Istanbul' },
    },
  },
  {
    id: 'en-ankara',
    text: 'Erdogan hosts Palestinian leaders\n2023-07-27\n\nErdogan hosted Ismail Haniyeh and Mahmoud Abbas in Ankara on 26 July 2023.\n',
    published: '2023-07-27',
    actors: [ERDOGAN, HANIYEH, ABBAS, ANKARA],
    report: {
      sentence: 'Erdogan hosted Ismail Haniyeh and Mahmoud Abbas in Ankara on 26 July 2023.',
      triggers: ['hosted', 'and'],
      mode: 'host',
      participants: [
        { actorId: ERDOGAN.id, words: 'Erdogan' },
        { actorId: HANIYEH.id, words: 'Ismail Haniyeh' },
        { actorId: ABBAS.id, words: 'Mahmoud Abbas' },
      ],
      date: { value: '2023-07-26', words: '26 July 2023' },
      place: { actorId: ANKARA.id, words: 'Ankara' },
    },
  },
  {
    id: 'de-dw',
    text: 'Erdogan empfängt Hanija\n2024-04-21\n\nErdogan empfing Ismail Hanija am Samstag in Istanbul.\n',
    published: '2024-04-21',
    actors: [ERDOGAN, HANIJA, ISTANBUL],
    report: {
      sentence: 'Erdogan empfing Ismail Hanija am Samstag in Istanbul.',
      triggers: ['empfing', 'am'],
      participants: [
        { actorId: ERDOGAN.id, words: 'Erdogan' },
        { actorId: HANIJA.id, words: 'Ismail Hanija' },
      ],
      date: { value: '2024-04-20', words: 'Samstag' },
      place: { actorId: ISTANBUL.id, words: 'Istanbul' },
    },
  },
  {
    id: 'en-preview',
    text: 'Erdogan to meet Haniyeh\n2024-04-28\n\nErdogan and Ismail Haniyeh talked about a meeting in Turkey.\n',
    published: '2024-04-28',
    actors: [ERDOGAN, HANIYEH, TURKEY],
    report: {
      sentence: 'Erdogan and Ismail Haniyeh talked about a meeting in Turkey.',
      triggers: ['talked', 'meeting'],
      participants: [
        { actorId: ERDOGAN.id, words: 'Erdogan' },
        { actorId: HANIYEH.id, words: 'Ismail Haniyeh' },
      ],
      place: { actorId: TURKEY.id, words: 'Turkey' },
    },
  },
];

/** The analyses as extraction rules `version` 1 or 2 find them (2 picks another trigger word: new report ids). */
function analyses(version: 1 | 2, ids: readonly string[] = DOCS.map((d) => d.id)): DocumentAnalysis[] {
  return DOCS.filter((d) => ids.includes(d.id)).map((d) => {
    const { triggers, ...report } = d.report;
    const analysis = makeAnalysis(d.id, d.text, {
      ...(d.published ? { published: { value: d.published, precision: 'day' as const, words: d.text.split('\n')[1] } } : {}),
      actors: d.actors,
      reports: [{ ...report, trigger: triggers[version - 1] }],
    });
    for (const actor of analysis.actors) if (WITHIN[actor.id]) actor.within = WITHIN[actor.id];
    return analysis;
  });
}

const docsOf = (e: StoredEvent) => [...new Set(e.reports.map((r) => r.docId))].sort();
const shape = async (store: Store) =>
  (await store
    .listEvents())
    .map((e) => docsOf(e).join('+'))
    .sort();
const eventWith = async (store: Store, docId: string) => (await store.listEvents()).find((e) => e.reports.some((r) => r.docId === docId));
const reportOf = async (store: Store, docId: string) => (await eventWith(store, docId))!.reports.find((r) => r.docId === docId)!.id;

let clockTick = 0;
const clock = () => new Date(Date.UTC(2024, 4, 1, 12, 0, clockTick++));

test('two languages, one meeting; another meeting of the same people; corrections that hold', async () => {
  const store = openSqliteStore(join(dir, 'scenario.db'), { now: clock });

  // ---- ingest in two batches: the French report attaches to the event the English one made
  await store.saveBatch(analyses(1, ['en-aa', 'en-ankara']));
  const first = (await eventWith(store, 'en-aa'))!;
  const later = await store.saveBatch(analyses(1, ['fr-i24', 'de-dw', 'en-preview']));
  assert.deepEqual(later.saved, ['fr-i24', 'de-dw', 'en-preview']);
  assert.deepEqual(await shape(store), ['de-dw', 'en-aa+fr-i24', 'en-ankara', 'en-preview']);

  const istanbul = (await eventWith(store, 'fr-i24'))!;
  assert.ok(istanbul.reports.some((r) => r.id === first.reports[0].id), 'the French report joined the existing event');
  assert.equal(istanbul.date, '2024-04-20');
  assert.equal(istanbul.place, 'istanbul');
  assert.deepEqual(
    istanbul.participants.map((p) => [p.actorId, p.reports.length]),
    [
      ['recep-tayyip-erdogan', 2],
      ['ismail-haniyeh', 2],
    ],
  );
  assert.deepEqual(istanbul.conflicts, []);
  const why = istanbul.judgements[0];
  assert.equal(why.rule, 'score');
  assert.equal(why.features?.time.verdict, 'agree');
  assert.equal(why.features?.place.verdict, 'same');
  // the Ankara meeting a year earlier stays its own event
  assert.equal((await eventWith(store, 'en-ankara'))!.reports.length, 1);

  // ---- the same articles again: nothing changes
  const before = await store.listEvents();
  const again = await store.saveBatch(analyses(1));
  assert.equal(again.saved.length, 0);
  assert.equal(again.duplicates.length, DOCS.length);
  assert.deepEqual(await store.listEvents(), before);

  // ---- the analyst corrects
  const by = 'analyst';
  // "Ismail Hanija" is Ismail Haniyeh: the German report joins the Istanbul event
  const merge = await store.addJudgement({ kind: 'actor-merge', subjects: ['ismail-haniyeh', 'found:hanija'], author: by, reason: 'German spelling' });
  assert.equal(merge.author, 'analyst');
  assert.equal(merge.reason, 'German spelling');
  assert.deepEqual(await shape(store), ['de-dw+en-aa+fr-i24', 'en-ankara', 'en-preview']);
  assert.ok(!(await store.getActors()).some((a) => a.id === 'found:hanija'), 'the absorbed actor is no longer listed');
  assert.ok((await store.getActors(['ismail-haniyeh']))[0].aliases.includes('Ismail Hanija'));
  // the preview is not a meeting
  await store.addJudgement({ kind: 'report-reject', subjects: [await reportOf(store, 'en-preview')], author: by, reason: 'talk about a meeting' });
  assert.deepEqual(await shape(store), ['de-dw+en-aa+fr-i24', 'en-ankara']);
  // the French report is about another meeting, says the analyst
  const split = await store.addJudgement({
    kind: 'event-split',
    subjects: [(await eventWith(store, 'fr-i24'))!.id, await reportOf(store, 'fr-i24')],
    author: by,
  });
  assert.deepEqual(await shape(store), ['de-dw+en-aa', 'en-ankara', 'fr-i24']);
  // the Ankara meeting was the day before
  await store.addJudgement({ kind: 'field-correct', subjects: [(await eventWith(store, 'en-ankara'))!.id], value: { date: '2023-07-25' }, author: by });
  assert.equal((await eventWith(store, 'en-ankara'))!.date, '2023-07-25');
  assert.equal((await eventWith(store, 'en-ankara'))!.humanJudgements.length, 1);

  // ---- bad ids are refused, naming the id; nothing is recorded
  const count = (await store.listJudgements()).length;
  await assert.rejects(
    async () => store.addJudgement({ kind: 'event-merge', subjects: [(await eventWith(store, 'en-aa'))!.id, 'ev_nope'], author: by }),
    (e: unknown) => e instanceof ParleyError && e.code === 'not-found' && /ev_nope/.test(e.message),
  );
  await assert.rejects(
    () => store.addJudgement({ kind: 'actor-merge', subjects: ['ismail-haniyeh', 'istanbul'], author: by }),
    (e: unknown) => e instanceof ParleyError && e.code === 'usage',
  );
  await assert.rejects(() => store.addJudgement({ kind: 'report-reject', subjects: ['r-nope'], author: '' }), ParleyError);
  assert.equal((await store.listJudgements()).length, count);

  // ---- new extraction rules: every report gets a new id; the judgements re-attach
  const oldReports = new Set((await store.listEvents()).flatMap((e) => e.reports.map((r) => r.id)));
  await store.replaceAnalyses(analyses(2));
  const newReports = (await store.listEvents()).flatMap((e) => e.reports.map((r) => r.id));
  assert.ok(newReports.every((id) => !oldReports.has(id)), 'the upgrade changed the report ids');
  assert.deepEqual(await shape(store), ['de-dw+en-aa', 'en-ankara', 'fr-i24']);
  assert.equal((await eventWith(store, 'en-ankara'))!.date, '2023-07-25');
  assert.equal(await eventWith(store, 'en-preview'), undefined, 'the rejected report stays out');

  // ---- and re-ingesting the original files changes nothing either
  const settled = await store.listEvents();
  await store.saveBatch(analyses(2));
  assert.deepEqual(await store.listEvents(), settled);

  // ---- undo: the French report rejoins its meeting; the record keeps who undid what
  const undone = await store.undoJudgement(split.id, 'reviewer', 'same sentence as the others');
  assert.equal(undone.active, false);
  assert.equal(undone.undone?.by, 'reviewer');
  assert.deepEqual(await shape(store), ['de-dw+en-aa+fr-i24', 'en-ankara']);
  await assert.rejects(() => store.undoJudgement(split.id, 'reviewer'), (e: unknown) => e instanceof ParleyError && /already undone/.test(e.message));
  assert.deepEqual(
    (await store.listJudgements({ active: true })).map((j) => j.kind),
    ['actor-merge', 'report-reject', 'field-correct'],
  );
  assert.equal((await store.listJudgements({ kind: 'event-split' }))[0].undone?.reason, 'same sentence as the others');
  await store.close();

  // ---- judgements live in the database: a new process sees the same events
  const reopened = openSqliteStore(join(dir, 'scenario.db'), { now: clock });
  assert.deepEqual(await shape(reopened), ['de-dw+en-aa+fr-i24', 'en-ankara']);
  await reopened.close();
});

// Reports that state no day, in documents that state no publication day: the day each text speaks
// from (the latest full date it writes, here a line at its foot or a caption) dates them.
const HERZOG: ActorSpec = { id: 'isaac-herzog', kind: 'person', name: 'Isaac Herzog', aliases: ['Herzog'] };
const DOHA: ActorSpec = { id: 'doha', kind: 'place', name: 'Doha', placeType: 'city' };
const QATAR: ActorSpec = { id: 'qatar', kind: 'place', name: 'Qatar', placeType: 'country' };

function undated(
  id: string,
  text: string,
  sentence: string,
  extra: { language?: string; date?: { value: string; words: string }; place?: ActorSpec; placeWords?: string; mode?: ReportSpec['mode']; published?: string } = {},
): DocumentAnalysis {
  const actors = [ERDOGAN, HERZOG, ...(extra.place ? [extra.place] : [])];
  const analysis = makeAnalysis(id, text, {
    ...(extra.published ? { published: { value: extra.published, precision: 'day' as const, words: extra.published } } : {}),
    actors,
    reports: [
      {
        sentence,
        trigger: sentence.split(' ')[2],
        mode: extra.mode ?? 'host',
        participants: [
          { actorId: ERDOGAN.id, words: 'Erdogan' },
          { actorId: HERZOG.id, words: 'Herzog' },
        ],
        ...(extra.date ? { date: extra.date } : {}),
        ...(extra.place ? { place: { actorId: extra.place.id, words: extra.placeWords ?? extra.place.name } } : {}),
      },
    ],
  });
  analysis.text.language = extra.language ?? 'en';
  for (const actor of analysis.actors) if (actor.id === 'ankara') actor.within = ['turkey'];
  for (const actor of analysis.actors) if (actor.id === 'doha') actor.within = ['qatar'];
  return analysis;
}

test('two outlets report one undated meeting, neither with a dateline: the days their texts state one day apart join them', async () => {
  const store = openSqliteStore(join(dir, 'anchored.db'), { now: clock });
  await store.saveBatch([
    undated(
      'en-wire',
      'Erdogan receives Herzog\n\nPresident Erdogan received Herzog in Ankara on Wednesday.\nUpdated: 9 March 2022, 18:40\n',
      'President Erdogan received Herzog in Ankara on Wednesday.',
      { place: ANKARA },
    ),
  ]);
  await store.saveBatch([
    undated('de-paper', 'Herzog in Ankara\n\nPräsident Erdogan empfing Herzog in Ankara.\nStand: 10.03.2022\n', 'Präsident Erdogan empfing Herzog in Ankara.', {
      language: 'de',
      place: ANKARA,
    }),
  ]);
  assert.deepEqual(await shape(store), ['de-paper+en-wire']);
  const [event] = await store.listEvents();
  // days a day apart are only compatible (people may meet day after day): what joins them is
  // that each is the other's one meeting of those people in that window
  assert.equal(event.judgements[0].rule, 'only-candidate');
  assert.equal(event.judgements[0].features?.time.verdict, 'compatible');
  assert.deepEqual([event.judgements[0].features?.time.left, event.judgements[0].features?.time.right].sort(), ['anchored 2022-03-09', 'anchored 2022-03-10']);
  // the event has no date: an anchor dates the document, not the meeting
  assert.equal(event.date, null);
  await store.close();
});

test('the same pair meets twice a month apart: a report with no date and no anchor stays alone, even where one meeting fits', async () => {
  const store = openSqliteStore(join(dir, 'repeated.db'), { now: clock });
  await store.saveBatch([
    undated('march', 'Erdogan hosts Herzog\n2024-03-06\n\nPresident Erdogan hosted Herzog in Doha on 6 March 2024.\n', 'President Erdogan hosted Herzog in Doha on 6 March 2024.', {
      published: '2024-03-06',
      date: { value: '2024-03-06', words: '6 March 2024' },
      place: DOHA,
    }),
    undated('april', 'Erdogan hosts Herzog again\n2024-04-10\n\nPresident Erdogan hosted Herzog in Ankara on 10 April 2024.\n', 'President Erdogan hosted Herzog in Ankara on 10 April 2024.', {
      published: '2024-04-10',
      date: { value: '2024-04-10', words: '10 April 2024' },
      place: ANKARA,
    }),
  ]);
  // Qatar contradicts Ankara, so only March fits: uniqueness among what fits is no evidence when the people meet repeatedly
  await store.saveBatch([
    undated('bare', 'Erdogan and Herzog\n\nPresident Erdogan welcomed Herzog in Qatar.\n', 'President Erdogan welcomed Herzog in Qatar.', { place: QATAR }),
  ]);
  assert.deepEqual(await shape(store), ['april', 'bare', 'march']);
  await store.close();
});

test('a report with no date whose text speaks from a day outside the meeting stays apart from it', async () => {
  const store = openSqliteStore(join(dir, 'outside.db'), { now: clock });
  await store.saveBatch([
    undated('held', 'Erdogan hosts Herzog\n2024-03-06\n\nPresident Erdogan hosted Herzog in Doha on 6 March 2024.\n', 'President Erdogan hosted Herzog in Doha on 6 March 2024.', {
      published: '2024-03-06',
      date: { value: '2024-03-06', words: '6 March 2024' },
      place: DOHA,
    }),
    // the only meeting of theirs in the store, and it fits in place and mode: but the text speaks from May
    undated('may', 'Erdogan and Herzog\n\nPresident Erdogan received Herzog in Doha.\nUpdated 2 May 2024\n', 'President Erdogan received Herzog in Doha.', { place: DOHA }),
  ]);
  assert.deepEqual(await shape(store), ['held', 'may']);
  await store.close();
});
