// Filters by who says so, language and country: each event's summary keeps its status (confirmed,
// corroborated, single-source, disputed), its number of independent sources and the country of its
// place; facet tables keep the wire agencies its reports' words come from and its documents'
// languages. `browse_state` keeps what the statuses were computed from (denials and source
// judgements live outside the event), so a change there re-indexes the events (see browse.ts).
// Every summary is made stale here so the next sync fills the new columns.
export default [
  `ALTER TABLE browse_events ADD COLUMN status TEXT`,
  `ALTER TABLE browse_events ADD COLUMN independent_sources INTEGER`,
  `ALTER TABLE browse_events ADD COLUMN country_id TEXT`,
  `ALTER TABLE browse_events ADD COLUMN sources TEXT NOT NULL DEFAULT '[]'`,
  `ALTER TABLE browse_events ADD COLUMN languages TEXT NOT NULL DEFAULT '[]'`,
  `CREATE INDEX browse_events_status ON browse_events(status, date)`,
  `CREATE INDEX browse_events_country ON browse_events(country_id, date)`,
  `CREATE TABLE browse_event_sources (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (source, event_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX browse_event_sources_event ON browse_event_sources(event_id)`,
  `CREATE TABLE browse_event_languages (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (language, event_id)
  ) WITHOUT ROWID`,
  `CREATE INDEX browse_event_languages_event ON browse_event_languages(event_id)`,
  `CREATE TABLE browse_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `UPDATE browse_events SET stamp = ''`,
];
