// Modality per clause: whether a trigger tells of an event that took place, read from the verb
// forms of its own clause (future, conditional, subjunctive, negative) and from the clauses that
// govern it (a denial, an invitation, a plan, a postponement). The language facts are data in
// data/lang/<lang>/modality.json, compiled once per language.
//
// Verb forms are read from word endings (and Arabic and Hebrew prefixes) written as data, not
// through a stemmer: the Snowball stemmers of @orama/stemmers are built for retrieval and
// conflate exactly what matters here (French "rencontrera" and "rencontré" both stem to
// "rencontr"; the Turkish one strips noun suffixes only and leaves "görüşecek" whole; the
// Spanish one strips "-ería" from nouns as from verbs), so the ending is the signal.
import { existsSync, readFileSync } from 'node:fs';
import type { Span } from '../core/types.ts';
import { DEFAULT_LANG_DIR } from './lexicon.ts';
import { type Clause, type ClauseOpeners, type OpenerKind, clauseIndexAt, governors, modalWindow, splitClauses } from './clauses.ts';
import type { Lexicon } from './lexicon.ts';
import { phrasePattern as pattern, WORD_END as E, WORD_START as B } from '../text/word-pattern.ts';
import { allMatches } from '../core/all-matches.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const UPPER_START = /^\p{Lu}/u;

interface ModalityData {
  /** letters written onto the next word that every listed word may carry: Arabic و and ف, Hebrew ו and ש */
  proclitics?: string;
  /** words opening a clause, per kind; "irrealis" opens a clause whose verb did not happen yet ("pour que", "so that") */
  clauseOpeners?: Partial<Record<OpenerKind, string[]>>;
  /** the language puts its verb last (tr, fa): governing words and light verbs follow the trigger */
  headFinal?: boolean;
  /** verb forms as whole-word patterns: {"future": ["\\w+(?:e|i|r)ra"], "negative": [...]} */
  verbForms?: Partial<Record<FormKind, string[]>>;
  /** words that look like a form but are not verbs: "cancillería", "secretaria" */
  notVerbs?: string[];
  /** auxiliaries anywhere in the trigger's own clause before it: "würde", "خواهد" */
  auxiliaries?: Partial<Record<FormKind, string[]>>;
  /**
   * auxiliaries that are conditional or only report what was said: German news writes reported
   * speech in Konjunktiv II where Konjunktiv I looks indicative ("danach hätten sie telefoniert":
   * they phoned, it is said), and the same form says what did not happen ("hätte sich gern
   * getroffen"). They count as modal only with a `counterfactualCues` word in the clause.
   */
  ambiguousAuxiliaries?: string[];
  /** what makes an ambiguous auxiliary counterfactual: "gern", "beinahe", "sonst", a modal infinitive ("hätte treffen können") */
  counterfactualCues?: string[];
  /** a denial: governs the rest of its clause and the complements under it ("denied reports that") */
  denials?: string[];
  /** a denial after what it denies, in the same clause: "reports of a meeting were denied" */
  denialsAfter?: string[];
  /** verbs of inviting: the meeting they invite to is not an event ("invited X to visit") */
  invitations?: string[];
  /** nouns of invitation: "received an invitation to visit"; not "at the invitation of" before a verb */
  invitationNouns?: string[];
  /** predicates that make the complement under them unreal: "it is planned that", "من المقرر أن" */
  governingModals?: string[];
  /** nouns of plans: a meeting on the agenda or in the programme of a visit is not an event */
  plans?: string[];
  /** a postponement or cancellation anywhere in the trigger's own clause */
  undone?: string[];
  /** verbs of cancelling or postponing whose object is a meeting noun: "cancelled the meeting", "tuvo que cancelar la reunión" */
  undoneVerbs?: string[];
}

type FormKind = 'future' | 'conditional' | 'subjunctive' | 'imperative' | 'negative';

export interface Modality {
  openers: ClauseOpeners;
  headFinal: boolean;
  forms: Array<{ kind: FormKind; re: RegExp }>;
  notVerb: RegExp | null;
  auxiliaries: Array<{ kind: FormKind; re: RegExp }>;
  ambiguousAuxiliary: RegExp | null;
  counterfactual: RegExp | null;
  denial: RegExp | null;
  denialAfter: RegExp | null;
  invitation: RegExp | null;
  invitationNoun: RegExp | null;
  plan: RegExp | null;
  governingModal: RegExp | null;
  undone: RegExp | null;
  undoneVerb: RegExp | null;
  coordinator: RegExp | null;
}

function words(list: string[] | undefined, flags = 'giu', proclitics = ''): RegExp | null {
  if (!list?.length) return null;
  const pre = proclitics ? `(?:${proclitics})?` : '';
  const one = (p: string): string => {
    // ", der": a word that opens a clause only right after a mark (else it is an article)
    const afterMark = /^,\s*/.test(p);
    const w = p.replace(/^,\s*/, '');
    // "qu'": an elided word runs into the next one
    return `${afterMark ? '(?<=[,;:،，]\\s{0,3})' : ''}${pre}${pattern(w)}${/['’]$/.test(w) ? '' : E}`;
  };
  return new RegExp(`${B}(?:${[...list].sort((a, b) => b.length - a.length).map(one).join('|')})`, flags);
}

export function compileModality(data: ModalityData, coordinators: string[] = []): Modality {
  const pc = data.proclitics ?? '';
  const whole = (list: string[]): RegExp => new RegExp(`^(?:${list.map(pattern).join('|')})$`, 'iu');
  return {
    openers: Object.fromEntries(
      Object.entries(data.clauseOpeners ?? {}).flatMap(([k, l]) => (l?.length ? [[k, words(l, 'giu', pc)!]] : [])),
    ) as ClauseOpeners,
    headFinal: !!data.headFinal,
    // a negative form first: "görüşmeyecek" is negative before it is future
    forms: Object.entries(data.verbForms ?? {})
      .flatMap(([kind, l]) => (l?.length ? [{ kind: kind as FormKind, re: whole(l) }] : []))
      .sort((a, b) => Number(b.kind === 'negative') - Number(a.kind === 'negative')),
    notVerb: data.notVerbs?.length ? whole(data.notVerbs) : null,
    auxiliaries: Object.entries(data.auxiliaries ?? {}).flatMap(([kind, l]) => (l?.length ? [{ kind: kind as FormKind, re: words(l, 'giu', pc)! }] : [])),
    ambiguousAuxiliary: words(data.ambiguousAuxiliaries, 'giu', pc),
    counterfactual: words(data.counterfactualCues, 'giu', pc),
    denial: words(data.denials, 'giu', pc),
    denialAfter: words(data.denialsAfter, 'giu', pc),
    invitation: words(data.invitations, 'giu', pc),
    invitationNoun: words(data.invitationNouns, 'giu', pc),
    plan: words(data.plans, 'giu', pc),
    governingModal: words(data.governingModals, 'giu', pc),
    undone: words(data.undone, 'giu', pc),
    undoneVerb: words(data.undoneVerbs, 'giu', pc),
    coordinator: words(coordinators, 'iu'),
  };
}

const NONE: Modality = compileModality({});
const cache = new Map<string, Modality>();

/** The modality data of a language (data/lang/<lang>/modality.json), compiled once; none when absent. */
export function modalityFor(lang: string, coordinators: string[] = [], dir: string = DEFAULT_LANG_DIR): Modality {
  const key = `${dir}\u0000${lang}`;
  let m = cache.get(key);
  if (!m) {
    const path = `${dir.replace(/\/?$/, '/')}${lang}/modality.json`;
    m = NONE;
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lang) && existsSync(path)) {
      try {
        m = compileModality(JSON.parse(readFileSync(path, 'utf8')) as ModalityData, coordinators);
      } catch (e) {
        throw new Error(`modality ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(key, m);
  }
  return m;
}

/** The form a word shows (future, negative ...), or null: whole-word match, not-verbs excepted. */
export function formOf(word: string, m: Modality): FormKind | null {
  if (!word || m.notVerb?.test(word)) return null;
  for (const f of m.forms) if (f.re.test(word)) return f.kind;
  return null;
}

// one sentence's clauses, kept while its triggers are read (no scan per trigger)
let last: { text: string; start: number; end: number; m: Modality; clauses: Clause[] } | null = null;

export function clausesOf(text: string, sentence: Span, m: Modality): Clause[] {
  if (last && last.text === text && last.start === sentence.start && last.end === sentence.end && last.m === m) return last.clauses;
  const clauses = splitClauses(text, sentence, m.openers);
  last = { text, start: sentence.start, end: sentence.end, m, clauses };
  return clauses;
}

export interface TriggerSpan extends Span {
  /** the trigger names the event as a noun ("talks"): its light verb may stand by it */
  noun: boolean;
}

const WORD = /[\p{L}\p{M}'’-]+/gu;

/** The words of text[from, to) with their offsets. */
function wordsIn(text: string, from: number, to: number): Array<{ w: string; at: number }> {
  const out: Array<{ w: string; at: number }> = [];
  if (to <= from) return out;
  for (const x of allMatches(WORD, text.slice(from, to))) out.push({ w: x[0].replace(/^['’-]+|['’-]+$/g, ''), at: from + (x.index ?? 0) });
  return out;
}

/** The whole word around offset `at` (a trigger may match inside "سيلتقي" or "rencontrera"). */
function wordAround(text: string, at: number, end: number): Span {
  let s = at;
  let e = end;
  while (s > 0 && /[\p{L}\p{M}]/u.test(text[s - 1])) s--;
  while (e < text.length && /[\p{L}\p{M}]/u.test(text[e])) e++;
  return { start: s, end: e };
}

function hasCoordinator(text: string, a: number, b: number, m: Modality): boolean {
  return b > a && test(m.coordinator, text.slice(a, b));
}

/** How many words the object of a denial may take before a relative clause on it ("the widely reported claims which"). */
const DENIED_OBJECT_WORDS = 5;

/** How many words (determiners, adjectives) may stand between a verb of cancelling and its meeting noun. */
const UNDONE_OBJECT_WORDS = 3;

/** How far a light verb may stand from a noun trigger, in words. */
const LIGHT_VERB_WORDS = 5;

/**
 * Why the trigger tells of no event that took place, read from its clause and the clauses above
 * it: 'denied' (a reported denial: issue 16 will make it a claim), 'undone' (postponed,
 * cancelled), 'invited' (an invitation, an announced plan), 'negated', 'modal' (future,
 * conditional, subjunctive, a purpose clause); null when nothing says so.
 */
export function clauseModality(text: string, sentence: Span, trig: TriggerSpan, m: Modality): string | null {
  if (m === NONE) return null;
  const clauses = clausesOf(text, sentence, m);
  const i = clauseIndexAt(clauses, trig.start);
  if (i < 0) return null;
  const c = clauses[i];
  // the words before the trigger in its own clause: the clause it carries on, then its own start
  // (an inserted clause between them is not read: "X, who had invited Y, met him")
  const before: Span[] = [...(c.head >= 0 ? [clauses[c.head]] : []), { start: c.start, end: trig.start }];
  const after: Span = { start: trig.end, end: c.end };
  const afterText = text.slice(after.start, after.end);
  const up = governors(clauses, i);
  const hits = (re: RegExp | null, spans: Span[]): Array<Span> => {
    if (!re) return [];
    const out: Span[] = [];
    for (const sp of spans) {
      re.lastIndex = 0;
      for (const x of allMatches(re, text.slice(sp.start, sp.end))) out.push({ start: sp.start + (x.index ?? 0), end: sp.start + (x.index ?? 0) + x[0].length });
    }
    return out;
  };
  // nothing joins another verb between the governing word and the trigger ("arrived at X's invitation and met him")
  const governs = (h: Span): boolean => (h.end <= trig.start ? !hasCoordinator(text, h.end, trig.start, m) : !hasCoordinator(text, trig.end, h.start, m));

  // a reported denial: in the trigger's clause before it, in a clause above it, or after it in the
  // same clause ("reports of a meeting were denied"; verb-final languages: "görüştüğünü yalanladı")
  if (hits(m.denial, before).some(governs)) return 'denied';
  if (up.length && hits(m.denial, up.map((k) => clauses[k])).length) return 'denied';
  // a relative on what a denial denies: "denied the reports which spoke of a meeting", "نفت
  // التقارير التي تحدثت عن لقاء", "dementierte Berichte, die von einem Treffen sprachen": the
  // denial's object (a few words, no verb joined) stands between the denial and the relative
  for (const k of [i, ...up]) {
    const r = clauses[k];
    if (r.opener !== 'relative' || r.parent < 0) continue;
    const host = clauses[r.parent];
    const objectOf = (h: Span): boolean => wordsIn(text, h.end, r.start).length <= DENIED_OBJECT_WORDS && !hasCoordinator(text, h.end, r.start, m);
    if (hits(m.denial, [{ start: host.start, end: r.start }]).some(objectOf)) return 'denied';
  }
  if (test(m.denialAfter, afterText)) return 'denied';
  if (m.headFinal && hits(m.denial, [after]).slice(0, 1).some(governs)) return 'denied';
  if (hits(m.undone, before).some(governs) || hits(m.undone, [after]).some(governs)) return 'undone';
  // a meeting noun as the object of cancelling: "cancelled their meeting", "cancelar la reunión"
  if (trig.noun && hits(m.undoneVerb, before).slice(-1).some((h) => governs(h) && wordsIn(text, h.end, trig.start).length <= UNDONE_OBJECT_WORDS)) return 'undone';
  // a plan or expectation above: "officials said it was planned that X would meet Y"
  if (up.length && hits(m.governingModal, up.map((k) => clauses[k])).length) return 'modal';

  // an invitation to the meeting, or the meeting on a plan ("invited X to visit", "on the agenda")
  if (hits(m.invitation, before).slice(-1).some(governs)) return 'invited';
  // verb-final, or a noun: "görüşmeye davet etti", "zu einem Treffen eingeladen"
  if ((m.headFinal || trig.noun) && hits(m.invitation, [after]).slice(0, 1).some(governs)) return 'invited';
  if (trig.noun && hits(m.invitationNoun, before).slice(-1).some(governs)) return 'invited';
  if (trig.noun && hits(m.plan, before).slice(-1).some(governs)) return 'invited';
  // "a reçu une invitation": what is received is the invitation itself
  if (wordsIn(text, trig.end, c.end).slice(0, 2).some((x) => test(m.invitationNoun, x.w))) return 'invited';

  // a purpose or anticipation clause: "pour que X le reçoive", "before they meet"
  if (c.opener === 'irrealis' || (c.head >= 0 && clauses[c.head].opener === 'irrealis')) return 'modal';

  // the verb form of the trigger itself, and of the light verb a noun trigger leans on
  const word = wordAround(text, trig.start, trig.end);
  const candidates = [...wordsIn(text, word.start, word.end), ...wordsIn(text, trig.start, trig.end)];
  if (trig.noun) {
    candidates.push(...wordsIn(text, c.start, word.start).slice(-LIGHT_VERB_WORDS));
    candidates.push(...wordsIn(text, word.end, c.end).slice(0, LIGHT_VERB_WORDS));
  }
  // verb-final: the clause's last word is its finite verb ("görüşmeler yapacak")
  if (m.headFinal) candidates.push(...wordsIn(text, word.end, c.end).slice(-1));
  for (const x of candidates) {
    // a capitalized neighbour is a name ("Irán"), not a verb; the trigger's own words may be capitalized
    if ((x.at >= word.end || x.at < word.start) && UPPER_START.test(x.w)) continue;
    const kind = formOf(x.w, m);
    if (kind === 'negative') return 'negated';
    if (kind) return 'modal';
  }
  // auxiliaries anywhere in the clause before the trigger ("würde ... treffen", "hätte ... getroffen");
  // verb-final languages put them after it ("دیدار خواهد کرد")
  // and the particle right after the verb ("встретился бы")
  const next = wordsIn(text, word.end, c.end)[0]?.w ?? '';
  for (const a of m.auxiliaries) {
    const found = before.some((sp) => test(a.re, text.slice(sp.start, sp.end))) || (m.headFinal ? test(a.re, afterText) : test(a.re, next));
    if (found) return a.kind === 'negative' ? 'negated' : 'modal';
  }
  if (m.ambiguousAuxiliary && before.some((sp) => test(m.ambiguousAuxiliary, text.slice(sp.start, sp.end))) && test(m.counterfactual, text.slice(c.start, c.end))) return 'modal';
  return null;
}

function test(re: RegExp | null, s: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(s);
}

const byLexicon = new WeakMap<Lexicon, Modality>();

/** The modality of a lexicon's language, its coordinators taken from the lexicon. */
export function modalityOf(lex: Lexicon): Modality {
  let m = byLexicon.get(lex);
  if (!m) {
    const base = modalityFor(lex.lang);
    m = base === NONE ? NONE : { ...base, coordinator: lex.words.coordinator };
    byLexicon.set(lex, m);
  }
  return m;
}

/**
 * Where the modal words of the trigger at `at` may stand (see modalWindow), with the inserted
 * clauses inside masked; null when the language has no modality data.
 */
export function modalScope(text: string, sentence: Span, at: number, m: Modality): { span: Span; masks: Span[] } | null {
  if (m === NONE) return null;
  const clauses = clausesOf(text, sentence, m);
  const i = clauseIndexAt(clauses, at);
  return i < 0 ? null : modalWindow(clauses, i);
}
