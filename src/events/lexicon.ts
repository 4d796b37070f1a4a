// Per-language event lexicons (data/lang/<lang>/events.json), compiled once.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventMode } from '../core/types.ts';

export const DEFAULT_LANG_DIR = fileURLToPath(new URL('../../data/lang/', import.meta.url));

interface TriggerData {
  pattern: string;
  mode: EventMode;
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
}

export interface Trigger {
  re: RegExp;
  mode: EventMode;
  weak: boolean;
  needsObject: boolean;
  /** the trigger counts only when a person is named right after it ("called Putin", not "called on") */
  needsPerson: boolean;
  /** the trigger names the event as a noun (a meeting, talks), not as a finished verb */
  noun: boolean;
}

export interface Lexicon {
  lang: string;
  triggers: Trigger[];
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

export function compileLexicon(lang: string, data: LexiconData): Lexicon {
  return {
    lang,
    triggers: data.triggers.map((t) => ({
      // scripts written without spaces have no word boundaries to look for
      re: HAN.test(t.pattern) ? new RegExp(`(?:${letters(t.pattern)})`, 'giu') : new RegExp(`${B}(?:${letters(t.pattern)})${E}`, 'giu'),
      mode: t.mode,
      weak: !!t.weak,
      needsObject: !!t.needsObject,
      needsPerson: !!t.needsPerson,
      noun: !!t.noun,
    })),
    modalBefore: alt(data.modalBefore, 'iu')!,
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
    boundaries: new RegExp(`(?:[;:]|\\s[–—]\\s|${(alt(data.boundaries ?? []) ?? /(?!)/).source.replace(/\(\?!\[([^\]]*)\]\)$/, '(?![$1-])')})`, 'giu'),
  };
}

export function createLexicons(dir: string = DEFAULT_LANG_DIR): (lang: string) => Lexicon {
  const cache = new Map<string, Lexicon | null>();
  const load = (lang: string): Lexicon | null => {
    if (cache.has(lang)) return cache.get(lang)!;
    const path = `${dir.replace(/\/?$/, '/')}${lang}/events.json`;
    let lex: Lexicon | null = null;
    if (existsSync(path)) {
      try {
        lex = compileLexicon(lang, JSON.parse(readFileSync(path, 'utf8')) as LexiconData);
      } catch (e) {
        throw new Error(`event lexicon ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(lang, lex);
    return lex;
  };
  return (lang) => load(lang) ?? load('en')!;
}
