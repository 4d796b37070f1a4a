// Who says so as exported (events-json, the API): plain JSON of an event's sources, status and
// denials. One shape for every place that shows it.
import type { AttributionKind, ReportAttribution, Span } from '../core/types.ts';
import type { EventSources } from './event-sources.ts';
import type { EventStatusKind } from './status.ts';

export interface SourceJson {
  id: string;
  origin: { kind: AttributionKind; source: string | null; name: string | null };
  documents: string[];
  first: { doc: string; outlet: string | null; published: string | null };
  followers: Array<{ doc: string; outlet: string | null; published: string | null; via: string; similarity?: number }>;
  cites: Array<{ doc: string; kind: AttributionKind; source: string | null; name: string | null }>;
}

export interface StatusJson {
  status: EventStatusKind;
  independent_sources: number;
  reports: number;
  reasons: string[];
  confirmed_by: Array<{ doc: string; side: string; source: string | null; name: string | null }>;
  disputed_by: Array<{ claim: string; doc: string; outlet: string | null; by: string | null; published: string | null; reason: string }>;
  /** corrections of the event's place, date or people (a correction saying no meeting took place disputes it) */
  corrected_by: Array<{ claim: string; doc: string; outlet: string | null; published: string | null; field: string | null; old: string[]; new: string[] }>;
  override: { status: EventStatusKind; reason: string; author: string; judgement: number } | null;
}

export interface DenialJson {
  id: string;
  doc: string;
  reason: string;
  /** the sentence that denies, the denying words, the denied trigger (offsets into the document's text) */
  sentence: Span;
  cue: Span | null;
  trigger: Span;
  participants: string[];
  date: string | null;
  by: { actor: string | null; name: string | null; span: Span } | null;
  /** a correction (reason 'corrected'): the field it changes, the wrong and the right values with their words */
  correction?: { field: string | null; old: Array<{ value: string; text: string; span: Span }>; new: Array<{ value: string; text: string; span: Span }> };
}

export interface AttributionJson {
  kind: AttributionKind;
  source: string | null;
  name: string | null;
  span: Span | null;
  side?: string | null;
  /** official: a statement the sides issued together */
  joint?: boolean;
  /** outlet not in the knowledge base: the country named with it ("Turkish media") */
  country?: string;
}

export const attributionJson = (a: ReportAttribution): AttributionJson => ({
  kind: a.kind, source: a.sourceId, name: a.name, span: a.span, ...(a.kind === 'official' ? { side: a.side ?? null, joint: !!a.joint } : {}), ...(a.country ? { country: a.country } : {}),
});

export function sourcesJson(es: EventSources): { sources: SourceJson[]; status: StatusJson; denials: DenialJson[] } {
  const s = es.status;
  return {
    sources: es.sources.map((c) => ({
      id: c.id,
      origin: { kind: c.origin.kind, source: c.origin.sourceId, name: c.origin.name },
      documents: c.docs,
      first: { doc: c.first.docId, outlet: c.first.outlet, published: c.first.published },
      followers: c.followers.map((f) => ({ doc: f.docId, outlet: f.outlet, published: f.published, via: f.via, ...(f.similarity !== undefined ? { similarity: f.similarity } : {}) })),
      cites: c.cites.map((x) => ({ doc: x.docId, kind: x.kind, source: x.sourceId, name: x.name })),
    })),
    status: {
      status: s.status,
      independent_sources: s.independentSources,
      reports: s.reports,
      reasons: s.reasons,
      confirmed_by: s.confirmedBy.map((c) => ({ doc: c.docId, side: c.side, source: c.sourceId, name: c.name })),
      disputed_by: s.disputedBy.map((d) => ({ claim: d.claimId, doc: d.docId, outlet: d.outlet, by: d.by, published: d.published, reason: d.reason })),
      corrected_by: s.correctedBy.map((c) => ({ claim: c.claimId, doc: c.docId, outlet: c.outlet, published: c.published, field: c.field, old: c.old, new: c.new })),
      override: s.override ? { status: s.override.status, reason: s.override.reason, author: s.override.author, judgement: s.override.judgementId } : null,
    },
    denials: es.denials.map((d) => ({
      id: d.id, doc: d.docId, reason: d.reason, sentence: d.sentence, cue: d.cue, trigger: d.trigger, participants: d.participants, date: d.date,
      by: d.by ? { actor: d.by.actorId, name: d.by.name, span: d.by.span } : null,
      ...(d.correction ? { correction: { field: d.correction.field, old: d.correction.old, new: d.correction.new } } : {}),
    })),
  };
}
