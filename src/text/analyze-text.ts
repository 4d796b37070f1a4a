// The text stage: noise, language, published date, title, sentences and tokens of one text.
import type { DocumentMeta, LanguageCode, TextAnalysis, Token } from '../core/types.ts';
import { chooseLanguage, detectLanguage } from './detect-language.ts';
import { createNoiseFinder } from './find-noise.ts';
import { createPublishedFinder, type PublishedOptions } from './find-published.ts';
import { findTitle } from './find-title.ts';
import { DEFAULT_LANG_DIR, type LangData, loadLangData } from './lang-data.ts';
import { createSentenceSplitter } from './split-sentences.ts';
import { createTokenizer } from './tokenize.ts';

export interface TextAnalyzerOptions {
  /** Folder holding <lang>/noise.json, dates.json, abbreviations.json. */
  langDir?: string | URL;
  /** Already loaded data (tests); wins over langDir. */
  langData?: LangData;
  published?: PublishedOptions;
}

export type TextAnalyzer = (text: string, meta?: DocumentMeta) => TextAnalysis;

export function createTextAnalyzer(options: TextAnalyzerOptions = {}): TextAnalyzer {
  const data = options.langData ?? loadLangData(options.langDir ?? DEFAULT_LANG_DIR);
  const findNoise = createNoiseFinder(data);
  const findPublished = createPublishedFinder(data, options.published);
  const splitSentences = createSentenceSplitter(data);
  const tokenizers = new Map<LanguageCode, ReturnType<typeof createTokenizer>>();
  const tokenizerFor = (lang: LanguageCode) => {
    let t = tokenizers.get(lang);
    if (!t) tokenizers.set(lang, (t = createTokenizer(lang)));
    return t;
  };

  return function analyzeText(text, meta = {}) {
    // Noise first with every lexicon, so the language is judged on the article alone; then again
    // with the article's language. A declared language (a page's `lang`, a record's field) is
    // checked against the text, which wins when it clearly reads otherwise.
    const language: LanguageCode = chooseLanguage(meta.language, detectLanguage(text, findNoise(text, 'und')));
    const noise = findNoise(text, language);
    const published = findPublished(text, language, noise);
    const title = findTitle(text, noise, published?.span ?? null);
    const sentences = splitSentences(text, noise, language);
    return withLazyTokens({ language, title, published, noise, sentences }, () => tokenizerFor(language)(text, sentences));
  };
}

/**
 * The text analysis with its tokens cut on first read, not up front: no stage of the pipeline
 * reads them (the stages cut the words they need themselves) and the store leaves them out, so
 * the analysis threads, which send on only what is stored, never build them: a token object per
 * word of every document was a tenth of what an analysis allocated. Whoever reads `tokens` gets
 * the same tokens as before. They are cut from the sentences as they stand when first read: a
 * caller that moves the sentences' spans (format-chars.ts's remapSpans) reads the tokens first.
 */
function withLazyTokens(analysis: Omit<TextAnalysis, 'tokens'>, cut: () => Token[]): TextAnalysis {
  let tokens: Token[] | undefined;
  return Object.defineProperty(analysis as TextAnalysis, 'tokens', {
    enumerable: true,
    configurable: true,
    get: () => (tokens ??= cut()),
    set: (value: Token[]) => {
      tokens = value;
    },
  });
}
