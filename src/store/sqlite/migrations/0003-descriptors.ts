// How each document describes the actors it names (src/framing/): one row per descriptor, with
// the words' offsets into documents.text, the mention they describe, and the first loaded term
// found in them (all of them in `loaded`, JSON). The outlet is read from the document.
export default [
  `CREATE TABLE descriptors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    loaded TEXT NOT NULL DEFAULT '[]'
  )`,
  `CREATE INDEX descriptors_doc ON descriptors(doc_id, start)`,
  `CREATE INDEX descriptors_actor ON descriptors(actor_id, normalized)`,
  `CREATE INDEX descriptors_stance ON descriptors(stance) WHERE stance IS NOT NULL`,
];
