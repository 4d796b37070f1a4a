// Which summaries a write left stale, kept as the write happens: a trigger on events notes every
// event inserted or re-stamped, and the writer's index sync reads those notes instead of joining
// every event against every summary (a full scan per write: 280 ms at 100,000 events, most of a
// one-document write). Triggers, not the writer's code, so a write by any process or version
// is noted. The notes are seeded with what is stale now.
export default [
  `CREATE TABLE browse_dirty (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL
  )`,
  `CREATE TRIGGER events_browse_dirty_insert AFTER INSERT ON events
    BEGIN INSERT INTO browse_dirty (event_id) VALUES (NEW.id); END`,
  `CREATE TRIGGER events_browse_dirty_update AFTER UPDATE OF updated_at ON events
    BEGIN INSERT INTO browse_dirty (event_id) VALUES (NEW.id); END`,
  `INSERT INTO browse_dirty (event_id) SELECT e.id FROM events e LEFT JOIN browse_events b ON b.event_id = e.id
    WHERE b.event_id IS NULL OR b.stamp <> e.updated_at`,
];
