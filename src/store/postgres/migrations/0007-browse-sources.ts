// Filters by who says so, language and country, as SQLite's 0012: status, independent sources and
// country on each summary, facet tables for wire agencies and languages, and `browse_state` for
// what the statuses were computed from. Every summary is made stale so the next sync fills them.
export default [
  `ALTER TABLE browse_events ADD COLUMN status TEXT`,
  `ALTER TABLE browse_events ADD COLUMN independent_sources INTEGER`,
  `ALTER TABLE browse_events ADD COLUMN country_id TEXT`,
  `ALTER TABLE browse_events ADD COLUMN sources JSON NOT NULL DEFAULT '[]'`,
  `ALTER TABLE browse_events ADD COLUMN languages JSON NOT NULL DEFAULT '[]'`,
  `CREATE INDEX browse_events_status ON browse_events(status, date)`,
  `CREATE INDEX browse_events_country ON browse_events(country_id, date)`,
  `CREATE TABLE browse_event_sources (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (source, event_id)
  )`,
  `CREATE INDEX browse_event_sources_event ON browse_event_sources(event_id)`,
  `CREATE TABLE browse_event_languages (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (language, event_id)
  )`,
  `CREATE INDEX browse_event_languages_event ON browse_event_languages(event_id)`,
  `CREATE TABLE browse_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `UPDATE browse_events SET stamp = ''`,
];
