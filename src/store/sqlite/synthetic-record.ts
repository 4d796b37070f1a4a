// A large record written straight into a SQLite database, row by row, for tests and benchmarks
// of exports at sizes the pipeline would take hours to ingest (300,000 articles in seconds): one
// article a document, one meeting report of two people in it, one event a report. The schema is
// the store's own (the store opens the file first); the rows are what saveBatch would write for
// such an analysis, blocking keys included, so the store opens it without re-deriving anything.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqlite-store.ts';

export interface SyntheticRecord {
  documents: number;
  events: number;
  actors: number;
}

const FILLER =
  'Officials from both sides described the talks as constructive and said further meetings would follow. ' +
  'The two delegations discussed trade, energy and regional security, according to a statement released afterwards. ';

/** Writes `documents` articles (and as many reports and events) into a new database at `file`. */
export async function writeSyntheticRecord(file: string, documents: number, options: { people?: number; cities?: number } = {}): Promise<SyntheticRecord> {
  const people = options.people ?? 2000;
  const cities = options.cities ?? 100;
  const store = openSqliteStore(file);
  await store.counts();
  await store.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = '2026-12-07T00:00:00.000Z';
  const person = (i: number) => ({ id: `p${String(i).padStart(5, '0')}`, name: `Person${i} Example${i % 97}` });
  const city = (i: number) => ({ id: `c${String(i).padStart(4, '0')}`, name: `City${i}` });
  const insertActor = db.prepare(`INSERT INTO actors (id, kind, name, from_kb, place_type, aliases, within) VALUES (?, ?, ?, 0, ?, ?, '[]')`);
  const insertDoc = db.prepare(`INSERT INTO documents (id, hash, path, text, language, title_start, title_end, published_value,
    published_precision, published_start, published_end, noise, meta, ingested_at) VALUES (?, ?, NULL, ?, 'en', 0, ?, ?, ?, ?, ?, '[]', ?, ?)`);
  const insertReport = db.prepare(`INSERT INTO event_reports (id, doc_id, type, mode, trigger_start, trigger_end, evidence, date_value,
    date_start, date_end, place_actor_id, place_start, place_end) VALUES (?, ?, 'CONSULT', 'meet', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertParticipant = db.prepare('INSERT INTO report_participants (report_id, actor_id, position, spans) VALUES (?, ?, ?, ?)');
  const insertKey = db.prepare('INSERT INTO report_keys (key, report_id) VALUES (?, ?)');
  const insertEvent = db.prepare(`INSERT INTO events (id, explanation, updated_at) VALUES (?, '[]', ?)`);
  const insertMember = db.prepare('INSERT INTO event_members (event_id, report_id) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < people; i++) insertActor.run(person(i).id, 'person', person(i).name, null, JSON.stringify([person(i).name]));
    for (let i = 0; i < cities; i++) insertActor.run(city(i).id, 'place', city(i).name, 'city', JSON.stringify([city(i).name]));
  })();
  const BATCH = 10_000;
  for (let start = 0; start < documents; start += BATCH) {
    db.transaction(() => {
      for (let n = start; n < Math.min(documents, start + BATCH); n++) {
        const a = person(n % people);
        const b = person((n * 7 + 1) % people);
        const place = city(n % cities);
        const day = new Date(Date.UTC(2020, 0, 1) + (n * 7919 % 2190) * 86_400_000).toISOString().slice(0, 10);
        // most reports name a day; some only a month, a few no date at all
        const date = n % 20 === 0 ? null : n % 10 === 0 ? day.slice(0, 7) : day;
        const title = `${a.name} and ${b.name} meet in ${place.name}`;
        const words = date ?? 'recently';
        const sentence = `${a.name} met ${b.name} in ${place.name} on ${words}.`;
        const head = `${title}\n${day}\n\n`;
        const text = `${head}${sentence} ${FILLER}${FILLER}\n`;
        const s = head.length;
        const docId = `doc-${String(n).padStart(7, '0')}`;
        const reportId = `rep-${String(n).padStart(7, '0')}`;
        const eventId = `ev_${createHash('sha1').update(String(n)).digest('hex').slice(0, 16)}`;
        insertDoc.run(docId, createHash('sha1').update(text).digest('hex'), text, title.length, day, 'day', title.length + 1, title.length + 11, JSON.stringify({ outlet: `Outlet ${n % 13}` }), now);
        const trigger = s + a.name.length + 1;
        const datePos = s + sentence.lastIndexOf(words);
        const placePos = s + sentence.indexOf(place.name);
        insertReport.run(reportId, docId, trigger, trigger + 3, JSON.stringify([{ start: s, end: s + sentence.length }]), date, date ? datePos : null, date ? datePos + words.length : null, place.id, placePos, placePos + place.name.length);
        insertParticipant.run(reportId, a.id, 0, JSON.stringify([{ start: s, end: s + a.name.length }]));
        if (b.id !== a.id) insertParticipant.run(reportId, b.id, 1, JSON.stringify([{ start: trigger + 4, end: trigger + 4 + b.name.length }]));
        insertKey.run([a.id, b.id].sort().join('|'), reportId);
        insertEvent.run(eventId, now);
        insertMember.run(eventId, reportId);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { documents, events: documents, actors: people + cities };
}
