// The Store contract: what every adapter must do, run against each of them (SQLite, PostgreSQL).
// PostgreSQL: every test gets a database of its own, dropped after; with no server the tests are
// skipped with the reason, except under $CI, where they fail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ParleyError } from '../core/errors.ts';
import type { DocumentAnalysis } from '../core/types.ts';
import { BIDEN, makeAnalysis, MOSCOW, PUTIN, RUSSIA, sampleAnalyses, TEXT_A, XI } from './fixtures.ts';
import type { EventFilter, EventKey } from './browse.ts';
import { openPostgresStore } from './postgres/pg-store.ts';
import { createTestDatabase } from './postgres/test-database.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

const clock = () => new Date('2024-05-01T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'parley-contract-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface Adapter {
  name: string;
  skip?: string;
  /** A new empty store, and how to be rid of it. */
  open(): Promise<{ store: Store; target: string; done(): Promise<void> }>;
}

const probe = await createTestDatabase();
if ('drop' in probe) await probe.drop();

const adapters: Adapter[] = [
  {
    name: 'sqlite',
    async open() {
      const target = join(dir, `t${n++}.db`);
      const store = openSqliteStore(target, { now: clock });
      return { store, target, done: () => store.close() };
    },
  },
  {
    name: 'postgres',
    ...('skip' in probe ? { skip: probe.skip } : {}),
    async open() {
      const db = await createTestDatabase();
      if (!('url' in db)) throw new Error(db.skip);
      const store = openPostgresStore(db.url, { now: clock });
      return {
        store,
        target: db.url,
        async done() {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];

/** A document of one sentence reporting a meeting of Xi and Biden, in words of its own. */
function meeting(id: string, text: string, sentence: string, trigger: string, date: string, outlet?: string): DocumentAnalysis {
  const analysis = makeAnalysis(id, text, {
    actors: [XI, BIDEN].map((a) => ({ ...a, aliases: [...a.aliases] })),
    reports: [
      {
        sentence,
        trigger,
        participants: [
          { actorId: XI.id, words: 'Xi' },
          { actorId: BIDEN.id, words: 'Biden' },
        ],
        date: { value: date },
      },
    ],
  });
  return outlet ? { ...analysis, document: { ...analysis.document, meta: { outlet } } } : analysis;
}

for (const adapter of adapters) {
  describe(`Store contract: ${adapter.name}`, { skip: adapter.skip }, () => {
    const withStore = (name: string, body: (store: Store, target: string) => Promise<void>) =>
      test(name, async () => {
        const { store, target, done } = await adapter.open();
        try {
          await body(store, target);
        } finally {
          await done();
        }
      });

    withStore('a batch is stored whole: documents, actors, reports, and the two reports of one meeting as one event', async (store) => {
      const result = await store.saveBatch(sampleAnalyses());
      assert.deepEqual(result.saved, ['a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(await store.counts(), { documents: 3, actors: 6, reports: 3, events: 2 });
      const doc = (await store.getDocument('a-xi-putin'))!;
      assert.equal(doc.text, TEXT_A);
      assert.deepEqual(doc.published, { value: '2023-03-21', precision: 'day', span: { start: 24, end: 34 } });
      assert.equal(await store.findDocumentByHash(doc.hash), 'a-xi-putin');
      assert.equal(await store.findHashById('a-xi-putin'), doc.hash);
      assert.equal(await store.findHashById('nope'), null);
      assert.deepEqual((await store.listDocuments()).map((d) => d.id), ['a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
      assert.deepEqual((await store.getActors([XI.id]))[0].aliases, ['Xi Jinping', 'Xi']);
      assert.deepEqual((await store.searchActors('putin')).map((a) => a.id), [PUTIN.id]);

      const events = await store.listEvents();
      const merged = events.find((e) => e.reports.length === 2)!;
      assert.deepEqual(merged.reports.map((r) => r.docId), ['a-xi-putin', 'b-putin-xi']);
      assert.equal(merged.date, '2023-03-20');
      assert.equal(merged.place, 'Q649', 'Moscow: more specific than Russia');
      assert.deepEqual(merged.participants.map((p) => p.actorId).sort(), [PUTIN.id, XI.id].sort());
      assert.deepEqual(await store.getEvent(merged.id), merged);
      assert.equal(await store.getEvent('ev_nope'), null);
    });

    withStore('the index follows the writes the database noted: a re-stamped event is indexed by the next sync, the notes are used up, a summary changed behind the index is found by a full sync only', async (store, target) => {
      const sql = async <T = Record<string, unknown>>(text: string): Promise<T[]> => {
        if (!target.startsWith('postgres')) {
          const db = new Database(target);
          try {
            const statement = db.prepare(text);
            return (statement.reader ? statement.all() : (statement.run(), [])) as T[];
          } finally {
            db.close();
          }
        }
        const client = new pg.Client({ connectionString: target });
        await client.connect();
        try {
          return (await client.query(text)).rows as T[];
        } finally {
          await client.end();
        }
      };
      const notes = async () => Number((await sql<{ n: string | number }>('SELECT COUNT(*) AS n FROM browse_dirty'))[0].n);
      await store.saveBatch(sampleAnalyses());
      assert.equal(await notes(), 0, 'the batch\'s own sync used its notes');
      const [{ id }] = await sql<{ id: string }>('SELECT id FROM events ORDER BY id LIMIT 1');
      await sql(`UPDATE events SET updated_at = 'another writer' WHERE id = '${id}'`);
      assert.equal(await notes(), 1);
      assert.equal(await store.browse().sync(), 1);
      assert.equal(await notes(), 0);
      assert.equal(await store.browse().sync(), 0);
      await sql(`UPDATE browse_events SET stamp = 'changed behind the index' WHERE event_id = '${id}'`);
      assert.equal(await store.browse().sync(), 0, 'an ordinary sync reads notes, not every event');
      assert.equal(await store.browse().sync({ full: true }), 1, 'a full sync compares every event');
      assert.equal(await store.browse().sync({ full: true }), 0);
    });

    withStore('titles and evidence after an astral character are cut by UTF-16 offsets (spans count them)', async (store) => {
      const text = '\u{1F91D} Xi \u{1D400} Biden talks\n\nXi met Biden in Geneva to discuss wheat.\n';
      await store.saveBatch([meeting('astral', text, 'Xi met Biden in Geneva to discuss wheat.', 'met', '2024-02-03')]);
      const docs = await store.browse().listDocuments(undefined, undefined, { limit: 5, offset: 0 });
      assert.deepEqual(docs.items.map((d) => d.title), ['\u{1F91D} Xi \u{1D400} Biden talks']);
      await store.browse().sync();
      const events = await store.browse().listEvents({ q: 'wheat' }, 'date', 'asc', { limit: 5, offset: 0 });
      assert.deepEqual(events.items.map((e) => e.snippet), ['Xi met Biden in Geneva to discuss wheat.']);
    });

    withStore('documents and events read a page at a time (exports): the same as the lists, in the same order, whatever the page size', async (store) => {
      // an upper-case id sorts before lower-case ones byte by byte, on every adapter
      await store.saveBatch([...sampleAnalyses(), makeAnalysis('Z-upper', 'Another text entirely\n')]);
      const all = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
        const out: T[] = [];
        for await (const item of items) out.push(item);
        return out;
      };
      const documents = await store.listDocuments();
      assert.deepEqual(documents.map((d) => d.id), ['Z-upper', 'a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
      const events = await store.listEvents();
      for (const pageSize of [1, 2, 500]) {
        assert.deepEqual(await all(store.iterateDocuments({ pageSize })), documents, `documents, pages of ${pageSize}`);
        assert.deepEqual(await all(store.iterateEvents({ pageSize })), events, `events, pages of ${pageSize}`);
      }
      assert.deepEqual(await all(store.iterateEvents()), events);
      assert.deepEqual(await store.getDocumentSummaries(['c-biden-xi', 'nope', 'a-xi-putin', 'c-biden-xi']), [documents[1], documents[3]]);
      assert.deepEqual(await store.getDocumentSummaries([]), []);
      await assert.rejects(async () => await store.iterateEvents({ pageSize: 0 })[Symbol.asyncIterator]().next(), /page size/);
    });

    withStore('the same text again is a duplicate and changes nothing; another text under a stored id is a conflict', async (store) => {
      await store.saveBatch(sampleAnalyses());
      const before = await store.listEvents();
      const again = await store.saveBatch(sampleAnalyses());
      assert.deepEqual(again.saved, []);
      assert.deepEqual(again.duplicates.map((d) => d.of), ['a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
      assert.deepEqual(await store.listEvents(), before);
      const other = await store.saveBatch([makeAnalysis('two', TEXT_A), makeAnalysis('a-xi-putin', 'Other text\n')]);
      assert.deepEqual(other.duplicates, [{ docId: 'two', of: 'a-xi-putin', file: 'two.txt' }]);
      assert.deepEqual(other.diagnostics.map((d) => d.code), ['store/id-conflict']);
      assert.deepEqual(await store.counts(), { documents: 3, actors: 6, reports: 3, events: 2 });
    });

    withStore('bad items are left out with a diagnostic; a failing batch stores nothing of itself', async (store) => {
      const [a, b, c] = sampleAnalyses();
      const bad: DocumentAnalysis = {
        ...a,
        reports: [
          { ...a.reports[0], id: 'r-out', trigger: { start: 5, end: 99_999 } },
          { ...a.reports[0], id: 'r-ghost', participants: [{ actorId: 'ghost', spans: [] }] },
        ],
      };
      const result = await store.saveBatch([bad]);
      assert.deepEqual(result.saved, ['a-xi-putin']);
      assert.deepEqual(result.diagnostics.map((d) => d.code), ['store/bad-report', 'store/bad-report']);
      const broken = { ...c, document: { ...c.document, text: null } } as unknown as DocumentAnalysis;
      await assert.rejects(() => store.saveBatch([b, broken]));
      assert.equal(await store.getDocument('b-putin-xi'), null);
      assert.deepEqual(await store.counts(), { documents: 1, actors: 3, reports: 0, events: 0 });
    });

    withStore('judgements: a split and its undo re-derive the event; bad ids are refused and nothing is recorded', async (store) => {
      await store.saveBatch(sampleAnalyses());
      const merged = (await store.listEvents()).find((e) => e.reports.length === 2)!;
      const [first, second] = merged.reports;
      const split = await store.addJudgement({ kind: 'event-split', subjects: [merged.id, second.id], author: 'ana', reason: 'two meetings' });
      assert.equal(split.active, true);
      assert.equal((await store.listEvents()).length, 3);
      const apart = (await store.listEvents()).find((e) => e.reports.some((r) => r.id === second.id))!;
      assert.deepEqual(apart.reports.map((r) => r.id), [second.id], `${first.id} and ${second.id} are apart`);
      await assert.rejects(
        () => store.addJudgement({ kind: 'event-merge', subjects: [apart.id, 'ev_nope'], author: 'ana' }),
        (e: unknown) => e instanceof ParleyError && e.code === 'not-found' && /ev_nope/.test(e.message),
      );
      assert.deepEqual((await store.listJudgements()).map((j) => j.id), [split.id]);
      const undone = await store.undoJudgement(split.id, 'ben', 'same meeting after all');
      assert.equal(undone.active, false);
      assert.equal(undone.undone?.by, 'ben');
      assert.equal((await store.listEvents()).length, 2);
      assert.deepEqual((await store.listJudgements({ active: false })).map((j) => j.id), [split.id]);
      await assert.rejects(() => store.undoJudgement(split.id, 'ben'), /already undone/);
    });

    withStore('an actor merge shows one actor with both names, in events and actors', async (store) => {
      await store.saveBatch(sampleAnalyses());
      await store.addJudgement({ kind: 'actor-merge', subjects: [XI.id, BIDEN.id], author: 'ana' });
      const [xi] = await store.getActors([XI.id]);
      assert.ok(xi.aliases.includes('Joe Biden'), xi.aliases.join(', '));
      assert.ok(!(await store.getActors()).some((a) => a.id === BIDEN.id), 'the absorbed actor is not listed');
      const bali = (await store.listEvents()).find((e) => e.place === 'Q3940')!;
      assert.deepEqual(bali.participants.map((p) => p.actorId), [XI.id]);
    });

    withStore('re-extraction replaces a document\'s analysis and keeps the events it formed', async (store) => {
      await store.saveBatch(sampleAnalyses());
      const before = (await store.listEvents()).map((e) => e.reports.map((r) => r.docId).sort()).sort();
      const result = await store.replaceAnalyses(sampleAnalyses());
      assert.deepEqual(result.saved, ['a-xi-putin', 'b-putin-xi', 'c-biden-xi']);
      assert.deepEqual((await store.listEvents()).map((e) => e.reports.map((r) => r.docId).sort()).sort(), before);
      assert.deepEqual(await store.counts(), { documents: 3, actors: 6, reports: 3, events: 2 });
    });

    withStore('runs are recorded; framing without descriptors is empty and an unknown event is not-found', async (store) => {
      const run = await store.beginRun('ingest', ['x']);
      assert.ok(Number.isInteger(run));
      await store.saveBatch(sampleAnalyses());
      await store.finishRun(run, { ingested: 3 }, [{ code: 'read/empty', severity: 'warning', message: 'empty', file: 'e.txt' }]);
      assert.deepEqual(await store.framing(), []);
      await assert.rejects(() => store.framing({ event: 'ev_nope' }), (e: unknown) => e instanceof ParleyError && e.code === 'not-found');
    });

    withStore('browse: paged events by actor and date, timeline, network, outlets, documents and their reports', async (store) => {
      await store.saveBatch([
        meeting('m1', 'Xi met Biden in the morning.\n', 'Xi met Biden in the morning.', 'met', '2024-01-10', 'Outlet One'),
        meeting('m2', 'Xi hosted Biden for dinner.\n', 'Xi hosted Biden for dinner.', 'hosted', '2024-03-05', 'Outlet Two'),
        ...sampleAnalyses(),
      ]);
      const browse = store.browse();
      await browse.sync();
      const all = await browse.listEvents({}, 'date', 'asc', { limit: 2, offset: 0 });
      assert.equal(all.total, 4);
      assert.deepEqual(all.items.map((e) => e.date), ['2022-11-14', '2023-03-20']);
      const merged = all.items[1];
      assert.equal(merged.reports, 2);
      assert.equal(merged.place?.name, 'Moscow');
      const withBiden = await browse.listEvents({ actors: [BIDEN.id], from: '2024' }, 'date', 'desc', { limit: 10, offset: 0 });
      assert.deepEqual(withBiden.items.map((e) => e.date), ['2024-03-05', '2024-01-10']);
      assert.deepEqual(withBiden.items[0].participants.map((p) => p.name).sort(), ['Joe Biden', 'Xi Jinping']);
      assert.equal((await browse.listEvents({ outlet: 'Outlet Two' }, 'date', 'asc', { limit: 10, offset: 0 })).total, 1);
      assert.deepEqual(await browse.timeline({ from: '2024' }), [
        { month: '2024-01', events: 1 },
        { month: '2024-03', events: 1 },
      ]);
      const network = await browse.network({}, 10);
      const pair = network.edges.find((e) => [e.source, e.target].sort().join() === [XI.id, BIDEN.id].sort().join())!;
      assert.equal(pair.weight, 3);
      assert.deepEqual(
        (await browse.outlets()).map((o) => o.outlet),
        ['Outlet One', 'Outlet Two'],
      );
      const actors = await browse.searchActors('jinping', undefined, { limit: 10, offset: 0 });
      assert.deepEqual(actors.items.map((a) => [a.id, a.events]), [[XI.id, 4]]);
      const docs = await browse.listDocuments(undefined, 'Outlet One', { limit: 10, offset: 0 });
      assert.deepEqual(docs.items.map((d) => d.id), ['m1']);
      const reports = await browse.documentReports('m1');
      assert.equal(reports.length, 1);
      assert.ok(reports[0].eventId);
      assert.deepEqual((await browse.documentMentions('m1')).map((m) => m.actorIds), [[XI.id], [BIDEN.id]]);
      assert.deepEqual((await browse.eventsTouching([reports[0].id])), [reports[0].eventId]);
    });

    withStore('browse filters by who says so, wire source, language and country, and statuses follow later denials and judgements', async (store) => {
      // Reuters' words relayed by an outlet; a French report; the Xi-Putin meeting of two outlets at Moscow, in Russia
      const wire = meeting('w1', 'Xi met Biden in Geneva, Reuters reported.\n', 'Xi met Biden in Geneva, Reuters reported.', 'met', '2024-01-10', 'Outlet One');
      const reportId = wire.reports[0].id;
      wire.sources = {
        attributions: [{ start: 24, end: 40, kind: 'wire', sourceId: 'agency-reuters', name: 'Reuters', scope: 'document' }],
        reports: { [reportId]: [{ kind: 'wire', sourceId: 'agency-reuters', name: 'Reuters', span: { start: 24, end: 40 } }] },
        denials: [],
        signature: [],
      };
      const french = meeting('f1', 'Xi a reçu Biden à Pékin.\n', 'Xi a reçu Biden à Pékin.', 'reçu', '2024-03-05', 'Outlet Two');
      french.text = { ...french.text, language: 'fr' };
      const [a, b, c] = sampleAnalyses();
      a.actors = a.actors.map((x) => (x.id === MOSCOW.id ? { ...x, within: [RUSSIA.id] } : x));
      await store.saveBatch([wire, french, a, b, c]);
      const browse = store.browse();
      await browse.sync();
      const dates = async (filter: EventFilter) => (await browse.listEvents(filter, 'date', 'asc', { limit: 10, offset: 0 })).items.map((e) => e.date);
      assert.deepEqual(await dates({ source: 'agency-reuters' }), ['2024-01-10'], 'the wire agency, not the outlet that published it');
      assert.deepEqual(await dates({ outlet: 'Outlet One' }), ['2024-01-10']);
      assert.deepEqual(await dates({ source: 'Outlet One' }), [], 'an outlet is no wire source');
      assert.deepEqual(await dates({ language: 'fr' }), ['2024-03-05']);
      assert.deepEqual(await dates({ language: 'en', from: '2024' }), ['2024-01-10']);
      assert.deepEqual(await dates({ country: RUSSIA.id }), ['2023-03-20'], 'Moscow lies within Russia');
      const [row] = (await browse.listEvents({ source: 'agency-reuters' }, 'date', 'asc', { limit: 1, offset: 0 })).items;
      assert.deepEqual(row.sources, [{ id: 'agency-reuters', name: 'Reuters' }]);
      assert.equal(row.status, 'single-source');
      assert.equal(row.independentSources, 1);
      assert.deepEqual(row.languages, ['en']);
      const docs = await browse.listDocuments(undefined, 'Outlet One', { limit: 10, offset: 0 });
      assert.deepEqual(docs.items.map((d) => [d.id, d.outlet, d.source]), [['w1', 'Outlet One', 'agency-reuters']]);
      assert.deepEqual(await dates({ status: 'single-source', from: '2024' }), ['2024-01-10', '2024-03-05']);
      assert.deepEqual(await dates({ status: 'disputed' }), []);
      const facets = await browse.facets();
      assert.deepEqual(facets.sources, [{ id: 'agency-reuters', name: 'Reuters', events: 1 }]);
      assert.deepEqual(facets.languages.map((l) => [l.id, l.events]), [['en', 3], ['fr', 1]]);
      assert.deepEqual(facets.countries.map((f) => [f.id, f.name, f.events]), [[RUSSIA.id, 'Russia', 1]]);
      assert.deepEqual(facets.statuses.map((f) => f.id), ['confirmed', 'corroborated', 'single-source', 'disputed']);

      // a later report denies the Xi-Putin meeting: that event is not rebuilt, yet its status changes
      const denial = makeAnalysis('d1', 'Moscow denied that Xi and Putin met.\n');
      denial.sources = {
        attributions: [],
        reports: {},
        denials: [{ id: 'deny-1', docId: 'd1', reason: 'denied', trigger: { start: 7, end: 13 }, sentence: { start: 0, end: 36 }, cue: null, participants: [XI.id, PUTIN.id], date: '2023-03-20', by: null }],
        signature: [],
      };
      await store.saveBatch([denial]);
      await browse.sync();
      const [disputed] = (await browse.listEvents({ status: 'disputed' }, 'date', 'asc', { limit: 10, offset: 0 })).items;
      assert.equal(disputed?.date, '2023-03-20');
      // an analyst's status override, then its undoing, show in the list after a sync
      const judgement = await store.sources().addJudgement({ kind: 'status', subjects: [disputed.id], status: 'confirmed', author: 'ana', reason: 'readout seen', anchors: [] });
      await browse.sync();
      assert.deepEqual(await dates({ status: 'confirmed' }), ['2023-03-20']);
      await store.sources().undoJudgement(judgement.id, 'ana');
      await browse.sync();
      assert.deepEqual(await dates({ status: 'confirmed' }), []);
      assert.deepEqual(await dates({ status: 'disputed' }), ['2023-03-20']);
    });

    withStore('full-text search finds evidence in any script, without its accents and case, every word required', async (store) => {
      // sentences written for this test, one per language; the search words drop the accents
      const docs = [
        meeting('tr', 'Xi ile Biden Erdoğan ile Ankara’da görüştü.\n', 'Xi ile Biden Erdoğan ile Ankara’da görüştü.', 'görüştü', '2024-05-01'),
        meeting('pt', 'Xi e Biden reuniram-se em São Paulo.\n', 'Xi e Biden reuniram-se em São Paulo.', 'reuniram-se', '2024-05-02'),
        meeting('fr', 'Xi a reçu Biden à l’Élysée.\n', 'Xi a reçu Biden à l’Élysée.', 'reçu', '2024-05-03'),
        meeting('ru', 'Xi и Biden встретились в Пекине.\n', 'Xi и Biden встретились в Пекине.', 'встретились', '2024-05-04'),
      ];
      await store.saveBatch(docs);
      const browse = store.browse();
      const found = async (q: string) =>
        (await browse.listEvents({ q }, 'date', 'asc', { limit: 10, offset: 0 })).items.map((e) => e.date);
      assert.deepEqual(await found('erdogan'), ['2024-05-01']);
      assert.deepEqual(await found('Sao Paulo'), ['2024-05-02']);
      assert.deepEqual(await found('elysee'), ['2024-05-03']);
      assert.deepEqual(await found('ПЕКИНЕ'), ['2024-05-04']);
      assert.deepEqual(await found('Paulo Ankara'), [], 'every word is required');
      assert.deepEqual(await found("' OR 1=1 --"), [], 'query syntax is only words');
      assert.deepEqual(await found('Xi'), ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04']);
    });

    withStore("the event list by cursor (after a row's key) gives the pages offsets give, with ties in the sort key and undated events", async (store) => {
      // 28 pairs of 8 people, three to a day or undated (ties in the date), some reported twice (ties in reports)
      const people = Array.from({ length: 8 }, (_, i) => ({ id: `kp-${i}`, kind: 'person' as const, name: `Kappa${i} Person`, aliases: [`Kappa${i} Person`] }));
      const docs: DocumentAnalysis[] = [];
      let n = 0;
      for (let i = 0; i < people.length; i++) {
        for (let j = i + 1; j < people.length; j++) {
          const date = ['2024-01-01', '2024-01-02', null][n % 3];
          for (let copy = 0; copy < (n % 5 === 0 ? 2 : 1); copy++) {
            const sentence = `${people[i].name} met ${people[j].name} in talks.`;
            docs.push(
              makeAnalysis(`kp-doc-${n}-${copy}`, `Talks ${n} ${copy}\n\n${sentence}\n`, {
                actors: [people[i], people[j]],
                reports: [{ sentence, trigger: 'met', participants: [{ actorId: people[i].id, words: people[i].name }, { actorId: people[j].id, words: people[j].name }], ...(date ? { date: { value: date } } : {}) }],
              }),
            );
          }
          n++;
        }
      }
      await store.saveBatch(docs);
      const browse = store.browse();
      for (const filter of [{}, { actors: ['kp-0'] }]) {
        for (const sort of ['date', 'reports'] as const) {
          for (const order of ['desc', 'asc'] as const) {
            const all = (await browse.listEvents(filter, sort, order, { limit: 200, offset: 0 })).items;
            assert.ok(all.some((e) => e.date === null) && all.some((e) => e.reports > 1), 'undated events and ties in reports');
            let cursor: EventKey | undefined;
            for (let offset = 0; offset < all.length; offset += 3) {
              const byOffset = await browse.listEvents(filter, sort, order, { limit: 3, offset });
              const byCursor = await browse.listEvents(filter, sort, order, { limit: 3, offset, ...(cursor ? { after: cursor } : {}) });
              const label = `${JSON.stringify(filter)} ${sort} ${order} at ${offset}`;
              assert.deepEqual(byCursor.items.map((e) => e.id), byOffset.items.map((e) => e.id), label);
              assert.deepEqual(byCursor.items.map((e) => e.id), all.slice(offset, offset + 3).map((e) => e.id), label);
              assert.equal(byCursor.total, all.length);
              assert.equal(byCursor.offset, offset);
              const last = byCursor.items.at(-1)!;
              cursor = { reports: last.reports, date: last.date, id: last.id };
            }
            assert.deepEqual((await browse.listEvents(filter, sort, order, { limit: 3, offset: all.length, after: cursor })).items, [], 'nothing after the last');
          }
        }
      }
    });

    withStore("who says so: a document's attributions, its reports', denials and signature, and source judgements", async (store) => {
      const [a, b] = sampleAnalyses();
      const report = a.reports[0];
      const withSources: DocumentAnalysis = {
        ...a,
        sources: {
          attributions: [{ start: 0, end: 5, kind: 'wire', sourceId: 'reuters', name: 'Reuters', scope: 'document' }, { start: 0, end: 99_999, kind: 'unnamed', sourceId: null, name: null, scope: 'sentence' }],
          reports: { [report.id]: [{ kind: 'official', sourceId: null, name: 'the Kremlin', span: { start: 6, end: 10 }, side: PUTIN.id }, { kind: 'official', sourceId: null, name: null, span: { start: 11, end: 15 }, side: XI.id, joint: true }, { kind: 'outlet', sourceId: null, name: 'Russian media', span: { start: 0, end: 5 }, country: RUSSIA.id }] },
          denials: [
            { id: 'd1', docId: a.document.id, reason: 'denied', trigger: { start: 6, end: 10 }, sentence: { start: 0, end: 20 }, cue: null, participants: [XI.id, PUTIN.id], date: '2023-03-20', by: null },
            { id: 'd2', docId: a.document.id, reason: 'corrected', trigger: { start: 0, end: 5 }, sentence: { start: 0, end: 20 }, cue: { start: 0, end: 5 }, participants: [], date: null, by: null,
              correction: { field: 'place', old: [{ value: 'ankara', text: 'Ankara', span: { start: 6, end: 10 } }, { value: 'x', text: 'x', span: { start: 0, end: 99_999 } }], new: [{ value: 'sochi', text: 'Sochi', span: { start: 11, end: 15 } }], reports: [report.id] } },
          ],
          signature: [1, 4_000_000_000, 7],
        },
      };
      const saved = await store.saveBatch([withSources, b]);
      assert.deepEqual(saved.diagnostics.map((d) => d.code), ['store/bad-attribution'], 'a span outside the text is left out, named');
      const table = store.sources();
      assert.deepEqual(await table.attributions(a.document.id), [{ start: 0, end: 5, kind: 'wire', sourceId: 'reuters', name: 'Reuters', scope: 'document' }]);
      assert.deepEqual([...(await table.reportAttributions([report.id]))], [[report.id, [{ kind: 'official', sourceId: null, name: 'the Kremlin', span: { start: 6, end: 10 }, side: PUTIN.id }, { kind: 'official', sourceId: null, name: null, span: { start: 11, end: 15 }, side: XI.id, joint: true }, { kind: 'outlet', sourceId: null, name: 'Russian media', span: { start: 0, end: 5 }, country: RUSSIA.id }]]], 'a joint statement stays joint, an outlet keeps its country');
      assert.deepEqual([...(await table.signatures([a.document.id, b.document.id]))], [[a.document.id, [1, 4_000_000_000, 7]]]);
      assert.deepEqual((await table.denials()).map((d) => [d.id, d.participants, d.date]), [['d2', [], null], ['d1', [XI.id, PUTIN.id], '2023-03-20']]);
      const [corrected, denied] = await table.denials(a.document.id);
      assert.equal(denied.correction, undefined, 'a denial has no correction');
      assert.deepEqual(corrected.correction, { field: 'place', old: [{ value: 'ankara', text: 'Ankara', span: { start: 6, end: 10 } }], new: [{ value: 'sochi', text: 'Sochi', span: { start: 11, end: 15 } }], reports: [report.id] }, 'a value outside the text is left out');
      const made = await table.addJudgement({ kind: 'same-source', subjects: [a.document.id, b.document.id], author: 'ana', reason: 'one wire story' });
      assert.equal(typeof made.id, 'number');
      assert.deepEqual((await table.judgements(true)).map((j) => [j.kind, j.subjects]), [['same-source', [a.document.id, b.document.id]]]);
      assert.ok((await table.undoJudgement(made.id, 'ben')).undone);
      assert.deepEqual(await table.judgements(true), []);
      await assert.rejects(() => table.undoJudgement(made.id, 'ben'), /already undone/);
    });

    withStore("an analyst's local actors are kept, and importing an id again replaces it", async (store) => {
      const entry = { id: 'local-ana', kind: 'person' as const, name: 'Ana Local', aliases: ['Ana Local'] };
      assert.deepEqual(await store.saveLocalActors([entry], 'mine.json'), { added: 1, replaced: 0 });
      assert.deepEqual(await store.saveLocalActors([{ ...entry, aliases: ['Ana Local', 'A. Local'] }], 'mine.json'), { added: 0, replaced: 1 });
      assert.deepEqual(await store.localActors(), [{ ...entry, aliases: ['Ana Local', 'A. Local'] }]);
    });

    withStore('a merge is previewed without change, refused when implausible unless confirmed, and the merged-away id redirects', async (store) => {
      await store.saveBatch(sampleAnalyses());
      const [one, two] = await store.listEvents();
      const input = { kind: 'event-merge' as const, subjects: [one.id, two.id], author: 'ana', reason: 'test' };
      const preview = await store.previewJudgement(input);
      assert.ok(preview.concerns.length > 0, 'different days and places: a concern');
      assert.equal(preview.after.length, 1);
      assert.deepEqual((await store.listEvents()).map((e) => e.id), [one.id, two.id], 'a preview changes nothing');
      assert.deepEqual(await store.listJudgements(), []);
      await assert.rejects(() => store.addJudgement(input), /looks wrong/);
      await store.addJudgement({ ...input, confirm: true });
      const [merged] = await store.listEvents();
      assert.equal(merged.id, preview.after[0].id, 'the preview named the resulting id');
      const gone = [one.id, two.id].find((id) => id !== merged.id)!;
      assert.equal(await store.getEvent(gone), null);
      assert.equal(await store.eventRedirect(gone), merged.id);
      assert.equal(await store.eventRedirect(merged.id), null, 'an id that exists is no redirect');
    });

    withStore('a run records who runs it; an unfinished run whose process is gone is listed as interrupted and marked so by the next run', async (store, target) => {
      const first = await store.beginRun('ingest', ['a']);
      assert.deepEqual((await store.listRuns()).map((r) => [r.id, r.state, r.args]), [[first, 'running', ['a']]]);
      await store.finishRun(first, { ingested: 1 }, []);
      assert.equal((await store.listRuns())[0].state, 'finished');
      // another process begins a run and ends without finishing it, as a killed one does
      const script = `import { openStore } from ${JSON.stringify(new URL('./open-store.ts', import.meta.url).href)};
const s = openStore(${JSON.stringify(target)}); process.stdout.write(String(await s.beginRun('ingest', ['b']))); process.exit(0);`;
      const child = spawnSync(process.execPath, ['--import', fileURLToPath(new URL('../runtime/register.mjs', import.meta.url)), '--input-type=module', '-e', script], { encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      const orphan = Number(child.stdout);
      assert.equal((await store.listRuns()).find((r) => r.id === orphan)!.state, 'interrupted');
      await store.beginRun('ingest', ['c']);
      const marked = (await store.listRuns()).find((r) => r.id === orphan)!;
      assert.ok(marked.finishedAt);
      assert.equal(marked.stats?.killed, true);
    });
  });
}
