// Per-language event lexicons (data/lang/<lang>/events.json), compiled once.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventMode, PartialDate, Span } from '../core/types.ts';
import type { TriggerTraits } from './draft.ts';
import { type CalendarName, fromGregorian, readDigits, toGregorian } from '../text/calendar.ts';
import { foldText } from '../text/normalize-script.ts';
import { lower, WordMatcher, type Morphology, type WordSpec } from '../text/stem.ts';
import { allMatches } from '../core/all-matches.ts';

export const DEFAULT_LANG_DIR = fileURLToPath(new URL('../../data/lang/', import.meta.url));

/**
 * A trigger is a regular expression of word forms (`pattern`, for multiword shapes), or a word
 * named by lemma, forms or stems (src/text/stem.ts) with the words it needs around it.
 */
interface TriggerData extends WordSpec {
  pattern?: string;
  mode: EventMode;
  /** a word of these (or a phrase, words split by spaces) within `gap` words after it: "reunirse" "con", "summit" "between" */
  after?: string[];
  /** a word of these within `gap` words before it: Turkish "ile" görüştü */
  before?: string[];
  /** a word of these within `gap` words on either side: the reflexive "se" of "se reunió" and "reuniu-se" */
  near?: string[];
  /** words that may stand between (2 unless told) */
  gap?: number;
  weak?: boolean;
  needsObject?: boolean;
  needsPerson?: boolean;
  /** the trigger names the event as a noun (a meeting, talks): a modal may stand a few words before it */
  noun?: boolean;
}

interface LexiconData {
  triggers: TriggerData[];
  modalBefore: string[];
  modalAfter: string[];
  sentenceModal: string[];
  reportedSpeech: string[];
  eventNouns: string[];
  anaphora: string[];
  plurals: string[];
  pronounsMale: string[];
  pronounsFemale: string[];
  locatives: string[];
  weekdays: string[];
  months: string[];
  today: string[];
  yesterday: string[];
  lastWeekday: string[];
  roles: Record<string, string[]>;
  leaderRoles: string[];
  titleCues: string[];
  articles: string[];
  boundaries?: string[];
  topicBefore?: string[];
  modalClause?: string[];
  adverbs?: string[];
  presence?: string[];
  // keys read by the event stages (src/events/*), compiled below into `words`
  /** number words of plural references: {"two": 2, "both": 2} */
  numberWords?: Record<string, number>;
  /** determiners before a counted plural: "the" two ... leaders */
  pluralDeterminers?: string[];
  /** nouns closing a counted plural: the two ... "leaders" */
  pluralHeads?: string[];
  /** stems of the word "capital" (matched inside longer words: столиц-е) */
  capitalWords?: string[];
  /** nouns after an organization that make it an occasion, not a side: the G20 "summit" */
  forumWords?: string[];
  /** cues before a name that make it a source, not a side: "according to" */
  citeCues?: string[];
  /** possessives that may stand between a verb and the person it takes: called "his" counterpart */
  possessives?: string[];
  /** words joining two names or two verbs: "and" */
  coordinators?: string[];
  /** a later event told against an earlier date: "has since met", "depuis lors" */
  sinceThen?: string[];
  /** cues naming members of a side: "his delegation, including X" */
  memberCues?: string[];
  /** nouns for a group a member cue may name people of: "delegation" */
  groupNouns?: string[];
  /** days counted within a stated stay: {"on the first day": 1} */
  dayOfStay?: Record<string, number>;
  /** a person's stay somewhere over stated days: "will be in", "on a state visit to" */
  stay?: string[];
  /** case endings written onto a place name that make it where something happens: Soçi'de */
  locativeSuffixes?: string[];
  /** words opening a condition: "if they met", "si", "wenn", "если бы" */
  conditionals?: string[];
  /** words after an event noun that undo it: "the talks were cancelled" */
  undoneAfter?: string[];
  /** cues before a name of someone who only goes along: "accompanied by" */
  accompanyCues?: string[];
  /** cues after a name of someone who only looks on: "attended" */
  attendCues?: string[];
  /** a statement made to the press is no meeting: "told a press conference" */
  pressEvents?: string[];
  /** words that make a press event a joint appearance, no statement to the press: "joint press conference", "gemeinsame Pressekonferenz" */
  jointPress?: string[];
  /** an earlier meeting named as a reference point: "the first meeting since" */
  firstSince?: string[];
  /** prepositions making a meeting noun the occasion of another verb: "pledged to ... during their meeting" */
  occasionFrames?: string[];
  /** coordinators that join verbs of one subject even after a comma ("，并"): a modal carries over them */
  verbCoordinators?: string[];
  /** phrases taking the time of the sentence before: "at the time", "saat itu", "à l'époque" */
  sameTime?: string[];
  /** bare infinitive or purpose markers among modalBefore ("to"): they govern their own verb, not an occasion after it */
  infinitiveMarkers?: string[];
  /**
   * separable verb particles: closing the clause of a finite trigger verb, they make it another verb
   * ("traf … ein": arrived, "traf … zu": was true, not "traf": met)
   */
  separableParticles?: string[];
  /** words that end a clause of a verb-second language as a comma does ("und", "aber") */
  clauseCoordinators?: string[];
  /** written date shapes beyond "day month-name year": named groups y, m (digits), mn (a month name, {MONTH} in the pattern), d */
  dateForms?: Array<{ pattern: string; calendar?: CalendarName; weekdays?: string[] }>;
  /** month names of other calendars, one alternation per month: { "persian": ["فروردین", ...] } */
  calendarMonths?: Record<string, string[]>;
}

export interface DateForm {
  re: RegExp;
  calendar: CalendarName;
  /** month i + 1 for a name matching months[i] */
  months: RegExp[];
  /** for a weekday form (group wd): Sunday is weekdays[0] */
  weekdays: RegExp[];
}

export interface Trigger extends TriggerTraits {
  re: RegExp;
  /** its place in the lexicon: of two triggers on the same words, the earlier wins */
  rank: number;
}

/** A trigger named by lemma, forms or stems, matched against the words of a sentence. */
export interface WordTrigger extends TriggerTraits {
  /** its spec's id in the language's WordMatcher */
  id: number;
  /** its place in the lexicon: of two triggers on the same words, the earlier wins */
  rank: number;
  after: string[][];
  before: string[][];
  near: string[][];
  gap: number;
}

/** Light verb + event noun: "hold talks", "görüşme gerçekleştirdi", "عقد اجتماعا", "провести переговоры". */
export interface LightVerbs {
  /** spec id of a light verb -> the event modes it may carry (null: all) */
  verbs: Map<number, EventMode[] | null>;
  /** spec id of an event noun -> its mode */
  nouns: Map<number, EventMode>;
  /** words that may stand between the two */
  gap: number;
  order: 'any' | 'verb-noun' | 'noun-verb';
}

export interface TriggerMorphology {
  matcher: WordMatcher;
  /** word triggers by spec id */
  triggers: Map<number, WordTrigger>;
  light: LightVerbs | null;
  /** verb forms that tell of no event done (Morphology.unreal) */
  unreal: RegExp | null;
}

/** data/lang/<lang>/morphology.json: how words inflect, and the light verbs and event nouns of the language. */
export interface MorphologyData extends Morphology {
  lightVerbs?: Array<WordSpec & { modes?: EventMode[] }>;
  eventNouns?: Array<WordSpec & { mode?: EventMode }>;
  /** words that may stand between a light verb and its noun: 3 unless told */
  lightGap?: number;
  lightOrder?: 'any' | 'verb-noun' | 'noun-verb';
}

export interface Lexicon {
  lang: string;
  /** triggers written as regular expressions (matched on the script-folded sentence) */
  triggers: Trigger[];
  /** triggers named by lemma or stem, light verb constructions; null when the language has none */
  morph: TriggerMorphology | null;
  modalBefore: RegExp;
  modalAfter: RegExp;
  sentenceModal: RegExp | null;
  anaphora: RegExp | null;
  plurals: RegExp | null;
  pronouns: RegExp | null;
  locatives: Set<string>;
  weekdays: RegExp[];
  months: RegExp[];
  today: RegExp | null;
  yesterday: RegExp | null;
  lastWeekday: RegExp | null;
  roles: Array<{ role: string; re: RegExp }>;
  leaderRoles: string[];
  titleCue: RegExp | null;
  /** words and marks that end the clause an event is told in */
  boundaries: RegExp;
  /** nouns a place after 'in' belongs to instead of the event: 'the situation in Gaza' */
  topicBefore: RegExp | null;
  /** modal words that make the whole clause before a trigger planned (verb-final languages) */
  modalClause: RegExp | null;
  /** adverbs that may stand between a modal and its verb: will also meet */
  adverbs: RegExp | null;
  /** where someone is at the time of writing: "who is in", "arrived in" (a place follows) */
  presence: RegExp | null;
  /** words the event stages use besides triggers (see LexiconData for each) */
  words: EventWords;
  /** written date shapes of the language (data: dateForms), read by findWrittenDates */
  dateForms: DateForm[];
}

export interface EventWords {
  numbers: Map<string, number>;
  /** "the two Palestinian leaders": group 1 the number word */
  countedPlural: RegExp | null;
  capital: RegExp | null;
  /** anchored at the start of the text after an organization name */
  forumAfter: RegExp | null;
  /** anchored at the end of the text before a name */
  citedBefore: RegExp | null;
  /** the whole gap between a verb and a person: titles, articles and possessives only */
  personGap: RegExp;
  possessive: RegExp | null;
  /** the whole gap between two names joined as one subject */
  coordinatorGap: RegExp | null;
  coordinator: RegExp | null;
  sinceThen: RegExp | null;
  memberCue: RegExp | null;
  groupNoun: RegExp | null;
  dayOfStay: Array<{ re: RegExp; day: number }>;
  stay: RegExp | null;
  pressEvent: RegExp | null;
  jointPress: RegExp | null;
  conditional: RegExp | null;
  /** anchored at the start of the text right after a place name */
  locativeSuffix: RegExp | null;
  undoneAfter: RegExp | null;
  /** the first person named after it only goes along */
  accompanyCue: RegExp | null;
  /** anchored at the start of the text after a name */
  attendsAfter: RegExp | null;
  firstSince: RegExp | null;
  /** anchored at the end of the text before a meeting noun: "during their", "lors de la" */
  occasionBefore: RegExp | null;
  /** anchored: a comma then a coordinator of verbs ("，并") */
  verbCoordinatorAfterComma: RegExp | null;
  /** "at the time", "saat itu": the event is at the time the sentence before tells */
  sameTime: RegExp | null;
  /** a whole match that is only an infinitive marker */
  infinitiveMarker: RegExp | null;
  /** anchored: the rest of a finite verb's clause closed by a separable particle */
  separableClose: RegExp | null;
  /** articles, apostrophes stripped: in "the" Kremlin */
  articles: Set<string>;
}

function compileWords(data: LexiconData): EventWords {
  const list = (l: string[] | undefined): string => (l ?? []).map(phrase).sort((a, b) => b.length - a.length).join('|');
  const numbers = new Map(Object.entries(data.numberWords ?? {}).map(([w, n]) => [w.toLowerCase(), n]));
  const heads = list(data.pluralHeads);
  const counted = numbers.size && heads
    ? new RegExp(`${B}${data.pluralDeterminers?.length ? `(?:${list(data.pluralDeterminers)})\\s+` : ''}(${list([...numbers.keys()])})\\s+([\\p{L}\\s-]{0,40}?)\\s*(?:${heads})${E}`, 'iu')
    : null;
  const plainArticles = data.articles.filter((a) => !/['’]$/.test(a));
  const gapWords = list([...(data.possessives ?? []), ...plainArticles]);
  return {
    numbers,
    countedPlural: counted,
    capital: data.capitalWords?.length ? new RegExp(list(data.capitalWords), 'iu') : null,
    forumAfter: data.forumWords?.length ? new RegExp(`^\\s*(?:${list(data.forumWords)})`, 'iu') : null,
    citedBefore: data.citeCues?.length ? new RegExp(`${B}(?:${list(data.citeCues)})\\s*$`, 'iu') : null,
    // no space at all where the script has none: 包括王毅
    personGap: new RegExp(`^(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*${gapWords ? `|${gapWords}` : ''}))*\\s*$`, 'u'),
    possessive: alt(data.possessives ?? [], 'iu'),
    coordinatorGap: data.coordinators?.length ? new RegExp(`^\\s*(?:${list(data.coordinators)})\\s*$`, 'iu') : null,
    coordinator: alt(data.coordinators ?? [], 'iu'),
    sinceThen: alt(data.sinceThen ?? [], 'iu'),
    memberCue: alt(data.memberCues ?? [], 'giu'),
    groupNoun: alt(data.groupNouns ?? [], 'iu'),
    dayOfStay: Object.entries(data.dayOfStay ?? {}).map(([p, day]) => ({ re: new RegExp(HAN.test(p) ? phrase(p) : `${B}${phrase(p)}${E}`, 'iu'), day })),
    stay: alt(data.stay ?? [], 'giu'),
    pressEvent: alt(data.pressEvents ?? [], 'iu'),
    jointPress: alt(data.jointPress ?? [], 'iu'),
    accompanyCue: alt(data.accompanyCues ?? [], 'giu'),
    conditional: alt(data.conditionals ?? [], 'iu'),
    locativeSuffix: data.locativeSuffixes?.length ? new RegExp(`^(?:${list(data.locativeSuffixes)})${E}`, 'iu') : null,
    undoneAfter: alt(data.undoneAfter ?? [], 'iu'),
    attendsAfter: data.attendCues?.length ? new RegExp(`^[\\s,]*(?:${list(data.attendCues)})${E}`, 'iu') : null,
    firstSince: alt(data.firstSince ?? [], 'iu'),
    occasionBefore: data.occasionFrames?.length
      ? new RegExp(`${B}(?:${list(data.occasionFrames)})\\s+(?:(?:${gapWords || '(?!)'})\\s+)?(?:[\\p{L}-]+\\s+)?$`, 'iu')
      : null,
    sameTime: alt(data.sameTime ?? [], 'iu'),
    verbCoordinatorAfterComma: data.verbCoordinators?.length ? new RegExp(`^[^,;:，；。]*[,，]\\s*(?:${list(data.verbCoordinators)})[^,;:，；。]*$`, 'iu') : null,
    infinitiveMarker: data.infinitiveMarkers?.length ? new RegExp(`^(?:${list(data.infinitiveMarkers)})$`, 'iu') : null,
    separableClose: data.separableParticles?.length
      ? new RegExp(
          `^(?:(?!${B}(?:${list(data.clauseCoordinators ?? []) || '(?!)'})${E})[^,;:.!?()\\[\\]"«»„“])*?\\s(?:${list(data.separableParticles)})\\s*(?:[,;:.!?()"«»„“]|${B}(?:${list(data.clauseCoordinators ?? []) || '(?!)'})${E}|$)`,
          'iu',
        )
      : null,
    articles: new Set(data.articles.map((a) => a.toLowerCase().replace(/['’]$/, ''))),
  };
}

const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
}

/** phrases may hold regex classes when they contain \\w or [ ], else are literal */
function phrase(s: string): string {
  return /\\w|\[|\(\?/.test(s) ? letters(s) : escape(s);
}

/** \\w in lexicon patterns means any letter, in every script */
function letters(pattern: string): string {
  return pattern.replace(/\\w/g, '[\\p{L}\\p{M}]');
}

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function alt(list: string[], flags = 'giu'): RegExp | null {
  if (!list.length) return null;
  const sorted = [...list].sort((a, b) => b.length - a.length);
  const spaced = sorted.filter((p) => !HAN.test(p)).map(phrase);
  const unspaced = sorted.filter((p) => HAN.test(p)).map(phrase);
  const parts = [...(spaced.length ? [`${B}(?:${spaced.join('|')})${E}`] : []), ...(unspaced.length ? [`(?:${unspaced.join('|')})`] : [])];
  return new RegExp(parts.join('|'), flags);
}

function compileDateForm(form: { pattern: string; calendar?: CalendarName; weekdays?: string[] }, data: LexiconData): DateForm {
  const calendar = form.calendar ?? 'gregorian';
  const names = calendar === 'gregorian' ? data.months : data.calendarMonths?.[calendar];
  if (/\{MONTH\}/.test(form.pattern) && !names?.length) throw new Error(`date form ${form.pattern}: no month names for calendar ${calendar}`);
  const months = (names ?? []).map((m) => new RegExp(`^(?:${m})$`, 'iu'));
  const source = form.pattern
    .replace(/\{MONTH\}/g, `(?<mn>${(names ?? []).map((n) => `(?:${n})`).join('|')})(?![\\p{L}\\p{M}])`)
    // a digit of any script: ٢٠ and ۲۰ are twenty too
    .replace(/\\d/g, '\\p{Nd}');
  return { re: new RegExp(letters(source), 'giu'), calendar, months, weekdays: (form.weekdays ?? []).map((w) => new RegExp(`^(?:${w})$`, 'iu')) };
}

/** Word triggers and light verb constructions, compiled into one matcher for the language. */
function compileMorphology(lang: string, data: LexiconData, morph: MorphologyData | undefined): TriggerMorphology | null {
  const specs: WordSpec[] = [];
  const triggers = new Map<number, WordTrigger>();
  const phrases = (l: string[] | undefined): string[][] => (l ?? []).map((p) => foldText(lower(lang, p)).split(/\s+/).filter(Boolean));
  data.triggers.forEach((t, rank) => {
    if (t.pattern !== undefined) return;
    if (t.lemma === undefined && !t.forms && !t.stems) throw new Error(`trigger ${JSON.stringify(t)}: no pattern, lemma, forms or stems`);
    const id = specs.push({ lemma: t.lemma, forms: t.forms, stems: t.stems, endings: t.endings }) - 1;
    triggers.set(id, {
      id, rank, mode: t.mode, weak: !!t.weak, needsObject: !!t.needsObject, needsPerson: !!t.needsPerson, noun: !!t.noun,
      after: phrases(t.after), before: phrases(t.before), near: phrases(t.near), gap: t.gap ?? 2,
    });
  });
  let light: LightVerbs | null = null;
  if (morph?.lightVerbs?.length && morph.eventNouns?.length) {
    light = { verbs: new Map(), nouns: new Map(), gap: morph.lightGap ?? 3, order: morph.lightOrder ?? 'any' };
    for (const v of morph.lightVerbs) light.verbs.set(specs.push(v) - 1, v.modes ?? null);
    for (const n of morph.eventNouns) light.nouns.set(specs.push(n) - 1, n.mode ?? 'meet');
  }
  if (!specs.length) return null;
  return { matcher: new WordMatcher(lang, specs, morph), triggers, light, unreal: morph?.unreal ? new RegExp(`(?:${foldText(morph.unreal)})$`, 'u') : null };
}

export function compileLexicon(lang: string, data: LexiconData, morph?: MorphologyData): Lexicon {
  return {
    lang,
    triggers: data.triggers.flatMap((t, rank) => {
      if (t.pattern === undefined) return [];
      // matched on the folded sentence (normalize-script.ts): the pattern is folded the same way
      const pattern = letters(foldText(t.pattern));
      return [{
        // scripts written without spaces have no word boundaries to look for
        re: HAN.test(t.pattern) ? new RegExp(`(?:${pattern})`, 'giu') : new RegExp(`${B}(?:${pattern})${E}`, 'giu'),
        rank,
        mode: t.mode,
        weak: !!t.weak,
        needsObject: !!t.needsObject,
        needsPerson: !!t.needsPerson,
        noun: !!t.noun,
      }];
    }),
    morph: compileMorphology(lang, data, morph),
    modalBefore: alt(data.modalBefore, 'iu') ?? /(?!)/,
    modalAfter: alt(data.modalAfter, 'iu') ?? /(?!)/,
    sentenceModal: alt(data.sentenceModal, 'iu'),
    anaphora: alt(data.anaphora, 'iu'),
    plurals: alt(data.plurals),
    pronouns: alt([...data.pronounsMale, ...data.pronounsFemale]),
    locatives: new Set(data.locatives.map((l) => l.toLowerCase())),
    weekdays: data.weekdays.map((w) => new RegExp(`${B}(?:${w})${E}`, 'iu')),
    months: data.months.map((m) => new RegExp(`^(?:${m})\\.?$`, 'iu')),
    today: alt(data.today, 'iu'),
    yesterday: alt(data.yesterday, 'iu'),
    lastWeekday: data.lastWeekday.length ? new RegExp(`(?:${data.lastWeekday.join('|')})\\s*$`, 'iu') : null,
    roles: Object.entries(data.roles).flatMap(([role, list]) =>
      list.map((p) => ({ role, re: new RegExp(`${B}${phrase(p)}${E}`, 'giu') })),
    ),
    leaderRoles: data.leaderRoles,
    titleCue: alt(data.titleCues, 'iu'),
    topicBefore: alt(data.topicBefore ?? [], 'iu'),
    modalClause: alt(data.modalClause ?? [], 'iu'),
    adverbs: alt(data.adverbs ?? [], 'iu'),
    presence: alt(data.presence ?? []),
    words: compileWords(data),
    dateForms: (data.dateForms ?? []).map((f) => compileDateForm(f, data)),
    boundaries: new RegExp(`(?:[;:]|\\s[–—]\\s|${(alt(data.boundaries ?? []) ?? /(?!)/).source.replace(/\(\?!\[([^\]]*)\]\)$/, '(?![$1-])')})`, 'giu'),
  };
}

/** A language without a lexicon finds no events: words of another language would only find garbage. */
const EMPTY: LexiconData = {
  triggers: [], modalBefore: [], modalAfter: [], sentenceModal: [], reportedSpeech: [], eventNouns: [], anaphora: [], plurals: [],
  pronounsMale: [], pronounsFemale: [], locatives: [], weekdays: [], months: [], today: [], yesterday: [], lastWeekday: [],
  roles: {}, leaderRoles: [], titleCues: [], articles: [],
};

/** Languages read with a close one's lexicon (data/lang/aliases.json: { "ms": "id" }). */
function readAliases(dir: string): Record<string, string> {
  const path = `${dir}aliases.json`;
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (e) {
    throw new Error(`language aliases ${path}: ${(e as Error).message}`);
  }
}

/**
 * The lexicon for a language: its own, a close language's (aliases.json), English when the
 * language is unknown ('und'), and an empty one (no triggers) for any other language.
 */
export function createLexicons(dir: string = DEFAULT_LANG_DIR): (lang: string) => Lexicon {
  const root = dir.replace(/\/?$/, '/');
  const cache = new Map<string, Lexicon | null>();
  const aliases = readAliases(root);
  const load = (lang: string): Lexicon | null => {
    if (cache.has(lang)) return cache.get(lang)!;
    const path = `${root}${lang}/events.json`;
    const morphPath = `${root}${lang}/morphology.json`;
    let lex: Lexicon | null = null;
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lang) && existsSync(path)) {
      try {
        const morph = existsSync(morphPath) ? (JSON.parse(readFileSync(morphPath, 'utf8')) as MorphologyData) : undefined;
        lex = compileLexicon(lang, JSON.parse(readFileSync(path, 'utf8')) as LexiconData, morph);
      } catch (e) {
        throw new Error(`event lexicon ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(lang, lex);
    return lex;
  };
  let empty: Lexicon | null = null;
  return (lang) => {
    if (!lang || lang === 'und') return load('en')!;
    const own = load(lang) ?? (aliases[lang] ? load(aliases[lang]) : null);
    return own ?? (empty ??= compileLexicon(lang, EMPTY));
  };
}

/** A date written in the text, as a Gregorian day. */
export interface WrittenDate extends Span {
  value: string;
  /** a weekday (0 Sunday), not a date: it yields to a date stated in the same clause */
  weekday?: number;
}

const isoAdd = (day: string, n: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Dates written in text[span) in the language's own shapes (2024年11月18日, 18日, ١٨ نوفمبر,
 * ۲۸ آبان ۱۴۰۳), converted to Gregorian days. A missing year (or year and month) is the latest
 * that does not put the day more than two days after the publication day; unknown without one.
 */
export function findWrittenDates(text: string, span: Span, lex: Lexicon, published: PartialDate | null): WrittenDate[] {
  const out: WrittenDate[] = [];
  if (!lex.dateForms.length) return out;
  const slice = text.slice(span.start, span.end);
  const pubDay = published?.precision === 'day' ? published.value : null;
  for (const form of lex.dateForms) {
    form.re.lastIndex = 0;
    for (const m of allMatches(form.re, slice)) {
      const g = m.groups ?? {};
      const start = span.start + (m.index ?? 0);
      if (g.wd) {
        // "ביום שני": the weekday counted back from the publication day, as resolve-date does
        const wd = form.weekdays.findIndex((re) => re.test(g.wd));
        if (wd < 0 || !pubDay) continue;
        const back = (new Date(`${pubDay}T12:00:00Z`).getUTCDay() - wd + 7) % 7;
        out.push({ start, end: start + m[0].length, value: isoAdd(pubDay, -back), weekday: wd });
        continue;
      }
      const d = readDigits(g.d ?? '');
      let month = g.m ? readDigits(g.m) : g.mn ? form.months.findIndex((re) => re.test(g.mn)) + 1 : Number.NaN;
      let year = g.y ? readDigits(g.y) : Number.NaN;
      if (Number.isNaN(d)) continue;
      let value: string | null = null;
      if (!Number.isNaN(year) && !Number.isNaN(month)) value = toGregorian(form.calendar, year, month, d);
      else if (pubDay) {
        const now = fromGregorian(form.calendar, pubDay);
        const latest = isoAdd(pubDay, 2);
        const known = !Number.isNaN(month);
        year = now.y;
        if (!known) month = now.m;
        value = toGregorian(form.calendar, year, month, d);
        // one month (day only) or one year (day and month) back when that lies ahead
        if (!value || value > latest) {
          if (known) year -= 1;
          else if (--month < 1) [month, year] = [12, year - 1];
          value = toGregorian(form.calendar, year, month, d);
        }
      }
      if (!value || value < '1900' || value > '2100') continue;
      out.push({ start, end: start + m[0].length, value });
    }
  }
  // overlapping finds keep the longest: "2024年4月20日" holds "4月20日" and "20日"
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((w, i) => !out.some((o, j) => j !== i && o.start <= w.start && o.end >= w.end && o.end - o.start > w.end - w.start));
}
