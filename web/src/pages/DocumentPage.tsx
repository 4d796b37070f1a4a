// One document: its text with every span found in it (mentions, event evidence, noise).
import { api, type Span } from '../api.ts';
import { MarkedText, type Mark } from '../components/MarkedText.tsx';
import { href } from '../router.ts';
import { useApi } from '../useApi.ts';

interface DocumentDetail {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string;
  text: string;
  spans: {
    noise: (Span & { kind: string })[];
    mentions: (Span & { kind: string; via: string; actorIds: string[] })[];
    reports: { id: string; eventId: string | null; mode: string; trigger: Span; evidence: Span[] }[];
  };
}

export function DocumentPage({ id }: { id: string }) {
  const { data: doc, error } = useApi<DocumentDetail>(id, () => api.get(`/api/documents/${encodeURIComponent(id)}`));
  if (error) return <p role="alert">{error}</p>;
  if (!doc) return <p className="muted">Loading…</p>;
  const marks: Mark[] = [
    ...doc.spans.noise.map((n) => ({ ...n, kind: 'noise', title: n.kind })),
    ...doc.spans.reports.flatMap((r) => r.evidence.map((s) => ({ ...s, kind: 'evidence' }))),
    ...doc.spans.reports.map((r) => ({ ...r.trigger, kind: 'trigger', title: r.mode })),
    ...doc.spans.mentions.map((m) => ({ ...m, kind: 'participant', title: `${m.actorIds.join(', ')} (${m.via})` })),
  ];
  return (
    <>
      <h1>{doc.title ?? doc.id}</h1>
      <p className="muted">
        {doc.outlet ?? 'unknown outlet'} · {doc.published ?? 'undated'} · {doc.language}
        {doc.url && (
          <>
            {' · '}
            <a href={doc.url} rel="noreferrer noopener" target="_blank">
              source
            </a>
          </>
        )}
      </p>
      <ul>
        {doc.spans.reports.map((r) =>
          r.eventId ? (
            <li key={r.id}>
              <a href={href(`/event/${encodeURIComponent(r.eventId)}`)}>
                {r.mode}: {doc.text.slice(r.trigger.start, r.trigger.end)}
              </a>
            </li>
          ) : null,
        )}
      </ul>
      <MarkedText text={doc.text} marks={marks} label={`Article ${doc.title ?? doc.id}`} />
    </>
  );
}
