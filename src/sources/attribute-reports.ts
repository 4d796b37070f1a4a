// Who one report's words come from: the attributions made in its evidence sentences, and those
// made for the whole document (a credit, the lead's "according to"); with none, the outlet's own
// reporting. An official statement is a participant's side's when its owner is that participant,
// or the country or organization the participant belongs to (the knowledge base's roles and
// country), or a person of that country or organization; else it is a third party's.
import type { Attribution, EventReport, ReportAttribution } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';

function affiliationsOf(kb: KnowledgeBase, id: string): Set<string> {
  const set = new Set<string>(kb.affiliations.get(id) ?? []);
  const e = kb.entries.get(id);
  if (e?.country) set.add(e.country);
  return set;
}

/** The participant whose side the owner speaks for, or null for a third party. */
export function sideOf(kb: KnowledgeBase, owner: string | null, participants: readonly string[]): string | null {
  if (!owner) return null;
  if (participants.includes(owner)) return owner;
  const ownerAff = affiliationsOf(kb, owner);
  for (const p of participants) {
    const aff = affiliationsOf(kb, p);
    if (aff.has(owner)) return p; // the participant's country or organization
    for (const a of ownerAff) if (a === p || aff.has(a)) return p; // a person of the participant's side
  }
  return null;
}

/** How far past its last evidence sentence a report's text runs on (the sentences that tell more of it). */
const STRETCH = 600;

export function attributeReports(reports: readonly EventReport[], attributions: readonly Attribution[], kb: KnowledgeBase): Record<string, ReportAttribution[]> {
  const out: Record<string, ReportAttribution[]> = {};
  const whole = attributions.filter((a) => a.scope === 'document');
  const triggers = reports.map((r) => r.trigger.start).sort((a, b) => a - b);
  for (const r of reports) {
    const participants = r.participants.map((p) => p.actorId);
    // the report's stretch of text: from its trigger on, past its evidence, up to the next report's
    // trigger ("They met on Monday. The two discussed Gaza, according to Erdogan's office.")
    const last = Math.max(...r.evidence.map((e) => e.end));
    const next = triggers.find((t) => t > r.trigger.start) ?? Infinity;
    const inStretch = (a: Attribution): boolean => a.start >= r.trigger.start && a.start < Math.min(next, last + STRETCH);
    const inEvidence = attributions.filter((a) => a.scope === 'sentence' && (r.evidence.some((e) => a.start >= e.start && a.end <= e.end) || inStretch(a)));
    const list: ReportAttribution[] = [];
    const seen = new Set<string>();
    for (const a of [...inEvidence, ...whole]) {
      const key = `${a.kind}:${a.sourceId ?? a.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({
        kind: a.kind,
        sourceId: a.sourceId,
        name: a.name,
        span: { start: a.start, end: a.end },
        // a joint statement is the sides' own: the first participant's side stands for all of them
        ...(a.kind === 'official' ? { side: a.joint ? (participants[0] ?? null) : sideOf(kb, a.sourceId, participants) } : {}),
        ...(a.joint ? { joint: true } : {}),
        ...(a.country ? { country: a.country } : {}),
      });
    }
    out[r.id] = list.length ? list : [{ kind: 'own', sourceId: null, name: null, span: null }];
  }
  return out;
}
