// Salience: who a pronoun, a possessive or a dropped subject stands for. Not the last name seen
// ("Ramaphosa met Ruto at State House, where he also met ..." is Ramaphosa): the subject of the
// sentence so far, else the subject of the sentences before (subject continuity).
import type { Mention, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { Lexicon } from './lexicon.ts';
import { normalizeName } from '../actors/name-key.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { referenceWords, roleDescriptions, type ReferenceWords } from './resolve-reference.ts';
import { allMatches } from '../core/all-matches.ts';

export interface SalienceScope {
  text: string;
  /** the document's sentences in order; without them only the current sentence is read */
  sentences?: Sentence[];
  sentence: Span;
  persons: Mention[];
  kb: KnowledgeBase;
  lex: Lexicon;
  /** the document's date, for dated roles */
  date: string | null;
  /** names that cannot be a subject here: cited sources, people only going along */
  skip?: (m: Mention) => boolean;
}

interface DocCache {
  named: Set<string>;
  roles: Map<number, Mention[]>;
}

// per document: `persons` is built once per document and handed to every stage
const docs = new WeakMap<Mention[], DocCache>();

function docCache(persons: Mention[]): DocCache {
  let c = docs.get(persons);
  if (!c) docs.set(persons, (c = { named: new Set(persons.map((p) => p.actorIds[0])), roles: new Map() }));
  return c;
}

const CLAUSE_MARK = /[,;:，；：。、(（—–]\s*$/u;

/**
 * A name standing where a clause begins, titles, articles and demonyms aside: "On Monday,
 * President X ...", "，王毅應...". Such a name is a subject; one deep inside a phrase is not.
 */
function atClauseStart(scope: SalienceScope, s: Span, m: Mention): boolean {
  const { text, lex, kb } = scope;
  const from = Math.max(s.start, m.start - 60);
  const before = text.slice(from, m.start);
  const cut = Math.max(...allMatches(/[,;:，；：。、(（—–]/gu, before).map((x) => (x.index ?? 0) + 1), -1);
  if (cut < 0 && from > s.start) return false;
  const gap = before.slice(Math.max(cut, 0));
  const words = gap.match(/[\p{L}\p{M}'’.-]+/gu) ?? [];
  if (words.length > 4) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || lex.words.articles.has(w.toLowerCase().replace(/['’]$/, '')) || !!lex.titleCue?.test(w) || kb.demonyms.has(normalizeName(w)));
}

/** The role descriptions of a sentence ("the South African head of state"), found once per sentence. */
export function rolesIn(scope: SalienceScope, s: Span): Mention[] {
  const c = docCache(scope.persons);
  let found = c.roles.get(s.start);
  if (!found) {
    c.roles.set(s.start, []);
    found = roleDescriptions(
      {
        text: scope.text,
        kb: scope.kb,
        lex: scope.lex,
        persons: scope.persons,
        named: c.named,
        date: scope.date,
        // whose counterpart: the subject of the sentence so far, else of the sentences before
        ownerAt: (at) => salientSubject({ ...scope, sentence: s }, at, new Set(), false)?.actorIds[0] ?? null,
      },
      s,
    );
    c.roles.set(s.start, found);
  }
  return found;
}

/**
 * The subject of sentence s before `before`: the first person named at the start of a clause,
 * else the first person named, who is not an object ("with X", "by X") and not in `exclude`.
 */
export function subjectOf(scope: SalienceScope, s: Span, before: number, exclude: ReadonlySet<string>, withRoles = true): Mention | null {
  const words: ReferenceWords = referenceWords(scope.lex);
  const here = startingWithin(scope.persons, s.start, before).filter((p) => p.start >= s.start && p.end <= before);
  const all = withRoles ? [...here, ...rolesIn(scope, s).filter((r) => r.end <= before)].sort((a, b) => a.start - b.start) : here;
  const candidates = all.filter(
    (p) =>
      !exclude.has(p.actorIds[0]) &&
      !scope.skip?.(p) &&
      !words.nonSubjectBefore?.test(scope.text.slice(Math.max(s.start, p.start - 40), p.start)),
  );
  return candidates.find((p) => atClauseStart(scope, s, p)) ?? candidates[0] ?? null;
}

/** Index of the sentence holding `at` (binary search: documents hold thousands). */
function sentenceAt(sentences: Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= at) lo = mid + 1;
    else if (sentences[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Who a reference at `at` stands for: the subject of its own sentence so far, else the subject
 * of one of the three sentences before, nearest first. `exclude` holds the event's other sides:
 * a pronoun never stands for the object of its own clause.
 */
export function salientSubject(scope: SalienceScope, at: number, exclude: ReadonlySet<string>, withRoles = true, ownSentence = true): Mention | null {
  if (ownSentence) {
    const own = subjectOf(scope, scope.sentence, at, exclude, withRoles);
    if (own) return own;
  }
  const sentences = scope.sentences;
  if (!sentences?.length) return null;
  const k = sentenceAt(sentences, scope.sentence.start);
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const prev = sentences[j];
    const subject = subjectOf({ ...scope, sentence: prev }, prev, prev.end, exclude, withRoles);
    if (subject) return subject;
  }
  return null;
}
