// Name keys: how two spellings of one name come to compare equal. Three levels:
//  - normalizeName: the scorer's own normalization (NFKD, no marks, lower case, non-letters to
//    spaces), used for exact alias lookup;
//  - lightKey: normalizeName plus dropped honorifics and article particles (al-, el-, ad-);
//  - skeletonKey: a transliteration-blind key (consonant classes, vowels collapsed) over the
//    Latin reading of any script, used only to find candidates, which the name matcher
//    (src/actors/match) then confirms.

import { applyRules, readWord, scriptOf, translit } from './match/translit.ts';
import { recentCache, type RecentCache } from '../core/recent-cache.ts';

// Honorifics, particles and transliteration rules are data: data/translit/*.json.
const HONORIFICS = translit().honorifics;
const PARTICLES = translit().particles;

// Names and words recur across a corpus: keys are remembered (bounded: see recent-cache.ts).
// One further argument (a language) picks a cache of its own rather than being joined into the
// key: a joined key is a new string to build and hash on every call, hit or miss. The wrappers
// take their arguments by name, not as a rest array: a rest array is a new object on every call,
// and these are called for every word of every document.
function memo(fn: (key: string) => string, size = 10_000): (key: string) => string {
  const cache = recentCache<string>(size);
  return (key: string) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      cache.set(key, v);
    }
    return v;
  };
}

function memoByArg(fn: (key: string, arg?: string) => string, size = 10_000): (key: string, arg?: string) => string {
  const cache = recentCache<string>(size);
  const byArg = new Map<string, RecentCache<string>>();
  return (key: string, arg?: string) => {
    let c = cache;
    let k = key;
    // an argument left out and one given as undefined (or null, or '') are the same call
    const a = arg != null ? String(arg) : '';
    if (a && (byArg.has(a) || byArg.size < 64)) {
      c = byArg.get(a)!;
      if (!c) byArg.set(a, (c = recentCache<string>(size)));
    } else if (a) k = `${key}\u0000${a}`;
    let v = c.get(k);
    if (v === undefined) {
      v = fn(key, arg);
      c.set(k, v);
    }
    return v;
  };
}

const normalizeNameMemo = memo(normalizeNameRaw);

/**
 * normalizeName of a word in plain ASCII without the cache: lower-case letters and digits are
 * their own normal form, and a run of ASCII with no letter or digit normalizes to ''. Every token
 * of every document is asked for (the demonym check), most of them such words: a loop over a few
 * characters costs less than the cache's lookups. Anything else goes to the cache.
 */
export function normalizeName(name: string): string {
  let alnum = false;
  let plain = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) alnum = true;
    else if (c >= 128 || (c >= 65 && c <= 90)) return normalizeNameMemo(name);
    else plain = false;
  }
  if (plain) return name;
  return alnum ? normalizeNameMemo(name) : '';
}

// Arabic tatweel (a stretched joining stroke, U+0640) is a letter to Unicode but no letter of the
// name; vowel marks (tashkeel, niqqud) go with the other marks. Keys only: spans keep the text.
function normalizeNameRaw(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function nameTokens(name: string): string[] {
  return normalizeName(name).split(' ').filter(Boolean);
}

/** normalized tokens without honorifics and particles (but never emptied). */
export function lightTokens(name: string): string[] {
  return stripNameParts(nameTokens(name));
}

/** normalized tokens without leading honorifics and without particles (but never emptied). */
export function stripNameParts(tokens: string[]): string[] {
  let start = 0;
  while (start < tokens.length - 1 && HONORIFICS.has(tokens[start])) start++;
  const kept = tokens.slice(start).filter((t) => !PARTICLES.has(t));
  return kept.length ? kept : tokens.slice(start);
}

// asked for every window of capitalized words a text holds: remembered like normalizeName
export const lightKey: (name: string) => string = memo((name: string) => lightTokens(name).join(' '));

export function isHonorific(token: string): boolean {
  return HONORIFICS.has(normalizeName(token));
}

/** A Latin reading of a name written in any script with a table (Cyrillic, Arabic, Hebrew, ...). */
export const latinName: (name: string, lang?: string) => string = memoByArg((name: string, lang?: string) =>
  scriptOf(name) ? name.normalize('NFC').replace(/\u0640/g, '').replace(/[\p{L}\p{M}\u200c\u200d]+/gu, (w) => readWord(w, lang)) : name,
);

/** light tokens of the Latin reading */
export function latinTokens(name: string, lang?: string): string[] {
  const latin = latinName(name, lang);
  if (latin === name) return lightTokens(name);
  // a native word whose reading looks like a Latin honorific is not one (Persian در read "dr")
  return stripParticles(nameTokens(latin));
}

/** tokens without particles (but never emptied): for names read from another script. */
export function stripParticles(tokens: string[]): string[] {
  const kept = tokens.filter((t) => !PARTICLES.has(t));
  return kept.length ? kept : tokens;
}

/** A token in a source language's spelling read as English (German Siad = Ziad, Spanish Jamenei = Khamenei). */
export function toEnglishSpelling(token: string, lang?: string): string {
  const rules = lang ? translit().respell.get(lang) : undefined;
  return rules ? applyRules(token, rules) : token;
}

/** The consonant skeleton of one Latin token; the first letter's class is kept so Hassan and Assad stay apart. */
export function skeletonToken(token: string): string {
  const t = applyRules(token, translit().skeleton);
  return (/^[aeiouy]/.test(token) ? 'V' : '') + t;
}

export const skeletonKey: (name: string, lang?: string) => string = memoByArg((name: string, lang?: string) => skeletonKeyRaw(name, lang));

function skeletonKeyRaw(name: string, lang?: string): string {
  return latinTokens(name, lang)
    .filter((t) => /^[a-z]+$/.test(t))
    .map((t) => tokenSkeleton(t, lang))
    .join(' ');
}

// The skeleton of one word in a language's spelling: some 25 rewrite rules, each a regular
// expression run over the word. The name keys of a text miss their cache for every new window
// of capitalized words ("Minister Sergei", "Minister Sergei Lavrov", ...), but the words of the
// windows recur: remembered per word, the rules run once per word, not once per window.
const tokenSkeleton: (token: string, lang?: string) => string = memoByArg((token: string, lang?: string) => skeletonToken(toEnglishSpelling(token, lang)));

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(lb, i + range + 1); j++) {
      if (mb[j] || a[i] !== b[j]) continue;
      ma[i] = mb[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, la, lb) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
// Russian case endings: Путина, Путину, Путиным -> путин; Си Цзиньпина -> си цзиньпин; Зеленский,
// Зеленским -> зеленск (й is и once normalizeName has dropped its mark: ии, ыи, ои, еи)
const RU_ENDING = /(?:ого|его|ому|ему|ый|ий|ыи|ии|ым|им|ой|ей|ои|еи|ом|ем|ую|юю|ая|яя|а|я|у|ю|е|ы|и|ь)$/u;

/** A key that ignores inflection in inflected scripts (Cyrillic); null for other names. */
export function stemKey(name: string): string | null {
  if (!CYRILLIC.test(name)) return null;
  const tokens = lightTokens(name);
  if (!tokens.some((t) => CYRILLIC.test(t))) return null;
  return tokens.map((t) => (CYRILLIC.test(t) && t.length > 3 ? t.replace(RU_ENDING, '') : t)).join(' ');
}
