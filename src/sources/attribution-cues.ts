// The cue words of attribution per language (data/lang/<lang>/attribution.json), compiled once
// per language into regular expressions. See data/lang/README.md for what each list holds.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LANG_DIR } from '../events/lexicon.ts';
import { phrasePattern, UNSPACED, WORD_END, WORD_START } from '../text/word-pattern.ts';

export interface AttributionData {
  according?: string[];
  reportVerbs?: string[];
  statements?: string[];
  officials?: string[];
  unnamed?: string[];
  /** a statement the sides issue together: the participants' own readout */
  jointStatements?: string[];
  corrections?: string[];
  /** media left unnamed, a source by themselves beside a cue: "local media", "state TV" */
  media?: string[];
  /** nouns of a medium that need a name or a country beside them: "newspaper", "broadcaster", "media" */
  mediaNouns?: string[];
  /** possessive words before an office that stand for a person named before: "his", "son", "его" */
  possessives?: string[];
  /** offices written with their owner as a pronoun suffix: "مكتبه", "kantornya" (also officials) */
  possessedOfficials?: string[];
  /** in a correction, words after which a value is the wrong one: "not", "rather than" */
  correctionOld?: string[];
  /** in a correction, words after which a value is the right one: "in fact", "sino" */
  correctionNew?: string[];
  /** in a correction, words saying no meeting took place: "no such meeting" */
  noMeeting?: string[];
}

export interface AttributionCues {
  lang: string;
  /** a cue before or after a medium's name that makes it the source: "according to", "reported" */
  citing: RegExp | null;
  /** `according` alone (a cue before a source) and `reportVerbs` alone (a verb after it) */
  according: RegExp | null;
  reportVerb: RegExp | null;
  statement: RegExp | null;
  official: RegExp | null;
  unnamed: RegExp | null;
  joint: RegExp | null;
  correction: RegExp | null;
  /** `media` and `mediaNouns` together */
  mediaNoun: RegExp | null;
  /** `media`, folded (foldPhrase): a source without a name */
  mediaComplete: ReadonlySet<string>;
  possessive: RegExp | null;
  /** `possessedOfficials`, folded */
  possessedOfficials: ReadonlySet<string>;
  correctionOld: RegExp | null;
  correctionNew: RegExp | null;
  noMeeting: RegExp | null;
}

/** A phrase as compared: lower case, runs of space as one. */
export const foldPhrase = (s: string): string => s.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

const LISTS = ['according', 'reportVerbs', 'statements', 'officials', 'unnamed', 'jointStatements', 'corrections', 'media', 'mediaNouns', 'possessives', 'possessedOfficials', 'correctionOld', 'correctionNew', 'noMeeting'] as const;

/**
 * Phrases as one global regex, longest first; bounded by word edges except in scripts without
 * spaces. A run of bounded phrases shares one pair of edges, `WS(?:a|b)WE`: it matches what
 * `WS(?:a)WE|WS(?:b)WE` does, in the same order, but tests the edge once per position instead of
 * once per phrase (about half the time of a scan).
 */
export function cueRegex(phrases: readonly string[] | undefined): RegExp | null {
  if (!phrases?.length) return null;
  const parts: string[] = [];
  let run: string[] = [];
  const close = (): void => {
    if (run.length) parts.push(`${WORD_START}(?:${run.join('|')})${WORD_END}`);
    run = [];
  };
  for (const p of [...phrases].sort((a, b) => b.length - a.length)) {
    if (!UNSPACED.test(p)) run.push(`(?:${phrasePattern(p)})`);
    else {
      close();
      parts.push(`(?:${phrasePattern(p)})`);
    }
  }
  close();
  return new RegExp(parts.join('|'), 'giu');
}

/** Checks a language's attribution.json: every list an array of non-empty strings. */
export function validateAttributionData(data: unknown, source: string): AttributionData {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${source}: attribution data must be a JSON object`);
  const d = data as Record<string, unknown>;
  for (const key of LISTS) {
    const v = d[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) throw new Error(`${source}: "${key}" must be a list of non-empty strings`);
  }
  return d as AttributionData;
}

export function compileCues(lang: string, data: AttributionData): AttributionCues {
  return {
    lang,
    citing: cueRegex([...(data.according ?? []), ...(data.reportVerbs ?? [])]),
    according: cueRegex(data.according),
    reportVerb: cueRegex(data.reportVerbs),
    statement: cueRegex(data.statements),
    official: cueRegex([...(data.officials ?? []), ...(data.possessedOfficials ?? [])]),
    unnamed: cueRegex(data.unnamed),
    joint: cueRegex(data.jointStatements),
    correction: cueRegex(data.corrections),
    mediaNoun: cueRegex([...(data.media ?? []), ...(data.mediaNouns ?? [])]),
    mediaComplete: new Set((data.media ?? []).map(foldPhrase)),
    possessive: cueRegex(data.possessives),
    possessedOfficials: new Set((data.possessedOfficials ?? []).map(foldPhrase)),
    correctionOld: cueRegex(data.correctionOld),
    correctionNew: cueRegex(data.correctionNew),
    noMeeting: cueRegex(data.noMeeting),
  };
}

/** Cues per language, read once; a language without a file (or with a bad one: an error naming it) reads English. */
export function createAttributionCues(dir: string | URL = DEFAULT_LANG_DIR): (lang: string) => AttributionCues {
  const root = (typeof dir === 'string' ? dir : fileURLToPath(dir)).replace(/\/?$/, '/');
  const cache = new Map<string, AttributionCues>();
  const load = (lang: string): AttributionCues => {
    const hit = cache.get(lang);
    if (hit) return hit;
    const path = `${root}${lang}/attribution.json`;
    let cues: AttributionCues;
    if (/^[a-z]{2,3}$/.test(lang) && existsSync(path)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new Error(`attribution data ${path} is not valid JSON: ${(e as Error).message}`);
      }
      cues = compileCues(lang, validateAttributionData(raw, path));
    } else cues = lang === 'en' ? compileCues('en', {}) : { ...load('en'), lang };
    cache.set(lang, cues);
    return cues;
  };
  return load;
}
