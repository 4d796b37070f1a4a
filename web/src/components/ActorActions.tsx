// Review on the actor page: merge this actor with another (choosing which id survives; the other
// id then redirects to it) or split off the mentions made by some of its names into a new actor.
// Each is previewed first (what moves: mentions, events, the id that survives) and applied only
// from the preview. They are judgements like the event ones, so they survive re-runs of the
// analysis (src/judgements/actor-view.ts). Needs the API token (given on Review).
import { useState, type FormEvent } from 'react';
import { tokenStore, type ActorDetail, type JudgementPreview } from '../api.ts';
import { href, navigate } from '../router.ts';
import { ActorPicker } from './ActorPicker.tsx';
import { JudgementPreviewView } from './JudgementPreviewView.tsx';
import { useJudgementPreview } from './useJudgementPreview.ts';
import { ReasonAndStatus } from './ReasonAndStatus.tsx';

/** What an actor judgement moves, read from its preview: mentions and events per actor id. */
export function actorMoves(preview: JudgementPreview, ids: readonly string[]): { id: string; mentionsBefore: number; mentionsAfter: number; eventsBefore: number; eventsAfter: number }[] {
  const count = (events: JudgementPreview['before'], id: string) => {
    const with_ = events.filter((e) => e.participants.some((p) => p.actorId === id));
    return { mentions: with_.reduce((n, e) => n + (e.participants.find((p) => p.actorId === id)?.reports.length ?? 0), 0), events: with_.length };
  };
  return ids.map((id) => {
    const b = count(preview.before, id);
    const a = count(preview.after, id);
    return { id, mentionsBefore: b.mentions, mentionsAfter: a.mentions, eventsBefore: b.events, eventsAfter: a.events };
  });
}

export function ActorActions({ actor, onChanged }: { actor: ActorDetail; onChanged: () => void }) {
  const token = tokenStore.get();
  // a preview is of the choices made when it was asked for: changing them drops it, and an answer
  // to an older request (Enter in the picker submits at once) never shows over a newer choice
  const { preview, error, done, open, setOpen, ask: askPreview, changed, cancel, applied } = useJudgementPreview(token);
  const [other, setOther] = useState('');
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const [names, setNames] = useState('');
  const [reason, setReason] = useState('');

  if (!token) {
    return (
      <p className="muted actions-hint">
        To merge or split this actor, give the API token on the <a href={href('/review')}>Review</a> page.
      </p>
    );
  }
  const ask = (judgement: Parameters<typeof askPreview>[0]) => askPreview(judgement, reason);
  const merge = (e: FormEvent) => {
    e.preventDefault();
    const o = other.trim();
    if (!o) return;
    void ask({ kind: 'actor-merge', subjects: keep === 'this' ? [actor.id, o] : [o, actor.id] });
  };
  const splitNames = names
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  const split = (e: FormEvent) => {
    e.preventDefault();
    if (splitNames.length) void ask({ kind: 'actor-split', subjects: [actor.id], value: { aliases: splitNames } });
  };
  const name = (id: string) => preview?.actors[id]?.name ?? (id === actor.id ? actor.name : id);
  const kind = preview?.judgement.kind;
  const subjects = preview?.judgement.subjects ?? [];
  // the split-off actor: the id that appears after and not before
  const newIds = preview
    ? [...new Set(preview.after.flatMap((e) => e.participants.map((p) => p.actorId)))].filter((id) => !preview.before.some((e) => e.participants.some((p) => p.actorId === id)))
    : [];
  const moves = preview ? actorMoves(preview, kind === 'actor-split' ? [actor.id, ...newIds] : subjects) : [];

  return (
    <details className="actor-review" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>Review this actor</h2> <span className="muted">merge with another, split off names</span>
      </summary>
      <section aria-label="Review this actor">
        <div className="action-grid">
          <form aria-label="Merge with another actor" onSubmit={merge}>
            <h3>Merge with…</h3>
            <ActorPicker
              label="Other actor"
              value={other}
              onChange={(value) => {
                setOther(value);
                changed();
              }}
              kind={actor.kind}
            />
            <fieldset className="keep">
              <legend>Which id survives</legend>
              <label>
                <input type="radio" name="keep" checked={keep === 'this'} onChange={() => (setKeep('this'), changed())} /> this one (<code>{actor.id}</code>)
              </label>
              <label>
                <input type="radio" name="keep" checked={keep === 'other'} onChange={() => (setKeep('other'), changed())} /> the other
              </label>
            </fieldset>
            <button type="submit" disabled={!other.trim() || other.trim() === actor.id}>
              Preview merge
            </button>
          </form>
          <form aria-label="Split off names" onSubmit={split}>
            <h3>Split off names</h3>
            <label className="field">
              <span>Names whose mentions are another actor (comma-separated)</span>
              <input value={names} onChange={(e) => (setNames(e.target.value), changed())} placeholder={actor.aliases[0] ?? 'a name'} />
            </label>
            <button type="submit" disabled={splitNames.length === 0}>
              Preview split
            </button>
          </form>
        </div>
        <ReasonAndStatus reason={reason} onReason={setReason} error={error} done={done} />
        {preview && (
          <>
            <section className="actor-moves" aria-label="What moves">
              {kind === 'actor-merge' ? (
                <p className="survivor">
                  <strong>{name(subjects[0])}</strong> (<code>{subjects[0]}</code>) survives; <code>{subjects[1]}</code> ({name(subjects[1])}) will redirect to it.
                </p>
              ) : (
                <p className="survivor">
                  The mentions by {splitNames.map((n) => `“${n}”`).join(', ')} become {newIds.length ? <code>{newIds.join(', ')}</code> : 'a new actor (no mention uses these names)'}; <code>{actor.id}</code> keeps the rest.
                </p>
              )}
              <table className="moves">
                <thead>
                  <tr>
                    <th scope="col">Actor</th>
                    <th scope="col">Mentions now → after</th>
                    <th scope="col">Events now → after</th>
                  </tr>
                </thead>
                <tbody>
                  {moves.map((m) => (
                    <tr key={m.id} data-actor={m.id}>
                      <td>
                        {name(m.id)} <code>{m.id}</code>
                      </td>
                      <td className="num mentions">
                        {m.mentionsBefore} → {m.mentionsAfter}
                      </td>
                      <td className="num events">
                        {m.eventsBefore} → {m.eventsAfter}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <JudgementPreviewView
              preview={preview}
              onCancel={cancel}
              onApplied={(judgement, previewed) => {
                applied(`Recorded judgement #${judgement.id}.`);
                const [kept] = previewed.judgement.subjects;
                if (previewed.judgement.kind === 'actor-merge' && kept !== actor.id) navigate(href(`/actor/${encodeURIComponent(kept)}`));
                else onChanged();
              }}
            />
          </>
        )}
      </section>
    </details>
  );
}
