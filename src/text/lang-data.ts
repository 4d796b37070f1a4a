// Per-language lexicons for the text stage, read from data/lang/<lang>/*.json. Read once per
// analyzer (or once per process for the convenience functions), never per document.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LanguageCode } from '../core/types.ts';

export interface NoiseLexicon {
  widget: string[];
  boilerplate: string[];
  errorBanner: string[];
  commentHeaders: string[];
  relatedHeaders: string[];
  captionPrefixes: string[];
  credits: string[];
  parentheticalBylines: string[];
  trailerCues: string[];
}

export interface DateLexicon {
  /** months[i] holds the names of month i + 1, full forms and short forms. */
  months: string[][];
  /** How to read "05/07/2024": day-month-year or month-day-year. */
  numericSlashOrder: 'dmy' | 'mdy';
  /** Month names of other calendars the language writes dates in: { "persian": [["فروردین"], ...] }. */
  calendars?: Record<string, string[][]>;
}

export interface LanguageData {
  noise?: NoiseLexicon;
  dates?: DateLexicon;
  abbreviations?: string[];
}

export interface LangData {
  /** Languages that have at least one data file. */
  languages: LanguageCode[];
  byLang: Map<LanguageCode, LanguageData>;
}

export const DEFAULT_LANG_DIR = new URL('../../data/lang/', import.meta.url);

function toPath(dir: string | URL): string {
  return dir instanceof URL ? fileURLToPath(dir) : dir;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Reads every language folder under `dir`. Throws on malformed files: that is bad configuration. */
export function loadLangData(dir: string | URL = DEFAULT_LANG_DIR): LangData {
  const root = toPath(dir);
  const byLang = new Map<LanguageCode, LanguageData>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const base = `${root.replace(/\/$/, '')}/${entry.name}`;
    const data: LanguageData = {};
    if (existsSync(`${base}/noise.json`)) data.noise = readJson(`${base}/noise.json`) as NoiseLexicon;
    if (existsSync(`${base}/dates.json`)) data.dates = readJson(`${base}/dates.json`) as DateLexicon;
    if (existsSync(`${base}/abbreviations.json`)) {
      data.abbreviations = (readJson(`${base}/abbreviations.json`) as { abbreviations: string[] }).abbreviations;
    }
    byLang.set(entry.name, data);
  }
  return { languages: [...byLang.keys()].sort(), byLang };
}

let cached: LangData | undefined;

/** The shipped data, read on first use. */
export function defaultLangData(): LangData {
  cached ??= loadLangData();
  return cached;
}

/**
 * The languages whose lexicons apply to a text in `lang`: the language itself plus English (page
 * furniture is often English whatever the article's language); every language when unknown.
 */
export function lexiconLanguages(data: LangData, lang: LanguageCode): LanguageCode[] {
  if (!lang || lang === 'und' || !data.byLang.has(lang)) return data.languages;
  return lang === 'en' ? ['en'] : [lang, 'en'];
}

/**
 * A data-file phrase as a RegExp: `/body/flags` is a pattern (its own flags, plus u), anything
 * else a case-insensitive literal, anchored as asked.
 */
export function phraseToRegExp(phrase: string, anchor: 'start' | 'end' | 'none' = 'start'): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(phrase);
  if (m) {
    const flags = new Set([...m[2], 'u']);
    return new RegExp(m[1], [...flags].join(''));
  }
  const body = escapeRegExp(phrase);
  const source = anchor === 'start' ? `^${body}` : anchor === 'end' ? `${body}$` : body;
  return new RegExp(source, 'iu');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
