// Per-language framing data (data/framing/<lang>.json), read and checked once: the words that
// open, stop and head a descriptor, and the loaded terms with the side each takes. The format is
// described in data/framing/README.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../core/errors.ts';
import type { FramingStance } from '../core/types.ts';
import { allMatches } from '../core/all-matches.ts';

export const DEFAULT_FRAMING_DIR = fileURLToPath(new URL('../../data/framing/', import.meta.url));

export const STANCES: readonly FramingStance[] = ['delegitimizing', 'criminalizing', 'valorizing', 'subordinating'];

export interface LoadedTerm {
  /** "<lang>:<id>", unique over all languages. */
  id: string;
  term: string;
  stance: FramingStance;
  /** The actor the label is aimed at whatever it describes ("Zionist entity": israel). */
  target?: string;
  /** The label alone stands for this actor in running text (an epithet). */
  standsFor?: string;
  note?: string;
  /** The term cut into words as the tokenizer cuts text, lower-cased. */
  words: string[];
}

export interface FramingLexicon {
  lang: string;
  determiners: Set<string>;
  /** Words that tie a noun to the name after it ("head of Hamas"): such a noun is not the name's modifier. */
  links: Set<string>;
  stops: Set<string>;
  /** Lower-cased stems: a word starting with one is a descriptor head. */
  heads: string[];
  postHeads: string[];
  maxWords: number;
  /** Scripts written without spaces: words are cut by the longest known entry. */
  unspaced: boolean;
  loaded: LoadedTerm[];
  /** Unspaced languages: every known entry, longest first, for cutting text into words. */
  vocabulary: string[];
}

interface RawTerm {
  id?: unknown;
  term?: unknown;
  stance?: unknown;
  target?: unknown;
  standsFor?: unknown;
  note?: unknown;
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);

function compile(lang: string, file: string, raw: Record<string, unknown>): FramingLexicon {
  const fail = (problem: string): never => {
    throw new ParleyError('config', `framing data ${file}: ${problem}`);
  };
  for (const key of ['determiners', 'links', 'stops', 'heads', 'postHeads'] as const) {
    if (raw[key] !== undefined && !strings(raw[key])) fail(`"${key}" must be a list of non-empty strings`);
  }
  const maxWords = raw.maxWords ?? 6;
  if (typeof maxWords !== 'number' || !Number.isInteger(maxWords) || maxWords < 1 || maxWords > 20) fail('"maxWords" must be a whole number from 1 to 20');
  const unspaced = raw.unspaced === true;
  const lower = (list: unknown) => ((list as string[] | undefined) ?? []).map((s) => s.toLowerCase());
  const determiners = lower(raw.determiners);
  const links = lower(raw.links);
  const stops = lower(raw.stops);
  const heads = lower(raw.heads);
  const postHeads = lower(raw.postHeads);
  if (!Array.isArray(raw.loaded ?? [])) fail('"loaded" must be a list of terms');
  const rawTerms = (raw.loaded ?? []) as RawTerm[];
  const vocabulary = unspaced
    ? [...new Set([...determiners, ...links, ...stops, ...heads, ...postHeads, ...rawTerms.map((t) => String(t.term ?? '').toLowerCase())])]
        .filter((s) => s.length > 0)
        .sort((a, b) => b.length - a.length)
    : [];
  const seen = new Set<string>();
  const loaded = rawTerms.map((t, i): LoadedTerm => {
    const where = `loaded[${i}]`;
    if (typeof t !== 'object' || t === null) fail(`${where} must be an object`);
    if (typeof t.id !== 'string' || !/^[a-z0-9-]+$/.test(t.id)) fail(`${where}: "id" must be a lower-case slug`);
    if (typeof t.term !== 'string' || !t.term.trim()) fail(`${where} (${String(t.id)}): "term" must be a non-empty string`);
    if (!STANCES.includes(t.stance as FramingStance)) fail(`${where} (${String(t.id)}): "stance" must be one of ${STANCES.join(', ')}`);
    for (const key of ['target', 'standsFor', 'note'] as const) {
      if (t[key] !== undefined && typeof t[key] !== 'string') fail(`${where} (${String(t.id)}): "${key}" must be a string`);
    }
    const id = `${lang}:${t.id as string}`;
    if (seen.has(id)) fail(`${where}: id "${t.id as string}" is used twice`);
    seen.add(id);
    const term = t.term as string;
    const words = cutWords(term, unspaced, vocabulary).map((w) => w.text.toLowerCase());
    if (words.length === 0) fail(`${where} (${id}): "term" holds no word`);
    return {
      id,
      term,
      stance: t.stance as FramingStance,
      ...(t.target ? { target: t.target as string } : {}),
      ...(t.standsFor ? { standsFor: t.standsFor as string } : {}),
      ...(t.note ? { note: t.note as string } : {}),
      words,
    };
  });
  return {
    lang,
    determiners: new Set(determiners),
    links: new Set(links),
    stops: new Set(stops),
    heads,
    postHeads,
    maxWords: maxWords as number,
    unspaced,
    loaded,
    vocabulary,
  };
}

export interface Word {
  start: number;
  end: number;
  text: string;
}

// letters, marks and digits, with inner hyphens and apostrophes ("pro-Iranian", "l'entité")
const SPACED_WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Words of `text` from `offset` on; unspaced scripts are cut by the longest vocabulary entry. */
export function cutWords(text: string, unspaced: boolean, vocabulary: readonly string[], offset = 0): Word[] {
  const out: Word[] = [];
  SPACED_WORD.lastIndex = 0;
  for (const m of allMatches(SPACED_WORD, text)) {
    const start = offset + (m.index ?? 0);
    const value = m[0];
    if (!unspaced || !UNSPACED_CHAR.test(value)) {
      out.push({ start, end: start + value.length, text: value });
      continue;
    }
    const lower = value.toLowerCase();
    for (let i = 0; i < value.length; ) {
      const hit = vocabulary.find((v) => lower.startsWith(v, i));
      const len = hit ? hit.length : 1;
      out.push({ start: start + i, end: start + i + len, text: value.slice(i, i + len) });
      i += len;
    }
  }
  return out;
}

/** Reads every data/framing/<lang>.json once; the lookup answers null for a language without data. */
export function loadFramingLexicons(dir: string = DEFAULT_FRAMING_DIR): (lang: string) => FramingLexicon | null {
  if (!existsSync(dir)) throw new ParleyError('config', `framing data folder ${dir} does not exist`);
  const byLang = new Map<string, FramingLexicon>();
  for (const name of readdirSync(dir).sort()) {
    const m = name.match(/^([a-z]{2,3})\.json$/);
    if (!m) continue;
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ParleyError('config', `framing data ${file}: ${(error as Error).message}`, { cause: error });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ParleyError('config', `framing data ${file}: must be a JSON object`);
    byLang.set(m[1], compile(m[1], file, raw as Record<string, unknown>));
  }
  return (lang) => byLang.get(lang) ?? null;
}
