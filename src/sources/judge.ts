// Analysts' judgements of sources, checked before they are stored: two documents are one source
// or independent; an event's status set by hand, with a reason. The status judgement keeps the
// event's report ids, so it finds the event again when re-extraction changes its id.
import { ParleyError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import type { NewSourceJudgement, SourceJudgement, SourceJudgementKind } from '../store/sqlite/sources.ts';
import { STATUS_KINDS } from './status.ts';

export const SOURCE_JUDGEMENT_KINDS: readonly SourceJudgementKind[] = ['same-source', 'independent', 'status'];

export interface SourceJudgementInput {
  kind: string;
  subjects: string[];
  status?: string | null;
  author: string;
  reason?: string | null;
}

export async function judgeSources(store: Store, input: SourceJudgementInput): Promise<SourceJudgement> {
  const fail = (message: string): never => {
    throw new ParleyError('usage', `source judgement ${input.kind}: ${message}`);
  };
  if (!(SOURCE_JUDGEMENT_KINDS as readonly string[]).includes(input.kind)) fail(`unknown kind (one of ${SOURCE_JUDGEMENT_KINDS.join(', ')})`);
  if (!input.author?.trim()) fail('an author is needed');
  const kind = input.kind as SourceJudgementKind;
  const out: NewSourceJudgement = { kind, subjects: input.subjects, author: input.author.trim(), reason: input.reason?.trim() || null };
  if (kind === 'status') {
    if (input.subjects.length !== 1) fail('names one event');
    if (!input.status || !(STATUS_KINDS as readonly string[]).includes(input.status)) fail(`status must be one of ${STATUS_KINDS.join(', ')}`);
    if (!out.reason) fail('a status set by hand needs a reason');
    const event = await store.getEvent(input.subjects[0]);
    if (!event) throw new ParleyError('not-found', `no event ${input.subjects[0]}`);
    out.status = input.status;
    out.anchors = event.reports.map((r) => r.id);
  } else {
    if (input.subjects.length !== 2 || input.subjects[0] === input.subjects[1]) fail('names two different documents');
    for (const id of input.subjects) if (!(await store.findHashById(id))) throw new ParleyError('not-found', `no document ${id}`);
  }
  return store.sources().addJudgement(out);
}
