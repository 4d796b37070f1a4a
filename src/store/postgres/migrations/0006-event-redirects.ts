// Event ids that a merge (or any re-derivation) made vanish keep answering, as SQLite's 0010: each
// is stored with the reports it held, and reads follow it to the event holding most of them now.
export default [
  `CREATE TABLE event_redirects (
    from_id TEXT NOT NULL,
    report_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (from_id, report_id)
  )`,
];
