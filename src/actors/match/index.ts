// The name matcher: analyse names, compare them with explained, versioned scores.
export { analyzeName, type AnalyzedName, type AnalyzeOptions, type NameToken } from './analyze-name.ts';
export {
  ALGORITHM,
  VERSION,
  THRESHOLD,
  FEATURES,
  compareAnalyzed,
  compareNames,
  compareTokens,
  explainAlgorithm,
  spellingsAgree,
  type FeatureId,
  type MatchResult,
} from './compare-names.ts';
export { editDistance } from './distance.ts';
export { loadTranslit, prefixSplits, readWord, scriptOf, translit, type TranslitData } from './translit.ts';
