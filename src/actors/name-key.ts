// Name keys: how two spellings of one name come to compare equal. Three levels:
//  - normalizeName: the scorer's own normalization (NFKD, no marks, lower case, non-letters to
//    spaces), used for exact alias lookup;
//  - lightKey: normalizeName plus dropped honorifics and article particles (al-, el-, ad-);
//  - skeletonKey: a transliteration-blind key (consonant classes, vowels collapsed) used only
//    to find candidates, which a similarity check on light keys then confirms.

const HONORIFICS = new Set([
  'sayyed', 'seyyed', 'sayed', 'seyed', 'sayyid', 'seyyid', 'said', 'syed', 'sheikh', 'shaikh', 'shaykh', 'cheikh',
  'scheich', 'jeque', 'ayatollah', 'ayatullah', 'hojatoleslam', 'hojjatoleslam', 'grand', 'mr', 'mrs', 'ms', 'dr',
  'prof', 'h', 'e', 'his', 'her', 'excellency', 'mullah', 'imam', 'haji', 'hajj', 'm', 'mme', 'herr', 'frau', 'datuk',
  'seri', 'dato', 'tan', 'sri', 'tun', 'pak', 'bapak', 'ibu', 'sir', 'lord', 'dame', 'gen', 'general',
]);

// particles written joined or apart: al-Arouri, el Sisi, ad-Din, as-Sadr; kept out of keys so
// "Ziyad al-Nakhalah" and "Ziyad Nakhalah" meet.
const PARTICLES = new Set(['al', 'el', 'ad', 'ed', 'as', 'es', 'ar', 'an', 'at', 'az', 'ash', 'ul', 'il', 'l']);

// Names and words recur across a corpus: keys are remembered (bounded, cleared when full).
function memo<A extends unknown[]>(fn: (key: string, ...rest: A) => string, size = 100_000): (key: string, ...rest: A) => string {
  const cache = new Map<string, string>();
  return (key: string, ...rest: A) => {
    const k = rest.length ? `${key}\u0000${rest.join('\u0000')}` : key;
    let v = cache.get(k);
    if (v === undefined) {
      if (cache.size >= size) cache.clear();
      v = fn(key, ...rest);
      cache.set(k, v);
    }
    return v;
  };
}

export const normalizeName = memo(normalizeNameRaw);

function normalizeNameRaw(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function nameTokens(name: string): string[] {
  return normalizeName(name).split(' ').filter(Boolean);
}

/** normalized tokens without honorifics and particles (but never emptied). */
export function lightTokens(name: string): string[] {
  const tokens = nameTokens(name);
  let start = 0;
  while (start < tokens.length - 1 && HONORIFICS.has(tokens[start])) start++;
  const kept = tokens.slice(start).filter((t) => !PARTICLES.has(t));
  return kept.length ? kept : tokens.slice(start);
}

export function lightKey(name: string): string {
  return lightTokens(name).join(' ');
}

export function isHonorific(token: string): boolean {
  return HONORIFICS.has(normalizeName(token));
}

// Transliteration classes for Latin spellings of Arabic, Persian, Turkish, Russian and Chinese
// names, as written by English, French, German, Spanish and Portuguese outlets.
const SKELETON_RULES: Array<[RegExp, string]> = [
  [/dsch/g, 'j'], // German dj
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/dj/g, 'j'], // French dj
  [/zh/g, 'j'],
  [/kh|ch|sh/g, 'h'], // kh, German ch, French ch and sh fold: Meshaal/Mechaal, Nakhala/Nachali
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/q/g, 'k'],
  [/c/g, 'k'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/ou/g, 'u'],
  [/ey|ay|ei|ai/g, 'i'],
  [/([a-z])\1+/g, '$1'], // doubled letters
  [/h\b/g, ''], // final h after a vowel: Nakhalah / Nakhala
  [/[aeiouy]+/g, ''], // vowels carry too little across transliterations
];

// Spellings of one source language read as English ones before keying (German Siad = Ziad).
const SOURCE_RULES: Record<string, Array<[RegExp, string]>> = {
  de: [[/^s(?=[aeiouy])/, 'z'], [/^j(?=[aeiou])/, 'y'], [/^w/, 'v']],
  es: [[/^j/, 'kh']],
};

export function toEnglishSpelling(token: string, lang?: string): string {
  let t = token;
  for (const [re, to] of SOURCE_RULES[lang ?? ''] ?? []) t = t.replace(re, to);
  return t;
}

function skeletonToken(token: string): string {
  let t = token;
  for (const [re, to] of SKELETON_RULES) t = t.replace(re, to);
  // keep the first letter's class so Hassan and Assad stay apart
  const first = token[0] ?? '';
  return (/[aeiouy]/.test(first) ? 'V' : '') + t;
}

export const skeletonKey: (name: string, lang?: string) => string = memo((name: string, lang?: string) => skeletonKeyRaw(name, lang));

function skeletonKeyRaw(name: string, lang?: string): string {
  return lightTokens(name)
    .filter((t) => /^[a-z]+$/.test(t))
    .map((t) => skeletonToken(toEnglishSpelling(t, lang)))
    .join(' ');
}

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

/**
 * Whether two spellings plausibly name the same person: same skeleton and every token pair
 * similar. Keeps Hassan/Hussein and Nasrallah/Rouhani apart.
 */
export function spellingsAgree(a: string, b: string, lang?: string): boolean {
  let ta = lightTokens(a).map((t) => toEnglishSpelling(t, lang));
  let tb = lightTokens(b);
  if (ta.length !== tb.length) {
    // Amir-Abdollahian / Amirabdollahian: compare written together
    ta = [ta.join('')];
    tb = [tb.join('')];
  }
  if (ta.map(skeletonToken).join(' ') !== tb.map(skeletonToken).join(' ')) return false;
  for (let i = 0; i < ta.length; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === y) continue;
    if (jaroWinkler(x, y) < 0.78) return false;
    // first vowels must agree in class when both are short tokens: Hassan vs Hussein
    const vx = x.match(/[aeiouy]/)?.[0];
    const vy = y.match(/[aeiouy]/)?.[0];
    if (vx && vy && vx !== vy && !VOWEL_SWAPS.has(vx + vy)) return false;
  }
  return true;
}

// first-vowel alternations that transliterations really produce (Saleh/Salih, Ebrahim/Ibrahim,
// Mohammad/Muhammad, Hossein/Husayn, Ziyad/Siad)
const VOWEL_SWAPS = new Set(['ei', 'ie', 'ou', 'uo', 'ea', 'ae', 'ia', 'ai', 'yi', 'iy', 'ya', 'ay']);

const CYRILLIC = /\p{Script=Cyrillic}/u;
// Russian case endings: Путина, Путину, Путиным -> путин; Си Цзиньпина -> си цзиньпин
const RU_ENDING = /(?:ого|его|ому|ему|ым|им|ой|ей|ом|ем|ую|юю|ая|яя|а|я|у|ю|е|ы|и|ь)$/u;

/** A key that ignores inflection in inflected scripts (Cyrillic); null for other names. */
export function stemKey(name: string): string | null {
  if (!CYRILLIC.test(name)) return null;
  const tokens = lightTokens(name);
  if (!tokens.some((t) => CYRILLIC.test(t))) return null;
  return tokens.map((t) => (CYRILLIC.test(t) && t.length > 3 ? t.replace(RU_ENDING, '') : t)).join(' ');
}
