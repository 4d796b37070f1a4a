// A name taken apart for matching: its tokens in a Latin reading (honorifics, particles and legal
// forms dropped), each with the consonant skeletons of its plausible readings. A name is
// analysed once and compared many times.
import { latinName, nameTokens, normalizeName, skeletonToken, stripNameParts, stripParticles, toEnglishSpelling } from '../name-key.ts';
import { editDistance } from './distance.ts';
import { applyRules, readWord, scriptOf, translit } from './translit.ts';
import { recentCache } from '../../core/recent-cache.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const INNER_APOSTROPHE = /(\p{L})['’ʼ‘`](?=\p{L})/gu;
const INNER_DIGIT = /(?<=\p{L})\d(?=\p{L})/gu;
const GLUED_LEGAL_FORM = /(\p{Ll})(\p{Lu}{2,5})(?![\p{L}\p{N}])/gu;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

export interface NameToken {
  /** normalized Latin reading */
  text: string;
  /** consonant skeletons of its readings (default, per source language, Chinese romanizations) */
  keys: Set<string>;
  /** read from a script that does not write short vowels (Arabic, Hebrew): vowel checks are off */
  vowelless: boolean;
  /** read from another script at all */
  transliterated: boolean;
  /** a number or (in organization names) a Roman numeral */
  numeric?: boolean;
  /** the father's name: it follows a filiation connector (bin Salman) */
  father?: boolean;
}

export interface AnalyzedName {
  raw: string;
  normalized: string;
  tokens: NameToken[];
  /** legal forms found (their group's first form), for organizations */
  legalForms: string[];
  /** written in an unspaced script (Han, Kana, Hangul, Thai ...): tokens are characters */
  unspaced: boolean;
  kind?: NameKind;
  /** written with a filiation connector (bin, ben, ibn) or a patronymic (-ovich): token order is meaning */
  filiation?: boolean;
}

/** people carry middle names and patronymics; organizations' extra words name another body */
export type NameKind = 'person' | 'organization';

export interface AnalyzeOptions {
  /** the outlet's language, when known: only its spellings are read; otherwise all are tried */
  lang?: string;
  kind?: NameKind;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u;
const VOWELLESS = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xv)$/;

// "Putin, Vladimir" and "AL BEN ALI, Isa Ben Tarif": surname first, then a comma
function uncomma(name: string): string {
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [last, first] = parts.map((p) => p.trim());
  if (!last || !first) return name;
  // "Bowne of Atlanta, Inc.": a legal form after the comma is not a given name
  if (translit().legalForms.has(normalizeName(first))) return `${last} ${first}`;
  return `${first} ${last}`;
}

// "Aktiengeselschaft", "Joint Stock Compan": long legal forms are recognised through a typo
let longForms: Array<[string, string]> | null = null;
function misspelledForm(phrase: string): string | undefined {
  if (phrase.length < 8) return undefined;
  longForms ??= [...translit().legalForms].filter(([f]) => f.length >= 8);
  for (const [form, group] of longForms) if (Math.abs(form.length - phrase.length) <= 1 && editDistance(form, phrase) <= 1) return group;
  return undefined;
}

function dropLegalForms(tokens: string[], kind?: NameKind): { kept: string[]; forms: string[] } {
  const { legalForms, legalFormTokens } = translit();
  const kept: string[] = [];
  const forms: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let n = Math.min(legalFormTokens, tokens.length - i);
    for (; n >= 1; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      const form = legalForms.get(phrase) ?? (kind === 'organization' ? misspelledForm(phrase) : undefined);
      if (form && tokens.length - n >= 1) {
        forms.push(form);
        break;
      }
    }
    if (n >= 1) i += n;
    else kept.push(tokens[i++]);
  }
  // a name that is only a legal form ("Company") keeps it
  return kept.length ? { kept, forms } : { kept: tokens, forms: [] };
}

// Number words as figures in organization names (Brigade Forty-Four = Brigade 44, 1st = First);
// persons' names keep their words (Dos Santos)
function readNumbers(tokens: string[], kind: NameKind | undefined): string[] {
  if (kind !== 'organization') return tokens;
  const { numberUnits, numberTens, ordinalSuffix } = translit();
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const tens = numberTens.get(t);
    const unit = numberUnits.get(t);
    if (tens !== undefined) {
      const next = numberUnits.get(tokens[i + 1] ?? '');
      if (next !== undefined && next < 10) {
        out.push(String(tens + next));
        i++;
      } else out.push(String(tens));
    } else if (unit !== undefined) out.push(String(unit));
    else out.push(t.replace(ordinalSuffix, '$1'));
  }
  return out;
}

// "A.B.C. Company" = "ABC Company": a run of single letters is one acronym
function collapseInitials(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && tokens[j].length === 1 && LETTER.test(tokens[j])) j++;
    if (j - i >= 2) {
      out.push(tokens.slice(i, j).join(''));
      i = j;
    } else out.push(tokens[i++]);
  }
  return out;
}

function readings(token: string, lang: string | undefined, chineseLike: boolean): Set<string> {
  const data = translit();
  const out = new Set<string>([skeletonToken(token)]);
  const langs = lang ? [lang] : [...data.respell.keys()];
  for (const l of langs) out.add(skeletonToken(toEnglishSpelling(token, l)));
  if (chineseLike) {
    out.add(skeletonToken(applyRules(token, data.wadeGiles)));
    out.add(skeletonToken(applyRules(token, data.wadeGiles, true)));
  }
  return out;
}

// Names recur (knowledge-base aliases, surnames): analyses are remembered, bounded.
const cache = recentCache<AnalyzedName>(10_000);

export function analyzeName(name: string, options: AnalyzeOptions = {}): AnalyzedName {
  const key = `${options.lang ?? ''}\u0000${options.kind ?? ''}\u0000${name}`;
  let out = cache.get(key);
  if (!out) {
    out = analyzeNameRaw(name, options);
    cache.set(key, out);
  }
  return out;
}

function analyzeNameRaw(name: string, options: AnalyzeOptions): AnalyzedName {
  const { lang } = options;
  const data = translit();
  const raw = uncomma(name)
    // apostrophes inside a word are letters of the romanization, not breaks: Hyo'k, Qa'ida, Shia'
    .replace(INNER_APOSTROPHE, '$1')
    // figures typed for letters inside a word: Ig0r Sech1n
    .replace(INNER_DIGIT, (d) => data.digitLetters.get(d) ?? d)
    // a legal form glued to the name: SiemensAG
    .replace(GLUED_LEGAL_FORM, (m, a: string, b: string) => (data.legalForms.has(b.toLowerCase()) ? `${a} ${b}` : m));
  const normalized = normalizeName(raw);
  // scripts without a reading table: tokens as written, marks kept (they are vowels in Devanagari)
  if (!LATIN.test(raw) && !scriptOf(raw)) {
    const words = raw.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    return {
      raw: name,
      normalized,
      tokens: words.map((w) => ({ text: w, keys: new Set([w]), vowelless: false, transliterated: false })),
      legalForms: [],
      unspaced: UNSPACED.test(raw),
      ...(options.kind ? { kind: options.kind } : {}),
    };
  }
  const transliterated = !!scriptOf(raw);
  const parse = (text: string): { kept: string[]; forms: string[] } => {
    const { kept: named, forms } = dropLegalForms(nameTokens(text), options.kind);
    // a native word whose reading looks like a Latin honorific is not one (Persian در read "dr")
    const strip = transliterated ? stripParticles : stripNameParts;
    const rewritten = strip(named).flatMap((t) => applyRules(t, data.tokenRules).split(' ').filter(Boolean));
    return { kept: readNumbers(collapseInitials(strip(rewritten)), options.kind), forms };
  };
  const { kept, forms } = parse(latinName(raw, lang));
  const all = nameTokens(latinName(raw, lang));
  const filiation = all.some((t) => data.filiation.test(t));
  const fathers = new Set(all.filter((_, i) => i > 0 && data.filiation.test(all[i - 1])));
  const vowelless = VOWELLESS.test(raw);
  // Chinese-looking names: every token one romanized syllable (Mao Tse-tung, Hsi Chin-ping)
  const chineseLike = kept.length >= 2 && kept.every((t) => data.wadeGilesSyllable.test(t));
  const tokens: NameToken[] = kept.map((t) => ({
    ...(/^\d+$/.test(t) || (options.kind === 'organization' && ROMAN.test(t)) ? { numeric: true } : {}),
    ...(fathers.has(t) ? { father: true } : {}),
    text: t,
    keys: /^[a-z]+$/.test(t) ? readings(t, lang, chineseLike) : new Set([t]),
    vowelless,
    transliterated,
  }));
  // Cyrillic spellings of Chinese names (Си Цзиньпин): the Palladius reading joins the keys
  if (CYRILLIC.test(raw)) {
    const words = raw.normalize('NFC').match(/[\p{L}\p{M}\u200c\u200d]+/gu) ?? [];
    const palladius = words.map((w) => applyRules(readWord(w, lang, true), data.cyrillicChinese).replace(/'/g, ''));
    if (palladius.length === tokens.length) palladius.forEach((p, i) => tokens[i].keys.add(skeletonToken(p)));
  }
  // other readings of the same letters: Persian and Urdu ones when the language is not known,
  // and the table's variants (Arabic ب written for a foreign p: بيريز = Pérez)
  if (transliterated) {
    const words = raw.normalize('NFC').match(/[\p{L}\p{M}\p{N}\u200c\u200d]+/gu) ?? [];
    const alts: string[] = [words.map((w) => readWord(w, lang, false, data, true)).join(' ')];
    if (!lang && vowelless) for (const l of ['fa', 'ur']) alts.push(words.map((w) => readWord(w, l, false, data)).join(' '));
    for (const text of alts) {
      const alt = parse(text).kept;
      if (alt.length === tokens.length) alt.forEach((a, i) => /^[a-z]+$/.test(a) && tokens[i].keys.add(skeletonToken(a)));
    }
  }
  // Latin letters whose marks carry a sound: Vučić is also read Vuchich (= Вучић)
  if ([...data.latinLetters.keys()].some((l) => raw.toLowerCase().includes(l))) {
    const lower = raw.normalize('NFC').toLowerCase();
    const alt = parse([...lower].map((c) => data.latinLetters.get(c) ?? c).join('')).kept;
    if (alt.length === tokens.length) alt.forEach((a, i) => /^[a-z]+$/.test(a) && tokens[i].keys.add(skeletonToken(a)));
  }
  return { raw: name, normalized, tokens, legalForms: forms, unspaced: false, ...(options.kind ? { kind: options.kind } : {}), ...(filiation ? { filiation } : {}) };
}
