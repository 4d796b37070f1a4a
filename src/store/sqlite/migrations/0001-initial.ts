// The first schema. Offsets are JavaScript string indices into documents.text; span lists and
// other nested values are JSON text.
export default [
  `CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    command TEXT NOT NULL,
    args TEXT NOT NULL DEFAULT '[]',
    started_at TEXT NOT NULL,
    finished_at TEXT,
    stats TEXT
  )`,
  `CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    path TEXT,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    title_start INTEGER,
    title_end INTEGER,
    published_value TEXT,
    published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day')),
    published_start INTEGER,
    published_end INTEGER,
    noise TEXT NOT NULL DEFAULT '[]',
    meta TEXT NOT NULL DEFAULT '{}',
    ingested_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id)
  )`,
  `CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
    name TEXT NOT NULL,
    from_kb INTEGER NOT NULL DEFAULT 0,
    place_type TEXT,
    aliases TEXT NOT NULL DEFAULT '[]'
  )`,
  `CREATE TABLE mentions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    via TEXT NOT NULL,
    actor_ids TEXT NOT NULL
  )`,
  `CREATE INDEX mentions_doc ON mentions(doc_id, start)`,
  `CREATE TABLE event_reports (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    date_value TEXT,
    date_start INTEGER,
    date_end INTEGER,
    place_actor_id TEXT REFERENCES actors(id),
    place_start INTEGER,
    place_end INTEGER
  )`,
  `CREATE INDEX event_reports_doc ON event_reports(doc_id)`,
  `CREATE TABLE report_participants (
    report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    position INTEGER NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (report_id, actor_id)
  )`,
  `CREATE INDEX report_participants_actor ON report_participants(actor_id)`,
  // Blocking keys for merging (participant pairs, or single participants of small sets).
  `CREATE TABLE report_keys (
    key TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
    PRIMARY KEY (key, report_id)
  )`,
  `CREATE INDEX report_keys_report ON report_keys(report_id)`,
  `CREATE TABLE events (
    id TEXT PRIMARY KEY,
    explanation TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE event_members (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    report_id TEXT NOT NULL UNIQUE REFERENCES event_reports(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, report_id)
  )`,
  `CREATE TABLE diagnostics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER REFERENCES runs(id),
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    file TEXT,
    doc_id TEXT,
    span_start INTEGER,
    span_end INTEGER
  )`,
];
