// Which summaries a write left stale, kept as the write happens: a trigger on events notes every
// event inserted or re-stamped, and the writers' index sync reads those notes instead of joining
// every event against every summary (203 ms at 100,000 events, most of a one-document write).
// A trigger, not the writer's code, so a write by any process or version is noted. A sync
// deletes exactly the notes it read (by seq): a note of a transaction that commits meanwhile
// stays for the next sync. The notes are seeded with what is stale now.
export default [
  `CREATE TABLE browse_dirty (
    seq BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL
  )`,
  `CREATE FUNCTION browse_dirty_note() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO browse_dirty (event_id) VALUES (NEW.id);
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER events_browse_dirty AFTER INSERT OR UPDATE OF updated_at ON events
    FOR EACH ROW EXECUTE FUNCTION browse_dirty_note()`,
  `INSERT INTO browse_dirty (event_id) SELECT e.id FROM events e LEFT JOIN browse_events b ON b.event_id = e.id
    WHERE b.event_id IS NULL OR b.stamp <> e.updated_at`,
];
