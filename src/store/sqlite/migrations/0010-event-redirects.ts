// Event ids that a merge (or any re-derivation) made vanish keep answering: each is stored with the
// reports it held, and reads follow it to the event that holds most of them now. Reports, not the
// new event id, because that id may itself vanish in a later change.
export default [
  `CREATE TABLE event_redirects (
    from_id TEXT NOT NULL,
    report_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (from_id, report_id)
  )`,
];
