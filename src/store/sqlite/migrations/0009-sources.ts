// Who says so (src/sources/): the attributions a text makes, who each report's words come from,
// denials kept as claims, each text's MinHash signature, and analysts' judgements of sources
// (one source, independent, a status set by hand). Rows of a document go with it.
export default [
  `CREATE TABLE attributions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('wire', 'outlet', 'official', 'unnamed')),
    source_id TEXT,
    name TEXT,
    scope TEXT NOT NULL CHECK (scope IN ('document', 'sentence'))
  )`,
  `CREATE INDEX attributions_doc ON attributions(doc_id, start)`,
  `CREATE TABLE report_attributions (
    report_id TEXT NOT NULL REFERENCES event_reports(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('own', 'wire', 'outlet', 'official', 'unnamed')),
    source_id TEXT,
    name TEXT,
    start INTEGER,
    end INTEGER,
    side TEXT,
    PRIMARY KEY (report_id, seq)
  )`,
  `CREATE INDEX report_attributions_source ON report_attributions(source_id)`,
  `CREATE TABLE denial_claims (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    participants TEXT NOT NULL,
    date TEXT,
    by_actor TEXT,
    by_name TEXT,
    by_start INTEGER,
    by_end INTEGER
  )`,
  `CREATE INDEX denial_claims_doc ON denial_claims(doc_id)`,
  `CREATE TABLE text_signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
  )`,
  `CREATE TABLE source_judgements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('same-source', 'independent', 'status')),
    subjects TEXT NOT NULL,
    status TEXT CHECK (status IS NULL OR status IN ('confirmed', 'corroborated', 'single-source', 'disputed')),
    anchors TEXT NOT NULL DEFAULT '[]',
    author TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL,
    undone_at TEXT,
    undone_by TEXT
  )`,
];
