// An analyst's own actors (parley kb import --db URL local-actors.json|csv), as SQLite's 0011: kept in
// the database, loaded on top of the shipped base at ingest, surviving upgrades of data/kb/.
export default [
  `CREATE TABLE local_actors (
    seq BIGSERIAL,
    id TEXT PRIMARY KEY,
    entry JSON NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL
  )`,
];
