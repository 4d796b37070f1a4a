// The markup a document's text was extracted from (HTML pages, archived responses) and the
// offset map back into it, so every span can be shown in the original.
export default [
  `CREATE TABLE document_sources (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    raw TEXT NOT NULL,
    offset_map TEXT NOT NULL
  )`,
];
