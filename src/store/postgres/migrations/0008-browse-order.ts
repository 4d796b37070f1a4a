// The event list's order as the indexes hold it. The list sorts newest first with undated events
// last (DESC NULLS LAST), oldest first with them first (ASC NULLS FIRST); the indexes of 0003 are
// ASC NULLS LAST, which neither direction can walk, so every page sorted all the matching
// summaries (all of them, unfiltered). These are walked forward for one order and backward for
// the other, and stop after a page.
export default [
  `DROP INDEX browse_events_date`,
  `DROP INDEX browse_events_reports`,
  `CREATE INDEX browse_events_date ON browse_events(date DESC NULLS LAST, event_id COLLATE "C" DESC)`,
  `CREATE INDEX browse_events_reports ON browse_events(reports DESC, date DESC NULLS LAST, event_id COLLATE "C" DESC)`,
];
