// What the API and web app browse by: one summary row per event (the derived date, place, mode and
// participants), facet tables for filtering by actor and outlet, and a full-text index over the
// evidence sentences of every report. The summary is a cache of Store.getEvent, refreshed by
// src/store/sqlite/browse.ts; the full-text index is kept by triggers.
export default [
  `CREATE TABLE browse_events (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    stamp TEXT NOT NULL,
    date TEXT,
    mode TEXT NOT NULL,
    place_id TEXT,
    participants TEXT NOT NULL DEFAULT '[]',
    reports INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    outlets TEXT NOT NULL DEFAULT '[]',
    conflicts INTEGER NOT NULL DEFAULT 0,
    snippet TEXT NOT NULL DEFAULT ''
  )`,
  // Covering indexes for the two sort orders: a page is chosen from the index alone, then only
  // its rows are read.
  `CREATE INDEX browse_events_date ON browse_events(date, event_id, mode, place_id, reports)`,
  `CREATE INDEX browse_events_reports ON browse_events(reports, date, event_id, mode, place_id)`,
  `CREATE INDEX browse_events_place ON browse_events(place_id, date)`,
  `CREATE INDEX browse_events_mode ON browse_events(mode)`,
  `CREATE TABLE browse_event_actors (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (actor_id, event_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX browse_event_actors_event ON browse_event_actors(event_id)`,
  `CREATE TABLE browse_event_outlets (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    PRIMARY KEY (outlet, event_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX browse_event_outlets_event ON browse_event_outlets(event_id)`,
  `CREATE INDEX event_members_event ON event_members(event_id)`,
  // SQLite's substr counts code points where offsets count UTF-16 units: outside the Basic
  // Multilingual Plane the indexed sentence may be off by a character, which search tolerates.
  `CREATE VIRTUAL TABLE report_text USING fts5(report_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER report_text_insert AFTER INSERT ON event_reports BEGIN
    INSERT INTO report_text (report_id, text)
      SELECT NEW.id, group_concat(substr(d.text, json_extract(e.value, '$.start') + 1,
        json_extract(e.value, '$.end') - json_extract(e.value, '$.start')), ' ')
      FROM documents d, json_each(NEW.evidence) e WHERE d.id = NEW.doc_id;
  END`,
  `CREATE TRIGGER report_text_delete AFTER DELETE ON event_reports BEGIN
    DELETE FROM report_text WHERE report_id = OLD.id;
  END`,
  `INSERT INTO report_text (report_id, text)
    SELECT r.id, group_concat(substr(d.text, json_extract(e.value, '$.start') + 1,
      json_extract(e.value, '$.end') - json_extract(e.value, '$.start')), ' ')
    FROM event_reports r JOIN documents d ON d.id = r.doc_id, json_each(r.evidence) e GROUP BY r.id`,
];
