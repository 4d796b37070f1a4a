// Why an event's reports are together: each link the merging made (rule, score, the features it
// weighed) and each analyst's judgement that shaped it (who, when, why). Report ids are shown as
// their outlets, so the explanation reads without the ids.
import { api, type EventDetail, type Judgement } from '../api.ts';
import { useApi } from '../useApi.ts';

export interface MergeLink {
  left: string;
  right: string;
  rule: string;
  score: number;
  version: string;
  judgementId?: number;
  features?: {
    participants?: { jaccard: number; shared: string[] };
    time?: { verdict: string; left: string | null; right: string | null; gapDays: number | null };
    place?: { verdict: string; left: string | null; right: string | null };
    mode?: { verdict: string };
    copy?: number;
  };
}

const RULES: Record<string, string> = {
  score: 'scored as the same meeting',
  'only-candidate': 'the only dated meeting of these people it fits',
  'dateline-day': "the one event holding its dateline's day",
  'best-context': 'the event whose articles share its other actors',
  'same-place': 'same people, same place, no precise time',
  copy: 'the same report republished (near-duplicate text)',
  human: 'an analyst said so',
};

export function WhyMerged({ event, links }: { event: EventDetail; links: readonly MergeLink[] }) {
  const human = useApi<{ judgements: Judgement[] }>(event.humanJudgements.length ? `judgements-of-${event.id}` : null, () => api.get('/api/judgements'));
  if (links.length === 0 && event.humanJudgements.length === 0) return null;
  const reportName = (id: string) => {
    const r = event.reports.find((x) => x.id === id);
    const doc = r ? event.documents[r.docId] : undefined;
    return r ? `${doc?.outlet ?? r.docId} (${doc?.published ?? 'undated'})` : id;
  };
  const name = (id: string) => event.actors[id]?.name ?? id;
  const shaping = human.data?.judgements.filter((j) => event.humanJudgements.includes(j.id)) ?? [];
  return (
    <details className="why">
      <summary>Why these reports are one event</summary>
      <ul>
        {links.map((l, i) => (
          <li key={i}>
            {reportName(l.left)} = {reportName(l.right)}: {RULES[l.rule] ?? l.rule}
            {l.rule !== 'human' && ` (score ${l.score.toFixed(2)})`}
            {l.features && (
              <span className="muted">
                {' '}
                — participants {l.features.participants ? `${Math.round(l.features.participants.jaccard * 100)}% shared (${l.features.participants.shared.map(name).join(', ')})` : '?'}; time{' '}
                {l.features.time?.verdict ?? '?'}
                {l.features.time?.gapDays != null ? ` (${l.features.time.gapDays} days apart)` : ''}; place {l.features.place?.verdict ?? '?'}; mode {l.features.mode?.verdict ?? '?'}
                {l.features.copy !== undefined ? `; texts ${Math.round(l.features.copy * 100)}% alike` : ''}
              </span>
            )}
          </li>
        ))}
        {shaping.map((j) => (
          <li key={`j${j.id}`}>
            Judgement #{j.id} ({j.kind}) by {j.author}, {j.createdAt.slice(0, 16).replace('T', ' ')}
            {j.reason ? `: ${j.reason}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
