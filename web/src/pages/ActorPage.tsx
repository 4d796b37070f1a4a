// One actor: every name it goes by (in all scripts), roles over time, its meetings on a timeline,
// its ego network and how each outlet describes it.
import { api, type ActorDetail } from '../api.ts';
import { useEffect } from 'react';
import { NetworkView } from '../components/NetworkView.tsx';
import { ActorActions } from '../components/ActorActions.tsx';
import { FramingColumns, framingRowsOf } from '../components/FramingColumns.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { href, navigate } from '../router.ts';
import { useApi } from '../useApi.ts';

export function ActorPage({ id }: { id: string }) {
  const { data: loaded, error, reload } = useApi<{ requested: string; actor: ActorDetail }>(id, () =>
    api.get<ActorDetail>(`/api/actors/${encodeURIComponent(id)}`).then((actor) => ({ requested: id, actor })),
  );
  // what is shown belongs to this id (not the previous page's while this one loads)
  const actor = loaded?.requested === id ? loaded.actor : null;
  // a merged-away actor id is redirected by the server: say so, and show the surviving actor's address
  const moved = actor && actor.id !== id ? actor.id : null;
  useEffect(() => {
    if (moved) history.replaceState(null, '', href(`/actor/${encodeURIComponent(moved)}`));
  }, [moved]);
  if (error) return <p role="alert">{error}</p>;
  if (!actor) return <p className="muted">Loading…</p>;
  return (
    <>
      <h1>
        {actor.name} <span className="muted">({actor.kind})</span>
      </h1>
      {moved && (
        <p role="status" className="moved">
          Actor <code>{id}</code> was merged into this one (<code>{moved}</code>).
        </p>
      )}
      <p>
        <a href={href('/events', { actor: actor.id })}>{actor.events} events</a> · id <code>{actor.id}</code>
      </p>
      <div className="columns">
        <section aria-label="Names">
          <h2>Names</h2>
          {actor.aliases.length === 0 ? (
            <p className="muted">No other names.</p>
          ) : (
            <ul className="aliases">
              {actor.aliases.map((a) => (
                <li key={a} lang="">
                  {a}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Roles">
          <h2>Roles</h2>
          {actor.roles.length === 0 ? (
            <p className="muted">No roles known.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Of</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                </tr>
              </thead>
              <tbody>
                {actor.roles.map((r, i) => (
                  <tr key={i}>
                    <td>{r.role}</td>
                    <td>{r.of ? <a href={href(`/actor/${encodeURIComponent(r.of)}`)}>{r.of}</a> : ''}</td>
                    <td>{r.from ?? ''}</td>
                    <td>{r.to ?? (r.from ? 'now' : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <ActorActions key={actor.id} actor={actor} onChanged={reload} />
      <h2>Meetings over time</h2>
      <Timeline
        months={actor.timeline}
        label={`Events of ${actor.name}`}
        onPick={(month) => navigate(href('/events', { actor: actor.id, from: month, to: month }))}
      />
      <h2>Who {actor.name} met</h2>
      <NetworkView filter={{ actor: actor.id }} highlight={actor.id} maxEdges={150} listSize={12} />
      <h2>How outlets describe {actor.name}</h2>
      {!actor.framing.available ? (
        <p className="muted">Framing is not available in this database.</p>
      ) : actor.framing.rows.length === 0 ? (
        <p className="muted">No descriptors found.</p>
      ) : (
        <>
          <FramingColumns rows={framingRowsOf(actor.framing.rows)} byActor={false} label={`Descriptors of ${actor.name} by outlet`} />
          {actor.framing.total > actor.framing.rows.length && <p className="muted">The {actor.framing.rows.length} most used of {actor.framing.total} descriptors.</p>}
        </>
      )}
    </>
  );
}
