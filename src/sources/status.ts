// An event's status, with its reasons, in this order:
// - disputed: a denial, or a correction saying no meeting took place, is linked to it (by whom, when);
//   a correction of its place, date or people is listed with the reasons, and disputes nothing;
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
  /** Corrections of its place, date or people (field, wrong and right values). */
  correctedBy: Array<{ claimId: string; docId: string; outlet: string | null; published: string | null; field: string | null; old: string[]; new: string[] }>;
  override?: StatusOverride;
}

export const STATUS_KINDS: readonly EventStatusKind[] = ['confirmed', 'corroborated', 'single-source', 'disputed'];

export function eventStatus(reports: readonly SourceReport[], chains: readonly SourceChain[], denials: readonly DatedDenial[], participants: readonly string[], override?: StatusOverride | null): EventStatus {
  const reasons: string[] = [];
  const confirmedBy = reports.flatMap((r) =>
    r.attributions.filter((a) => a.kind === 'official' && a.side && participants.includes(a.side)).map((a) => ({ docId: r.docId, side: a.side!, sourceId: a.sourceId, name: a.name })),
  );
  const disputing = denials.filter((d) => !d.correction || d.correction.field === 'occurrence');
  const disputedBy = disputing.map((d) => ({ claimId: d.id, docId: d.docId, outlet: d.outlet, by: d.by?.name ?? null, published: d.published, reason: d.reason }));
  const correctedBy = denials
    .filter((d) => d.correction && d.correction.field !== 'occurrence')
    .map((d) => ({ claimId: d.id, docId: d.docId, outlet: d.outlet, published: d.published, field: d.correction!.field, old: d.correction!.old.map((v) => v.text), new: d.correction!.new.map((v) => v.text) }));
  const n = chains.length;
  let status: EventStatusKind;
  if (disputedBy.length) {
    status = 'disputed';
    for (const d of disputedBy) reasons.push(`${d.reason === 'denied' ? 'denied' : d.reason === 'corrected' ? 'said by a correction not to have taken place' : 'said not to have taken place'}${d.by ? ` by ${d.by}` : ''} in ${d.docId}${d.outlet ? ` (${d.outlet})` : ''}${d.published ? ` on ${d.published.slice(0, 10)}` : ''}`);
  } else if (confirmedBy.length) status = 'confirmed';
  else status = n >= 2 ? 'corroborated' : 'single-source';
  for (const c of correctedBy) reasons.push(`corrected in ${c.docId}${c.outlet ? ` (${c.outlet})` : ''}${c.field ? `: ${c.field} ${c.old.join(', ')} -> ${c.new.join(', ')}` : ''}`);
  for (const c of confirmedBy) reasons.push(`a statement of ${c.side}'s side${c.name ? ` (${c.name})` : ''} in ${c.docId}`);
  reasons.push(`${n} independent source${n === 1 ? '' : 's'} of ${reports.length} report${reports.length === 1 ? '' : 's'}`);
  if (override) {
    reasons.push(`set to ${override.status} by ${override.author}: ${override.reason}`);
    status = override.status;
  }
  return { status, independentSources: n, reports: reports.length, reasons, confirmedBy, disputedBy, correctedBy, ...(override ? { override } : {}) };
}
