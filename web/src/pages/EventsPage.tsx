// Events: filters (actor or pair, dates, place, mode, outlet, wire source, language, country,
// status, words in the evidence), a timeline of the matching events, and a server-paged table
// showing each event's status and independent sources.
import { useEffect, useRef, useState } from 'react';
import { api, query, type ActorResolution, type EventPage, type EventRow, type Facet, type Facets } from '../api.ts';
import { partialDateProblem } from '../../../src/core/calendar-date.ts';
import { ActorPicker } from '../components/ActorPicker.tsx';
import { Pager } from '../components/Pager.tsx';
import { SavedSearches } from '../components/SavedSearches.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { href, navigate } from '../router.ts';
import { useApi, useReadKey } from '../useApi.ts';

const FILTER_KEYS = ['actor', 'from', 'to', 'place', 'mode', 'outlet', 'source', 'language', 'country', 'status', 'q'] as const;
const MODES = ['meet', 'visit', 'host', 'phone', 'video'];
const PAGE = 50;
const STATUS_LABEL: Record<string, string> = {
  confirmed: 'confirmed',
  corroborated: 'corroborated',
  'single-source': 'single source',
  disputed: 'disputed',
};

/** A select of facet values; the value filtered by stays listed even when no event has it any more. */
function FacetSelect({ label, name, value, facets, onChange }: { label: string; name: string; value: string; facets: readonly Facet[] | undefined; onChange: (v: string) => void }) {
  const listed = facets ?? [];
  return (
    <label className="field">
      <span>{label}</span>
      <select
        name={name}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        // Enter applies the filter, as it does in the text fields (a select does not submit by itself)
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      >
        <option value="">any</option>
        {value && !listed.some((f) => f.id === value) && <option value={value}>{value}</option>}
        {listed.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name} ({f.events})
          </option>
        ))}
      </select>
    </label>
  );
}

/** A date field checked against the calendar as it is typed (2023-02-31 is refused before it is sent). */
function DateField({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (v: string) => void }) {
  const problem = value ? partialDateProblem(value) : null;
  const id = `date-problem-${name}`;
  // the problem is outside the label, so the field's name stays its label
  return (
    <div className="field">
      <label htmlFor={`date-${name}`}>{label}</label>
      <input
        id={`date-${name}`}
        name={name}
        value={value}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? id : undefined}
        ref={(el) => el?.setCustomValidity(problem ?? '')}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <span id={id} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

export function filterOf(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of FILTER_KEYS) {
    if (key === 'actor') {
      const actors = params.getAll('actor').filter(Boolean);
      if (actors.length) out.actor = actors.slice(0, 2);
    } else {
      const v = params.get(key);
      if (v) out[key] = v;
    }
  }
  return out;
}

export function EventsPage({ params }: { params: URLSearchParams }) {
  const filter = filterOf(params);
  const readKey = useReadKey();
  const sort = params.get('sort') === 'reports' ? 'reports' : 'date';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  // "next" pages by the cursor the list answered (keyset paging: a deep page is as quick as the
  // first); the offset stays in the address for reading, and for "previous"
  const after = params.get('after') || undefined;
  const go = (next: Record<string, string | string[] | number | undefined>) =>
    navigate(href('/events', { ...filter, sort, order, offset: 0, ...next }));

  const [draft, setDraftState] = useState(filter);
  // the latest draft, read on submit: Enter in a field may change it in the same event
  const draftRef = useRef(draft);
  const setDraft = (next: Record<string, string | string[]>) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const filterKey = JSON.stringify(filter);
  useEffect(() => setDraft(filter), [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const actors = (draft.actor as string[] | undefined) ?? [];
  const pickedActors = () => (draftRef.current.actor as string[] | undefined) ?? [];

  const listKey = JSON.stringify([filter, sort, order, offset, after]);
  const loaded = useApi<{ key: string; page: EventPage & { resolved?: ActorResolution[] } }>(listKey, () =>
    api.get<EventPage & { resolved?: ActorResolution[] }>('/api/events', { ...filter, sort, order, ...(after ? { after } : { offset }), limit: PAGE }).then((page) => ({ key: listKey, page })),
  );
  // the results of another filter are never shown while this one loads
  const list = { data: loaded.data?.key === listKey ? loaded.data.page : null, error: loaded.error, loading: loaded.loading };
  const timeline = useApi<{ months: { month: string; events: number }[] }>(filterKey, () => api.get('/api/timeline', filter));
  const outlets = useApi<{ outlets: { outlet: string; events: number }[] }>('outlets', () => api.get('/api/outlets'));
  const facets = useApi<Facets>('facets', () => api.get('/api/facets'));
  const pick = (key: string) => (v: string) => setDraft({ ...draftRef.current, [key]: v });

  const sortButton = (key: 'date' | 'reports', label: string) => (
    <button
      type="button"
      className="sort"
      aria-label={`Sort by ${label}`}
      onClick={() => go({ sort: key, order: sort === key && order === 'desc' ? 'asc' : 'desc' })}
    >
      {label} {sort === key ? (order === 'desc' ? '▼' : '▲') : ''}
    </button>
  );

  return (
    <>
      <h1>Events</h1>
      <form
        className="filters"
        aria-label="Filter events"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...draftRef.current });
        }}
      >
        <ActorPicker label="Actor" value={actors[0] ?? ''} onChange={(id) => setDraft({ ...draftRef.current, actor: [id, pickedActors()[1] ?? ''].filter(Boolean) })} />
        <ActorPicker label="With" value={actors[1] ?? ''} onChange={(id) => setDraft({ ...draftRef.current, actor: [pickedActors()[0] ?? '', id].filter(Boolean) })} />
        <DateField label="From" name="from" value={(draft.from as string) ?? ''} onChange={pick('from')} />
        <DateField label="To" name="to" value={(draft.to as string) ?? ''} onChange={pick('to')} />
        <label className="field">
          <span>Mode</span>
          <select value={(draft.mode as string) ?? ''} onChange={(e) => setDraft({ ...draftRef.current, mode: e.target.value })}>
            <option value="">any</option>
            {MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Outlet</span>
          <select value={(draft.outlet as string) ?? ''} onChange={(e) => setDraft({ ...draftRef.current, outlet: e.target.value })}>
            <option value="">any</option>
            {outlets.data?.outlets.map((o) => (
              <option key={o.outlet} value={o.outlet}>
                {o.outlet} ({o.events})
              </option>
            ))}
          </select>
        </label>
        <FacetSelect label="Wire source" name="source" value={(draft.source as string) ?? ''} facets={facets.data?.sources} onChange={pick('source')} />
        <FacetSelect label="Language" name="language" value={(draft.language as string) ?? ''} facets={facets.data?.languages} onChange={pick('language')} />
        <FacetSelect label="Country" name="country" value={(draft.country as string) ?? ''} facets={facets.data?.countries} onChange={pick('country')} />
        <FacetSelect
          label="Status"
          name="status"
          value={(draft.status as string) ?? ''}
          facets={facets.data?.statuses.map((f) => ({ ...f, name: STATUS_LABEL[f.id] ?? f.name }))}
          onChange={pick('status')}
        />
        <label className="field wide">
          <span>Words in the evidence</span>
          <input type="search" value={(draft.q as string) ?? ''} onChange={(e) => setDraft({ ...draftRef.current, q: e.target.value })} />
        </label>
        <div className="actions">
          <button type="submit">Apply</button>
          <button type="button" onClick={() => navigate(href('/events'))}>
            Clear
          </button>
        </div>
      </form>

      {timeline.data && (
        <Timeline
          months={timeline.data.months}
          label={filter.actor ? `Events of ${(filter.actor as string[]).join(' and ')}` : 'All events'}
          onPick={(from, to) => go({ from, to: to ?? from })}
        />
      )}

      <p className="muted">
        <a href={href('/map', filter)}>These events on the map</a> · Download them:{' '}
        {[
          ['csv', 'CSV'],
          ['plover', 'PLOVER'],
          ['gexf', 'GEXF'],
          ['events-json', 'JSON'],
        ].map(([format, label], i) => (
          <span key={format}>
            {i > 0 && ' · '}
            <a className="export" href={`/api/export${query({ ...filter, format, key: readKey })}`} download>
              {label}
            </a>
          </span>
        ))}
      </p>
      <SavedSearches filter={filter} readKey={readKey} />
      {list.data?.resolved?.map((r) => (
        <p key={r.query} role="status" className="resolved">
          {r.actorId ? (
            <>
              Actor “{r.query}” read as <a href={`#/actor/${encodeURIComponent(r.actorId)}`}>{r.name}</a>
              {r.via ? ` (${r.via}: ${r.matched})` : ''}.
            </>
          ) : (
            <>No actor is known as “{r.query}”.</>
          )}
        </p>
      ))}
      {list.error && <p role="alert">{list.error}</p>}
      {!list.data && !list.error && (
        <p className="muted" role="status">
          Loading events…
        </p>
      )}
      <table className="events">
        <caption className="sr-only">Events matching the filter</caption>
        <thead>
          <tr>
            <th scope="col">{sortButton('date', 'Date')}</th>
            <th scope="col">Participants</th>
            <th scope="col">Place</th>
            <th scope="col">Mode</th>
            <th scope="col">{sortButton('reports', 'Reports')}</th>
            <th scope="col">Who says so</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody aria-busy={list.data ? undefined : true}>
          {list.data?.items.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">
                <a href={href(`/event/${encodeURIComponent(e.id)}`)}>{e.date ?? 'undated'}</a>
              </td>
              <td>
                {e.participants.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ', '}
                    <a href={href(`/actor/${encodeURIComponent(p.id)}`)}>{p.name}</a>
                  </span>
                ))}
              </td>
              <td>{e.place?.name ?? ''}</td>
              <td>{e.mode}</td>
              <td className="num">
                {e.reports}
                {e.conflicts > 0 && (
                  <span className="badge" title="reports disagree">
                    {' '}
                    ≠{e.conflicts}
                  </span>
                )}
              </td>
              <td className="who">
                {e.status && <span className={`status status-${e.status}`}>{STATUS_LABEL[e.status] ?? e.status}</span>}
                {e.independentSources !== null && (
                  <span className="muted">
                    {' '}
                    {e.independentSources} independent source{e.independentSources === 1 ? '' : 's'}
                  </span>
                )}
                {e.sources.length > 0 && <span className="muted"> · via {e.sources.map((s) => s.name).join(', ')}</span>}
              </td>
              <td className="snippet">
                <a href={href(`/event/${encodeURIComponent(e.id)}`)} aria-label={`Open event of ${e.date ?? 'unknown date'}`}>
                  {e.snippet || 'open'}
                </a>
                {e.outlets.length > 0 && <span className="muted"> — {e.outlets.join(', ')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && (
        <Pager
          total={list.data.total}
          offset={list.data.offset}
          limit={PAGE}
          onOffset={(o) => go({ offset: o })}
          onNext={list.data.next ? ((page) => () => go({ offset: page.offset + PAGE, after: page.next ?? undefined }))(list.data) : undefined}
        />
      )}
    </>
  );
}
