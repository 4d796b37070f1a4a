// The ordered stages, run per document. STUB: the text, actors and events stages are being
// written; the signature is final.
import type { Document, DocumentAnalysis } from '../core/types.ts';

export interface PipelineOptions {
  /** Folder holding kb/ and lang/ data; defaults to the repository's data/. */
  dataDir?: string;
}

export interface Pipeline {
  analyze(doc: Document): DocumentAnalysis;
}

export function createPipeline(_options: PipelineOptions = {}): Pipeline {
  return {
    analyze(document) {
      return {
        document,
        text: { language: 'und', title: null, published: null, noise: [], sentences: [], tokens: [] },
        actors: [],
        mentions: [],
        reports: [],
        diagnostics: [],
      };
    },
  };
}
