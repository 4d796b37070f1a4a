// Name shapes and appositions per language (data/lang/<lang>/names.json), with the titles of the
// language's event lexicon (its roles and titleCues), compiled once per lexicon: what lets an
// unknown person be found from "Pedro Sánchez, el presidente de España" or "the chairman of X,
// Zhao Leji" and carry that role for the document.
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_LANG_DIR, type Lexicon } from '../events/lexicon.ts';
import { normalizeName } from './name-key.ts';

interface TitleData {
  roles?: Record<string, string[]>;
  titleCues?: string[];
}

interface NameData {
  particles?: string[];
  titleOf?: string[];
  appositionWords?: string[];
  notNames?: string[];
  nameStops?: string[];
}

export interface NameCues {
  /** lower-case words inside a name (normalized) */
  particles: Set<string>;
  /** words that may stand between a name's comma and its title, besides articles, possessives, demonyms */
  appositionWords: Set<string>;
  /** heads of organization and place names (normalized): a run holding one names no person */
  notNames: Set<string>;
  /** words that end a name in scripts without capitals (normalized) */
  nameStops: Set<string>;
  /** whether some role or title cue starts exactly at `at` */
  titleStartsAt(text: string, at: number): boolean;
  /** the titles starting at the given word starts: start -> its end and role key (longest) */
  titlesIn(text: string, starts: readonly number[]): Map<number, { end: number; role: string | null }>;
  /** the longest role (with its key) or title cue starting exactly at `at`, or null */
  titleAt(text: string, at: number): { end: number; role: string | null } | null;
  /** a whole word that is a possessive of the language ("his", "su"), from the event lexicon */
  possessiveWord: RegExp | null;
  /** what may stand between a title and the comma before a name: "of" and what the title is of (" de España") */
  ofGap: RegExp | null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");

function readData<T extends object>(dir: string, lang: string, file: string): T | Record<string, never> {
  const path = `${dir.replace(/\/?$/, '/')}${lang}/${file}`;
  if (!/^[a-z]{2,3}$/.test(lang) || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`name data ${path}: ${(e as Error).message}`);
  }
}

const cache = new WeakMap<Lexicon, NameCues>();

/** The name cues of a lexicon's language, compiled on first use and kept with the lexicon. */
export function nameCues(lex: Lexicon, dir: string = DEFAULT_LANG_DIR): NameCues {
  let cues = cache.get(lex);
  if (!cues) {
    // the titles are the event lexicon's roles and titleCues, read as written (events.json)
    cues = compileNameCues(lex, readData<NameData>(dir, lex.lang, 'names.json'), readData<TitleData>(dir, lex.lang, 'events.json'));
    cache.set(lex, cues);
  }
  return cues;
}

const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';
// a lexicon phrase as the event lexicon reads it: literal, or a pattern when it holds \w or [ ]
const phrase = (p: string): string => (/\\w|\[|\(\?/.test(p) ? p.replace(/\\w/g, '[\\p{L}\\p{M}]') : escape(p));
// the letters a title's first word begins with, as written: the key it is found by (up to four)
const KEY = 4;
const keyOf = (p: string): string => (/^[^\\[(.*+?{|\s]+/.exec(p.toLowerCase())?.[0] ?? '').slice(0, KEY);

export function compileNameCues(lex: Lexicon, data: NameData, titleData: TitleData = {}): NameCues {
  const set = (l: string[] | undefined): Set<string> => new Set((l ?? []).map((w) => normalizeName(w)).filter(Boolean));
  // each title phrase under the first letters of its first word; only the few sharing a word's
  // letters are tried there (one large alternation would be tried at every letter of the text)
  const byKey = new Map<string, Array<{ re: RegExp; role: string | null }>>();
  const add = (p: string, role: string | null): void => {
    const key = keyOf(p);
    if (!key) return;
    const list = byKey.get(key) ?? [];
    list.push({ re: new RegExp(`${B}(?:${phrase(p)})${E}`, 'iuy'), role });
    byKey.set(key, list);
  };
  for (const [role, list] of Object.entries(titleData.roles ?? {})) for (const p of list) add(p, role);
  for (const p of titleData.titleCues ?? []) add(p, null);
  const ofWords = (data.titleOf ?? []).map(escape).sort((a, b) => b.length - a.length);
  // what a title is of: "of" and a few words, no sentence punctuation (China's National People's Congress)
  const ofGap = ofWords.length ? new RegExp(`^\\s+(?:${ofWords.join('|')})(?:\\s+|(?<=['’]))[^,.;:!?()«»"“”،]{1,60}$`, 'iu') : null;
  const titleAt = (text: string, at: number): { end: number; role: string | null } | null => {
    const word = text.slice(at, at + KEY).toLowerCase();
    let best: { end: number; role: string | null } | null = null;
    for (let n = Math.min(KEY, word.length); n >= 1; n--) {
      for (const { re, role } of byKey.get(word.slice(0, n)) ?? []) {
        re.lastIndex = at;
        const m = re.exec(text);
        // the longest; of two as long, a role (it names its key) before a plain cue
        if (m && (!best || at + m[0].length > best.end || (at + m[0].length === best.end && role && !best.role))) best = { end: at + m[0].length, role };
      }
    }
    return best;
  };
  return {
    particles: set(data.particles),
    appositionWords: set(data.appositionWords),
    notNames: set(data.notNames),
    nameStops: set(data.nameStops),
    titleAt,
    titleStartsAt: (text, at) => !!titleAt(text, at),
    titlesIn(text, starts) {
      const out = new Map<number, { end: number; role: string | null }>();
      let covered = -1;
      for (const at of starts) {
        if (at < covered) continue;
        const t = titleAt(text, at);
        if (t) {
          out.set(at, t);
          covered = t.end;
        }
      }
      return out;
    },
    possessiveWord: lex.words.possessive ? new RegExp(`^(?:${lex.words.possessive.source})$`, 'iu') : null,
    ofGap,
  };
}
