// A judgement's preview before it is applied: the events it starts from, the events that result
// (ids, reports, conflicts), the ids that will redirect, reports pulled in that nobody asked for,
// and why it looks wrong. Applying a request that looks wrong needs a ticked confirmation.
import { useState } from 'react';
import { api, ApiError, tokenStore, type Judgement, type JudgementPreview, type PreviewEvent } from '../api.ts';
import { href } from '../router.ts';

function EventLine({ event, name }: { event: PreviewEvent; name: (id: string) => string }) {
  const docs = new Set(event.reports.map((r) => r.docId)).size;
  return (
    <li>
      <a href={href(`/event/${encodeURIComponent(event.id)}`)}>
        <code>{event.id}</code>
      </a>
      : {event.date ?? 'date unknown'}
      {event.place ? `, ${name(event.place)}` : ''} · {event.participants.map((p) => name(p.actorId)).join(', ') || 'nobody'} ·{' '}
      {event.reports.length} report{event.reports.length === 1 ? '' : 's'} in {docs} document{docs === 1 ? '' : 's'}
      {event.conflicts.length > 0 && (
        <span className="bad">
          {' '}
          · disagree on{' '}
          {event.conflicts.map((c) => `${c.field} (${c.values.map((v) => (c.field === 'place' ? name(v.value) : v.value)).join(' vs ')})`).join(', ')}
        </span>
      )}
    </li>
  );
}

export function JudgementPreviewView({
  preview,
  onApplied,
  onCancel,
}: {
  preview: JudgementPreview;
  onApplied: (judgement: Judgement, preview: JudgementPreview) => void;
  onCancel: () => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (id: string) => preview.actors[id]?.name ?? id;
  const needsConfirmation = preview.concerns.length > 0;
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const judgement = await api.post<Judgement>('/api/judgements', { ...preview.judgement, ...(needsConfirmation ? { confirm: true } : {}) }, tokenStore.get());
      onApplied(judgement, preview);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="preview" aria-label="Preview">
      <h3>Preview: nothing is changed until you apply it</h3>
      {needsConfirmation && (
        <div role="alert" className="concerns">
          <p>
            <strong>This looks wrong:</strong>
          </p>
          <ul>
            {preview.concerns.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      <p>Now:</p>
      <ul>
        {preview.before.map((e) => (
          <EventLine key={e.id} event={e} name={name} />
        ))}
      </ul>
      <p>Afterwards:</p>
      <ul className="after">
        {preview.after.length === 0 && <li className="muted">no event (the report belongs to none)</li>}
        {preview.after.map((e) => (
          <EventLine key={e.id} event={e} name={name} />
        ))}
      </ul>
      {preview.vanished.length > 0 && (
        <p>
          {preview.vanished.map((v) => (
            <span key={v.id}>
              <code>{v.id}</code> will {v.to ? <>redirect to <code>{v.to}</code></> : 'no longer exist'}.{' '}
            </span>
          ))}
        </p>
      )}
      {preview.pulledIn.length > 0 && (
        <p className="bad">
          Also pulled in by the merging rules (not asked for): {preview.pulledIn.map((r) => <code key={r}>{r} </code>)}
        </p>
      )}
      {needsConfirmation && (
        <label className="confirm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I have read why this looks wrong; apply it anyway
        </label>
      )}
      <div className="buttons">
        <button type="button" disabled={busy || (needsConfirmation && !confirmed)} onClick={apply}>
          Apply
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
