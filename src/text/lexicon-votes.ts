// Which language's lexicon a short text hits most: its meeting triggers (data/lang/<lang>/events.json,
// matched through the language's morphology as the event stage matches them) and its grammatical
// words (articles, coordinators, locatives, possessives, weekdays in events.json; clause openers,
// auxiliaries and denials in modality.json). Trigram statistics guess wildly on a sentence full of
// names ("Macron a rencontré Scholz" is English to franc, "... met Ursula von der Leyen" German to
// a count of function words); the words Parley will read the text with are the better witness.
//
// Written here, not taken from a library: what is counted is Parley's own lexicon data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldText } from './normalize-script.ts';
import { lower, WordMatcher, type Morphology, type WordSpec } from './stem.ts';
import { UNSPACED, WORD_END, WORD_START } from './word-pattern.ts';
import { allMatches } from '../core/all-matches.ts';

/** A trigger hit tells more than a grammatical word: it is what the text will be read for. */
const TRIGGER_WEIGHT = 2;
// made once here: a literal with \p{..} in a function is rebuilt at every call under tsx (the loader before src/runtime/)
const UPPER_START = /^\p{Lu}/u;

interface LanguageWitness {
  lang: string;
  /** one-word grammatical words, folded and lower-cased */
  words: Set<string>;
  /** triggers named by lemma, forms or stems */
  matcher: WordMatcher | null;
  /** triggers written as patterns (phrases): matched on the folded text */
  patterns: RegExp | null;
}

export interface Vote {
  /** grammatical words: a word shared by n languages counts 1/n */
  grammar: number;
  /** meeting triggers of the language's lexicon */
  triggers: number;
}

export interface LexiconVoter {
  /** Votes per language: grammatical words (those of `extra` too, per language) and trigger hits. */
  votes(text: string, extra?: Record<string, readonly string[]>): Map<string, Vote>;
  languages: readonly string[];
}

type Json = Record<string, unknown>;

function read(path: string): Json | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Json;
  } catch (e) {
    throw new Error(`language data ${path}: ${(e as Error).message}`);
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const values = (v: unknown): string[] => (v && typeof v === 'object' ? Object.values(v as Record<string, unknown>).flatMap(strings) : []);

/** The grammatical word lists of events.json and modality.json that a language's texts are full of. */
const EVENT_WORD_LISTS = ['articles', 'coordinators', 'locatives', 'possessives', 'pluralDeterminers', 'weekdays', 'citeCues'];
const MODALITY_WORD_LISTS = ['denials', 'invitations'];

const DEFAULT_DIR = new URL('../../data/lang/', import.meta.url);

export function createLexiconVoter(dir: string | URL = DEFAULT_DIR): LexiconVoter {
  const root = (dir instanceof URL ? fileURLToPath(dir) : dir).replace(/\/?$/, '/');
  const witnesses: LanguageWitness[] = [];
  const particles = new Set<string>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const lang = entry.name;
    const events = read(`${root}${lang}/events.json`);
    if (!events) continue;
    const modality = read(`${root}${lang}/modality.json`) ?? {};
    const morph = (read(`${root}${lang}/morphology.json`) ?? {}) as Morphology;
    for (const p of strings((read(`${root}${lang}/names.json`) ?? {}).particles)) particles.add(foldText(lower(lang, p)));
    const oneWord = (w: string): boolean => !/[\s\\[(|]/u.test(w.trim()) && w.trim().length > 0;
    const words = new Set<string>(
      [...EVENT_WORD_LISTS.flatMap((k) => strings(events[k])), ...MODALITY_WORD_LISTS.flatMap((k) => strings(modality[k])), ...values(modality.clauseOpeners), ...values(modality.auxiliaries)]
        .filter(oneWord)
        .map((w) => foldText(lower(lang, w.trim().replace(/^,\s*/, '')))),
    );
    const triggers = Array.isArray(events.triggers) ? (events.triggers as Json[]) : [];
    const specs: WordSpec[] = triggers
      .filter((t) => t.pattern === undefined && (t.lemma !== undefined || t.forms || t.stems))
      .map((t) => ({ lemma: t.lemma as WordSpec['lemma'], forms: t.forms as string[] | undefined, stems: t.stems as string[] | undefined, endings: t.endings as WordSpec['endings'] }));
    // scripts without spaces need no vote (script settles them): their patterns are left out
    const patterns = triggers.flatMap((t) => (typeof t.pattern === 'string' && !UNSPACED.test(t.pattern) ? [foldText(t.pattern)] : []));
    witnesses.push({
      lang,
      words,
      matcher: specs.length ? new WordMatcher(lang, specs, morph) : null,
      // trigger patterns are regular expressions where \\w is a letter of any script (as in src/events/lexicon.ts)
      patterns: patterns.length ? new RegExp(`${WORD_START}(?:${patterns.map((p) => p.replace(/\\w/g, '[\\p{L}\\p{M}]')).join('|')})${WORD_END}`, 'giu') : null,
    });
  }
  witnesses.sort((a, b) => a.lang.localeCompare(b.lang));
  const sharing = new Map<string, number>();
  for (const w of witnesses) for (const x of w.words) sharing.set(x, (sharing.get(x) ?? 0) + 1);

  return {
    languages: witnesses.map((w) => w.lang),
    votes(text, extra = {}) {
      const folded = foldText(text);
      const extraSharing = new Map<string, number>();
      const extraSets = new Map<string, Set<string>>();
      for (const [lang, list] of Object.entries(extra)) {
        const set = new Set(list);
        extraSets.set(lang, set);
        for (const x of set) extraSharing.set(x, (extraSharing.get(x) ?? 0) + 1);
      }
      const tokens = allMatches(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?/gu, folded).map((m) => ({ w: m[0], at: m.index ?? 0 }));
      const capital = (i: number): boolean => i >= 0 && i < tokens.length && UPPER_START.test(tokens[i].w);
      // a name particle between two capitalized words is part of a name ("Ursula von der Leyen")
      const inName = tokens.map(() => false);
      for (let i = 0; i < tokens.length; i++) {
        if (!capital(i)) continue;
        let j = i + 1;
        while (j < tokens.length && !capital(j) && particles.has(tokens[j].w.toLowerCase())) j++;
        if (j > i + 1 && capital(j)) for (let k = i + 1; k < j; k++) inName[k] = true;
      }
      // a capitalized word after another word is a name, not a grammatical word (one that opens a
      // sentence, after . ! ? or : and white space, is not)
      const named = tokens.map((t, i) => i > 0 && UPPER_START.test(t.w) && !'.!?:'.includes(folded.slice(0, t.at).trimEnd().slice(-1) || '-'));
      const out = new Map<string, Vote>();
      for (const w of witnesses) {
        let score = 0;
        let triggers = 0;
        const set = extraSets.get(w.lang);
        for (let i = 0; i < tokens.length; i++) {
          if (inName[i]) continue;
          const form = lower(w.lang, tokens[i].w);
          if (!named[i]) {
            if (w.words.has(form)) score += 1 / (sharing.get(form) ?? 1);
            else if (set?.has(form)) score += 1 / (extraSharing.get(form) ?? 1);
          }
          if (w.matcher && w.matcher.match(form).length) triggers++;
        }
        if (w.patterns) {
          w.patterns.lastIndex = 0;
          triggers += folded.match(w.patterns)?.length ?? 0;
        }
        if (score > 0 || triggers > 0) out.set(w.lang, { grammar: score, triggers });
      }
      // languages with grammatical words only (no lexicon here): they vote too, so a short Italian
      // text is not given to the Spanish lexicon for want of a rival
      for (const [lang, set] of extraSets) {
        if (witnesses.some((w) => w.lang === lang)) continue;
        let score = 0;
        for (let i = 0; i < tokens.length; i++) {
          const form = tokens[i].w.toLowerCase();
          if (!inName[i] && set.has(form) && !(i > 0 && /^\p{Lu}/u.test(tokens[i].w))) score += 1 / (extraSharing.get(form) ?? 1);
        }
        if (score > 0) out.set(lang, { grammar: score, triggers: 0 });
      }
      return out;
    },
  };
}

/** Grammatical words this many (shared ones counted in part) make a clear reading of their own. */
const CLEAR_GRAMMAR = 1.5;

/**
 * The language whose lexicon the text clearly hits most, among `candidates` when given; null when
 * none leads. Trigger words alone do not outvote another language's grammar: an Italian text
 * writing "summit" and "meeting" is not English.
 */
export function clearLeader(votes: Map<string, Vote>, candidates?: readonly string[]): string | null {
  const total = (v: Vote): number => v.grammar + TRIGGER_WEIGHT * v.triggers;
  const ranked = [...votes].filter(([l]) => !candidates || candidates.includes(l)).sort((a, b) => total(b[1]) - total(a[1]));
  if (!ranked.length) return null;
  const [best, second] = [ranked[0], ranked[1]];
  const b = total(best[1]);
  if (b < 1.5 || (second && b < 1.5 * total(second[1]))) return null;
  if (best[1].grammar === 0 && ranked.some(([, v]) => v.grammar >= CLEAR_GRAMMAR)) return null;
  return best[0];
}
