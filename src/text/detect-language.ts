// The language of a text: script shortcuts first (they are certain), then franc-min over the
// text outside noise ranges.
import { franc } from 'franc-min';
import type { LanguageCode, NoiseRange } from '../core/types.ts';

/** ISO 639-3 (franc) to ISO 639-1. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', rus: 'ru', arb: 'ar', pes: 'fa', tur: 'tr',
  ind: 'id', zsm: 'ms', cmn: 'zh', heb: 'he', ita: 'it', nld: 'nl', pol: 'pl', ukr: 'uk', ron: 'ro',
  hun: 'hu', ces: 'cs', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ell: 'el', bul: 'bg', srp: 'sr',
  hrv: 'hr', bos: 'bs', slk: 'sk', slv: 'sl', urd: 'ur', hin: 'hi', ben: 'bn', jpn: 'ja', kor: 'ko',
  vie: 'vi', tha: 'th', aze: 'az', azj: 'az', uzn: 'uz', kaz: 'kk', bel: 'be', tgl: 'tl', swh: 'sw',
  hau: 'ha', som: 'so', amh: 'am', cat: 'ca', glg: 'gl', lit: 'lt', lav: 'lv', est: 'et', kat: 'ka',
  hye: 'hy', fas: 'fa', ara: 'ar', zho: 'zh',
};

const LATIN_LANGUAGES = ['eng', 'fra', 'deu', 'spa', 'por', 'tur', 'ind', 'zsm', 'ita', 'nld', 'pol', 'ron', 'hun', 'ces', 'swe', 'dan', 'nob', 'fin', 'hrv', 'slk', 'slv', 'vie', 'azj', 'uzn', 'tgl', 'swh', 'hau', 'som', 'cat', 'lit', 'lav', 'est'];

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'was', 'for', 'on', 'said', 'by', 'from', 'his', 'her', 'he', 'she', 'has', 'have', 'were', 'at', 'an', 'their', 'will'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'est', 'une', 'dans', 'qui', 'pour', 'que', 'avec', 'par', 'sur', 'au', 'aux', 'son', 'sa', 'ses', 'il', 'elle', 'ont', 'été', 'entre'],
  de: ['der', 'die', 'und', 'das', 'den', 'mit', 'ist', 'sich', 'nicht', 'auf', 'für', 'dem', 'ein', 'eine', 'im', 'am', 'zu', 'von', 'hat', 'wird', 'nach', 'bei', 'des'],
  es: ['el', 'los', 'las', 'y', 'en', 'con', 'por', 'una', 'que', 'del', 'para', 'se', 'al', 'su', 'sus', 'es', 'como', 'más', 'fue'],
  pt: ['o', 'os', 'as', 'e', 'em', 'com', 'por', 'uma', 'que', 'do', 'da', 'não', 'ao', 'na', 'no', 'nos', 'foi', 'seu', 'sua', 'dos', 'das'],
  tr: ['ve', 'bir', 'bu', 'ile', 'için', 'olarak', 'da', 'de', 'ile', 'olan', 'gibi', 'daha'],
  id: ['yang', 'dan', 'di', 'dengan', 'untuk', 'dari', 'ini', 'itu', 'dalam', 'akan', 'pada', 'tidak'],
  it: ['il', 'di', 'che', 'e', 'della', 'per', 'con', 'gli', 'non', 'sono', 'nel', 'alla'],
  nl: ['de', 'het', 'een', 'van', 'en', 'met', 'niet', 'voor', 'zijn', 'ook', 'wordt', 'dat'],
};
const FUNCTION_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS))
  for (const w of new Set(words)) FUNCTION_INDEX.set(w, [...(FUNCTION_INDEX.get(w) ?? []), lang]);

/** A language when its function words clearly outnumber every other's, else null. */
function byFunctionWords(text: string): LanguageCode | null {
  const hits = new Map<string, number>();
  let words = 0;
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    for (const lang of FUNCTION_INDEX.get(m[0]) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return null;
  const [best, second] = [ranked[0], ranked[1] ?? ['', 0]];
  // short texts (a headline, a lead): a clear lead of function words beats trigram statistics
  if (words < 40) return best[1] >= 2 && best[1] >= 2 * second[1] ? best[0] : null;
  return best[1] >= Math.max(8, words * 0.12) && best[1] >= 3 * second[1] ? best[0] : null;
}

export interface DetectOptions {
  /** Fewer letters than this: 'und'. */
  minLetters?: number;
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function detectLanguage(text: string, noise: NoiseRange[] = [], options: DetectOptions = {}): LanguageCode {
  const minLetters = options.minLetters ?? 20;
  let clean = '';
  let cursor = 0;
  for (const r of [...noise].sort((a, b) => a.start - b.start)) {
    if (r.start > cursor) clean += text.slice(cursor, r.start) + '\n';
    cursor = Math.max(cursor, r.end);
  }
  clean += text.slice(cursor);
  const letters = count(clean, /\p{L}/gu);
  if (letters < minLetters) return 'und';

  const arabic = count(clean, /\p{Script=Arabic}/gu);
  const cyrillic = count(clean, /\p{Script=Cyrillic}/gu);
  const han = count(clean, /\p{Script=Han}/gu);
  const kana = count(clean, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(clean, /\p{Script=Hangul}/gu);
  const hebrew = count(clean, /\p{Script=Hebrew}/gu);
  const half = letters / 2;
  if (arabic > half) return count(clean, /[پچژگکی]/gu) > arabic * 0.02 ? 'fa' : 'ar';
  if (cyrillic > half) return count(clean, /[іїєґІЇЄҐ]/gu) > 0 ? 'uk' : 'ru';
  if (kana > 0 && han + kana > half) return 'ja';
  if (hangul > half) return 'ko';
  if (han > half * 0.5 && han + kana >= letters * 0.3) return 'zh';
  if (hebrew > half) return 'he';

  // a few thousand characters tell the language as well as the whole text, far faster
  // the commonest function words settle most news texts at once; franc decides the rest
  const quick = byFunctionWords(clean.length > 4000 ? clean.slice(0, 4000) : clean);
  if (quick) return quick;
  // Latin-script languages only (the other scripts were settled above), on the first stretch of
  // text: that tells the language as well as the whole, many times faster
  const code = franc(clean.length > 1500 ? clean.slice(0, 1500) : clean, { minLength: 10, only: LATIN_LANGUAGES });
  return ISO3_TO_1[code] ?? 'und';
}
