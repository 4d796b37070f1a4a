// Who says so, per event, read from the store: each report's attributions, the event's source
// chains (independence.ts), the denials that contradict it (link-denials.ts) and its status
// (status.ts), with the analysts' source judgements applied. Built once per export or request
// (documents, denials and judgements are read once), then asked per event.
import type { ReportAttribution } from '../core/types.ts';
import type { DocumentSummary, Store, StoredEvent } from '../store/store.ts';
import type { SourcesTable } from '../store/sqlite/sources.ts';
import { outletOfDocument } from '../store/sqlite/descriptors.ts';
import { sourceChains, type SourceChain, type SourceJudgement, type SourceReport } from './independence.ts';
import { linkClaims, type DatedDenial } from './link-denials.ts';
import { eventStatus, type EventStatus, type EventStatusKind } from './status.ts';

export interface EventSources {
  /** Independent sources: one chain each. */
  sources: SourceChain[];
  status: EventStatus;
  /** Report id -> who its words come from. */
  attributions: Map<string, ReportAttribution[]>;
  denials: DatedDenial[];
}

/** What of an event its sources are read from (a StoredEvent, an export's EventView). */
export type EventForSources = Pick<StoredEvent, 'id' | 'reports' | 'participants' | 'date'>;

export interface EventSourcesReader {
  of(event: EventForSources): Promise<EventSources>;
}

/** What the source analysis needs of each document: its outlet and when it was published. */
export interface SourceDocInfo {
  outlet: string | null;
  published: string | null;
}

/** What the source analysis needs of a document: its outlet and its publication day. */
export const docInfo = (d: Pick<DocumentSummary, 'path' | 'meta' | 'published'>): SourceDocInfo => ({
  outlet: outletOfDocument(d.path, d.meta),
  published: d.published?.value ?? (typeof d.meta.published === 'string' ? d.meta.published : null),
});

/**
 * The reader over every stored document (exports), or, for one event's page, over the documents
 * the caller has read already (its reports') and those of the stored denials: a request then
 * reads only those, and none twice.
 */
export async function createEventSources(store: Store, only?: { documents: readonly DocumentSummary[] }): Promise<EventSourcesReader> {
  if (!only) return readEventSources(store.sources(), new Map((await store.listDocuments()).map((d) => [d.id, docInfo(d)])));
  const docs = new Map(only.documents.map((d) => [d.id, docInfo(d)]));
  const denials = await store.sources().denials();
  for (const denial of denials) {
    if (docs.has(denial.docId)) continue;
    const d = await store.getDocument(denial.docId);
    if (d) docs.set(d.id, docInfo(d));
  }
  // the denials read once (they were read again by the reader: a statement per event page)
  return readEventSources({ ...store.sources(), denials: async () => denials }, docs);
}

/** The reader over a sources table and the documents' outlets and dates (the browse index builds it from its own rows). */
export async function readEventSources(table: SourcesTable, docs: ReadonlyMap<string, SourceDocInfo>): Promise<EventSourcesReader> {
  const denials: DatedDenial[] = (await table.denials()).map((d) => ({ ...d, published: docs.get(d.docId)?.published ?? null, outlet: docs.get(d.docId)?.outlet ?? null }));
  const judgements = await table.judgements(true);
  const pairs: SourceJudgement[] = judgements.filter((j) => j.kind !== 'status' && j.subjects.length === 2).map((j) => ({ docs: [j.subjects[0], j.subjects[1]], same: j.kind === 'same-source' }));
  const overrides = judgements.filter((j) => j.kind === 'status');
  return {
    async of(event) {
      const reportIds = event.reports.map((r) => r.id);
      const attributions = await table.reportAttributions(reportIds);
      const signatures = await table.signatures([...new Set(event.reports.map((r) => r.docId))]);
      const reports: SourceReport[] = event.reports.map((r) => ({
        reportId: r.id,
        docId: r.docId,
        outlet: docs.get(r.docId)?.outlet ?? null,
        published: docs.get(r.docId)?.published ?? null,
        attributions: attributions.get(r.id)?.length ? attributions.get(r.id)! : [{ kind: 'own', sourceId: null, name: null, span: null }],
        signature: signatures.get(r.docId) ?? null,
      }));
      const chains = sourceChains(reports, pairs);
      const participants = event.participants.map((p) => p.actorId);
      const linked = linkClaims(denials, { id: event.id, participants, date: event.date, reports: reportIds });
      // the latest status set for this event (by its id, or by a report it held when set: survives re-runs)
      const override = [...overrides].reverse().find((j) => j.subjects[0] === event.id || j.anchors.some((a) => reportIds.includes(a)));
      const status = eventStatus(reports, chains, linked, participants, override ? { status: override.status as EventStatusKind, reason: override.reason ?? '', author: override.author, judgementId: override.id } : null);
      return { sources: chains, status, attributions: new Map(reports.map((r) => [r.reportId, [...r.attributions]])), denials: linked };
    },
  };
}
