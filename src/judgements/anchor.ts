// Where an event or report judgement is pinned, so that it outlives report ids. A report id is
// a hash of its document id and trigger offsets; an upgrade of the extraction rules may choose
// another trigger word in the same sentence (new id) or split sentences differently. So a
// judgement keeps, for each report it concerns, the report id AND the document id with the
// report's first evidence sentence. Resolving: the report with that id if it still exists, else
// the reports of that document whose evidence overlaps that sentence (the same words of the
// same article). If no report is left there, the judgement waits (inactive in effect) until one is.
import type { ReportAnchor, Span } from '../core/types.ts';

export interface AnchorableReport {
  id: string;
  docId: string;
  trigger: Span;
  evidence: readonly Span[];
}

export function anchorOf(report: AnchorableReport): ReportAnchor {
  const sentence = report.evidence[0] ?? report.trigger;
  return { reportId: report.id, docId: report.docId, sentence: { start: sentence.start, end: sentence.end } };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The current reports an anchor stands for. `exists` says whether a report id is stored;
 * `reportsOfDoc` lists a document's current reports.
 */
export function resolveAnchor(
  anchor: ReportAnchor,
  exists: (reportId: string) => boolean,
  reportsOfDoc: (docId: string) => readonly AnchorableReport[],
): string[] {
  if (exists(anchor.reportId)) return [anchor.reportId];
  return reportsOfDoc(anchor.docId)
    .filter((r) => overlaps(r.evidence[0] ?? r.trigger, anchor.sentence) || overlaps(r.trigger, anchor.sentence))
    .map((r) => r.id);
}
