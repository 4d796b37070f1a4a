// Where a vanished event id went: the SQL of the event_redirects table (migration 0010), kept apart
// from resolution.ts so that the calls into it stay one line each.
import type Database from 'better-sqlite3';

export interface Redirects {
  /** Remembers the reports an event held when its id stopped existing (replacing an older record of that id). */
  record(fromId: string, reportIds: readonly string[], at: string): void;
  /** The event holding most of the reports `fromId` held, or null (never itself: callers check events first). */
  follow(fromId: string): string | null;
}

export function createRedirects(db: Database.Database): Redirects {
  const q = {
    clear: db.prepare('DELETE FROM event_redirects WHERE from_id = ?'),
    insert: db.prepare('INSERT OR IGNORE INTO event_redirects (from_id, report_id, recorded_at) VALUES (?, ?, ?)'),
    follow: db
      .prepare(
        `SELECT m.event_id FROM event_redirects r JOIN event_members m ON m.report_id = r.report_id
         WHERE r.from_id = ? AND m.event_id <> r.from_id
         GROUP BY m.event_id ORDER BY count(*) DESC, m.event_id LIMIT 1`,
      )
      .pluck(),
  };
  return {
    record(fromId, reportIds, at) {
      q.clear.run(fromId);
      for (const id of reportIds) q.insert.run(fromId, id, at);
    },
    follow: (fromId) => (q.follow.get(fromId) as string | undefined) ?? null,
  };
}
