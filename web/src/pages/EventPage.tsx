// One event: who, when, where, how; then every report with its outlet and date, the article text
// with the evidence marked, and where reports disagree.
import { useEffect, useRef } from 'react';
import { api, type EventDetail, type Report } from '../api.ts';
import { WhoSaysSo } from '../components/WhoSaysSo.tsx';
import { EventActions } from '../components/EventActions.tsx';
import { WhyMerged, type MergeLink } from '../components/WhyMerged.tsx';
import { ArticleWindows } from '../components/ArticleWindows.tsx';
import { FramingColumns, framingRowsOf } from '../components/FramingColumns.tsx';
import type { Mark } from '../components/MarkedText.tsx';
import { href } from '../router.ts';
import { useApi } from '../useApi.ts';

function marksOf(report: Report, name: (id: string) => string): Mark[] {
  const marks: Mark[] = report.evidence.map((s) => ({ ...s, kind: 'evidence' }));
  marks.push({ ...report.trigger, kind: 'trigger', title: `trigger (${report.mode})` });
  for (const p of report.participants) for (const s of p.spans) marks.push({ ...s, kind: 'participant', title: name(p.actorId) });
  if (report.date?.span) marks.push({ ...report.date.span, kind: 'date', title: report.date.value });
  if (report.place) marks.push({ ...report.place.span, kind: 'place', title: name(report.place.actorId) });
  for (const a of report.attribution ?? []) if (a.span) marks.push({ ...a.span, kind: 'attribution', title: `${a.kind}${a.name ? `: ${a.name}` : ''}` });
  return marks;
}

function ReportView({ report, event, index }: { report: Report; event: EventDetail; index: number }) {
  const doc = event.documents[report.docId];
  const name = (id: string) => event.actors[id]?.name ?? id;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // bring the evidence into view inside the article box, not the page
    const article = box.current?.querySelector('.article');
    const first = article?.querySelector('mark.evidence') as HTMLElement | null;
    if (article && first) (article as HTMLElement).scrollTop = Math.max(0, first.offsetTop - (article as HTMLElement).offsetTop - 40);
  }, [report.id]);
  return (
    <article className="report" ref={box} aria-labelledby={`report-${index}`}>
      <header>
        <h3 id={`report-${index}`}>
          {doc?.outlet ?? 'unknown outlet'} · {doc?.published ?? 'undated'}
        </h3>
        <p className="muted">
          <a href={href(`/document/${encodeURIComponent(report.docId)}`)}>{doc?.title ?? report.docId}</a>
          {doc?.url && (
            <>
              {' · '}
              <a href={doc.url} rel="noreferrer noopener" target="_blank">
                source
              </a>
            </>
          )}
          {' · '}
          {report.mode}, {report.date ? `${report.date.value}${report.date.span ? '' : ' (inferred)'}` : 'no date'}
          {report.place ? `, ${name(report.place.actorId)}` : ''} · report <code>{report.id}</code>
        </p>
        {report.attribution && (
          <p className="attribution">
            says so:{' '}
            {report.attribution
              .map((a) => (a.kind === 'own' ? 'the outlet’s own reporting' : `${a.kind}${a.name ? ` (${a.name})` : ''}${a.kind === 'official' ? (a.side ? `, ${name(a.side)}’s side` : ', a third party') : ''}`))
              .join('; ')}
          </p>
        )}
      </header>
      <blockquote className="quote">
        {report.quotes.map((q, i) => (
          <p key={i}>{q}</p>
        ))}
      </blockquote>
      {doc && (
        <ArticleWindows docId={report.docId} length={doc.length} windows={doc.windows} marks={marksOf(report, name)} label={`Article ${doc.title ?? report.docId}`} />
      )}
    </article>
  );
}

export function EventPage({ id }: { id: string }) {
  const { data: loaded, error, reload } = useApi<{ requested: string; event: EventDetail }>(id, () =>
    api.get<EventDetail>(`/api/events/${encodeURIComponent(id)}`).then((event) => ({ requested: id, event })),
  );
  const framing = useApi<{ requested: string; available: boolean; rows: Record<string, unknown>[] }>(`framing:${id}`, () =>
    api.get<{ available: boolean; rows: Record<string, unknown>[] }>('/api/framing', { event: id }).then((f) => ({ requested: id, ...f })),
  );
  const framingRows = framing.data?.requested === id && framing.data.available ? framingRowsOf(framing.data.rows) : [];
  // what is shown belongs to this id (not the previous page's while this one loads)
  const event = loaded?.requested === id ? loaded.event : null;
  // a merged-away id is redirected by the server: say so, and show the address of the event it went to
  const moved = event && event.id !== id ? event.id : null;
  useEffect(() => {
    if (moved) history.replaceState(null, '', href(`/event/${encodeURIComponent(moved)}`));
  }, [moved]);
  if (error) return <p role="alert">{error}</p>;
  if (!event) return <p className="muted">Loading…</p>;
  const name = (actorId: string) => event.actors[actorId]?.name ?? actorId;
  const participantIds = event.participants.map((p) => p.actorId);
  return (
    <>
      <h1>
        {event.participants.map((p) => name(p.actorId)).join(', ') || 'Event'} <span className="muted">({event.mode})</span>
      </h1>
      {moved && (
        <p role="status" className="moved">
          Event <code>{id}</code> was merged into this one (<code>{moved}</code>).
        </p>
      )}
      <dl className="facts">
        <dt>Date</dt>
        <dd>{event.date ?? 'unknown'}</dd>
        <dt>Place</dt>
        <dd>{event.place ? <a href={href(`/actor/${encodeURIComponent(event.place)}`)}>{name(event.place)}</a> : 'unknown'}</dd>
        <dt>Mode</dt>
        <dd>{event.mode}</dd>
        <dt>Participants</dt>
        <dd>
          {event.participants.map((p, i) => (
            <span key={p.actorId}>
              {i > 0 && ', '}
              <a href={href(`/actor/${encodeURIComponent(p.actorId)}`)}>{name(p.actorId)}</a>
              <span className="muted"> ({p.reports.length})</span>
            </span>
          ))}
        </dd>
        <dt>Reports</dt>
        <dd>
          {event.reports.length} in {Object.keys(event.documents).length} document(s) ·{' '}
          {participantIds.length >= 2 && (
            <a href={href('/events', { actor: participantIds.slice(0, 2) })}>other meetings of the first two</a>
          )}
        </dd>
        <dt>Id</dt>
        <dd>
          <code>{event.id}</code>
          {event.humanJudgements.length > 0 && <span className="muted"> · shaped by judgements {event.humanJudgements.join(', ')}</span>}
        </dd>
      </dl>
      {event.conflicts.length > 0 && (
        <section className="conflicts" aria-label="Where reports disagree">
          <h2>Where reports disagree</h2>
          <ul>
            {event.conflicts.map((c) => (
              <li key={c.field}>
                <strong>{c.field}</strong>:{' '}
                {c.values.map((v, i) => (
                  <span key={v.value}>
                    {i > 0 && ' vs '}
                    {c.field === 'place' ? name(v.value) : v.value} ({v.reports.length} report{v.reports.length === 1 ? '' : 's'})
                  </span>
                ))}
                {c.chosen !== null && <span className="muted"> — shown: {c.field === 'place' ? name(c.chosen) : c.chosen}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {framingRows.length > 0 && (
        <section className="framing-side" aria-label="How each outlet described them">
          <h2>How each outlet described them</h2>
          <FramingColumns rows={framingRows} byActor label="Descriptors by outlet" />
        </section>
      )}
      <WhoSaysSo event={event} />
      <WhyMerged event={event} links={(event as EventDetail & { mergeJudgements?: MergeLink[] }).mergeJudgements ?? []} />
      <EventActions key={event.id} event={event} onChanged={reload} />
      <p className="legend" aria-hidden="true">
        <mark className="evidence">evidence</mark> <mark className="evidence trigger">trigger</mark>{' '}
        <mark className="evidence participant">participant</mark> <mark className="evidence date">date</mark>{' '}
        <mark className="evidence place">place</mark> <mark className="evidence attribution">who says so</mark>
      </p>
      <div className="reports">
        {event.reports.map((r, i) => (
          <ReportView key={r.id} report={r} event={event} index={i} />
        ))}
      </div>
    </>
  );
}
