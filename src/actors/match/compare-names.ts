// Whether two names denote one bearer, with a score that explains itself per feature (after
// nomenklatura's matchers: every feature has a weight and a description, the algorithm has a
// name and a version, and a result lists what fired). Tokens of the shorter name are aligned to
// tokens of the longer one; each aligned pair says how it agrees (equal, same transliteration
// skeleton, an initial, a near spelling); the score is the share of the shorter name so covered,
// less penalties for the weakest pair and for tokens of either name left over. Weights and the
// threshold were set on general grounds and checked on the nomenklatura name pairs
// (scripts/bench-names.ts); no rule names a particular person.
import { editDistance } from './distance.ts';
import { analyzeName, type AnalyzedName, type AnalyzeOptions, type NameToken } from './analyze-name.ts';

export const ALGORITHM = 'parley-names';
/** bump when a rule, weight or threshold changes: stored judgements name the version that made them */
export const VERSION = '1.0.1';
export const THRESHOLD = 0.8;

export type FeatureId =
  | 'exact_normalized'
  | 'token_coverage'
  | 'token_exact'
  | 'token_translit'
  | 'token_fuzzy'
  | 'token_initial'
  | 'script_bridged'
  | 'unmatched_short'
  | 'unmatched_long'
  | 'unmatched_long_org'
  | 'lone_token'
  | 'weakest_token'
  | 'order_swapped'
  | 'number_mismatch'
  | 'filiation_swapped'
  | 'legal_form_mismatch';

export interface FeatureDoc {
  description: string;
  /** how the feature's value moves the score (added as weight * value) */
  weight: number;
}

export const FEATURES: Record<FeatureId, FeatureDoc> = {
  exact_normalized: { weight: 0, description: 'Both names are equal once marks, case and punctuation are dropped (decides alone).' },
  token_coverage: { weight: 1, description: 'Share of the shorter name (by letters) covered by aligned tokens, each weighted by its agreement.' },
  token_exact: { weight: 0, description: 'Aligned tokens spelled the same (count; explanation only).' },
  token_translit: { weight: 0, description: 'Aligned tokens with one consonant skeleton under the transliteration rules, first vowels compatible (count; explanation only).' },
  token_fuzzy: { weight: 0, description: 'Aligned tokens a typo or two apart (count; explanation only).' },
  token_initial: { weight: 0, description: 'An initial aligned with a token it begins (count; explanation only).' },
  script_bridged: { weight: 0, description: 'One name was read from another script (Cyrillic, Arabic, Hebrew ...) before comparing (explanation only).' },
  unmatched_short: { weight: -0.25, description: 'Tokens of the shorter name with no counterpart: a different given name or family name.' },
  unmatched_long: { weight: -0.04, description: 'Tokens of the longer name with no counterpart (middle names, patronymics, clan names).' },
  order_swapped: { weight: -0.05, description: 'Aligned tokens in another order (surname first, Chinese and Hungarian order): weak evidence, since outlets reorder names.' },
  weakest_token: { weight: -0.25, description: 'How far the least agreeing aligned pair is from equal (1 - its score): one doubtful token casts doubt on the name.' },
  unmatched_long_org: { weight: -0.08, description: 'Tokens of the longer name with no counterpart, between organizations (Deutsche Bank / Deutsche Bank Trust Company).' },
  filiation_swapped: { weight: -0.25, description: "Both names state filiation (Muhammad bin Salman) and a father's name of one is a given name of the other: father and son exchanged." },
  number_mismatch: { weight: -0.1, description: 'A number or Roman numeral of one name has no equal in the other (Snow Storm 1 / Snow Storm 2): a series, often the same owner.' },
  lone_token: { weight: -0.1, description: 'The shorter name is a single token while the longer has several: too little to tell.' },
  legal_form_mismatch: { weight: -0.2, description: 'Both names carry legal forms and they differ (AG vs GmbH).' },
};

export interface MatchResult {
  algorithm: string;
  version: string;
  score: number;
  match: boolean;
  threshold: number;
  features: Partial<Record<FeatureId, number>>;
  /** one line per fired feature or aligned pair */
  explanation: string[];
}

export interface CompareOptions extends AnalyzeOptions {
  threshold?: number;
}

type How = 'exact' | 'translit' | 'fuzzy' | 'initial';
interface PairScore {
  score: number;
  how: How;
}

// first-vowel alternations that transliterations really produce (Saleh/Salih, Ebrahim/Ibrahim,
// Mohammad/Muhammad, Hossein/Husayn, Ziyad/Siad); Hassan/Hussein (a/u) is not one of them
const VOWEL_SWAPS = new Set(['ei', 'ie', 'ou', 'uo', 'ea', 'ae', 'ia', 'ai', 'yi', 'iy', 'ya', 'ay', 'oa', 'ao']);

function vowelsAgree(a: string, b: string): boolean {
  const va = a.match(/[aeiouy]/)?.[0];
  const vb = b.match(/[aeiouy]/)?.[0];
  return !va || !vb || va === vb || VOWEL_SWAPS.has(va + vb);
}

// Vowel groups by class (a; e i y and the diphthongs ei ai ey ay; o u): transliterations of one
// name agree on most of them (Rouhani/Rohani, Nakhalah/Nachali); two names with one consonant
// skeleton mostly do not (Morillo/Morales, Olga/Oleg).
function vowelClasses(t: string): string[] {
  // a final e after a consonant is silent in English and French spellings (Stripe / Strip)
  // and a y opening a group is a consonant (Filyo = Filho)
  return (t.replace(/(?<=[^aeiouy])e$/, '').match(/[aeiouy]+/g) ?? [])
    .map((g) => (g.length > 1 && g[0] === 'y' ? g.slice(1) : g))
    .map((g) => (/^[eiy]/.test(g) || /[eiy]/.test(g.slice(1)) ? 'i' : /^[ou]/.test(g) ? 'u' : 'a'));
}

function vowelPattern(a: string, b: string): number {
  const va = vowelClasses(a);
  const vb = vowelClasses(b);
  const n = Math.max(va.length, vb.length);
  if (!n) return 1;
  let same = 0;
  for (let i = 0; i < Math.min(va.length, vb.length); i++) if (va[i] === vb[i]) same++;
  return same / n;
}

function intersects(a: Set<string>, b: Set<string>, min = 2): boolean {
  for (const k of a) if (k.replace(/^V/, '').length >= min - 1 && k.length >= 2 && b.has(k)) return true;
  return false;
}

/** How well two tokens agree, in [0, 1], and why. */
export function compareTokens(a: NameToken, b: NameToken): PairScore {
  if (a.text === b.text) return { score: 1, how: 'exact' };
  // series numbers agree or not at all (Fund VIII / Fund IX, 2007-1 / 2007-2)
  if (a.numeric || b.numeric) return { score: 0, how: 'fuzzy' };
  const checkVowels = !a.vowelless && !b.vowelless;
  // without vowels one consonant is too little to go on (US / יוסי)
  if (intersects(a.keys, b.keys, checkVowels ? 2 : 3) && (!checkVowels || vowelsAgree(a.text, b.text)))
    return { score: !checkVowels || vowelPattern(a.text, b.text) > 0.5 ? 0.95 : 0.8, how: 'translit' };
  if (a.text.length === 1 || b.text.length === 1) {
    const [short, long] = a.text.length === 1 ? [a.text, b.text] : [b.text, a.text];
    return long.startsWith(short) ? { score: 0.8, how: 'initial' } : { score: 0, how: 'fuzzy' };
  }
  return { score: fuzzyScore(a.text, b.text), how: 'fuzzy' };
}

// A typo (one edit: Pulin/Putin, Tom/Tim) is a near match; each further edit costs more than
// its share of the letters, since two or three edits usually make another real name
// (Albano/Albanese, Castillo/Castro).
function fuzzyScore(a: string, b: string): number {
  const d = editDistance(a, b);
  const len = Math.max(a.length, b.length);
  const s = d === 1 ? (len >= 5 ? Math.max(0.85, 1 - 1 / len) : 1 - 1 / len) : 1 - d / len - (len >= 9 ? 0 : 0.05 * (d - 1));
  return s >= 0.6 ? s : 0;
}

interface Alignment {
  pairs: Array<{ a: number; b: number; score: number; how: How }>;
  coverage: number;
  unmatchedShort: number;
  unmatchedLong: number;
  /** numbers of either name left unaligned */
  numbers: number;
}

// Greedy alignment: best pairs first, each token used once. Names have a handful of tokens.
function align(short: NameToken[], long: NameToken[]): Alignment {
  const cands: Array<{ a: number; b: number; score: number; how: How }> = [];
  for (let i = 0; i < short.length; i++)
    for (let j = 0; j < long.length; j++) {
      const p = compareTokens(short[i], long[j]);
      if (p.score > 0) cands.push({ a: i, b: j, ...p });
    }
  cands.sort((x, y) => y.score - x.score || Math.abs(x.a - x.b) - Math.abs(y.a - y.b));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Alignment['pairs'] = [];
  for (const c of cands) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  const weight = (t: NameToken): number => (t.numeric ? 0 : Math.max(2, t.text.length));
  const total = short.reduce((s, t) => s + weight(t), 0);
  const covered = pairs.reduce((s, p) => s + weight(short[p.a]) * p.score, 0);
  const left = (list: NameToken[], used: Set<number>): NameToken[] => list.filter((_, i) => !used.has(i));
  const leftShort = left(short, usedA);
  const leftLong = left(long, usedB);
  return {
    pairs,
    coverage: total ? covered / total : 0,
    unmatchedShort: leftShort.filter((t) => !t.numeric).length,
    unmatchedLong: leftLong.filter((t) => !t.numeric).length,
    numbers: leftShort.length + leftLong.length - leftShort.filter((t) => !t.numeric).length - leftLong.filter((t) => !t.numeric).length,
  };
}

// "VladimirPutin", "Ramimakhlouf", "JanDaniel": one side writes two tokens as one. A join is
// tried only where the joined token meets a token of the other name.
function joinedVariants(tokens: NameToken[], other: NameToken[]): NameToken[][] {
  const out: NameToken[][] = [];
  for (let n = 2; n <= 3; n++)
    for (let i = 0; i + n <= tokens.length; i++) {
      const run = tokens.slice(i, i + n);
      // an initial is not part of a word (Hans O Friedrich is not Hanso)
      if (run.some((t) => t.text.length < 2 || t.numeric)) continue;
      const text = run.map((t) => t.text).join('');
      let keys = new Set<string>(['']);
      for (const t of run) {
        const next = new Set<string>();
        for (const k of keys) for (const kt of t.keys) if (next.size < 16) next.add(k ? k + kt.replace(/^V/, '') : kt);
        keys = next;
      }
      const joined: NameToken = { ...run[0], text, keys };
      if (!other.some((o) => compareTokens(joined, o).score >= 0.9)) continue;
      out.push([...tokens.slice(0, i), joined, ...tokens.slice(i + n)]);
    }
  // "PLA" = People's Liberation Army, "US" = United States: the initials of a run of tokens
  for (let i = 0; i < tokens.length; i++)
    // two initials only beside other words (JC Juncker, U.S. Department), never a whole name (N.N.)
    for (let n = 2; n <= 5 && i + n <= tokens.length; n++) {
      if (n === 2 && tokens.length === 2) continue;
      const text = tokens
        .slice(i, i + n)
        .map((t) => t.text[0])
        .join('');
      if (!other.some((o) => o.text === text)) continue;
      out.push([...tokens.slice(0, i), { ...tokens[i], text, keys: new Set([text]) }, ...tokens.slice(i + n)]);
    }
  return out;
}

// aligned pairs whose order differs between the names (Friedrich Hans / Hans Friedrich)
function inversions(pairs: Alignment['pairs']): number {
  const sorted = [...pairs].sort((x, y) => x.a - y.a);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) if (sorted[i].b > sorted[j].b) n++;
  return n;
}

function scoreAlignment(x: AnalyzedName, y: AnalyzedName, tx: NameToken[], ty: NameToken[]): { score: number; al: Alignment; short: NameToken[]; long: NameToken[]; features: Partial<Record<FeatureId, number>> } {
  const [short, long] = tx.length <= ty.length ? [tx, ty] : [ty, tx];
  const al = align(short, long);
  const features: Partial<Record<FeatureId, number>> = { token_coverage: al.coverage };
  const weakest = Math.min(1, ...al.pairs.map((p) => p.score));
  if (al.pairs.length && weakest < 1) features.weakest_token = 1 - weakest;
  for (const p of al.pairs) {
    const id = `token_${p.how}` as FeatureId;
    features[id] = (features[id] ?? 0) + 1;
  }
  if (al.unmatchedShort) features.unmatched_short = al.unmatchedShort;
  if (al.unmatchedLong) features[x.kind === 'organization' || y.kind === 'organization' ? 'unmatched_long_org' : 'unmatched_long'] = al.unmatchedLong;
  if (inversions(al.pairs)) features.order_swapped = 1;
  if (x.filiation && y.filiation && al.pairs.some((p) => !!short[p.a].father !== !!long[p.b].father)) features.filiation_swapped = 1;
  if (al.numbers) features.number_mismatch = 1;
  // judged on the names as written, not on a variant with two tokens joined
  if (Math.min(x.tokens.length, y.tokens.length) === 1 && long.length >= 2 && !x.unspaced) features.lone_token = 1;
  if (x.legalForms.length && y.legalForms.length && !x.legalForms.some((f) => y.legalForms.includes(f))) features.legal_form_mismatch = 1;
  if (short.some((t) => t.transliterated) !== long.some((t) => t.transliterated)) features.script_bridged = 1;
  let score = 0;
  for (const [id, v] of Object.entries(features)) score += FEATURES[id as FeatureId].weight * (v ?? 0);
  return { score: Math.max(0, Math.min(1, score)), al, short, long, features };
}

export function compareAnalyzed(x: AnalyzedName, y: AnalyzedName, threshold = THRESHOLD): MatchResult {
  const base = { algorithm: ALGORITHM, version: VERSION, threshold };
  if (x.normalized && x.normalized === y.normalized)
    return { ...base, score: 1, match: true, features: { exact_normalized: 1 }, explanation: ['exact_normalized: equal after normalization'] };
  let best = scoreAlignment(x, y, x.tokens, y.tokens);
  if (best.score < threshold && !x.unspaced && !y.unspaced) {
    for (const tx of joinedVariants(x.tokens, y.tokens)) {
      const r = scoreAlignment(x, y, tx, y.tokens);
      if (r.score > best.score) best = r;
    }
    for (const ty of joinedVariants(y.tokens, x.tokens)) {
      const r = scoreAlignment(x, y, x.tokens, ty);
      if (r.score > best.score) best = r;
    }
  }
  const explanation = best.al.pairs.map((p) => `${best.short[p.a].text} ~ ${best.long[p.b].text}: ${p.how} ${p.score.toFixed(2)}`);
  for (const [id, v] of Object.entries(best.features)) if (FEATURES[id as FeatureId].weight) explanation.push(`${id} = ${Number(v).toFixed(2)} x ${FEATURES[id as FeatureId].weight}`);
  return { ...base, score: Math.round(best.score * 1e4) / 1e4, match: best.score >= threshold, features: best.features, explanation };
}

/** Compare two names (analysing both). */
export function compareNames(a: string, b: string, options: CompareOptions = {}): MatchResult {
  return compareAnalyzed(analyzeName(a, options), analyzeName(b, options), options.threshold ?? THRESHOLD);
}

/** Whether two spellings plausibly name the same bearer. */
export function spellingsAgree(a: string, b: string, lang?: string): boolean {
  return compareNames(a, b, { lang }).match;
}

/** The features, their weights and descriptions (for docs and `--explain`). */
export function explainAlgorithm(): { algorithm: string; version: string; threshold: number; features: Record<FeatureId, FeatureDoc> } {
  return { algorithm: ALGORITHM, version: VERSION, threshold: THRESHOLD, features: FEATURES };
}
