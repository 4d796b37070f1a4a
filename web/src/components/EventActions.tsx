// Review where the analyst reads: on the event page, merge this event with another, split a report
// out, reject a report, correct the date or the place. Every action is previewed first
// (JudgementPreviewView) and applied only from there. A preview is of the choices made when it was
// asked for: changing the other event, the report, the date or the place drops it, and an answer
// to an older request never shows over a newer choice (useJudgementPreview, shared with the actor
// page). Needs the API token (given on Review).
import { useState, type FormEvent } from 'react';
import { api, tokenStore, type EventDetail, type EventRow, type NewJudgement, type Page } from '../api.ts';
import { href, navigate } from '../router.ts';
import { useApi } from '../useApi.ts';
import { ActorPicker } from './ActorPicker.tsx';
import { JudgementPreviewView } from './JudgementPreviewView.tsx';
import { useJudgementPreview } from './useJudgementPreview.ts';
import { ReasonAndStatus } from './ReasonAndStatus.tsx';

export function EventActions({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const token = tokenStore.get();
  const { preview, error, done, open, setOpen, ask: askPreview, changed, cancel, applied } = useJudgementPreview(token);
  const [other, setOther] = useState('');
  const [report, setReport] = useState(event.reports[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const first = event.participants[0]?.actorId;
  const candidates = useApi<Page<EventRow>>(token && first ? `candidates-${event.id}` : null, () =>
    api.get('/api/events', { actor: first, limit: 8 }),
  );
  const name = (id: string) => event.actors[id]?.name ?? id;

  if (!token) {
    return (
      <p className="muted actions-hint">
        To merge, split, reject or correct, give the API token on the <a href={href('/review')}>Review</a> page.
      </p>
    );
  }

  const ask = (judgement: Omit<NewJudgement, 'author'>) => askPreview(judgement, reason);
  const submit = (judgement: Omit<NewJudgement, 'author'>) => (e: FormEvent) => {
    e.preventDefault();
    void ask(judgement);
  };
  const correction = {
    ...(date.trim() ? { date: date.trim() === 'none' ? null : date.trim() } : {}),
    ...(place.trim() ? { place: place.trim() } : {}),
  };

  return (
    <details className="event-review" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>Review this event</h2> <span className="muted">merge with…, split a report out, reject a report, correct</span>
      </summary>
      <section aria-label="Review this event">
      <div className="action-grid">
        <form aria-label="Merge with another event" onSubmit={submit({ kind: 'event-merge', subjects: [event.id, other.trim()] })}>
          <h3>Merge with…</h3>
          <label className="field">
            <span>Other event id</span>
            <input value={other} onChange={(e) => (setOther(e.target.value), changed())} placeholder="ev_…" />
          </label>
          {candidates.data && candidates.data.items.filter((c) => c.id !== event.id).length > 0 && (
            <ul className="candidates" aria-label={`Other events of ${name(first!)}`}>
              {candidates.data.items
                .filter((c) => c.id !== event.id)
                .map((c) => (
                  <li key={c.id}>
                    <button type="button" onClick={() => (setOther(c.id), void ask({ kind: 'event-merge', subjects: [event.id, c.id] }))}>
                      {c.date ?? 'undated'} · {c.participants.map((p) => p.name).join(', ')}
                      {c.place ? ` · ${c.place.name}` : ''}
                    </button>
                  </li>
                ))}
            </ul>
          )}
          <button type="submit" disabled={!other.trim()}>
            Preview merge
          </button>
        </form>
        <form aria-label="Split or reject a report" onSubmit={(e) => e.preventDefault()}>
          <h3>One report</h3>
          <label className="field">
            <span>Report</span>
            <select value={report} onChange={(e) => (setReport(e.target.value), changed())}>
              {event.reports.map((r) => (
                <option key={r.id} value={r.id}>
                  {(event.documents[r.docId]?.outlet ?? r.docId) + ' · ' + (r.date?.value ?? 'no date') + ' · ' + r.id}
                </option>
              ))}
            </select>
          </label>
          <div className="buttons">
            <button type="button" disabled={event.reports.length < 2} onClick={() => void ask({ kind: 'event-split', subjects: [event.id, report] })}>
              Preview split out
            </button>
            <button type="button" onClick={() => void ask({ kind: 'report-reject', subjects: [report] })}>
              Preview reject
            </button>
          </div>
        </form>
        <form aria-label="Correct this event" onSubmit={submit({ kind: 'field-correct', subjects: [event.id], value: correction })}>
          <h3>Correct</h3>
          <label className="field">
            <span>Date</span>
            <input value={date} onChange={(e) => (setDate(e.target.value), changed())} placeholder="YYYY-MM-DD or none" />
          </label>
          <ActorPicker label="Place" value={place} onChange={(value) => (setPlace(value), changed())} kind="place" />
          <button type="submit" disabled={Object.keys(correction).length === 0}>
            Preview correction
          </button>
        </form>
      </div>
      <ReasonAndStatus reason={reason} onReason={setReason} error={error} done={done} />
      {preview && (
        <JudgementPreviewView
          preview={preview}
          onCancel={cancel}
          onApplied={(judgement, previewed) => {
            applied(`Recorded judgement #${judgement.id}.`);
            // follow the event this page's reports went to, else stay and reload
            const next = previewed.after.find((e) => e.reports.some((r) => event.reports.some((mine) => mine.id === r.id)));
            if (next && next.id !== event.id) navigate(href(`/event/${encodeURIComponent(next.id)}`));
            else onChanged();
          }}
        />
      )}
      </section>
    </details>
  );
}
