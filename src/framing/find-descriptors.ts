// Descriptors: the words a text uses to describe an actor it names. For every mention, the
// modifiers before it ("the pro-Iranian Shiite militia Hezbollah"), an appositive after it
// ("Hezbollah, the Lebanese resistance movement,"), modifiers after it where a language puts
// them there ("Hizbullah örgütü"), a title that stands for a person ("the Hezbollah chief"),
// and labels that stand for an actor on their own ("the illegal Zionist entity"). Loaded terms
// found inside a descriptor are marked with the side they take. What opens, stops and heads a
// descriptor is language data (data/framing/<lang>.json); this module holds no word of any
// language.
import type { Descriptor, DescriptorForm, LoadedTermMatch, Mention, Span } from '../core/types.ts';
import { cutWords, DEFAULT_FRAMING_DIR, loadFramingLexicons, type FramingLexicon, type LoadedTerm, type Word } from './framing-lexicon.ts';

export interface DescriptorInput {
  text: string;
  language: string;
  /** Sentences outside noise, in text order. */
  sentences: readonly Span[];
  mentions: readonly Mention[];
}

export interface DescriptorFinderOptions {
  /** Folder of the framing data; defaults to data/framing/. */
  dir?: string;
  /** Lexicons already loaded (shared between finders, or made up in tests). */
  lexicons?: (lang: string) => FramingLexicon | null;
}

export type DescriptorFinder = (input: DescriptorInput) => Descriptor[];

// between two words of one descriptor: spaces and quote marks only
const TIGHT = /^[\s\u00a0«»"“”„‘’'‹›「」『』]*$/u;
// what opens an appositive after a name, and what may close one
const APPOSITIVE_OPEN = /^[\s\u00a0]*(?:[,،，、]|[(（]|\s[—–-]\s?)[\s\u00a0«"“„]*$/u;
const APPOSITIVE_CLOSE = /^[\s\u00a0»"”’']*(?:[,،，、.;:)）。；：!?！？]|[—–]|\s-\s|$)/u;
const CASED = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const LOWER_START = /^\p{Ll}/u;
// modifiers after a name are short ("Hizbullah örgütü"); longer runs are the clause going on
const POST_WORDS = 3;

interface Found {
  words: Word[];
  lower: string[];
  /** The mention covering each word, if any. */
  mentionAt: (Mention | undefined)[];
  head: boolean[];
  postHead: boolean[];
  /** Loaded terms starting at each word: the term and the index of its last word. */
  terms: ({ term: LoadedTerm; last: number }[] | undefined)[];
}

/** Stems indexed by their first two letters, so a word is checked against a handful only. */
class StemIndex<T> {
  private readonly byKey = new Map<string, { stem: string; value: T }[]>();
  private readonly short: { stem: string; value: T }[] = [];
  constructor(entries: Iterable<[string, T]>) {
    for (const [stem, value] of entries) {
      if (stem.length < 2) this.short.push({ stem, value });
      else {
        const key = stem.slice(0, 2);
        const list = this.byKey.get(key);
        if (list) list.push({ stem, value });
        else this.byKey.set(key, [{ stem, value }]);
      }
    }
  }
  /** Values whose stem the word starts with. */
  match(word: string): T[] {
    const out: T[] = [];
    for (const e of this.byKey.get(word.slice(0, 2)) ?? []) if (word.startsWith(e.stem)) out.push(e.value);
    for (const e of this.short) if (word.startsWith(e.stem)) out.push(e.value);
    return out;
  }
  has(word: string): boolean {
    for (const e of this.byKey.get(word.slice(0, 2)) ?? []) if (word.startsWith(e.stem)) return true;
    for (const e of this.short) if (word.startsWith(e.stem)) return true;
    return false;
  }
}

interface Indexes {
  heads: StemIndex<true>;
  postHeads: StemIndex<true>;
  /** Loaded terms by the stem of their first word. */
  firstWords: StemIndex<LoadedTerm>;
  elisions: string[];
  /** Matches a sentence that may hold a label standing for an actor; null when the language has none. */
  epithetProbe: RegExp | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits elided articles off their word ("l'entité" -> "l'", "entité") so they act as determiners. */
function splitElisions(words: Word[], elisions: readonly string[]): Word[] {
  if (elisions.length === 0) return words;
  const out: Word[] = [];
  for (const w of words) {
    const lower = w.text.toLowerCase();
    const e = elisions.find((d) => lower.startsWith(d) && lower.length > d.length);
    if (!e) {
      out.push(w);
      continue;
    }
    out.push({ start: w.start, end: w.start + e.length, text: w.text.slice(0, e.length) });
    out.push({ start: w.start + e.length, end: w.end, text: w.text.slice(e.length) });
  }
  return out;
}

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[«»"“”„‹›「」『』]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function createDescriptorFinder(options: DescriptorFinderOptions = {}): DescriptorFinder {
  const lexicons = options.lexicons ?? loadFramingLexicons(options.dir ?? DEFAULT_FRAMING_DIR);
  const indexCache = new Map<FramingLexicon, Indexes>();
  const indexesOf = (lex: FramingLexicon): Indexes => {
    let ix = indexCache.get(lex);
    if (!ix) {
      ix = {
        heads: new StemIndex(lex.heads.map((h) => [h, true as const])),
        postHeads: new StemIndex(lex.postHeads.map((h) => [h, true as const])),
        firstWords: new StemIndex(lex.loaded.map((t) => [t.words[0], t])),
        elisions: [...lex.determiners].filter((d) => /['’]$/.test(d)),
        epithetProbe: lex.loaded.some((t) => t.standsFor)
          ? new RegExp(lex.loaded.filter((t) => t.standsFor).map((t) => escapeRe(t.words[0])).join('|'), 'iu')
          : null,
      };
      indexCache.set(lex, ix);
    }
    return ix;
  };

  return function findDescriptors({ text, language, sentences, mentions }) {
    const lex = lexicons(language);
    if (!lex) return [];
    const out: Descriptor[] = [];
    const seen = new Set<string>();
    const ix = indexesOf(lex);
    const tight = (a: number, b: number) => b >= a && TIGHT.test(text.slice(a, b));

    /** Loaded terms inside words[from..to] (inclusive), longest first, never overlapping. */
    const loadedIn = (f: Found, from: number, to: number): LoadedTermMatch[] => {
      const hits: LoadedTermMatch[] = [];
      for (let i = from; i <= to; i++) {
        for (const { term, last } of f.terms[i] ?? []) {
          if (last <= to) hits.push({ start: f.words[i].start, end: f.words[last].end, termId: term.id, stance: term.stance });
        }
      }
      if (hits.length < 2) return hits;
      hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const kept: LoadedTermMatch[] = [];
      for (const h of hits) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
      return kept.sort((a, b) => a.start - b.start);
    };
    const loadedAt = (f: Found, i: number) => (f.terms[i] ?? []).some((t) => t.last === i);

    const emit = (f: Found, from: number, to: number, actorId: string, of: Span, form: DescriptorForm): void => {
      if (from > to) return;
      const start = f.words[from].start;
      const end = f.words[to].end;
      const key = `${start}:${end}:${actorId}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ start, end, actorId, of: { start: of.start, end: of.end }, form, normalized: normalize(text.slice(start, end)), loaded: loadedIn(f, from, to) });
    };

    const hasHeadOrLoaded = (f: Found, from: number, to: number) => {
      for (let i = from; i <= to; i++) if (f.head[i] || (f.terms[i] ?? []).some((t) => t.last <= to)) return true;
      return false;
    };

    /**
     * Words right before `at` that modify what starts there: back to a determiner (left out),
     * a stop word, a person's name, punctuation, or maxWords. Returns [from, to] or null.
     */
    const premodifier = (f: Found, first: number, at: number, self: readonly string[], place = false): [number, number] | null => {
      let j = first - 1;
      let edge = at;
      let det = false;
      let count = 0;
      while (j >= 0 && f.words[j].end <= at) {
        if (!tight(f.words[j].end, edge)) break;
        const w = f.lower[j];
        if (lex.determiners.has(w)) {
          det = true;
          break;
        }
        if (lex.stops.has(w)) break;
        const m = f.mentionAt[j];
        if (m && (m.kind === 'person' || m.actorIds.some((id) => self.includes(id)))) break;
        if (count === lex.maxWords) return null;
        count++;
        edge = f.words[j].start;
        j--;
      }
      let from = j + 1;
      const to = first - 1;
      if (from > to || lex.links.has(f.lower[to])) return null;
      // a place named before a noun is mostly that noun's modifier ("the latest Gaza war"):
      // words before a place count only with a head or a loaded term
      if (det && !place) return [from, to];
      if (!hasHeadOrLoaded(f, from, to)) return null;
      if (det) return [from, to];
      // no article to bound it: in languages that have articles, leading lower-case words that
      // are neither heads nor names belong to the clause ("met Hezbollah chief ...")
      if (lex.determiners.size === 0) {
        // no articles: keep at most two words before the first head, the rest is the clause
        let head = from;
        while (head <= to && !f.head[head] && !loadedAt(f, head)) head++;
        from = Math.max(from, head - 2);
      } else {
        while (from <= to && CASED.test(f.words[from].text) && LOWER_START.test(f.words[from].text) && !f.head[from] && !f.mentionAt[from] && !loadedAt(f, from))
          from++;
      }
      return from <= to ? [from, to] : null;
    };

    /** "X, the Lebanese resistance movement," -> the words after the comma, up to a closing mark. */
    const appositive = (f: Found, next: number, after: number, self: readonly string[]): [number, number] | null => {
      if (next >= f.words.length || !APPOSITIVE_OPEN.test(text.slice(after, f.words[next].start))) return null;
      if (f.mentionAt[next]) return null; // a list of names, not a description
      let from = next;
      let det = false;
      if (lex.determiners.has(f.lower[from])) {
        det = true;
        from++;
      }
      let j = from;
      while (j < f.words.length) {
        if (j > from && !tight(f.words[j - 1].end, f.words[j].start)) break;
        if (j - from === lex.maxWords) return null;
        if (lex.stops.has(f.lower[j])) return null;
        const m = f.mentionAt[j];
        if (m && (m.kind === 'person' || m.actorIds.some((id) => self.includes(id)))) return null;
        j++;
      }
      const to = j - 1;
      if (to < from) return null;
      if (!APPOSITIVE_CLOSE.test(text.slice(f.words[to].end, j < f.words.length ? f.words[j].start : f.words[to].end))) return null;
      if (!det && !hasHeadOrLoaded(f, from, to)) return null;
      return [from, to];
    };

    /** Modifiers after the name, ending on a post-head: "Hizbullah örgütü", "حزب الله اللبناني". */
    const postmodifier = (f: Found, next: number, after: number, epithetAt: ReadonlySet<number>): [number, number] | null => {
      if (lex.postHeads.length === 0 || next >= f.words.length || !tight(after, f.words[next].start)) return null;
      let last = -1;
      for (let j = next; j < f.words.length && j - next < POST_WORDS; j++) {
        if (j > next && !tight(f.words[j - 1].end, f.words[j].start)) break;
        if (lex.stops.has(f.lower[j]) || f.mentionAt[j] || epithetAt.has(j)) break;
        if (f.postHead[j]) last = j;
      }
      if (last < 0) return null;
      // "Hamas lideri Haniye": the words describe the person named next, not the name before
      const following = last + 1;
      if (following < f.words.length && f.mentionAt[following] && tight(f.words[last].end, f.words[following].start)) return null;
      return [next, last];
    };

    const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
    let mi = 0;
    for (const sentence of sentences) {
      while (mi < sorted.length && sorted[mi].start < sentence.start) mi++;
      const inSentence: Mention[] = [];
      for (let k = mi; k < sorted.length && sorted[k].start < sentence.end; k++) if (sorted[k].end <= sentence.end) inSentence.push(sorted[k]);
      // most sentences name no one and hold no epithet: not cut into words at all
      if (inSentence.length === 0 && !(ix.epithetProbe && ix.epithetProbe.test(text.slice(sentence.start, sentence.end)))) continue;
      const words = splitElisions(cutWords(text.slice(sentence.start, sentence.end), lex.unspaced, lex.vocabulary, sentence.start), ix.elisions);
      if (words.length === 0) continue;
      const lower = words.map((w) => w.text.toLowerCase());
      const f: Found = {
        words,
        lower,
        mentionAt: new Array(words.length),
        head: lower.map((w) => ix.heads.has(w)),
        postHead: lower.map((w) => ix.postHeads.has(w)),
        terms: new Array(words.length),
      };
      for (let i = 0; i < words.length; i++) {
        for (const term of ix.firstWords.match(lower[i])) {
          const last = i + term.words.length - 1;
          if (last >= words.length) continue;
          let ok = true;
          for (let k = 1; k < term.words.length && ok; k++) ok = lower[i + k].startsWith(term.words[k]) && tight(words[i + k - 1].end, words[i + k].start);
          if (ok) (f.terms[i] ??= []).push({ term, last });
        }
      }
      let wi = 0;
      for (const m of inSentence) {
        while (wi < words.length && words[wi].end <= m.start) wi++;
        for (let k = wi; k < words.length && words[k].start < m.end; k++) if (!f.mentionAt[k]) f.mentionAt[k] = m;
      }
      const firstAtOrAfter = (pos: number) => {
        let lo = 0;
        let hi = words.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (words[mid].start < pos) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };

      // labels that stand for an actor on their own, found first so no modifier runs into them
      const epithets: { term: LoadedTerm; at: number }[] = [];
      const epithetAt = new Set<number>();
      for (let i = 0; i < words.length; i++) {
        for (const { term, last } of f.terms[i] ?? []) {
          if (!term.standsFor) continue;
          let free = true;
          for (let k = i; k <= last && free; k++) free = !f.mentionAt[k];
          if (!free) continue;
          epithets.push({ term, at: i });
          for (let k = i; k <= last; k++) epithetAt.add(k);
        }
      }

      for (const m of inSentence) {
        if (m.via === 'pronoun' || m.via === 'plural' || m.actorIds.length !== 1) continue;
        const actorId = m.actorIds[0];
        const first = firstAtOrAfter(m.start);
        const next = firstAtOrAfter(m.end);
        if (m.via === 'title') {
          // the title is itself the description; its article is left out
          let from = first;
          while (from < next && lex.determiners.has(f.lower[from])) from++;
          emit(f, from, next - 1, actorId, m, 'title');
          continue;
        }
        const pre = premodifier(f, first, m.start, m.actorIds, m.kind === 'place');
        if (pre) emit(f, pre[0], pre[1], actorId, m, 'premodifier');
        const app = appositive(f, next, m.end, m.actorIds);
        if (app) emit(f, app[0], app[1], actorId, m, 'appositive');
        else {
          const post = postmodifier(f, next, m.end, epithetAt);
          if (post) emit(f, post[0], post[1], actorId, m, 'postmodifier');
        }
      }

      // "the illegal Zionist entity": modifiers are taken only up to an article; without one,
      // the clause cannot be told apart from them
      for (const { term, at: i } of epithets) {
        const n = term.words.length;
        const span = { start: words[i].start, end: words[i + n - 1].end };
        const pre = premodifier(f, i, span.start, [term.standsFor!]);
        const withArticle = pre && pre[0] > 0 && lex.determiners.has(f.lower[pre[0] - 1]);
        emit(f, withArticle ? pre[0] : i, i + n - 1, term.standsFor!, span, 'epithet');
      }
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  };
}
