// Analysts' judgements (same/different actor and event, rejected reports, corrected fields) and
// what merging needs to compare places. Judgements are never deleted: an undo is a mark on the row.
export default [
  `CREATE TABLE judgements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('actor-merge', 'actor-split', 'alias-add', 'alias-remove',
      'event-merge', 'event-split', 'report-reject', 'field-correct')),
    subjects TEXT NOT NULL,
    value TEXT,
    anchors TEXT NOT NULL DEFAULT '[]',
    author TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL,
    undone_at TEXT,
    undone_by TEXT,
    undo_reason TEXT
  )`,
  `CREATE INDEX judgements_kind ON judgements(kind, undone_at)`,
  // Places: the places each lies within, nearest first (JSON list of actor ids).
  `ALTER TABLE actors ADD COLUMN within TEXT NOT NULL DEFAULT '[]'`,
];
