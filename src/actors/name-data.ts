// Name shapes and appositions per language (data/lang/<lang>/names.json), with the titles of the
// language's event lexicon (its roles and titleCues), compiled once per lexicon: what lets an
// unknown person be found from "Pedro Sánchez, el presidente de España" or "the chairman of X,
// Zhao Leji" and carry that role for the document.
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_LANG_DIR, type Lexicon } from '../events/lexicon.ts';
import { normalizeName } from './name-key.ts';

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
  /** the longest role (with its key) or title cue starting exactly at `at`, or null */
  titleAt(text: string, at: number): { end: number; role: string | null } | null;
  /** a whole word that is a possessive of the language ("his", "su"), from the event lexicon */
  possessiveWord: RegExp | null;
  /** a title, then optionally "of" and what it is of, then a comma, ending the text: "el Presidente de España, " */
  titleOfBefore: RegExp | null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");

function readData(dir: string, lang: string): NameData {
  const path = `${dir.replace(/\/?$/, '/')}${lang}/names.json`;
  if (!/^[a-z]{2,3}$/.test(lang) || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as NameData;
  } catch (e) {
    throw new Error(`name data ${path}: ${(e as Error).message}`);
  }
}

const cache = new WeakMap<Lexicon, NameCues>();

/** The name cues of a lexicon's language, compiled on first use and kept with the lexicon. */
export function nameCues(lex: Lexicon, dir: string = DEFAULT_LANG_DIR): NameCues {
  let cues = cache.get(lex);
  if (!cues) {
    cues = compileNameCues(lex, readData(dir, lex.lang));
    cache.set(lex, cues);
  }
  return cues;
}

export function compileNameCues(lex: Lexicon, data: NameData): NameCues {
  const set = (l: string[] | undefined): Set<string> => new Set((l ?? []).map((w) => normalizeName(w)).filter(Boolean));
  // the lexicon's own compiled patterns, made sticky to test at one position
  const roles = lex.roles.map(({ role, re }) => ({ role, re: new RegExp(re.source, 'iuy') }));
  const cue = lex.titleCue ? new RegExp(lex.titleCue.source, 'iuy') : null;
  const titles = [...lex.roles.map((r) => r.re.source), ...(lex.titleCue ? [lex.titleCue.source] : [])];
  const ofWords = (data.titleOf ?? []).map(escape).sort((a, b) => b.length - a.length);
  // what a title is of: a few words after "of", no sentence punctuation (China's National People's Congress)
  const of = ofWords.length ? `(?:\\s+(?:${ofWords.join('|')})(?:\\s+|(?<=['’]))[^\\s,.;:!?()«»"“”،]+(?:\\s+[^\\s,.;:!?()«»"“”،]+){0,6})?` : '';
  return {
    particles: set(data.particles),
    appositionWords: set(data.appositionWords),
    notNames: set(data.notNames),
    nameStops: set(data.nameStops),
    titleAt(text, at) {
      let best: { end: number; role: string | null } | null = null;
      for (const { role, re } of roles) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m && (!best || at + m[0].length > best.end)) best = { end: at + m[0].length, role };
      }
      if (cue) {
        cue.lastIndex = at;
        const m = cue.exec(text);
        if (m && (!best || at + m[0].length > best.end)) best = { end: at + m[0].length, role: null };
      }
      return best;
    },
    possessiveWord: lex.words.possessive ? new RegExp(`^(?:${lex.words.possessive.source})$`, 'iu') : null,
    titleOfBefore: titles.length ? new RegExp(`(?:${titles.map((t) => `(?:${t})`).join('|')})${of}\\s*[,،]\\s*$`, 'iu') : null,
  };
}
