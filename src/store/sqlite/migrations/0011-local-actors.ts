// An analyst's own actors (parley kb import --db FILE local-actors.json|csv): knowledge-base
// entries kept in the database, loaded on top of the shipped base at ingest, so that upgrading
// the shipped base (data/kb/) keeps them. One row an actor; importing an id again replaces it.
export default [
  `CREATE TABLE local_actors (
    id TEXT PRIMARY KEY,
    entry TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL
  )`,
];
