// Review: with the API token, an analyst merges or splits actors and events, rejects a report,
// corrects a field, and sees (and undoes) the judgement history.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, tokenStore, type Judgement } from '../api.ts';
import { ActorPicker } from '../components/ActorPicker.tsx';
import { UploadForm } from '../components/UploadForm.tsx';
import { useApi } from '../useApi.ts';

const list = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

function Form({ title, onSubmit, children }: { title: string; onSubmit: () => Promise<void>; children: ReactNode }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onSubmit();
      setMessage({ ok: true, text: 'Recorded.' });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    }
  };
  return (
    <form className="review-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      {children}
      <button type="submit">{title}</button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'bad'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function Text({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function ReviewPage() {
  const [token, setToken] = useState(tokenStore.get());
  const [draftToken, setDraftToken] = useState(token);
  const [author, setAuthor] = useState(() => localStorage.getItem('parley-author') ?? '');
  const [reason, setReason] = useState('');
  const status = useApi<{ writable: boolean; authorized: boolean }>(`status-${token}`, () =>
    fetch('/api/status', { headers: token ? { authorization: `Bearer ${token}` } : {} }).then((r) => r.json()),
  );
  const history = useApi<{ judgements: Judgement[] }>('judgements', () => api.get('/api/judgements'));
  useEffect(() => localStorage.setItem('parley-author', author), [author]);

  const [keep, setKeep] = useState('');
  const [absorbed, setAbsorbed] = useState('');
  const [splitActor, setSplitActor] = useState('');
  const [splitAliases, setSplitAliases] = useState('');
  const [mergeEvents, setMergeEvents] = useState('');
  const [splitEvent, setSplitEvent] = useState('');
  const [splitReport, setSplitReport] = useState('');
  const [rejectReport, setRejectReport] = useState('');
  const [fixEvent, setFixEvent] = useState('');
  const [fixDate, setFixDate] = useState('');
  const [fixPlace, setFixPlace] = useState('');
  const [fixParticipants, setFixParticipants] = useState('');

  const judge = async (kind: string, subjects: string[], value?: Record<string, unknown>) => {
    await api.post('/api/judgements', { kind, subjects, ...(value ? { value } : {}), author: author || 'analyst', reason: reason || null }, token);
    history.reload();
  };

  const authorized = status.data?.authorized === true;
  return (
    <>
      <h1>Review</h1>
      <form
        className="token"
        aria-label="Token"
        onSubmit={(e) => {
          e.preventDefault();
          tokenStore.set(draftToken.trim());
          setToken(draftToken.trim());
        }}
      >
        <label className="field">
          <span>API token</span>
          <input type="password" autoComplete="off" value={draftToken} onChange={(e) => setDraftToken(e.target.value)} />
        </label>
        <button type="submit">Use token</button>
        <span role="status" className={authorized ? 'ok' : 'muted'}>
          {status.data
            ? !status.data.writable
              ? 'This server is read-only (started without a token).'
              : authorized
                ? 'Token accepted: changes allowed.'
                : token
                  ? 'Token not accepted.'
                  : 'Enter the token to make changes.'
            : ''}
        </span>
      </form>

      {authorized && (
        <>
          <div className="review-common">
            <Text label="Your name" value={author} onChange={setAuthor} />
            <Text label="Reason (optional)" value={reason} onChange={setReason} />
          </div>
          <div className="review-grid">
            <Form title="Merge actors" onSubmit={() => judge('actor-merge', [keep, absorbed])}>
              <ActorPicker label="Keep" value={keep} onChange={setKeep} />
              <ActorPicker label="Same as (absorbed)" value={absorbed} onChange={setAbsorbed} />
            </Form>
            <Form title="Split actor" onSubmit={() => judge('actor-split', [splitActor], { aliases: list(splitAliases) })}>
              <ActorPicker label="Actor" value={splitActor} onChange={setSplitActor} />
              <Text label="Names that are someone else" value={splitAliases} onChange={setSplitAliases} placeholder="comma separated" />
            </Form>
            <Form title="Merge events" onSubmit={() => judge('event-merge', list(mergeEvents))}>
              <Text label="Event ids" value={mergeEvents} onChange={setMergeEvents} placeholder="ev_…, ev_…" />
            </Form>
            <Form title="Split event" onSubmit={() => judge('event-split', [splitEvent, splitReport])}>
              <Text label="Event id" value={splitEvent} onChange={setSplitEvent} />
              <Text label="Report id that is another meeting" value={splitReport} onChange={setSplitReport} />
            </Form>
            <Form title="Reject report" onSubmit={() => judge('report-reject', [rejectReport])}>
              <Text label="Report id (not a meeting)" value={rejectReport} onChange={setRejectReport} />
            </Form>
            <Form
              title="Correct event"
              onSubmit={() =>
                judge('field-correct', [fixEvent], {
                  ...(fixDate ? { date: fixDate === 'none' ? null : fixDate } : {}),
                  ...(fixPlace ? { place: fixPlace === 'none' ? null : fixPlace } : {}),
                  ...(fixParticipants ? { participants: list(fixParticipants) } : {}),
                })
              }
            >
              <Text label="Event id" value={fixEvent} onChange={setFixEvent} />
              <Text label="Date" value={fixDate} onChange={setFixDate} placeholder="YYYY-MM-DD or none" />
              <ActorPicker label="Place" value={fixPlace} onChange={setFixPlace} kind="place" />
              <Text label="Participants" value={fixParticipants} onChange={setFixParticipants} placeholder="actor ids, comma separated" />
            </Form>
            <UploadForm token={token} />
          </div>
        </>
      )}

      <h2>Judgement history</h2>
      {history.error && <p role="alert">{history.error}</p>}
      <table className="judgements">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Kind</th>
            <th scope="col">Subjects</th>
            <th scope="col">Value</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {history.data?.judgements.map((j) => (
            <tr key={j.id} className={j.active ? '' : 'undone'}>
              <td>{j.id}</td>
              <td className="nowrap">{j.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{j.kind}</td>
              <td>{j.subjects.join(', ')}</td>
              <td>{j.value ? JSON.stringify(j.value) : ''}</td>
              <td>{j.author}</td>
              <td>{j.reason ?? ''}</td>
              <td>
                {j.active ? (
                  authorized ? (
                    <button
                      type="button"
                      onClick={() =>
                        api
                          .post(`/api/judgements/${j.id}/undo`, { author: author || 'analyst', ...(reason ? { reason } : {}) }, token)
                          .then(history.reload, (e: unknown) => alert(e instanceof Error ? e.message : String(e)))
                      }
                    >
                      Undo
                    </button>
                  ) : (
                    'active'
                  )
                ) : (
                  `undone by ${j.undone?.by ?? '?'}`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
