// The sources stage of the pipeline: who says so in one document. Runs after events; reads the
// text, its sentences, mentions and reports, and the triggers modality found denied, and adds
// spans (attributions, denial claims) and the text's near-duplicate signature.
import { sha1Hex } from '../core/sha1-hex.ts';
import type { DenialClaim, Document, EventReport, Mention, NoiseRange, Sentence, SourceAnalysis, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { DemonymMention } from '../actors/detect-mentions.ts';
import type { DeniedTrigger } from '../events/extract-events.ts';
import type { Lexicon } from '../events/lexicon.ts';
import { modalityOf } from '../events/modality.ts';
import { createAttributionCues } from './attribution-cues.ts';
import { createMediaMatcher } from './media-names.ts';
import { findAttributions } from './find-attributions.ts';
import { attributeReports } from './attribute-reports.ts';
import { signature } from './minhash.ts';
import { findCorrections } from './corrections.ts';
import { allMatches } from '../core/all-matches.ts';

export interface SourceInput {
  document: Document;
  language: string;
  sentences: readonly Sentence[];
  noise: readonly NoiseRange[];
  mentions: readonly Mention[];
  demonyms: readonly DemonymMention[];
  reports: readonly EventReport[];
  denied: readonly DeniedTrigger[];
  lex: Lexicon;
}

/** The analysis, and the reports withheld: told inside a correction, they are no events. */
export type SourceAnalyzer = (input: SourceInput) => SourceAnalysis & { withheld: string[] };

function claimId(docId: string, trigger: Span): string {
  return 'd' + sha1Hex(`${docId}:${trigger.start}:${trigger.end}`).slice(0, 16);
}

/** The denying words before the trigger in its sentence ("denied reports that"), else after it ("were denied"). */
function denialCue(text: string, sentence: Span, trigger: Span, lex: Lexicon): Span | null {
  const m = modalityOf(lex);
  const find = (re: RegExp | null, from: number, to: number): Span[] => {
    if (!re) return [];
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    return allMatches(g, text.slice(from, to)).map((x) => ({ start: from + x.index!, end: from + x.index! + x[0].length }));
  };
  return find(m.denial, sentence.start, trigger.start).pop() ?? find(m.denialAfter, trigger.end, sentence.end)[0] ?? find(m.denial, trigger.end, sentence.end)[0] ?? null;
}

export function createSourceAnalyzer(kb: KnowledgeBase, langDir?: string): SourceAnalyzer {
  const cuesFor = createAttributionCues(langDir);
  const media = createMediaMatcher(kb);
  return (input) => {
    const { document, sentences, mentions, demonyms, lex, noise } = input;
    const text = document.text;
    const cues = cuesFor(input.language);
    // corrections first: what is told inside one is a claim on a meeting, never a meeting
    const published = typeof document.meta.published === 'string' && /^\d{4}-\d\d-\d\d/.test(document.meta.published) ? { value: document.meta.published.slice(0, 10), precision: 'day' as const } : null;
    const corrected = findCorrections({ docId: document.id, text, sentences, mentions, reports: input.reports, denied: input.denied, lex, cues, published });
    const within = (s: Span): boolean => corrected.regions.some((r) => s.start >= r.start && s.end <= r.end);
    const reports = input.reports.filter((r) => !within(r.trigger));
    const denied = input.denied.filter((d) => !within(d.trigger));
    const date = typeof document.meta.published === 'string' ? document.meta.published.slice(0, 10) : null;
    const attributions = findAttributions({ text, sentences, noise, mentions, demonyms, kb, cues, media, lex, date });
    const denials: DenialClaim[] = denied.map((d) => {
      const cue = denialCue(text, d.sentence, d.trigger, lex);
      const at = cue?.start ?? d.trigger.start;
      // who denies: an attribution in the sentence, else the actor named last before the denial
      const attr = attributions.find((a) => a.start >= d.sentence.start && a.end <= d.sentence.end && a.kind !== 'unnamed');
      const subject = [...mentions].reverse().find((m) => m.start >= d.sentence.start && m.end <= at && m.actorIds.length === 1 && m.kind !== 'place');
      const by = attr
        ? { actorId: attr.sourceId, name: attr.name, span: { start: attr.start, end: attr.end } }
        : subject
          ? { actorId: subject.actorIds[0], name: text.slice(subject.start, subject.end), span: { start: subject.start, end: subject.end } }
          : null;
      return { id: claimId(document.id, d.trigger), docId: document.id, reason: d.reason, trigger: d.trigger, sentence: d.sentence, cue, participants: d.participants, date: d.date, by };
    });
    return {
      attributions,
      reports: attributeReports(reports, attributions, kb),
      denials: [...denials, ...corrected.claims],
      signature: signature(text),
      withheld: input.reports.filter((r) => within(r.trigger)).map((r) => r.id),
    };
  };
}
