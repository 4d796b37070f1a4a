// An event's status, with its reasons, in this order:
// - disputed: a denial, correction or "no meeting took place" is linked to it (by whom, when);
// - confirmed: a report relays a participant's side's own statement (a readout: the participant,
//   their office, ministry, presidency or spokesperson);
// - corroborated: two or more independent sources (source chains) report it;
// - single-source: one source chain, however many reports repeat it.
// An analyst's override replaces the status and keeps the reasons, with the override's own.
import type { SourceChain, SourceReport } from './independence.ts';
import type { DatedDenial } from './link-denials.ts';

export type EventStatusKind = 'confirmed' | 'corroborated' | 'single-source' | 'disputed';

export interface StatusOverride {
  status: EventStatusKind;
  reason: string;
  author: string;
  judgementId: number;
}

export interface EventStatus {
  status: EventStatusKind;
  /** Independent sources: the number of source chains. */
  independentSources: number;
  reports: number;
  reasons: string[];
  /** The participant-side statements that confirm it. */
  confirmedBy: Array<{ docId: string; side: string; sourceId: string | null; name: string | null }>;
  disputedBy: Array<{ claimId: string; docId: string; outlet: string | null; by: string | null; published: string | null; reason: string }>;
  override?: StatusOverride;
}

export const STATUS_KINDS: readonly EventStatusKind[] = ['confirmed', 'corroborated', 'single-source', 'disputed'];

export function eventStatus(reports: readonly SourceReport[], chains: readonly SourceChain[], denials: readonly DatedDenial[], participants: readonly string[], override?: StatusOverride | null): EventStatus {
  const reasons: string[] = [];
  const confirmedBy = reports.flatMap((r) =>
    r.attributions.filter((a) => a.kind === 'official' && a.side && participants.includes(a.side)).map((a) => ({ docId: r.docId, side: a.side!, sourceId: a.sourceId, name: a.name })),
  );
  const disputedBy = denials.map((d) => ({ claimId: d.id, docId: d.docId, outlet: d.outlet, by: d.by?.name ?? null, published: d.published, reason: d.reason }));
  const n = chains.length;
  let status: EventStatusKind;
  if (disputedBy.length) {
    status = 'disputed';
    for (const d of disputedBy) reasons.push(`${d.reason === 'denied' ? 'denied' : 'said not to have taken place'}${d.by ? ` by ${d.by}` : ''} in ${d.docId}${d.outlet ? ` (${d.outlet})` : ''}${d.published ? ` on ${d.published.slice(0, 10)}` : ''}`);
  } else if (confirmedBy.length) status = 'confirmed';
  else status = n >= 2 ? 'corroborated' : 'single-source';
  for (const c of confirmedBy) reasons.push(`a statement of ${c.side}'s side${c.name ? ` (${c.name})` : ''} in ${c.docId}`);
  reasons.push(`${n} independent source${n === 1 ? '' : 's'} of ${reports.length} report${reports.length === 1 ? '' : 's'}`);
  if (override) {
    reasons.push(`set to ${override.status} by ${override.author}: ${override.reason}`);
    status = override.status;
  }
  return { status, independentSources: n, reports: reports.length, reasons, confirmedBy, disputedBy, ...(override ? { override } : {}) };
}
