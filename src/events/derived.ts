// Expressions derived from a lexicon for the extraction stages, compiled once per lexicon.
import type { Lexicon } from './lexicon.ts';

export interface Derived {
  boundaries: RegExp;
  topicEnd: RegExp | null;
  modalRightBefore: RegExp;
  modalAny: RegExp;
  modalClause: RegExp | null;
  presence: RegExp | null;
  anaphora: RegExp | null;
  pronoun: RegExp | null;
  plurals: RegExp | null;
}

const cache = new WeakMap<Lexicon, Derived>();

export function derived(lex: Lexicon): Derived {
  let d = cache.get(lex);
  if (!d) {
    const once = (re: RegExp | null, flags: string): RegExp | null => (re ? new RegExp(re.source, flags) : null);
    d = {
      boundaries: new RegExp(lex.boundaries.source, 'giu'),
      topicEnd: lex.topicBefore ? new RegExp(`(?:${lex.topicBefore.source})\\s+\\S+(?:\\s+\\S+)?\\s*$`, 'iu') : null,
      modalRightBefore: new RegExp(`(?:${lex.modalBefore.source})(?:[\\s,]+(?:${lex.adverbs?.source ?? '(?!)'}))*[\\s,]*$`, 'iu'),
      modalAny: new RegExp(`(?:${lex.modalBefore.source})`, 'iu'),
      modalClause: once(lex.modalClause, 'iu'),
      presence: once(lex.presence, 'giu'),
      anaphora: once(lex.anaphora, 'iu'),
      pronoun: once(lex.pronouns, 'iu'),
      plurals: once(lex.plurals, 'giu'),
    };
    cache.set(lex, d);
  }
  return d;
}
