// Transliteration tables (data/translit/*.json), loaded once: native scripts to a Latin reading,
// source-language spellings to English-like ones, and the Latin consonant skeleton. Every rule
// is data a reviewer can read; this module only applies them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_TRANSLIT_DIR = fileURLToPath(new URL('../../../data/translit/', import.meta.url));

export interface Rule {
  re: RegExp;
  to: string;
  /** Wade-Giles: the rule reads an unaspirated stop (a second reading goes without it) */
  aspirate?: boolean;
}

export interface ScriptTable {
  script: string;
  /** tests whether a string holds a letter of this script */
  test: RegExp;
  map: Map<string, string>;
  initial: Map<string, string>;
  /** multi-letter sequences read first, longest first */
  digraphs: Array<[string, string]>;
  /** split off a word's start (Arabic article) */
  prefixes: Array<[string, string]>;
  /** whole words read as one (Arabic بن = bin) */
  words: Map<string, string>;
  /** a second reading of ambiguous letters (Arabic ب for a foreign p, ج for g), applied all at once */
  variants: Map<string, string>;
  /** per-language letter readings: lang -> (letter -> reading; 'initial:x' for word-initial) */
  languages: Map<string, Map<string, string>>;
}

export interface TranslitData {
  scripts: ScriptTable[];
  skeleton: Rule[];
  respell: Map<string, Rule[]>;
  /** Palladius Cyrillic spellings of Chinese syllables, read on the plain Latin reading */
  cyrillicChinese: Rule[];
  wadeGiles: Rule[];
  wadeGilesSyllable: RegExp;
  /** script -> prefixes written joined before a word (with letters they absorbed), longest first */
  prefixes: Map<string, Array<{ prefix: string; restore: string }>>;
  honorifics: Set<string>;
  particles: Set<string>;
  /** legal form (normalized, space-joined tokens) -> its group's first form */
  legalForms: Map<string, string>;
  /** longest legal form, in tokens */
  legalFormTokens: number;
  /** a token that marks filiation (bin, ben, ibn, -ovich): order of the name's parts is meaning */
  filiation: RegExp;
  /** one-token rewrites of compound names (Abdulaziz = Abd al-Aziz) */
  tokenRules: Rule[];
  /** Latin letters with marks that carry a sound (č = ch), as a second spelling */
  latinLetters: Map<string, string>;
  /** figures typed for look-alike letters inside a word */
  digitLetters: Map<string, string>;
  /** number words (all languages) -> value, tens apart */
  numberUnits: Map<string, number>;
  numberTens: Map<string, number>;
  ordinalSuffix: RegExp;
}

type RawRule = [string, string, string?] | { from: string; to: string; note?: string; aspirate?: boolean };

function fail(file: string, problem: string): never {
  throw new Error(`transliteration file ${file}: ${problem}`);
}

function readJson(dir: string, name: string): Record<string, unknown> {
  const path = `${dir}${dir.endsWith('/') ? '' : '/'}${name}`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(path, (e as Error).message);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(path, 'must hold a JSON object');
  return data as Record<string, unknown>;
}

function rules(file: string, raw: unknown): Rule[] {
  if (!Array.isArray(raw)) fail(file, 'rules must be a list');
  return raw.map((r: RawRule, i) => {
    const [from, to, aspirate] = Array.isArray(r) ? [r[0], r[1], false] : [r.from, r.to, r.aspirate ?? false];
    if (typeof from !== 'string' || typeof to !== 'string') fail(file, `rule ${i} needs a pattern and a replacement`);
    try {
      return { re: new RegExp(from, 'gu'), to, ...(aspirate ? { aspirate: true } : {}) };
    } catch (e) {
      fail(file, `rule ${i} (${from}): ${(e as Error).message}`);
    }
  });
}

function stringMap(file: string, raw: unknown): Map<string, string> {
  if (raw === undefined) return new Map();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(file, 'letter maps must be objects');
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') fail(file, `letter ${k} must map to a string`);
    out.set(k, v);
  }
  return out;
}

function pairs(file: string, raw: unknown): Array<[string, string]> {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.some((p) => !Array.isArray(p) || typeof p[0] !== 'string' || typeof p[1] !== 'string'))
    fail(file, 'digraphs and prefixes must be [from, to] pairs');
  return (raw as Array<[string, string]>).sort((a, b) => b[0].length - a[0].length);
}

function scriptTable(dir: string, name: string): ScriptTable {
  const data = readJson(dir, name);
  const script = data.script;
  if (typeof script !== 'string') fail(name, 'needs a "script" (a Unicode script name)');
  let test: RegExp;
  try {
    test = new RegExp(`\\p{Script=${script}}`, 'u');
  } catch {
    fail(name, `unknown script ${script}`);
  }
  const languages = new Map<string, Map<string, string>>();
  for (const [lang, m] of Object.entries((data.languages as Record<string, unknown>) ?? {})) languages.set(lang, stringMap(name, m));
  return {
    script,
    test,
    map: stringMap(name, data.map),
    initial: stringMap(name, data.initial),
    variants: stringMap(name, data.variants),
    words: stringMap(name, data.words),
    digraphs: pairs(name, data.digraphs),
    prefixes: pairs(name, data.prefixes),
    languages,
  };
}

export const SCRIPT_FILES = ['cyrillic.json', 'arabic.json', 'hebrew.json', 'greek.json', 'armenian.json', 'georgian.json'];

export function loadTranslit(dir: string = DEFAULT_TRANSLIT_DIR): TranslitData {
  const skeleton = readJson(dir, 'latin-skeleton.json');
  const respell = readJson(dir, 'respell.json');
  const cz = readJson(dir, 'cyrillic-chinese.json');
  const wg = readJson(dir, 'wade-giles.json');
  const affixes = readJson(dir, 'affixes.json');
  const parts = readJson(dir, 'name-parts.json');
  const latin = readJson(dir, 'latin.json');
  const numbers = readJson(dir, 'numbers.json');
  const numberUnits = new Map<string, number>();
  const numberTens = new Map<string, number>();
  for (const [lang, v] of Object.entries((numbers.languages as Record<string, { units?: unknown; tens?: unknown }>) ?? {})) {
    for (const [key, target] of [
      ['units', numberUnits],
      ['tens', numberTens],
    ] as const) {
      const m = v?.[key] ?? {};
      if (!m || typeof m !== 'object' || Object.values(m).some((n) => typeof n !== 'number')) fail('numbers.json', `${lang}.${key} must map words to numbers`);
      for (const [w, n] of Object.entries(m as Record<string, number>)) target.set(w, n);
    }
  }
  let ordinalSuffix: RegExp;
  try {
    ordinalSuffix = new RegExp(String(numbers.ordinalSuffix), 'u');
  } catch (e) {
    fail('numbers.json', `ordinalSuffix: ${(e as Error).message}`);
  }
  const words = (key: string): string[] => {
    const list = parts[key];
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string')) fail('name-parts.json', `${key} must be a list of strings`);
    return list as string[];
  };
  const legalForms = new Map<string, string>();
  let legalFormTokens = 1;
  if (!Array.isArray(parts.legalForms)) fail('name-parts.json', 'legalForms must be a list of groups');
  for (const group of parts.legalForms as unknown[]) {
    if (!Array.isArray(group) || !group.length || group.some((w) => typeof w !== 'string')) fail('name-parts.json', 'each legal form group is a list of strings');
    for (const form of group as string[]) {
      legalForms.set(form, (group as string[])[0]);
      legalFormTokens = Math.max(legalFormTokens, form.split(' ').length);
    }
  }
  const respellMap = new Map<string, Rule[]>();
  for (const [lang, list] of Object.entries((respell.languages as Record<string, unknown>) ?? {})) respellMap.set(lang, rules('respell.json', list));
  const prefixes = new Map<string, Array<{ prefix: string; restore: string }>>();
  for (const [script, v] of Object.entries((affixes.scripts as Record<string, { prefixes?: unknown }>) ?? {})) {
    const list = v?.prefixes;
    const ok = (p: unknown): boolean => typeof p === 'string' || (Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'));
    if (!Array.isArray(list) || !list.every(ok)) fail('affixes.json', `${script}.prefixes must list strings or [prefix, restored] pairs`);
    const parsed = (list as Array<string | [string, string]>).map((p) => (typeof p === 'string' ? { prefix: p, restore: '' } : { prefix: p[0], restore: p[1] }));
    prefixes.set(script, parsed.sort((a, b) => b.prefix.length - a.prefix.length));
  }
  let syllable: RegExp;
  try {
    syllable = new RegExp(String(wg.syllable), 'u');
  } catch (e) {
    fail('wade-giles.json', `syllable: ${(e as Error).message}`);
  }
  return {
    scripts: SCRIPT_FILES.map((f) => scriptTable(dir, f)),
    skeleton: rules('latin-skeleton.json', skeleton.rules),
    respell: respellMap,
    cyrillicChinese: rules('cyrillic-chinese.json', cz.rules),
    wadeGiles: rules('wade-giles.json', wg.rules),
    wadeGilesSyllable: syllable,
    prefixes,
    honorifics: new Set(words('honorifics')),
    particles: new Set(words('particles')),
    legalForms,
    legalFormTokens,
    tokenRules: rules('name-parts.json', parts.tokenRules ?? []),
    filiation: (() => {
      try {
        return new RegExp(String(parts.filiation), 'u');
      } catch (e) {
        fail('name-parts.json', `filiation: ${(e as Error).message}`);
      }
    })(),
    latinLetters: stringMap('latin.json', latin.letters),
    digitLetters: stringMap('latin.json', latin.digits),
    numberUnits,
    numberTens,
    ordinalSuffix,
  };
}

// Loaded once per process: the tables are small and read-only.
let shared: TranslitData | null = null;
export function translit(): TranslitData {
  shared ??= loadTranslit();
  return shared;
}

export function applyRules(token: string, list: readonly Rule[], skipAspirate = false): string {
  let t = token;
  for (const r of list) {
    if (skipAspirate && r.aspirate) continue;
    r.re.lastIndex = 0;
    t = t.replace(r.re, r.to);
  }
  return t;
}

const NON_LATIN_LETTER = /[^\p{Script=Latin}\p{N}\s\p{P}\p{S}\p{M}]/u;

const SCRIPT_START = new Map<string, RegExp>();

/**
 * Readings of a word with a joined prefix taken off (Arabic وزياد, Hebrew ונתניהו): the offset
 * where the rest starts and the letters to look it up with. Shortest prefix first; the rest
 * keeps at least two letters.
 */
export function prefixSplits(word: string, data: TranslitData = translit()): Array<{ offset: number; restore: string }> {
  const out: Array<{ offset: number; restore: string }> = [];
  for (const [script, list] of data.prefixes) {
    let re = SCRIPT_START.get(script);
    if (!re) SCRIPT_START.set(script, (re = new RegExp(`^\\p{Script=${script}}`, 'u')));
    if (!re.test(word)) continue;
    for (const { prefix, restore } of list) if (word.startsWith(prefix) && word.length - prefix.length >= 2) out.push({ offset: prefix.length, restore });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The script table for a word (the first that has one of its letters), or null for Latin and unknown scripts. */
export function scriptOf(word: string, data: TranslitData = translit()): ScriptTable | null {
  if (!NON_LATIN_LETTER.test(word)) return null;
  for (const s of data.scripts) if (s.test.test(word)) return s;
  return null;
}

/**
 * A Latin reading of one word of a native script, lower case. `lang` picks per-language letter
 * readings (Persian ض = z). `keepSoft` keeps letters read as nothing as an apostrophe (the
 * Palladius rules need the Cyrillic soft sign). Words of scripts without a table come back as is.
 */
export function readWord(word: string, lang?: string, keepSoft = false, data: TranslitData = translit(), variant = false): string {
  const table = scriptOf(word, data);
  if (!table) return word;
  const lower = word.toLowerCase();
  const whole = table.words.get(lower);
  if (whole !== undefined) return whole;
  const overrides = lang ? table.languages.get(lang) : undefined;
  let out = '';
  let i = 0;
  for (const [from, to] of table.prefixes) {
    if (lower.startsWith(from) && lower.length > from.length + 1) {
      out = to;
      i = from.length;
      break;
    }
  }
  const wordStart = i;
  while (i < lower.length) {
    const di = table.digraphs.find(([from]) => lower.startsWith(from, i));
    if (di) {
      out += di[1];
      i += di[0].length;
      continue;
    }
    const ch = lower[i];
    const initial = i === wordStart;
    const reading =
      (variant ? table.variants.get(ch) : undefined) ??
      (initial ? (overrides?.get(`initial:${ch}`) ?? table.initial.get(ch)) : undefined) ??
      overrides?.get(ch) ??
      table.map.get(ch);
    if (reading === undefined) out += ch;
    else out += reading === '' && keepSoft ? "'" : reading;
    i++;
  }
  return out;
}
