// The browse index: one summary row per event (what the event list shows), with the actors and
// outlets of each event for filtering; kept up to date from events.updated_at (see pg-browse.ts).
export default [
  `CREATE TABLE browse_events (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    stamp TEXT NOT NULL,
    date TEXT COLLATE "C",
    mode TEXT NOT NULL,
    place_id TEXT,
    participants JSON NOT NULL DEFAULT '[]',
    reports INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    outlets JSON NOT NULL DEFAULT '[]',
    conflicts INTEGER NOT NULL DEFAULT 0,
    snippet TEXT NOT NULL DEFAULT ''
  )`,
  `CREATE INDEX browse_events_date ON browse_events(date, event_id COLLATE "C")`,
  `CREATE INDEX browse_events_reports ON browse_events(reports, date, event_id COLLATE "C")`,
  `CREATE INDEX browse_events_place ON browse_events(place_id, date)`,
  `CREATE INDEX browse_events_mode ON browse_events(mode)`,
  `CREATE TABLE browse_event_actors (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (actor_id, event_id)
  )`,
  `CREATE INDEX browse_event_actors_event ON browse_event_actors(event_id)`,
  `CREATE TABLE browse_event_outlets (
    event_id TEXT NOT NULL REFERENCES browse_events(event_id) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    PRIMARY KEY (outlet, event_id)
  )`,
  `CREATE INDEX browse_event_outlets_event ON browse_event_outlets(event_id)`,
  `CREATE INDEX events_updated ON events(updated_at)`,
];
