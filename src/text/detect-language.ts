// The language of a text: script shortcuts first (they are certain), then franc-min over the
// text outside noise ranges.
import { franc, francAll } from 'franc-min';
import type { LanguageCode, NoiseRange } from '../core/types.ts';
import { scriptCounts } from './script-counts.ts';
import { clearLeader, createLexiconVoter, type LexiconVoter } from './lexicon-votes.ts';
import { allMatches } from '../core/all-matches.ts';

/** ISO 639-3 (franc) to ISO 639-1. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', rus: 'ru', arb: 'ar', pes: 'fa', tur: 'tr',
  ind: 'id', zsm: 'ms', cmn: 'zh', heb: 'he', ita: 'it', nld: 'nl', pol: 'pl', ukr: 'uk', ron: 'ro',
  hun: 'hu', ces: 'cs', swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ell: 'el', bul: 'bg', srp: 'sr',
  hrv: 'hr', bos: 'bs', slk: 'sk', slv: 'sl', urd: 'ur', hin: 'hi', ben: 'bn', jpn: 'ja', kor: 'ko',
  vie: 'vi', tha: 'th', aze: 'az', azj: 'az', uzn: 'uz', kaz: 'kk', bel: 'be', tgl: 'tl', swh: 'sw',
  hau: 'ha', som: 'so', amh: 'am', cat: 'ca', glg: 'gl', lit: 'lt', lav: 'lv', est: 'et', kat: 'ka',
  hye: 'hy', fas: 'fa', ara: 'ar', zho: 'zh', zlm: 'ms', mar: 'mr', npi: 'ne', ckb: 'ckb', pbu: 'ps',
};

const LATIN_LANGUAGES = ['eng', 'fra', 'deu', 'spa', 'por', 'tur', 'ind', 'zsm', 'ita', 'nld', 'pol', 'ron', 'hun', 'ces', 'swe', 'dan', 'nob', 'fin', 'hrv', 'slk', 'slv', 'vie', 'azj', 'uzn', 'tgl', 'swh', 'hau', 'som', 'cat', 'lit', 'lav', 'est'];

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'was', 'for', 'on', 'said', 'by', 'from', 'his', 'her', 'he', 'she', 'has', 'have', 'were', 'at', 'an', 'their', 'will', 'did', 'not', 'after', 'during', 'which', 'who', 'been', 'would', 'had', 'this', 'its', 'they'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'est', 'une', 'dans', 'qui', 'pour', 'que', 'avec', 'par', 'sur', 'au', 'aux', 'son', 'sa', 'ses', 'il', 'elle', 'ont', 'été', 'entre', 'de'],
  de: ['der', 'die', 'und', 'das', 'den', 'mit', 'ist', 'sich', 'nicht', 'auf', 'für', 'dem', 'ein', 'eine', 'im', 'am', 'zu', 'von', 'hat', 'wird', 'nach', 'bei', 'des', 'in', 'ihren', 'seinen', 'einem', 'einen'],
  es: ['el', 'los', 'las', 'y', 'en', 'con', 'por', 'una', 'que', 'del', 'para', 'se', 'al', 'su', 'sus', 'es', 'como', 'más', 'fue', 'durante', 'tras', 'también', 'ha', 'han', 'este', 'esta', 'pero', 'sobre', 'de'],
  pt: ['o', 'os', 'as', 'e', 'em', 'com', 'por', 'uma', 'que', 'do', 'da', 'não', 'ao', 'na', 'no', 'nos', 'foi', 'seu', 'sua', 'dos', 'das', 'também', 'pelo', 'pela', 'à', 'às', 'aos', 'nas', 'são', 'está', 'após', 'ele', 'ela', 'já', 'mais', 'de', 'nesta', 'neste', 'desta', 'deste', 'ontem', 'hoje', 'feira', 'então', 'pelos', 'pelas'],
  tr: ['ve', 'bir', 'bu', 'ile', 'için', 'olarak', 'olan', 'gibi', 'daha', 'günü', 'ise', 'ancak', 'sonra', 'arasında', 'iki', 'kadar', 'çok', 'göre', 'dün', 'bugün', 'hafta', 'gelecek', 'ayrıca', 'üzere', 'ettiği', 'olduğu', 'yaptığı'],
  id: ['yang', 'dan', 'di', 'dengan', 'untuk', 'dari', 'ini', 'itu', 'dalam', 'akan', 'pada', 'tidak', 'hari', 'juga', 'telah', 'oleh', 'bahwa', 'tersebut', 'kata', 'sebagai', 'ke', 'melalui', 'antara', 'kedua', 'presiden', 'perdana', 'menteri', 'kemarin', 'bulan', 'depan', 'lalu', 'tahun', 'bertemu', 'jadi', 'berencana', 'pekan'],
  it: ['il', 'di', 'che', 'e', 'della', 'per', 'con', 'gli', 'non', 'sono', 'nel', 'alla', 'del', 'dei', 'delle', 'ha', 'lunedì', 'anche'],
  sw: ['wa', 'ya', 'kwa', 'za', 'katika', 'ni', 'kuwa', 'hiyo', 'hizo', 'siku', 'mjini', 'alikutana', 'kati'],
  pl: ['w', 'i', 'z', 'się', 'do', 'że', 'nie', 'jest', 'oraz', 'przez', 'aby', 'po', 'ze', 'dla'],
  ro: ['și', 'în', 'cu', 'pe', 'din', 'care', 'pentru', 'despre', 'că', 's-a', 'fost', 'luni', 'cu'],
  vi: ['và', 'của', 'các', 'với', 'tại', 'đã', 'về', 'là', 'được', 'vào', 'cho', 'trong', 'những', 'này'],
  ha: ['kasar', 'shugaban', 'ranar', 'cewa', 'wanda', 'domin', 'ya', 'gana', 'birnin'],
  nl: ['de', 'het', 'een', 'van', 'en', 'met', 'niet', 'voor', 'zijn', 'ook', 'wordt', 'dat', 'heeft', 'op', 'over', 'maar', 'naar', 'bij', 'hij', 'werd', 'wordt'],
};
const FUNCTION_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS))
  for (const w of new Set(words)) FUNCTION_INDEX.set(w, [...(FUNCTION_INDEX.get(w) ?? []), lang]);

// most words are no function word: one empty list for them all, not a new one per word
const NO_LANGUAGES: readonly string[] = [];

/** A language when its function words clearly outnumber every other's, else null. */
function byFunctionWords(text: string): LanguageCode | null {
  const hits = new Map<string, number>();
  // a word several languages share tells less: short texts count each word 1 / languages sharing it
  const shared = new Map<string, number>();
  let words = 0;
  // a case ending after an apostrophe on a name is no word ("Putin'le", "Soçi'de": Turkish, not French)
  for (const m of allMatches(/(?<!\p{L})(?<!\p{Lu}\p{L}*['’])\p{L}+/gu, text)) {
    words++;
    const langs = FUNCTION_INDEX.get(m[0].toLowerCase()) ?? NO_LANGUAGES;
    for (const lang of langs) {
      hits.set(lang, (hits.get(lang) ?? 0) + 1);
      shared.set(lang, (shared.get(lang) ?? 0) + 1 / langs.length);
    }
  }
  if (!hits.size) return null;
  // short texts (a headline, a lead): a clear lead of function words beats trigram statistics
  if (words < 40) {
    const ranked = [...shared].sort((a, b) => b[1] - a[1]);
    const [best, second] = [ranked[0], ranked[1] ?? ['', 0]];
    return best[1] >= 1.5 && best[1] >= 2 * second[1] ? best[0] : null;
  }
  const ranked = [...hits].sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0], ranked[1] ?? ['', 0]];
  return best[1] >= Math.max(8, words * 0.12) && best[1] >= 3 * second[1] ? best[0] : null;
}

/** Scripts of one language (or one main language): the language, without asking franc. */
const SCRIPT_LANGUAGES: Array<[RegExp, string]> = [
  [/\p{Script=Greek}/gu, 'el'], [/\p{Script=Thai}/gu, 'th'], [/\p{Script=Georgian}/gu, 'ka'], [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Bengali}/gu, 'bn'], [/\p{Script=Tamil}/gu, 'ta'], [/\p{Script=Telugu}/gu, 'te'], [/\p{Script=Gujarati}/gu, 'gu'],
  [/\p{Script=Gurmukhi}/gu, 'pa'], [/\p{Script=Kannada}/gu, 'kn'], [/\p{Script=Malayalam}/gu, 'ml'], [/\p{Script=Sinhala}/gu, 'si'],
  [/\p{Script=Khmer}/gu, 'km'], [/\p{Script=Lao}/gu, 'lo'], [/\p{Script=Myanmar}/gu, 'my'], [/\p{Script=Ethiopic}/gu, 'am'],
  [/\p{Script=Tibetan}/gu, 'bo'], [/\p{Script=Mongolian}/gu, 'mn'],
];

/** Arabic script: letters only Urdu, Pashto, Sorani Kurdish or Persian write tell them from Arabic. */
function arabicScript(text: string, arabic: number): LanguageCode {
  const share = (re: RegExp): number => count(text, re) / arabic;
  if (share(/[ٹڈڑںےۓ]/gu) > 0.01) return 'ur';
  if (share(/[ټډړږښګڼۍې]/gu) > 0.01) return 'ps';
  if (share(/[ڕڵۆێە]/gu) > 0.01) return 'ckb';
  return share(/[پچژگکی]/gu) > 0.02 ? 'fa' : 'ar';
}

/** Cyrillic script: letters of one language; Bulgarian writes ъ but never ы or э. */
function cyrillicScript(text: string): LanguageCode {
  if (/[іїєґІЇЄҐ]/u.test(text)) return /[ўЎ]/u.test(text) ? 'be' : 'uk';
  if (/[ўЎ]/u.test(text)) return 'be';
  if (/[ђјљњћџЂЈЉЊЋЏ]/u.test(text)) return /[ѓќѕЃЌЅ]/u.test(text) ? 'mk' : 'sr';
  if (/[әғқңөұүһӘҒҚҢӨҰҮҺ]/u.test(text)) return 'kk';
  if (/[ъЪ]/u.test(text) && !/[ыэЫЭ]/u.test(text)) return 'bg';
  return 'ru';
}

/** Languages close enough to share function words, told apart by words only one of them uses. */
const SIBLINGS: Record<string, { lang: string; own: string[]; theirs: string[] }> = {
  id: {
    lang: 'ms',
    own: ['senin', 'kamis', 'karena', 'yaitu', 'bisa', 'saja', 'membahas', 'setelah', 'pekan', 'sudah', 'kemarin', 'tersebut'],
    theirs: ['isnin', 'khamis', 'kerana', 'iaitu', 'boleh', 'sahaja', 'membincangkan', 'selepas', 'semalam', 'berkenaan', 'kedua-dua', 'mahupun'],
  },
};

function closeSibling(lang: LanguageCode, text: string): LanguageCode {
  const sib = SIBLINGS[lang];
  if (!sib) return lang;
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  const own = words.filter((w) => sib.own.includes(w)).length;
  const theirs = words.filter((w) => sib.theirs.includes(w)).length;
  return theirs >= 2 && theirs > 2 * own ? sib.lang : lang;
}

/** Letters only one language here writes often: enough for a short text no function word decides. */
const LETTERS: Array<{ lang: string; re: RegExp; min: number; unless?: RegExp }> = [
  { lang: 'tr', re: /[ığşİ]/gu, min: 3, unless: /[əƏ]/u },
  { lang: 'az', re: /[əƏ]/gu, min: 2 },
  { lang: 'pt', re: /[ãõ]/gu, min: 2 },
  { lang: 'ro', re: /[ășțȘȚ]/gu, min: 3 },
  { lang: 'pl', re: /[łąęśźżń]/gu, min: 3 },
  { lang: 'vi', re: /[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/gu, min: 3 },
];

function byLetters(text: string): LanguageCode | null {
  const hits = LETTERS.filter((l) => count(text, l.re) >= l.min && !l.unless?.test(text));
  return hits.length === 1 ? hits[0].lang : null;
}

/** Fewer words than this: a short text, read by the lexicon vote first. */
const SHORT_WORDS = 40;
/** franc's scores (1 for the best) at least this high are close rivals of the best. */
const FRANC_CLOSE = 0.97;

let lexiconVoter: LexiconVoter | null = null;
/** The lexicons of data/lang, read once per process on first need. */
function voter(): LexiconVoter {
  return (lexiconVoter ??= createLexiconVoter());
}

export interface DetectOptions {
  /** Fewer letters than this: 'und'. */
  minLetters?: number;
  /** Fewer letters than this, and no clear function words: 'und' rather than a trigram guess. */
  minFrancLetters?: number;
}

const LETTER_RUN = /\p{L}+/gu;

/** Whether `text` holds fewer than `n` runs of letters: counted up to n, not collected into an array of every word. */
function fewerWords(text: string, n: number): boolean {
  LETTER_RUN.lastIndex = 0;
  let k = 0;
  while (k < n && LETTER_RUN.test(text)) k++;
  LETTER_RUN.lastIndex = 0;
  return k < n;
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
  // every count below in one pass over the text (a code point has one script: Han, kana and
  // Hangul add up to the count of the three together)
  const { letters, latin, arabic, cyrillic, han, kana, hangul, hebrew } = scriptCounts(clean);
  // a Han character is a word: ten of them say as much as twenty Latin letters
  if (letters + han + kana + hangul < minLetters) return 'und';

  const half = letters / 2;
  if (arabic > half) return arabicScript(clean, arabic);
  if (cyrillic > half) return cyrillicScript(clean);
  if (kana > 0 && han + kana > half) return 'ja';
  if (hangul > half) return 'ko';
  if (han > half * 0.5 && han + kana >= letters * 0.3) return 'zh';
  if (hebrew > half) return 'he';
  // a script only one language here writes (or whose languages Parley has no lexicon for): name it
  if (latin <= half) for (const [re, lang] of SCRIPT_LANGUAGES) if (count(clean, re) > half) return lang;
  if (latin <= half && count(clean, /\p{Script=Devanagari}/gu) > half) {
    const code = franc(clean.slice(0, 1500), { minLength: 10, only: ['hin', 'mar', 'npi', 'mai', 'bho', 'mag'] });
    return ISO3_TO_1[code] ?? (code === 'und' ? 'hi' : code);
  }

  // a few thousand characters tell the language as well as the whole text, far faster
  // the commonest function words settle most news texts at once; franc decides the rest
  const sample = clean.length > 4000 ? clean.slice(0, 4000) : clean;
  // a short text (a headline, a lead, a sentence full of names): the language whose lexicon it
  // hits most, triggers and grammatical words together, when one clearly leads
  if (fewerWords(sample, SHORT_WORDS)) {
    const leader = clearLeader(voter().votes(sample, FUNCTION_WORDS));
    if (leader) return closeSibling(leader, sample);
  }
  const quick = byFunctionWords(sample);
  if (quick) return closeSibling(quick, clean.slice(0, 4000));
  // Latin-script languages only (the other scripts were settled above), on the first stretch of
  // text: that tells the language as well as the whole, many times faster
  // trigram statistics guess wildly on a sentence or two ("Erdogan called Putin on Tuesday" reads
  // as Uzbek): below that, unknown is the honest answer
  if (letters < (options.minFrancLetters ?? 120)) return byLetters(clean) ?? 'und';
  const head = clean.length > 1500 ? clean.slice(0, 1500) : clean;
  const ranked = francAll(head, { minLength: 10, only: LATIN_LANGUAGES });
  const code = ranked[0]?.[0] ?? 'und';
  // franc's top choices close together: the one whose lexicon the text hits most, if one leads
  const close = ranked.filter(([, score]) => score >= FRANC_CLOSE).map(([c]) => ISO3_TO_1[c]).filter(Boolean);
  if (close.length > 1) {
    const leader = clearLeader(voter().votes(head, FUNCTION_WORDS), close);
    if (leader) return leader;
  }
  return ISO3_TO_1[code] ?? 'und';
}

/**
 * The language to read a text in, given what its page or record declares: the text wins when it
 * clearly reads as another language (page templates say `lang="en"` on Spanish articles, `ar` on
 * Persian ones); the declaration wins when the text is too short to tell, or when the two are close
 * siblings the text cannot reliably tell apart. Declarations are tags (`en-US`, `zh_Hant`, `pt-BR`):
 * the primary subtag counts.
 */
export function chooseLanguage(declared: string | null | undefined, detected: LanguageCode): LanguageCode {
  const tag = (declared ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const primary = /^[a-z]{2,3}$/.test(tag) ? tag : '';
  if (detected === 'und') return primary || 'und';
  if (!primary || primary === detected) return detected;
  const siblings = (a: string, b: string) => SIBLINGS[a]?.lang === b || SIBLINGS[b]?.lang === a;
  return siblings(primary, detected) ? primary : detected;
}
