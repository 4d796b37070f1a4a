// Mention detection: knowledge-base aliases over normalized and transliteration-aware keys,
// unknown names from their shape after a title or honorific, surnames of people already named,
// and titles resolved to the role holder on the document's date ("the Hezbollah chief").
import type { ActorKind, DocActor, KbEntry, Mention, Role, Sentence, Span } from '../core/types.ts';
import type { Lexicon } from '../events/lexicon.ts';
import { roleActiveOn, type KnowledgeBase } from './knowledge-base.ts';
import { isHonorific, lightKey, lightTokens, nameTokens, normalizeName, skeletonKey, stemKey } from './name-key.ts';
import { prefixSplits, scriptOf, spellingsAgree } from './match/index.ts';
import { lastWithin, reaching, startingWithin } from '../core/spans-by-start.ts';
import { nameCues } from './name-data.ts';
import { anyMatch } from '../text/any-match.ts';
import { allMatches, matchesOrNull } from '../core/all-matches.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const SHORT_LETTER_GAP = /^[\s\p{L}-]{0,20}$/u;
const COMMA_THEN_CAPITAL = /^[^,.;:!?،]{0,45}[,،]\s*\p{Lu}/u;
const COMMA_CAPITAL_WORD_LOWER = /^[^,.;:!?،]{0,45}[,،]\s*\p{Lu}\p{L}*\s+(?:\p{Ll})/u;
const HAS_DIGIT = /\p{N}/u;
const SPACED_WORD_AFTER = /^[ \u00a0]+([\p{L}\p{M}]+)/u;

export interface WordToken extends Span {
  text: string;
}

export interface DemonymMention extends Span {
  countryId: string;
}

export interface MentionResult {
  mentions: Mention[];
  actors: DocActor[];
  demonyms: DemonymMention[];
}

export interface MentionOptions {
  kb: KnowledgeBase;
  lex: Lexicon;
  lang: string;
  /** the document's publication date (YYYY, YYYY-MM or YYYY-MM-DD), for roles */
  date: string | null;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const UPPER = /^\p{Lu}/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const CASED = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const PARTICLE = /^(?:al|el|ad|as|ar|an|at|az|ash|bin|ben|ibn|bint|abu|de|da|do|dos|van|von|der|la|le|y)$/i;
// capitalized words that open sentences or titles but never names
const STOP = new Set(
  'the a an and or but in on at of for to with from by as this that these those his her their its our we i he she they it after before during when while since also however meanwhile according president minister prime foreign secretary general chief head leader deputy speaker senior the former new us mr mrs ms dr le la les un une et de du des il elle ils der die das und ein eine er sie el los las en con por'.split(
    ' ',
  ),
);

// between a title and the name it introduces: capitalized words and the small words of names
const NAMED_GAP = /^[\s,]*(?:(?:\p{Lu}[\p{L}\p{M}.'’-]*|of|the|de|du|des|la|le|l['’]|der|die|den|dem|von|del|al|el|y|and|et|und)[\s,]*){0,9}$/u;
// between a title and the country or organization after it: nothing, or "of (the)"
const OF_AFTER = /^[\s,]*(?:(?:of|de|des|du|der|von|del)\s+(?:(?:the|la|le|l['’])\s*)?[\p{L}\s-]{0,25})?$/iu;
const DEPUTY = /(?:deputy|vice|former|ex|acting|adjoint|adjointe|ancien|ancienne|stellvertretende[rn]?|ehemalige[rn]?|vice-|заместитель|бывший)[\s-]*$/iu;

// The words of a sentence are asked for by mention detection, then again by event extraction
// (and date resolution, corrections) for the same sentences of the same text: cut once. The
// tokens of the last text asked about are kept, by span; a new text drops them. Callers read
// the arrays and tokens, never change them (a cached array is handed to every caller).
let tokensText: string | null = null;
let tokensBySpan = new Map<number, WordToken[]>();

export function wordTokens(text: string, span: Span): WordToken[] {
  // start and end as one number, for spans below 2^26 (any text of news size; longer: uncached)
  if (span.end >= 0x4000000) return cutWordTokens(text, span);
  if (text !== tokensText) {
    tokensText = text;
    tokensBySpan = new Map();
  }
  const key = span.start * 0x4000000 + span.end;
  let toks = tokensBySpan.get(key);
  if (!toks) tokensBySpan.set(key, (toks = cutWordTokens(text, span)));
  return toks;
}

function cutWordTokens(text: string, span: Span): WordToken[] {
  const out: WordToken[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (const m of allMatches(WORD, slice)) {
    const start = span.start + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

function joinable(text: string, a: WordToken, b: WordToken): boolean {
  const gap = text.slice(a.end, b.start);
  return /^[ \u00a0\-‐'’.]{1,3}$/u.test(gap) && !/\.\s/.test(gap);
}

function nameLike(tok: WordToken): boolean {
  return !CASED.test(tok.text) || UPPER.test(tok.text);
}

// particles before a father's name (not name-parts.json's 'filiation', which also takes Russian
// patronymics: those are the father's name itself, and the surname follows them)
const FILIATION = /^(?:bin|ibn|bint|binti)$/i;
// particles that join a name to what follows and so never end one: "bin Hamad Al" is not a name
const TRAILING_PARTICLE = /^(?:al|el|bin|ibn|bint|abu|de|da|dos|van|von|der)$/i;
// particles that are also everyday words: they open a name only when hyphenated (as-Sadr)
const COMMON_PARTICLE = /^(?:as|at|an|ad|ar|az|la|le|y|der|do)$/i;

/** The places a place lies within, nearest first (Beirut -> [lebanon]); lets merging compare places. */
function placeChain(entries: ReadonlyMap<string, KbEntry>, id: string): string[] {
  const chain: string[] = [];
  for (let next = entries.get(id)?.within; next && next !== id && !chain.includes(next); next = entries.get(next)?.within) {
    chain.push(next);
  }
  return chain;
}

const KIND_ORDER: Record<ActorKind, number> = { person: 0, organization: 1, place: 2 };

export interface UnspacedMatch {
  at: number;
  alias: string;
  id: string;
}

/**
 * Aliases of unspaced scripts found in `text`, leftmost-longest and never overlapping: a name
 * nested inside a longer one (查韦斯 inside 罗德里戈·查韦斯, 德里 inside 勒德里昂) is not a match.
 */
export function unspacedMatches(text: string, aliases: ReadonlyArray<{ alias: string; id: string }>): UnspacedMatch[] {
  const all: UnspacedMatch[] = [];
  for (const { alias, id } of aliases)
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) all.push({ at, alias, id });
  all.sort((a, b) => a.at - b.at || b.alias.length - a.alias.length);
  const out: UnspacedMatch[] = [];
  let end = 0;
  for (const m of all) {
    const last = out.at(-1);
    // the same alias under several ids: each keeps its mention
    if (m.at < end && !(last && last.at === m.at && last.alias === m.alias)) continue;
    out.push(m);
    end = m.at + m.alias.length;
  }
  return out;
}

export function detectMentions(text: string, sentences: Sentence[], options: MentionOptions): MentionResult {
  const { kb, lex, lang, date } = options;
  const mentions: Mention[] = [];
  const demonyms: DemonymMention[] = [];
  const actors = new Map<string, DocActor>();
  // surnames of people named so far: last light token -> actor id
  const surnames = new Map<string, string>();
  // the same surnames by skeleton, in the order first named: a text naming thousands of people
  // compares a word with the few of its skeleton, not with every surname
  const surnamesBySkeleton = new Map<string, string[]>();
  const addSurname = (surname: string, id: string): void => {
    if (!surnames.has(surname)) {
      const skel = skeletonKey(surname, lang);
      const same = surnamesBySkeleton.get(skel);
      if (same) same.push(surname);
      else surnamesBySkeleton.set(skel, [surname]);
    }
    surnames.set(surname, id);
  };

  // every part of a full name written in the document -> the people it is a part of: "Xi" alone
  // after "Xi Jinping" is him (family name first), "Sisi" after "Abdel Fattah al-Sisi" too.
  // Not the father's name after bin/ibn (Hamad in Tamim bin Hamad), not honorifics or particles;
  // in scripts without capitals, where every word looks like a name, the last part only; for
  // people found by their shape too (the surnames above), whose run of capitalized words may
  // hold a word that is no part of the name.
  const parts = new Map<string, Set<string>>();
  const addParts = (alias: string, id: string, fromKb: boolean): void => {
    const words = nameTokens(alias);
    if (words.length < 2) return;
    const light = new Set(lightTokens(alias));
    const cased = CASED.test(alias);
    words.forEach((w, k) => {
      const lastOnly = !cased || !fromKb;
      if (!light.has(w) || w.length < 2 || (k > 0 && FILIATION.test(words[k - 1])) || (lastOnly && k < words.length - 1)) return;
      if (!cased && w.length < 4) return;
      const ids = parts.get(w);
      if (ids) ids.add(id);
      else parts.set(w, new Set([id]));
    });
  };
  /** the one person of the document a lone word is a part of the name of, or null */
  const partOf = (word: string): string | null => {
    const key = normalizeName(word);
    const ids = parts.get(key);
    if (ids?.size !== 1) return null;
    // a word that names a place or an organization as written is that (Jordan, not Jordan Bardella)
    if (kb.byName.get(key)?.some((id) => kb.entries.get(id)?.kind !== 'person')) return null;
    return [...ids][0];
  };

  const note = (id: string, kind: ActorKind, name: string, alias: string, fromKb: boolean): void => {
    const known = actors.get(id);
    if (known) {
      if (!known.aliases.includes(alias)) known.aliases.push(alias);
    } else {
      const type = kb.entries.get(id)?.type;
      const placeType = kind === 'place' && (type === 'country' || type === 'region' || type === 'city' || type === 'venue') ? type : undefined;
      const within = kind === 'place' ? placeChain(kb.entries, id) : [];
      actors.set(id, { id, kind, name, aliases: [alias], fromKb, ...(placeType ? { placeType } : {}), ...(within.length ? { within } : {}) });
    }
    if (kind === 'person') {
      const tokens = lightTokens(alias);
      if (tokens.length >= 2) addSurname(tokens[tokens.length - 1], id);
      const canon = lightTokens(name);
      if (canon.length >= 2) addSurname(canon[canon.length - 1], id);
      addParts(alias, id, actors.get(id)!.fromKb);
    }
  };

  const choose = (ids: string[]): KbEntry | null => {
    const entries = ids.map((id) => kb.entries.get(id)).filter((e): e is KbEntry => !!e);
    if (!entries.length) return null;
    const seen = entries.filter((e) => actors.has(e.id));
    const pool = seen.length ? seen : entries;
    return [...pool].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])[0];
  };

  // exactOnly: a window whose first word is a short piece cut out of a longer word (a proclitic
  // split off) is a name only as written: "كأس العالم" (the World Cup) is no spelling of al-Alimi
  const lookup = (window: string, n: number, exactOnly = false): KbEntry | null => {
    const norm = normalizeName(window);
    const stem = stemKey(window);
    const exact = kb.byName.get(norm) ?? kb.byLight.get(lightKey(window)) ?? (stem ? kb.byStem.get(stem) : undefined);
    if (exact) return choose(exact);
    if (exactOnly || (n < 2 && norm.length < 6)) return null;
    const skel = skeletonKey(window, lang);
    const cands = kb.bySkeleton.get(skel);
    if (!cands) return null;
    // unspaced scripts have no skeleton reading: "和 Putin" would be read as "Putin"
    if (UNSPACED_SCRIPT.test(window)) return null;
    // a Latin window is compared with Latin aliases only: other scripts are bridged towards Latin
    const native = !!scriptOf(window);
    const ok = cands.filter((c) => (native || !scriptOf(c.alias)) && spellingsAgree(window, c.alias, lang)).map((c) => c.id);
    if (!ok.length) return null;
    // a name in another script bridged only by its transliteration: one candidate or none
    if (native && new Set(ok).size > 1) return null;
    const entry = choose([...new Set(ok)]);
    // a lone word matched only by spelling must name someone already in the document (a particle
    // beside it adds no letters: "ראשונה בין", "the first between", is one word to the skeleton)
    if (entry && (n < 2 || !skel.includes(' ')) && !actors.has(entry.id)) return null;
    return entry;
  };

  // some alias begins with this word (as written, by stem or by skeleton)
  const opensName = (word: string): boolean =>
    kb.starts.has(normalizeName(word)) || kb.starts.has(stemKey(word) ?? '') || kb.starts.has('~' + skeletonKey(word, lang));

  const cueAtEnd = lex.titleCue ? new RegExp(`(?:${lex.titleCue.source})[\\s,]*$`, 'iu') : null;
  const isMonthOrDay = (t: string): boolean => lex.weekdays.some((re) => re.test(t)) || lex.months.some((re) => re.test(t));

  const cues = nameCues(lex);
  // people found by their shape with the role their document gives them, for titles later on
  const foundHolders: DocActor[] = [];

  /** countries and organizations a title at start..end is of, nearest first: named just before or after it, or a demonym */
  const ofsNear = (start: number, end: number, sentence: Span): string[] => {
    const windowBefore = { start: Math.max(sentence.start, start - 45), end: start };
    const windowAfter = { start: end, end: Math.min(sentence.end, end + 45) };
    // each with how far it stands from the title
    const ofs: Array<{ id: string; gap: number }> = [];
    for (const mm of startingWithin(mentions, windowBefore.start, windowAfter.end)) {
      if (mm.kind !== 'organization' && mm.kind !== 'place') continue;
      if (mm.start >= windowBefore.start && mm.end <= windowBefore.end) ofs.push({ id: mm.actorIds[0], gap: start - mm.end });
      // after the title: right after it (Außenminister Irans) or joined by "of" (President of the Palestinian Authority)
      else if (mm.start >= windowAfter.start && mm.end <= windowAfter.end && OF_AFTER.test(text.slice(end, mm.start))) ofs.push({ id: mm.actorIds[0], gap: mm.start - end });
    }
    for (const d of startingWithin(demonyms, windowBefore.start, end + 3)) {
      if (d.start >= windowBefore.start && d.end <= windowBefore.end && SHORT_LETTER_GAP.test(text.slice(d.end, start))) ofs.push({ id: d.countryId, gap: start - d.end });
      else if (d.start >= end && d.start - end <= 3) ofs.push({ id: d.countryId, gap: d.start - end });
    }
    // the nearest names the title: "China leader will be in Russia" is China's
    return [...new Set(ofs.sort((a, b) => a.gap - b.gap).map((o) => o.id))];
  };

  /** a mention taken back (a longer name holds it); its actor goes too when nothing else names it */
  const drop = (m: Mention): void => {
    const at = mentions.lastIndexOf(m);
    if (at >= 0) mentions.splice(at, 1);
    for (const id of m.actorIds) if (!mentions.some((o) => o.actorIds.includes(id))) actors.delete(id);
  };

  /** an unknown person named by its shape, with the title that introduced it (a known one under another spelling is that one) */
  const foundPerson = (start: number, end: number, title: { start: number; end: number; role: string | null } | null, sentence: Span): void => {
    const name = text.slice(start, end);
    const known = kb.matchPerson(name, lang);
    if (known) {
      mentions.push({ start, end, actorIds: [known.id], kind: 'person', via: 'alias' });
      note(known.id, 'person', known.name, name, true);
      return;
    }
    const id = `found:${lightTokens(name).join('-')}`;
    mentions.push({ start, end, actorIds: [id], kind: 'person', via: 'shape' });
    note(id, 'person', name, name, false);
    const actor = actors.get(id)!;
    // the role the document gives: "presidente de España", "the Spanish prime minister"
    if (title?.role && title.role !== 'counterpart' && !actor.fromKb && !actor.role) {
      const of = ofsNear(title.start, title.end, sentence).find((o) => kb.entries.get(o)?.kind !== 'person');
      const role: Role = of ? { role: title.role, of } : { role: title.role };
      actor.role = role;
      foundHolders.push(actor);
    }
  };

  // the words between a name's comma and its title: articles, possessives, demonyms, modifiers
  // (data: names.json appositionWords), a country or organization named ("Türkiye Cumhurbaşkanı")
  const APPOSITION_COMMA = /[^\S\n]*[,،][^\S\n]*/y;
  const GENITIVE = /['’]s?(?![\p{L}\p{M}])/uy;

  /**
   * Unknown people introduced by a title anywhere around the name, once the sentence's known
   * names are found: "Pedro Sánchez, el presidente de España", "el Presidente de España, Pedro
   * Sánchez", "глава МИД Сергей Лавров"; in scripts without capitals, after a title only.
   */
  const appositions = (sentence: Sentence, toks: WordToken[], from: number): void => {
    if (toks.length < 2) return;
    const own = mentions.slice(from).sort((a, b) => a.start - b.start);
    // owner[k]: the mention covering token k
    const owner = new Array<Mention | undefined>(toks.length);
    for (let k = 0, m = 0; k < toks.length; k++) {
      while (m < own.length && own[m].end <= toks[k].start) m++;
      for (let q = m; q < own.length && own[q].start < toks[k].end; q++) if (own[q].end > toks[k].start) owner[k] = own[q];
    }
    // a name needs two words of its shape, or one before a person's lone alias: without them
    // (most sentences) nothing below can find one, and its helpers are not built
    let shaped = 0;
    for (let k = 0; k < toks.length && shaped < 2; k++) {
      const w = toks[k].text;
      if (!owner[k] && CASED.test(w) && UPPER.test(w) && w.length >= 2 && !ACRONYM.test(w) && !STOP.has(w.toLowerCase())) shaped++;
    }
    if (!cues.nameStops.size && (shaped === 0 || (shaped === 1 && !owner.some((o) => o?.kind === 'person')))) return;
    const norm = (k: number): string => normalizeName(toks[k].text);
    // titles where asked only (most words are never asked about), each place once
    const titleMemo = new Map<number, { end: number; role: string | null } | null>();
    const titles = {
      get(at: number): { end: number; role: string | null } | null {
        let t = titleMemo.get(at);
        if (t === undefined) titleMemo.set(at, (t = cues.titleAt(text, at)));
        return t;
      },
    };
    // token k is part of a title starting at it or at one of the two words before
    const inTitle = (k: number): boolean => {
      for (let q = k; q >= Math.max(0, k - 2); q--) if ((titles.get(toks[q].start)?.end ?? 0) > toks[k].start) return true;
      return false;
    };
    // asked several times per word: remembered for the sentence
    const nameWords = new Array<boolean | undefined>(toks.length);
    const nameWord = (k: number): boolean =>
      (nameWords[k] ??=
        !owner[k] &&
        CASED.test(toks[k].text) &&
        UPPER.test(toks[k].text) &&
        toks[k].text.length >= 2 &&
        !ACRONYM.test(toks[k].text) &&
        !STOP.has(toks[k].text.toLowerCase()) &&
        !kb.demonyms.has(norm(k)) &&
        !cues.notNames.has(norm(k)) &&
        !isHonorific(toks[k].text) &&
        !isMonthOrDay(toks[k].text) &&
        !inTitle(k));
    const particle = (k: number): boolean => !owner[k] && cues.particles.has(norm(k));
    // an allowed word between a comma and a title: the index after it (a whole mention), or -1
    const linkWord = (k: number): number => {
      const m = owner[k];
      if (m && (m.kind === 'place' || m.kind === 'organization')) {
        let q = k;
        while (q + 1 < toks.length && owner[q + 1] === m) q++;
        return q + 1;
      }
      if (m) return -1;
      const w = toks[k].text;
      const n = norm(k);
      if (lex.words.articles.has(w.toLowerCase()) || cues.appositionWords.has(n) || kb.demonyms.has(n)) return k + 1;
      if (cues.possessiveWord?.test(w)) return k + 1;
      return -1;
    };
    // the title right after "Name, ": its span and role key, or null
    const titleAfter = (j: number): { start: number; end: number; role: string | null } | null => {
      APPOSITION_COMMA.lastIndex = toks[j].end;
      if (!APPOSITION_COMMA.test(text)) return null;
      let at = APPOSITION_COMMA.lastIndex;
      let k = j + 1;
      for (let step = 0; step < 5 && at < sentence.end; step++) {
        const t = titles.get(at);
        if (t) {
          // "..., Pedro Sánchez, el primer ministro de Canadá, Justin Trudeau": a title that opens the next name is not this one's
          const rest = text.slice(t.end, Math.min(sentence.end, t.end + 60));
          if (COMMA_THEN_CAPITAL.test(rest) && !COMMA_CAPITAL_WORD_LOWER.test(rest)) {
            const next = rest.match(/^[^,.;:!?،]{0,45}[,،]\s*/u)![0].length;
            const q = toks.findIndex((tk) => tk.start === t.end + next);
            if (q >= 0 && q + 1 < toks.length && nameWord(q) && nameWord(q + 1) && joinable(text, toks[q], toks[q + 1])) return null;
          }
          return { start: at, end: t.end, role: t.role };
        }
        while (k < toks.length && toks[k].start < at) k++;
        if (k >= toks.length || toks[k].start !== at) return null;
        const after = linkWord(k);
        if (after < 0) return null;
        at = toks[after - 1].end;
        GENITIVE.lastIndex = at;
        if (GENITIVE.test(text)) at = GENITIVE.lastIndex;
        const gap = /^[\s'’]*/u.exec(text.slice(at, at + 4))![0].length;
        at += gap;
        k = after;
      }
      return null;
    };
    // a title with what it is of and a comma before the name: "el Presidente de España, "
    const titleBefore = (k: number): { start: number; end: number; role: string | null } | null => {
      // a comma right before the name: back over at most eight words to a title, with only
      // "of" and what it is of between the title and the comma
      if (k > 0 && /^[^\S\n]*[,،][^\S\n]*$/.test(text.slice(toks[k - 1].end, toks[k].start))) {
        const comma = toks[k - 1].end;
        let found: { start: number; end: number; role: string | null } | null = null;
        for (let q = k - 1; q >= Math.max(0, k - 8); q--) {
          if (q < k - 1 && /[,.;:!?()«»"“”،]/.test(text.slice(toks[q].end, toks[q + 1].start))) break;
          const t = titles.get(toks[q].start);
          if (!t || t.end > comma) continue;
          // a longer title holding the one found ("primer ministro" holds "ministro") replaces it
          if (found && t.end < found.end) continue;
          const gap = text.slice(t.end, comma);
          if (!/\S/.test(gap) || cues.ofGap?.test(gap)) found = { start: toks[q].start, end: t.end, role: t.role };
        }
        if (found) return found;
      }
      // no comma: a title, then only countries, organizations, demonyms or acronyms (глава МИД Сергей Лавров)
      if (!cueAtEnd) return null;
      let q = k - 1;
      let skipped = 0;
      while (q >= 0 && skipped < 4 && /^[^\S\n]+$/.test(text.slice(toks[q].end, toks[q + 1].start))) {
        const m = owner[q];
        if (m && m.kind !== 'person') while (q >= 0 && owner[q] === m) q--;
        else if (!m && (kb.demonyms.has(norm(q)) || ACRONYM.test(toks[q].text))) q--;
        else break;
        skipped++;
      }
      if (!skipped) return null;
      // where the words between the title and the name begin
      const stop = toks[q + 1].start;
      const before = text.slice(Math.max(sentence.start, stop - 40), stop);
      const cue = cueAtEnd.exec(before);
      if (!cue) return null;
      const start = stop - before.length + cue.index;
      const t = titles.get(start);
      return { start, end: t?.end ?? start + cue[0].trimEnd().length, role: t?.role ?? null };
    };
    let k = 0;
    while (k < toks.length) {
      if (!nameWord(k)) {
        k++;
        continue;
      }
      // a run of name words joined by spaces, hyphens or particles: Luiz Inácio Lula da Silva
      let j = k;
      let words = 1;
      for (;;) {
        let q = j + 1;
        while (q < toks.length && particle(q) && joinable(text, toks[q - 1], toks[q])) q++;
        if (q < toks.length && joinable(text, toks[q - 1], toks[q]) && nameWord(q)) {
          j = q;
          words++;
        } else break;
      }
      // "Juan Carlos Ortega": unknown given names before a word that alone is a known person's
      // alias are one longer name, not that person
      let lone: Mention | undefined;
      const next = j + 1 < toks.length ? owner[j + 1] : undefined;
      if (
        next &&
        next.kind === 'person' &&
        next.via === 'alias' &&
        next.start === toks[j + 1].start &&
        next.end === toks[j + 1].end &&
        UPPER.test(toks[j + 1].text) &&
        joinable(text, toks[j], toks[j + 1])
      ) {
        lone = next;
        j++;
        words++;
      }
      if (words >= 2 && words <= 5) {
        const title = titleBefore(k) ?? titleAfter(j);
        if (title) {
          if (lone) drop(lone);
          foundPerson(toks[k].start, toks[j].end, title, sentence);
        } else if (lone) j--;
      } else if (lone) j--;
      k = j + 1;
    }
    if (cues.nameStops.size) {
      const all = cues.titlesIn(text, toks.map((t) => t.start));
      if (all.size) uncasedAfterTitle(sentence, toks, owner, all);
    }
  };

  // a word that begins with the language's article, written joined (Arabic ال, Hebrew ה)
  const joinedArticles = lex.words.articles.size ? [...lex.words.articles].filter((a) => !/\s/.test(a)) : [];
  const hasArticle = (word: string): boolean => joinedArticles.some((a) => word.length > a.length + 1 && word.startsWith(a));
  // the article may follow a proclitic: والوفد (and the delegation)
  const withArticle = (word: string): boolean => hasArticle(word) || prefixSplits(word).some(({ offset, restore }) => hasArticle(restore + word.slice(offset)));
  // a title may follow a proclitic too: وولي العهد (and the crown prince)
  // (tested on the text from the split on: titles begin at a word boundary)
  const titleInside = (t: WordToken): boolean =>
    cues.titleStartsAt(text, t.start) || prefixSplits(t.text).some(({ offset }) => cues.titleStartsAt(text.slice(t.start + offset, t.end + 40), 0));

  /**
   * Scripts without capitals, where any word may be a name: two to four words right after a
   * title, past demonyms, named countries and the title's own complement (words with the
   * joined article: "وزير المالية"), ended by a stop word of the language (names.json
   * nameStops), a title, a known name or punctuation: "استقبل وزير المالية أحمد خالد في ...".
   */
  const uncasedAfterTitle = (sentence: Sentence, toks: WordToken[], owner: Array<Mention | undefined>, titles: ReturnType<typeof cues.titlesIn>): void => {
    const norm = (k: number): string => normalizeName(toks[k].text);
    const plain = (k: number): boolean =>
      !owner[k] &&
      !CASED.test(toks[k].text) &&
      !UNSPACED_SCRIPT.test(toks[k].text) &&
      !HAS_DIGIT.test(toks[k].text) &&
      !cues.nameStops.has(norm(k)) &&
      !cues.notNames.has(norm(k)) &&
      // "נשיא המדינה בחודש יולי": a month or a weekday after a title is when, not who
      !isMonthOrDay(toks[k].text) &&
      !kb.demonyms.has(norm(k)) &&
      !isHonorific(toks[k].text) &&
      !titles.has(toks[k].start) &&
      !titleInside(toks[k]);
    const spaced = (a: number, b: number): boolean => /^[^\S\n]+$/.test(text.slice(toks[a].end, toks[b].start));
    let done = 0;
    for (const [start, { end, role }] of titles) {
      // the word after the title, then past a few words it is of
      let k = done;
      while (k < toks.length && toks[k].start < end) k++;
      if (k >= toks.length || k === 0 || !/^[^\S\n]+$/.test(text.slice(end, toks[k].start))) continue;
      for (let steps = 0; steps < 3 && k < toks.length; steps++) {
        const m = owner[k];
        if (m && m.kind !== 'person') {
          while (k < toks.length && owner[k] === m) k++;
        } else if (!m && (kb.demonyms.has(norm(k)) || withArticle(toks[k].text)) && !titles.has(toks[k].start)) k++;
        else break;
        if (k < toks.length && !spaced(k - 1, k)) k = toks.length;
      }
      if (k >= toks.length || !plain(k) || withArticle(toks[k].text)) continue;
      let j = k;
      while (j + 1 < toks.length && j - k < 4 && spaced(j, j + 1) && plain(j + 1)) j++;
      // more than four plain words on end: no name's end in sight
      if (j > k && j - k < 4) {
        foundPerson(toks[k].start, toks[j].end, { start, end, role }, sentence);
        done = j + 1;
      }
    }
  };

  // the sentence read now, for the tests below: they are made once per document, not per
  // sentence (under tsx (the loader before src/runtime/) each named closure is wrapped in esbuild's __name(), a defineProperty of
  // about a microsecond every time it is created)
  let toks: WordToken[] = [];
  let run: number[] = [];
  let unspaced: UnspacedMatch[] = [];
  let sentenceStart = 0;
  // a word inside a Han name already found is not looked up again
  const covered = (t: WordToken): boolean => unspaced.some((u) => sentenceStart + u.at < t.end && t.start < sentenceStart + u.at + u.alias.length);
  // "Ahmed bin Hamad": what follows a name and "bin" is the father's name inside a longer
  // name, not a mention of someone called Hamad
  const fatherOf = (k: number): boolean =>
    k >= 1 &&
    FILIATION.test(toks[k].text) &&
    UPPER.test(toks[k - 1].text) &&
    !isHonorific(toks[k - 1].text) &&
    !kb.demonyms.has(normalizeName(toks[k - 1].text)) &&
    joinable(text, toks[k - 1], toks[k]);
  // tokens to skip before a known name that starts k tokens into the n-token match at i and
  // ends after it; 0 when there is none
  const longerInside = (i: number, n: number): number => {
    for (let k = 1; k < n; k++) {
      const j = i + k;
      if (run[j] <= n - k || !nameLike(toks[j]) || !opensName(toks[j].text)) continue;
      for (let m = Math.min(kb.maxTokens, run[j]); m > n - k; m--) {
        const last = toks[j + m - 1];
        if (nameLike(last) && lookup(text.slice(toks[j].start, last.end), m)) return k;
      }
    }
    return 0;
  };
  for (const sentence of sentences) {
    toks = wordTokens(text, sentence);
    sentenceStart = sentence.start;
    const sentText = text.slice(sentence.start, sentence.end);
    const sentenceFirst = mentions.length;
    // Han and other unspaced scripts: substring search of their aliases, leftmost-longest
    unspaced = kb.unspaced.length && /[\p{Script=Han}]/u.test(sentText) ? unspacedMatches(sentText, kb.unspaced) : [];
    for (const { at, alias, id } of unspaced) {
      const e = kb.entries.get(id)!;
      mentions.push({ start: sentence.start + at, end: sentence.start + at + alias.length, actorIds: [id], kind: e.kind, via: 'alias' });
      note(id, e.kind, e.name, alias, true);
    }
    // run[i]: how many tokens from i on are joined into one possible name (no comma, no stop)
    run = new Array<number>(toks.length).fill(1);
    for (let k = toks.length - 2; k >= 0; k--) if (joinable(text, toks[k], toks[k + 1])) run[k] = run[k + 1] + 1;
    let i = 0;
    while (i < toks.length) {
      const tok = toks[i];
      if (unspaced.length && covered(tok)) {
        i++;
        continue;
      }
      const lower = tok.text.toLowerCase();
      // demonyms may be written in lower case (libanais, turc)
      const demonym = kb.demonyms.get(normalizeName(tok.text));
      // a lower-case word opens a name only as a name particle: al-Arouri, bin Salman, de Gaulle
      const particleStart =
        PARTICLE.test(tok.text) &&
        i + 1 < toks.length &&
        UPPER.test(toks[i + 1].text) &&
        (!COMMON_PARTICLE.test(tok.text) || /^[-‐]$/.test(text.slice(tok.end, toks[i + 1].start)));
      if (fatherOf(i) || (fatherOf(i - 1) && joinable(text, toks[i - 1], tok))) {
        i++;
        continue;
      }
      if (!nameLike(tok) && !particleStart) {
        if (demonym) demonyms.push({ start: tok.start, end: tok.end, countryId: demonym });
        i++;
        continue;
      }
      let matched = 0;
      // tokens left out before a longer name that starts inside a match
      let skip = 0;
      // the word as written, then without a joined prefix (Arabic و ب ل ك ف + ال, Hebrew ו ה ב ל מ ש כ):
      // the prefix stays outside the span
      const starts = [{ offset: 0, restore: '' }, ...(nameLike(tok) && !CASED.test(tok.text) ? prefixSplits(tok.text) : [])];
      for (const { offset, restore } of starts) {
        if (matched || skip) break;
        const head = restore + tok.text.slice(offset);
        // no alias begins with this word: skip the window lookups
        const mayStart = opensName(head) || (!offset && (isHonorific(tok.text) || particleStart)) || (parts.size > 0 && !!partOf(head));
        for (let n = mayStart ? Math.min(kb.maxTokens, run[i]) : 0; n >= 1 && !matched; n--) {
          const last = toks[i + n - 1];
          if (!nameLike(last) || (n > 1 && TRAILING_PARTICLE.test(last.text))) continue;
          const window = text.slice(tok.start + offset, last.end);
          // a part of a name written in full before, alone (no longer known name starts here):
          // that person, before any other reading ("Xi" after "Xi Jinping", "Sisi")
          const partId = n === 1 && parts.size && !STOP.has(head.toLowerCase()) ? partOf(head) : null;
          if (partId) {
            const a = actors.get(partId)!;
            mentions.push({ start: tok.start + offset, end: last.end, actorIds: [partId], kind: 'person', via: 'surname' });
            note(partId, 'person', a.name, window, a.fromKb);
            matched = 1;
            break;
          }
          if (n === 1) {
            if (head.length <= 3 && head !== head.toUpperCase()) continue;
            if (isMonthOrDay(head) || STOP.has(head.toLowerCase())) continue;
          }
          if (isHonorific(toks[i].text) && n === 1) continue;
          // a split-off word too short to be a name by itself ("كأس" -> "أس") is a name only as written
          const exactOnly = offset > 0 && normalizeName(head).length < 3;
          const entry = restore ? (lookup(restore + window, n, exactOnly) ?? lookup(window, n, exactOnly)) : lookup(window, n, exactOnly);
          if (!entry) continue;
          // a longer name that starts inside this one wins: "Emir Tamim bin Hamad Al Thani" is
          // not the alias "Emir Tamim" followed by "bin Hamad Al" and "Thani"
          skip = longerInside(i, n);
          if (skip) break;
          // a window that starts with an honorific keeps the honorific out of the span
          let start = tok.start + offset;
          for (let k = i; k < i + n - 1 && isHonorific(toks[k].text); k++) start = toks[k + 1].start;
          mentions.push({ start, end: last.end, actorIds: [entry.id], kind: entry.kind, via: 'alias' });
          note(entry.id, entry.kind, entry.name, text.slice(start, last.end), true);
          matched = n;
        }
      }
      if (matched || skip) {
        i += matched || skip;
        continue;
      }
      if (demonym) {
        demonyms.push({ start: tok.start, end: tok.end, countryId: demonym });
        i++;
        continue;
      }
      // a surname of someone already named
      const key = lightKey(tok.text);
      if (UPPER.test(tok.text) && key.length >= 3 && !STOP.has(lower)) {
        let id = surnames.get(key);
        if (!id) {
          // the skeleton first (cheap), the matcher then decides
          const skel = skeletonKey(tok.text, lang);
          for (const s of surnamesBySkeleton.get(skel) ?? []) if (spellingsAgree(tok.text, s, lang)) id = surnames.get(s);
        }
        if (id) {
          const a = actors.get(id)!;
          mentions.push({ start: tok.start, end: tok.end, actorIds: [id], kind: 'person', via: 'surname' });
          note(id, 'person', a.name, tok.text, a.fromKb);
          i++;
          continue;
        }
      }
      // an unknown name after a title or honorific: "Speaker Nabih Bari", "Sheikh Naim Qassem"
      const before = text.slice(Math.max(sentence.start, tok.start - 40), tok.start);
      const cued = (cueAtEnd && cueAtEnd.test(before)) || (i > 0 && isHonorific(toks[i - 1].text));
      // an acronym after a title is what it is of, not a name: "глава МИД Казахстана ..."
      if (cued && UPPER.test(tok.text) && !STOP.has(lower) && !ACRONYM.test(tok.text)) {
        let j = i;
        while (
          j + 1 < toks.length &&
          j - i < 3 &&
          (UPPER.test(toks[j + 1].text) || PARTICLE.test(toks[j + 1].text)) &&
          joinable(text, toks[j], toks[j + 1]) &&
          !kb.byName.has(normalizeName(toks[j + 1].text)) &&
          !kb.byStem.has(stemKey(toks[j + 1].text) ?? '')
        )
          j++;
        while (j > i && PARTICLE.test(toks[j].text)) j--;
        // "Racep Tayyeb Erdogan": unknown given names before a known surname name that person
        const next = toks[j + 1];
        if (next && joinable(text, toks[j], next) && UPPER.test(next.text)) {
          // (a surname in an oblique case by its stem: "... Владимиром Путиным")
          const known = (kb.byName.get(normalizeName(next.text)) ?? kb.byStem.get(stemKey(next.text) ?? ''))?.map((id) => kb.entries.get(id)!).filter((e) => e.kind === 'person');
          if (known?.length === 1) {
            mentions.push({ start: tok.start, end: next.end, actorIds: [known[0].id], kind: 'person', via: 'alias' });
            note(known[0].id, 'person', known[0].name, text.slice(tok.start, next.end), true);
            i = j + 2;
            continue;
          }
        }
        if (j > i && toks.slice(i, j + 1).every((t) => !STOP.has(t.text.toLowerCase()) && !isMonthOrDay(t.text))) {
          const name = text.slice(tok.start, toks[j].end);
          // a known person under a spelling no alias has (Ziad Nakhalah Abu Tarek): the matcher decides
          const known = kb.matchPerson(name, lang);
          if (known) {
            mentions.push({ start: tok.start, end: toks[j].end, actorIds: [known.id], kind: 'person', via: 'alias' });
            note(known.id, 'person', known.name, name, true);
            i = j + 1;
            continue;
          }
          const id = `found:${lightTokens(name).join('-')}`;
          mentions.push({ start: tok.start, end: toks[j].end, actorIds: [id], kind: 'person', via: 'shape' });
          note(id, 'person', name, name, false);
          i = j + 1;
          continue;
        }
      }
      i++;
    }
    appositions(sentence, toks, sentenceFirst);
  }

  // titles: "the Hezbollah chief", "the Iranian foreign minister", "le président turc"
  const personMentions = mentions.filter((m) => m.kind === 'person');
  // split once, not per title: long texts hold thousands of mentions
  const qualifiers = mentions.filter((m) => m.kind !== 'person');
  const titleMentions: Mention[] = [];

  /** `text` from..to with demonyms and named countries and organizations blanked out */
  const blankQualifiers = (from: number, to: number): string => {
    let out = text.slice(from, to);
    const spans: Span[] = [...startingWithin(demonyms, from, to), ...startingWithin(qualifiers, from, to)];
    for (const sp of spans)
      if (sp.start >= from && sp.end <= to) out = out.slice(0, sp.start - from) + ' '.repeat(sp.end - sp.start) + out.slice(sp.end - from);
    return out;
  };

  /** the capitalized word right after a title, when it is no known place, organization, demonym or date */
  const nextWord = (from: number, limit: number): WordToken | null => {
    const m = SPACED_WORD_AFTER.exec(text.slice(from, limit));
    if (!m) return null;
    const word = m[1];
    const start = from + m[0].length - word.length;
    if (!CASED.test(word) || !UPPER.test(word) || word.length < 3 || STOP.has(word.toLowerCase()) || isMonthOrDay(word)) return null;
    if (kb.demonyms.has(normalizeName(word))) return null;
    if (reaching(mentions, start, start + word.length).some((mm) => mm.start < start + word.length && start < mm.end)) return null;
    return { start, end: start + word.length, text: word };
  };

  const sameSurname = (word: string, person: KbEntry): boolean =>
    [person.name, ...person.aliases].some((alias) => {
      const last = lightTokens(alias).at(-1);
      return !!last && !scriptOf(alias) && (last === lightKey(word) || spellingsAgree(word, last, lang));
    });

  /** who holds the title `role` found at start..end: of the country or organization it names, nearest first */
  const titleHolder = (role: string, start: number, end: number, sentence: Sentence): KbEntry | null => {
    // who it is of: an organization or country named, or a demonym, just before or after
    const ofIds = ofsNear(start, end, sentence);
    if (!ofIds.length) return null;
    // "his Iranian counterpart": the same office as the person just named, in that country
    let roles = role === 'leader' ? lex.leaderRoles : [role];
    if (role === 'counterpart') {
      const owner = lastWithin(personMentions, sentence.start, start, (p) => p.end <= start && p.start >= sentence.start);
      const ownerEntry = owner ? kb.entries.get(owner.actorIds[0]) : undefined;
      roles = (ownerEntry?.roles ?? []).filter((r) => roleActiveOn(r, date) && r.of && kb.entries.get(r.of)?.kind === 'place').map((r) => r.role);
      if (!roles.length) return null;
    }
    let holder: KbEntry | null = null;
    for (const of of ofIds) {
      // the document's own word first: someone it introduced with this title ("Pedro Sánchez, presidente de España")
      const told = foundHolders.filter((a) => a.role?.of === of && roles.includes(a.role.role));
      if (told.length === 1) {
        holder = { id: told[0].id, kind: 'person', name: told[0].name, aliases: [] };
        break;
      }
      const found = kb.holders(roles, of, date);
      const seen = found.filter((f) => actors.has(f.id));
      const pick = seen.length === 1 ? seen[0] : found.length === 1 ? found[0] : null;
      if (pick) {
        holder = pick;
        break;
      }
    }
    return holder;
  };

  // most sentences hold no title: one scan for any, then each title's own (same matches, same order)
  const anyRole = anyMatch(lex.roles, (r) => r.re);
  for (const sentence of sentences) {
    const sentText = text.slice(sentence.start, sentence.end);
    if (!anyRole(sentText)) continue;
    for (const { role, re } of lex.roles) {
      re.lastIndex = 0;
      const found = matchesOrNull(re, sentText);
      if (!found) continue;
      for (const m of found) {
        const start = sentence.start + (m.index ?? 0);
        const end = start + m[0].length;
        // a name right after the title: the title is a cue, not a reference
        // "Secretary-General of the Palestinian Islamic Jihad movement Ziyad al-Nakhalah"
        // demonyms and named countries or organizations between them may be in any script:
        // "ראש הממשלה הצרפתי סבסטיאן לקורנו"
        const named = startingWithin(personMentions, end, end + 70).some((p) => p.start >= end && p.start - end <= 70 && NAMED_GAP.test(blankQualifiers(end, p.start)));
        if (named) continue;
        if (reaching(personMentions, start, end).some((p) => p.start <= start && p.end >= end)) continue;
        // a lone capitalized word right after the title is the name it introduces
        // ("der iranische Außenminister Araghtschi"): the holder only when the word is that name
        const next = nextWord(end, sentence.end);
        if (next) {
          const holder = titleHolder(role, start, end, sentence);
          const entry = holder && sameSurname(next.text, holder) ? holder : kb.matchPerson(next.text, lang);
          if (entry) {
            titleMentions.push({ start: next.start, end: next.end, actorIds: [entry.id], kind: 'person', via: 'alias' });
            note(entry.id, 'person', entry.name, next.text, true);
          }
          continue;
        }
        // "Deputy Head of the Political Bureau" is not the head
        if (DEPUTY.test(text.slice(Math.max(sentence.start, start - 20), start))) continue;
        const holder = titleHolder(role, start, end, sentence);
        if (!holder) continue;
        titleMentions.push({ start, end, actorIds: [holder.id], kind: 'person', via: 'title' });
        note(holder.id, 'person', holder.name, holder.name, true);
      }
    }
  }
  const all = [...mentions, ...titleMentions].sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions: all, actors: [...actors.values()], demonyms };
}
