// The ordered stages, run per document: text -> mentions -> events. Each stage reads what the
// earlier ones produced and adds spans; none rewrites the text.
import type { Diagnostic, Document, DocumentAnalysis, PartialDate, StoredAnalysis } from '../core/types.ts';
import { createTextAnalyzer } from '../text/analyze-text.ts';
import { loadKnowledgeBase, openKnowledgeBase, type KnowledgeBase } from '../actors/knowledge-base.ts';
import type { ArenaImage } from '../actors/shared-table.ts';
import { defaultKnowledgeBase } from '../kb/load.ts';
import { leaderPairsFor, withLeaderPairs } from '../events/leader-pairs.ts';
import { detectMentions } from '../actors/detect-mentions.ts';
import { createLexicons, DEFAULT_LANG_DIR } from '../events/lexicon.ts';
import { extractEvents } from '../events/extract-events.ts';
import { createDescriptorFinder } from '../framing/find-descriptors.ts';
import { foldTraditional } from '../text/fold-chinese.ts';
import { createSourceAnalyzer } from '../sources/analyze-sources.ts';
import type { DeniedTrigger } from '../events/extract-events.ts';
import { remapSpans, stripFormatChars } from '../text/format-chars.ts';

export interface PipelineOptions {
  /** Folder of the knowledge base; defaults to the repository's data/kb/. */
  kbDir?: string;
  /** Folder of the per-language lexicons; defaults to data/lang/. */
  langDir?: string;
  /** A knowledge base already loaded (shared between pipelines). */
  kb?: KnowledgeBase;
  /** The image of a knowledge base loaded by another thread (KnowledgeBase.image): read, not rebuilt. */
  kbImage?: ArenaImage;
}

export interface Pipeline {
  kb: KnowledgeBase;
  analyze(doc: Document): DocumentAnalysis;
}

/** A publication date given with the document (feed, bulk row) as a PartialDate. */
function metaDate(value: string | null | undefined): PartialDate | null {
  if (!value) return null;
  const m = value.match(/^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/);
  if (!m) return null;
  return m[3] ? { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' } : m[2] ? { value: `${m[1]}-${m[2]}`, precision: 'month' } : { value: m[1], precision: 'year' };
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const kb =
    options.kb ?? (options.kbImage ? openKnowledgeBase(options.kbImage) : options.kbDir ? loadKnowledgeBase(options.kbDir) : defaultKnowledgeBase());
  const lexicons = createLexicons(options.langDir ?? DEFAULT_LANG_DIR);
  const analyzeText = createTextAnalyzer();
  const findDescriptors = createDescriptorFinder();
  const analyzeSources = createSourceAnalyzer(kb, options.langDir);
  function analyzeDocument(document: Document): DocumentAnalysis {
    const diagnostics: Diagnostic[] = [];
    const text = analyzeText(document.text, document.meta);
    const lex = lexicons(text.language);
    // the text's own dateline first, then what arrived with the document
    const published: PartialDate | null = text.published ?? metaDate(document.meta.published);
    const captions = text.noise.filter((n) => n.kind === 'caption');
    // names in captions are found too: a caption may tell of the meeting the article reports
    const scanned = [...text.sentences, ...captions.map((c) => ({ ...c, index: -1, paragraph: -1 }))].sort((a, b) => a.start - b.start);
    // names and words are matched in Simplified Chinese; the folded text has the original's
    // offsets, so the spans found in it are spans of the original, which stays as it is
    const matched = text.language === 'zh' ? foldTraditional(document.text) : document.text;
    const found = withLeaderPairs(matched, detectMentions(matched, scanned, { kb, lex, lang: text.language, date: published?.value ?? null }), leaderPairsFor(text.language), kb, published?.value ?? null);
    const denied: DeniedTrigger[] = [];
    const reports = extractEvents(matched, text.sentences, found.mentions, found.demonyms, {
      kb,
      lex,
      docId: document.id,
      published,
      captions,
      title: text.title,
      onDenied: (d) => denied.push(d),
    });
    const descriptors = findDescriptors({ text: document.text, language: text.language, sentences: scanned, mentions: found.mentions });
    // who says so: attributions, denials as claims, the near-duplicate signature (src/sources/)
    const { withheld, ...sources } = analyzeSources({ document, language: text.language, sentences: text.sentences, noise: text.noise, mentions: found.mentions, demonyms: found.demonyms, reports, denied, lex });
    // a meeting told inside a correction ("an earlier version said they met in X") is no event
    const kept = withheld.length ? reports.filter((r) => !withheld.includes(r.id)) : reports;
    return { document, text, actors: found.actors, mentions: found.mentions, reports: kept, descriptors, sources, diagnostics };
  }
  return {
    kb,
    analyze(document) {
      // bidi controls and other invisible format characters are read past (format-chars.ts): the
      // text is analyzed without them and every span is mapped back to the original text
      const stripped = stripFormatChars(document.text);
      if (!stripped.map) return analyzeDocument(document);
      const { document: _read, ...analysis } = analyzeDocument({ ...document, text: stripped.text });
      // the tokens are cut on first read (analyze-text.ts), from the sentences as they stand:
      // cut them before the sentences are mapped back, so both are mapped, once
      void analysis.text.tokens;
      remapSpans(analysis, stripped.map);
      return { document, ...analysis };
    },
  };
}

/** The part of an analysis the store keeps (a new value; the tokens and sentences are left out). */
export function forStorage(analysis: DocumentAnalysis): StoredAnalysis {
  // the kept parts by name: reading `tokens` to leave it out would cut them (analyze-text.ts)
  const { language, title, published, noise } = analysis.text;
  return { ...analysis, text: { language, title, published, noise } };
}
