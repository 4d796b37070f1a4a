// Who says so, for one event: its status with the reasons, each independent source as a chain
// (who published first, who followed and how, whom they cite), and the denials linked to it with
// the denying words marked in their article. Article text is shown as text only (MarkedText).
import type { EventDetail, TextWindow } from '../api.ts';
import type { Mark } from './MarkedText.tsx';
import { ArticleWindows } from './ArticleWindows.tsx';
import { href } from '../router.ts';

const LABEL: Record<string, string> = {
  confirmed: 'confirmed by a participant’s readout',
  corroborated: 'corroborated by independent sources',
  'single-source': 'single source',
  disputed: 'disputed',
};

function docLink(event: EventDetail, id: string) {
  const d = event.documents[id];
  return <a href={href(`/document/${encodeURIComponent(id)}`)}>{d?.outlet ?? 'unknown outlet'} · {d?.title ?? id}</a>;
}

/** The denying sentence, from the window the API sent around it. */
function sentenceOf(windows: readonly TextWindow[], span: { start: number; end: number }): string {
  const w = windows.find((x) => x.start <= span.start && x.end >= span.end);
  return w ? w.text.slice(span.start - w.start, span.end - w.start) : '';
}

export function WhoSaysSo({ event }: { event: EventDetail }) {
  if (!event.status) return null;
  const s = event.status;
  return (
    <section className="who-says-so" aria-label="Who says so">
      <h2>
        Who says so: <span className={`status status-${s.status}`}>{LABEL[s.status] ?? s.status}</span>
      </h2>
      <p className="muted">
        {s.independent_sources} independent source{s.independent_sources === 1 ? '' : 's'} for {s.reports} report{s.reports === 1 ? '' : 's'}
      </p>
      <ul className="reasons">
        {s.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <ol className="chains">
        {(event.sources ?? []).map((c) => (
          <li key={c.id}>
            <strong>
              {c.origin.kind === 'own' ? 'own reporting' : c.origin.kind}
              {c.origin.name && c.origin.kind !== 'own' ? `: ${c.origin.name}` : ''}
            </strong>
            {' — first '}
            {docLink(event, c.first.doc)} <span className="muted">({c.first.published ?? 'undated'})</span>
            {c.followers.length > 0 && (
              <ul>
                {c.followers.map((f) => (
                  <li key={f.doc}>
                    then {docLink(event, f.doc)} <span className="muted">({f.published ?? 'undated'}; {f.via}{f.similarity !== undefined ? ` ${f.similarity}` : ''})</span>
                  </li>
                ))}
              </ul>
            )}
            {c.cites.length > 0 && (
              <p className="muted">
                cites: {[...new Set(c.cites.map((x) => `${x.kind}${x.name ? ` ${x.name}` : ''}`))].join(', ')}
              </p>
            )}
          </li>
        ))}
      </ol>
      {(event.denials ?? []).map((d) => {
        const doc = event.documents[d.doc];
        if (!doc) return null;
        const marks: Mark[] = [{ ...d.sentence, kind: 'evidence denial' }];
        if (d.cue) marks.push({ ...d.cue, kind: 'denial-cue', title: 'the denying words' });
        if (d.by) marks.push({ ...d.by.span, kind: 'participant', title: `denied by ${d.by.name ?? ''}` });
        const c = d.correction;
        // a correction: the wrong values and the right ones marked in its words
        for (const v of c?.old ?? []) marks.push({ ...v.span, kind: 'denial-cue', title: 'what the earlier version said' });
        for (const v of c?.new ?? []) marks.push({ ...v.span, kind: 'participant', title: 'as corrected' });
        const heading = !c
          ? d.reason === 'denied' ? 'Denied' : 'Said not to have taken place'
          : c.field === 'occurrence' ? 'Said by a correction not to have taken place'
            : `Corrected${c.field ? ` ${c.field}: ${c.old.map((v) => v.text).join(', ')} → ${c.new.map((v) => v.text).join(', ')}` : ''}`;
        return (
          <article key={d.id} className="denial" aria-label={c ? 'A correction' : 'A denial'}>
            <h3>
              {heading}
              {d.by?.name ? ` by ${d.by.name}` : ''} — {docLink(event, d.doc)}
            </h3>
            <blockquote className="quote">
              <p>{sentenceOf(doc.windows, d.sentence)}</p>
            </blockquote>
            <ArticleWindows docId={d.doc} length={doc.length} windows={doc.windows} marks={marks} label={`Article ${doc.title ?? d.doc}`} />
          </article>
        );
      })}
    </section>
  );
}
