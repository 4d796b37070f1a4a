// Framing side by side: the descriptors each outlet used, one column per outlet (the busiest
// first), for an event (grouped by actor) or an actor. Outlet names, descriptors and examples are
// article or metadata text: React writes them as text, never as markup.
import { href } from '../router.ts';

export interface FramingRowView {
  outlet: string;
  actorId: string;
  actorName: string;
  descriptor: string;
  count: number;
  stance?: string;
  loaded?: { termId: string; stance: string }[];
  examples?: { docId: string; text: string }[];
}

/** Rows from the API (loosely typed) as framing rows; anything malformed is left out. */
export function framingRowsOf(rows: readonly Record<string, unknown>[]): FramingRowView[] {
  return rows.filter((r): r is Record<string, unknown> & FramingRowView => typeof r.outlet === 'string' && typeof r.descriptor === 'string' && typeof r.actorId === 'string');
}

/** Columns: outlets by descriptors used (most first), each with its rows by actor then count. */
export function framingColumns(rows: readonly FramingRowView[]): { outlet: string; total: number; rows: FramingRowView[] }[] {
  const byOutlet = new Map<string, FramingRowView[]>();
  for (const r of rows) byOutlet.set(r.outlet, [...(byOutlet.get(r.outlet) ?? []), r]);
  return [...byOutlet]
    .map(([outlet, list]) => ({
      outlet,
      total: list.reduce((n, r) => n + r.count, 0),
      rows: [...list].sort((a, b) => a.actorName.localeCompare(b.actorName) || b.count - a.count || a.descriptor.localeCompare(b.descriptor)),
    }))
    .sort((a, b) => b.total - a.total || a.outlet.localeCompare(b.outlet));
}

export function FramingColumns({ rows, byActor, label }: { rows: readonly FramingRowView[]; byActor: boolean; label: string }) {
  const columns = framingColumns(rows);
  return (
    <div className="framing-columns" role="group" aria-label={label}>
      {columns.map((c) => (
        <section key={c.outlet} className="framing-column" aria-label={c.outlet}>
          <h3>{c.outlet}</h3>
          <ul>
            {c.rows.map((r, i) => {
              const actorHeading = byActor && (i === 0 || c.rows[i - 1].actorId !== r.actorId);
              const example = r.examples?.[0];
              return (
                <li key={`${r.actorId}|${r.descriptor}`} className={actorHeading ? 'first-of-actor' : undefined}>
                  {actorHeading && (
                    <a className="framing-actor" href={href(`/actor/${encodeURIComponent(r.actorId)}`)}>
                      {r.actorName}
                    </a>
                  )}
                  <span className={`descriptor${r.stance ? ` stance-${r.stance}` : ''}`} title={r.loaded?.length ? `loaded: ${r.loaded.map((l) => `${l.termId} (${l.stance})`).join(', ')}` : undefined}>
                    {example ? <a href={href(`/document/${encodeURIComponent(example.docId)}`)}>{r.descriptor}</a> : r.descriptor}
                  </span>
                  {r.count > 1 && <span className="count"> ×{r.count}</span>}
                  {r.stance && <span className="muted"> ({r.stance})</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
