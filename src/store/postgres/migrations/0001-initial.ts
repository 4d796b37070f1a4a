// The PostgreSQL schema: the same tables as the SQLite record (src/store/sqlite/migrations) at
// its current version, in PostgreSQL's own types: json for nested values (kept as written, key order
// included, so exports read the same from both adapters), bigint identities,
// timestamps as ISO text (what the Store returns). Offsets are JavaScript string indices into
// documents.text. `documents.hash` is UNIQUE: two writers storing one text at once store it once.
export default [
  `CREATE TABLE runs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    command TEXT NOT NULL,
    args JSON NOT NULL DEFAULT '[]',
    started_at TEXT NOT NULL,
    finished_at TEXT,
    stats JSON
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
    noise JSON NOT NULL DEFAULT '[]',
    meta JSON NOT NULL DEFAULT '{}',
    ingested_at TEXT NOT NULL,
    run_id BIGINT REFERENCES runs(id)
  )`,
  `CREATE TABLE document_sources (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    raw TEXT NOT NULL,
    offset_map JSON NOT NULL
  )`,
  `CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place')),
    name TEXT NOT NULL,
    from_kb BOOLEAN NOT NULL DEFAULT FALSE,
    place_type TEXT,
    aliases JSON NOT NULL DEFAULT '[]',
    within JSON NOT NULL DEFAULT '[]'
  )`,
  `CREATE TABLE mentions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    via TEXT NOT NULL,
    actor_ids JSON NOT NULL
  )`,
  `CREATE INDEX mentions_doc ON mentions(doc_id, start)`,
  `CREATE TABLE event_reports (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    evidence JSON NOT NULL,
    date_value TEXT,
    date_start INTEGER,
    date_end INTEGER,
    place_actor_id TEXT REFERENCES actors(id),
    place_start INTEGER,
    place_end INTEGER,
    -- the evidence sentences, for full-text search in any language (see 0002)
    evidence_text TEXT NOT NULL DEFAULT ''
  )`,
  `CREATE INDEX event_reports_doc ON event_reports(doc_id)`,
  `CREATE TABLE report_participants (
    report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    position INTEGER NOT NULL,
    spans JSON NOT NULL,
    PRIMARY KEY (report_id, actor_id)
  )`,
  `CREATE INDEX report_participants_actor ON report_participants(actor_id)`,
  `CREATE TABLE report_keys (
    key TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
    PRIMARY KEY (key, report_id)
  )`,
  `CREATE INDEX report_keys_report ON report_keys(report_id)`,
  `CREATE TABLE events (
    id TEXT PRIMARY KEY,
    explanation JSON NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE event_members (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    report_id TEXT NOT NULL UNIQUE REFERENCES event_reports(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, report_id)
  )`,
  `CREATE INDEX event_members_event ON event_members(event_id)`,
  `CREATE TABLE judgements (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('actor-merge', 'actor-split', 'alias-add', 'alias-remove',
      'event-merge', 'event-split', 'report-reject', 'field-correct')),
    subjects JSON NOT NULL,
    value JSON,
    anchors JSON NOT NULL DEFAULT '[]',
    author TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL,
    undone_at TEXT,
    undone_by TEXT,
    undo_reason TEXT
  )`,
  `CREATE TABLE descriptors (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    of_start INTEGER NOT NULL,
    of_end INTEGER NOT NULL,
    form TEXT NOT NULL,
    text TEXT NOT NULL,
    normalized TEXT NOT NULL,
    term_id TEXT,
    stance TEXT CHECK (stance IN ('delegitimizing', 'criminalizing', 'valorizing', 'subordinating')),
    loaded JSON NOT NULL DEFAULT '[]'
  )`,
  `CREATE INDEX descriptors_doc ON descriptors(doc_id, start)`,
  `CREATE TABLE diagnostics (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id BIGINT REFERENCES runs(id),
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    file TEXT,
    doc_id TEXT,
    span_start INTEGER,
    span_end INTEGER
  )`,
];
