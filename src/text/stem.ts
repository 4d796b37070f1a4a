// Words of a sentence with their stems, for matching lexicon lemmas against every inflected form
// of a word. Snowball stemmers (@orama/stemmers) where one does the job (de en es fr pt ro ru);
// elsewhere stems with the endings the language allows, as data (data/lang/<lang>/morphology.json,
// `"stemmer": "none"`), written here because: Snowball has no Hebrew, Persian or Chinese stemmer;
// its Turkish one strips noun suffixes only, and unevenly (görüşmesi -> görüşmes, görüşmede ->
// görüşme); its Arabic one keeps و before ال ("والتقى") and folds the ة of some words only
// ("قمة", "القم"); its Indonesian one reads -mu of bertemu as "your" (berte) and menemui as emu.
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { foldScript, foldText, original, type Folded } from './normalize-script.ts';
import { allMatches } from '../core/all-matches.ts';

const SNOWBALL: Record<string, (w: string) => string> = {
  ar: arabic, de: german, en: english, es: spanish, fr: french, id: indonesian, pt: portuguese, ro: romanian, ru: russian, tr: turkish,
};

/** A word of the text: its span in the original string and its folded, lower-cased form. */
export interface Word {
  start: number;
  end: number;
  form: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The case fold of a language: Turkish dotted and dotless i; combining dots left by other folds dropped. */
export function lower(lang: string, s: string): string {
  return (lang === 'tr' || lang === 'az' ? s.toLocaleLowerCase('tr') : s.toLowerCase()).replace(/\u0307/g, '');
}

/**
 * The words of text[span), folded (vowel marks, zero-width marks, letter variants) and
 * lower-cased, with their offsets in the original text. Apostrophes and hyphens cut words:
 * "s’est" is "s" "est", "reuniu-se" is "reuniu" "se", "Herzog'u" is "herzog" "u".
 * Runs of unspaced scripts (Han) are left out: their lemmas are matched inside the run.
 */
export function wordsOf(text: string, span: { start: number; end: number }, lang: string, folded?: Folded): Word[] {
  const f = folded ?? foldScript(text.slice(span.start, span.end));
  const out: Word[] = [];
  // a span with no character of an unspaced script (most) needs no test per word
  const unspaced = UNSPACED.test(f.text);
  for (const m of allMatches(WORD, f.text)) {
    if (unspaced && UNSPACED.test(m[0])) continue;
    const at = m.index ?? 0;
    out.push({ start: original(f, at, span.start), end: original(f, at + m[0].length, span.start), form: lower(lang, m[0]) });
  }
  return out;
}

/** How a lexicon names a word: a lemma (its stem), exact forms, or stems with the endings they take. */
export interface WordSpec {
  /** lemmas, matched through the language's stemmer: "reunir" matches reunió, reunieron, reúne */
  lemma?: string | string[];
  /** exact forms (after proclitics): irregular forms no stemmer relates, "met", "held" */
  forms?: string[];
  /** stems followed by one of the endings of class `endings` (or none when "" is listed): görüş-tü */
  stems?: string[];
  /** an ending class of the language's morphology.json, or the endings themselves */
  endings?: string | string[];
}

export interface Morphology {
  /**
   * proclitics written onto the word and taken off it: و ف ب ك ال (ar: not the future س nor the
   * ل of purpose, which make the verb no event done), ו ה ב ל מ ש כ (he), ber- me- di- (id)
   */
  proclitics?: string[];
  /** at most this many proclitics stacked on one word (وبال...): 3 unless told */
  maxProclitics?: number;
  /** ending classes: {"verb": ["dı", "di", ...]} */
  endings?: Record<string, string[]>;
  /** the stemmer to use: "snowball" (the default where there is one) or "none" */
  stemmer?: 'snowball' | 'none';
  /**
   * endings (a regular expression, matched at the end of the folded word) of verb forms that tell
   * of no event done: infinitive, future, conditional. A lemma matches every form of its verb,
   * so a verb trigger refuses these ("rencontrera", "reunirá"); nouns are not checked.
   */
  unreal?: string;
}

/**
 * A compiled set of word specs for one language: which specs a word form matches, computed once
 * per form (the stemmer runs once per distinct word form, not per occurrence).
 */
export class WordMatcher {
  private readonly byStem = new Map<string, number[]>();
  private readonly byForm = new Map<string, number[]>();
  private readonly affix: Array<{ re: RegExp; id: number }> = [];
  private readonly cache = new Map<string, readonly number[]>();
  private readonly stem: ((w: string) => string) | null;
  private readonly proclitics: Set<string>;
  private readonly longest: number;
  private readonly maxProclitics: number;

  constructor(lang: string, specs: WordSpec[], morphology: Morphology = {}) {
    this.stem = morphology.stemmer === 'none' ? null : SNOWBALL[lang] ?? null;
    const clitics = (morphology.proclitics ?? []).map((p) => foldText(lower(lang, p))).sort((a, b) => b.length - a.length);
    this.proclitics = new Set(clitics);
    this.longest = clitics.length ? clitics[0].length : 0;
    this.maxProclitics = morphology.maxProclitics ?? 3;
    const add = (map: Map<string, number[]>, key: string, id: number): void => {
      const list = map.get(key);
      if (list) list.includes(id) || list.push(id);
      else map.set(key, [id]);
    };
    specs.forEach((spec, id) => {
      const norm = (w: string): string => {
        // a spec names one word: phrases go to a trigger's after/before/near or to a pattern
        if (/[\s\-'’]/u.test(w)) throw new Error(`${lang}: "${w}" is not one word`);
        return foldText(lower(lang, w));
      };
      for (const l of spec.lemma === undefined ? [] : Array.isArray(spec.lemma) ? spec.lemma : [spec.lemma]) {
        // a language without a stemmer matches the lemma as a form
        if (this.stem) add(this.byStem, this.stem(norm(l)), id);
        else add(this.byForm, norm(l), id);
      }
      for (const f of spec.forms ?? []) add(this.byForm, norm(f), id);
      if (spec.stems?.length) {
        const endings = typeof spec.endings === 'string' ? morphology.endings?.[spec.endings] : spec.endings ?? [''];
        if (!endings) throw new Error(`${lang}: no ending class "${spec.endings}"`);
        // endings are regular expressions of the folded, lower-cased word: "[dt][ıiuü](?:lar|ler)?"
        const ends = endings.map((e) => foldText(e)).sort((a, b) => b.length - a.length);
        this.affix.push({ re: new RegExp(`^(?:${spec.stems.map((s) => esc(norm(s))).join('|')})(?:${ends.join('|')})$`, 'u'), id });
      }
    });
  }

  /** The ids of the specs this word form (folded, lower-cased) matches. */
  match(form: string): readonly number[] {
    const hit = this.cache.get(form);
    if (hit) return hit;
    const ids = new Set<number>();
    for (const w of this.candidates(form)) {
      for (const id of this.byForm.get(w) ?? []) ids.add(id);
      if (this.stem) for (const id of this.byStem.get(this.stem(w)) ?? []) ids.add(id);
      for (const a of this.affix) if (a.re.test(w)) ids.add(a.id);
    }
    const out = [...ids].sort((a, b) => a - b);
    // bounded: a long run meets an unbounded vocabulary
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(form, out);
    return out;
  }

  /** The word, and the word with each stack of proclitics taken off (two letters of stem at least). */
  private candidates(form: string): string[] {
    const out = [form];
    if (!this.proclitics.size) return out;
    let frontier = [form];
    for (let depth = 0; depth < this.maxProclitics && frontier.length; depth++) {
      const next: string[] = [];
      for (const w of frontier) {
        // every proclitic that opens the word, not only the longest: כש and כ
        for (let n = 1; n <= this.longest && n < w.length - 1; n++) {
          if (!this.proclitics.has(w.slice(0, n))) continue;
          const rest = w.slice(n);
          if (rest.length >= 2 && !out.includes(rest)) {
            out.push(rest);
            next.push(rest);
          }
        }
      }
      frontier = next;
    }
    return out;
  }
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
