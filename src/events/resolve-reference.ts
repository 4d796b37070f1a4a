// References that name nobody: role descriptions ("the top Iranian diplomat", "son homologue
// ukrainien", "Mısır lideri") resolved through the knowledge base's dated roles; sponsors and
// forums that are no side ("under the patronage of X", "the G20 summit"); quotes and who speaks
// them. The words are data: data/lang/<lang>/references.json, compiled once per language.
import { existsSync, readFileSync } from 'node:fs';
import type { Mention, Span } from '../core/types.ts';
import { roleActiveOn, type KnowledgeBase } from '../actors/knowledge-base.ts';
import { normalizeName } from '../actors/name-key.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { DEFAULT_LANG_DIR, type Lexicon } from './lexicon.ts';
import { clausesOf, type Modality } from './modality.ts';
import { clauseIndexAt } from './clauses.ts';
import { phrasePattern as phrase, UNSPACED as HAN, WORD_END as E, WORD_START as B } from '../text/word-pattern.ts';
import { anyMatch } from '../text/any-match.ts';
import { allMatches } from '../core/all-matches.ts';

interface ReferenceData {
  /** role -> phrases with a country slot {C}: "top {C} diplomat", "homologue {C}", "{C} lideri" */
  roleForms?: Record<string, string[]>;
  /** first-person words: in a quote they stand for its speaker */
  firstPerson?: string[];
  /** cues before a name that make it a sponsor or host of the occasion, not a side */
  sponsorCues?: string[];
  /** cues before a name that make it the inviter of the trip: "at the invitation of" */
  inviteCues?: string[];
  /** the same after the name, for languages that put them there: "X'in davetiyle", "X邀请" */
  inviteAfter?: string[];
  /** what makes an invitation one to an occasion, not to talks: "to attend", "katılmak üzere", "出席" */
  inviteOccasions?: string[];
  /** nouns before an organization that make it the forum of the occasion: "the summit of" */
  forumNouns?: string[];
  /** words right before a name that make it an object, not the subject: "with", "by" */
  nonSubjectBefore?: string[];
  /** words or case endings right after a name that make it an object: Turkish "X ile", "X'le" */
  nonSubjectAfter?: string[];
  /** words opening a sentence with a background phrase up to its first comma: "Amid ...," "在...背景下，" */
  frameOpeners?: string[];
  /** the language drops subject pronouns: a verb with no subject continues the last one */
  dropsSubject?: boolean;
  /** prefixes written onto a word (Arabic و ب ل): "للزعيمين" is "the two leaders" */
  cliticPrefixes?: string[];
  /** subject pronouns only (he, she): not "his", not "him" */
  subjectPronouns?: string[];
  /** speech verbs after the speaker's name: "X said" */
  speechAfter?: string[];
  /** speech verbs before the speaker's name: "a déclaré X", "dijo X" */
  speechBefore?: string[];
  /** relative pronouns that stand for a person named right before them: "quien", "com quem", "with whom" */
  relativePronouns?: string[];
}

export interface RoleForm {
  role: string;
  re: RegExp;
  /** the role words alone: a cheap test before the slot's search */
  key: RegExp;
  /** the slot stands before the role words: the country is the slot's last words */
  slotFirst: boolean;
}

export interface ReferenceWords {
  roleForms: RoleForm[];
  /** matches a first-person word anywhere */
  firstPerson: RegExp | null;
  /** anchored at the end of the text before a name, a few words allowed between */
  sponsorBefore: RegExp | null;
  /** anchored at the end of the text before a name */
  inviteBefore: RegExp | null;
  /** anchored at the start of the text after a name */
  inviteAfter: RegExp | null;
  /** anywhere between an invitation and a trigger: the invitation is to an occasion */
  inviteOccasion: RegExp | null;
  /** anchored at the end of the text before an organization */
  forumBefore: RegExp | null;
  /** anchored at the end of the text before a name */
  nonSubjectBefore: RegExp | null;
  /** anchored at the start of the text after a name */
  nonSubjectAfter: RegExp | null;
  dropsSubject: boolean;
  /** anchored at the start of a sentence */
  frameOpener: RegExp | null;
  /** the lexicon's plural references, with clitic prefixes allowed (null: the lexicon's own) */
  plurals: RegExp | null;
  subjectPronoun: RegExp | null;
  /** adverbs at the start of the text after a name, before a verb: "X also attended" */
  leadingAdverbs: RegExp | null;
  /** anchored at the start of the text after a name */
  speechAfter: RegExp | null;
  /** anchored at the end of the text before a name */
  speechBefore: RegExp | null;
  /** the whole text between a name and a clause it opens: ", con quien", ", de quien", ", who" */
  relativeAfterName: RegExp | null;
  /** any speech verb, unanchored: "said", "قال" */
  speech: RegExp | null;
}

const list = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).map(phrase).join('|');

/** a country slot: one to three words, joined by spaces or hyphens */
const SLOT = "(?<c>[\\p{L}\\p{M}'’-]+(?:\\s+[\\p{L}\\p{M}'’-]+){0,2}?)";

export function compileReferences(data: ReferenceData, lex: Lexicon): ReferenceWords {
  const roleForms: RoleForm[] = [];
  for (const [role, forms] of Object.entries(data.roleForms ?? {}))
    for (const form of forms) {
      const at = form.indexOf('{C}');
      if (at < 0) continue;
      const before = form.slice(0, at).trim();
      const after = form.slice(at + 3).trim();
      const slotFirst = !before;
      // the slot before the role words may take a genitive: "Iran's president"
      const source = `${B}${before ? `${phrase(before)}\\s+` : ''}${SLOT}${after ? (/^['’]/.test(after) ? phrase(after) : `\\s+${phrase(after)}`) : ''}${E}`;
      const fixed = [before, after.replace(/^['’]s?\s*/, '')].filter(Boolean).map(phrase).join('|');
      roleForms.push({ role, re: new RegExp(source, 'giu'), key: new RegExp(fixed || '(?!)', 'iu'), slotFirst });
    }
  const gap = (words: string[]): string => (words.some((w) => HAN.test(w)) ? '[^,.;:，。；：、!?«»“”"]{0,16}' : "(?:\\s+[^\\s,.;:!?«»“”\"]+){0,4}?\\s*");
  const sponsor = data.sponsorCues ?? [];
  let plurals: RegExp | null = null;
  const prefixes = data.cliticPrefixes ?? [];
  if (prefixes.length && lex.plurals) {
    // the lexicon's own alternation, with a prefix allowed before it
    const inner = lex.plurals.source.startsWith(B) ? lex.plurals.source.slice(B.length) : lex.plurals.source;
    plurals = new RegExp(`${B}(?:${list(prefixes)})?${inner}`, 'giu');
  }
  return {
    roleForms,
    firstPerson: firstPersonRe(data.firstPerson ?? []),
    sponsorBefore: sponsor.length ? new RegExp(`${HAN.test(sponsor.join('')) ? '' : B}(?:${list(sponsor)})${gap(sponsor)}$`, 'iu') : null,
    inviteBefore: data.inviteCues?.length ? new RegExp(`${B}(?:${list(data.inviteCues)})${gap(data.inviteCues)}$`, 'iu') : null,
    inviteAfter: data.inviteAfter?.length ? new RegExp(`^(?:${list(data.inviteAfter)})`, 'iu') : null,
    inviteOccasion: data.inviteOccasions?.length ? new RegExp(`${HAN.test(data.inviteOccasions.join('')) ? '' : B}(?:${list(data.inviteOccasions)})`, 'iu') : null,
    forumBefore: data.forumNouns?.length ? new RegExp(`${B}(?:${list(data.forumNouns)})${gap(data.forumNouns)}$`, 'iu') : null,
    nonSubjectBefore: data.nonSubjectBefore?.length ? new RegExp(`${B}(?:${list(data.nonSubjectBefore)})\\s+(?:[^\\s,.;:!?]+\\s+){0,3}$`, 'iu') : null,
    nonSubjectAfter: data.nonSubjectAfter?.length ? new RegExp(`^\\s*(?:${list(data.nonSubjectAfter)})${E}`, 'iu') : null,
    dropsSubject: !!data.dropsSubject,
    frameOpener: data.frameOpeners?.length ? new RegExp(`^[\\s"“«]*(?:${list(data.frameOpeners)})${HAN.test(data.frameOpeners.join('')) ? '' : E}`, 'iu') : null,
    plurals,
    leadingAdverbs: lex.adverbs ? new RegExp(`^[\\s,]*(?:(?:${lex.adverbs.source})\\s*)+`, 'iu') : null,
    subjectPronoun: data.subjectPronouns?.length ? new RegExp(`${B}(?:${list(data.subjectPronouns)})${E}`, 'giu') : null,
    speechAfter: data.speechAfter?.length ? new RegExp(`^[\\s,]*(?:${list(data.speechAfter)})${E}`, 'iu') : null,
    speechBefore: data.speechBefore?.length ? new RegExp(`${B}(?:${list(data.speechBefore)})[\\s,:]*$`, 'iu') : null,
    // a comma, at most two words (a preposition: "con", "junto a"), the pronoun
    relativeAfterName: data.relativePronouns?.length ? new RegExp(`^\\s*,\\s*(?:[\\p{L}]+\\s+){0,2}(?:${list(data.relativePronouns)})\\s*$`, 'iu') : null,
    speech: data.speechBefore?.length || data.speechAfter?.length ? new RegExp(`${B}(?:${list([...(data.speechBefore ?? []), ...(data.speechAfter ?? [])])})${E}`, 'iu') : null,
  };
}

/** first-person words as words; elided ones (j', m') run into the next word; Han ones anywhere */
function firstPersonRe(words: string[]): RegExp | null {
  const han = words.filter((w) => HAN.test(w));
  const elided = words.filter((w) => !HAN.test(w) && /['’]$/.test(w));
  const whole = words.filter((w) => !HAN.test(w) && !/['’]$/.test(w));
  const alts = [...(whole.length ? [`${B}(?:${list(whole)})${E}`] : []), ...(elided.length ? [`${B}(?:${list(elided)})`] : []), ...(han.length ? [`(?:${list(han)})`] : [])];
  return alts.length ? new RegExp(alts.join('|'), 'iu') : null;
}

const cache = new WeakMap<Lexicon, ReferenceWords>();
const NONE: ReferenceData = {};

/** The reference words of a lexicon's language, read and compiled once. */
export function referenceWords(lex: Lexicon, dir: string = DEFAULT_LANG_DIR): ReferenceWords {
  let words = cache.get(lex);
  if (words) return words;
  const path = `${dir.replace(/\/?$/, '/')}${lex.lang}/references.json`;
  let data = NONE;
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lex.lang) && existsSync(path)) {
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as ReferenceData;
    } catch (e) {
      throw new Error(`reference words ${path}: ${(e as Error).message}`);
    }
  }
  words = compileReferences(data, lex);
  cache.set(lex, words);
  return words;
}

/** The country (or organization) a slot's words name: a demonym or a country's name. */
function countryOf(kb: KnowledgeBase, words: string): string | null {
  const key = normalizeName(words);
  if (!key) return null;
  const dem = kb.demonyms.get(key);
  if (dem) return dem;
  for (const id of kb.byName.get(key) ?? []) if (kb.entries.get(id)?.type === 'country') return id;
  return null;
}

/** The heads a country's "leader" may be, in no order: the one the text names decides. */
const HEADS = ['president', 'prime-minister', 'chancellor', 'king', 'emir', 'supreme-leader'];

export interface RoleScope {
  text: string;
  kb: KnowledgeBase;
  lex: Lexicon;
  persons: Mention[];
  /** people the document names (ids) */
  named: Set<string>;
  date: string | null;
  /** whose counterpart: the person a counterpart at `at` is the counterpart of */
  ownerAt: (at: number) => string | null;
}

const wholeKeys = new WeakMap<RoleForm, RegExp>();

/**
 * A form's fixed words as whole words: in the form's own pattern each stands between word
 * bounds or white space, so "leaders" (no form) is no reason to scan for "{C} leader".
 */
function wholeKey(form: RoleForm): RegExp {
  let re = wholeKeys.get(form);
  if (!re) wholeKeys.set(form, (re = new RegExp(`${B}(?:${form.key.source})${E}`, form.key.flags)));
  return re;
}

/**
 * The people role descriptions in span refer to: a role with a country slot ("the South African
 * head of state", "son homologue ukrainien") resolves to the one holder of that role there on the
 * document's date; a counterpart to the holder there of the role its owner holds. No holder, or
 * several none of whom the text names, gives nothing: never a guess.
 */
export function roleDescriptions(scope: RoleScope, span: Span): Mention[] {
  const { text, kb, lex, persons, date } = scope;
  const forms = referenceWords(lex).roleForms;
  if (!forms.length) return [];
  const slice = text.slice(span.start, span.end);
  // one scan for any form's fixed words first: most spans hold none
  if (!anyMatch(forms, wholeKey)(slice)) return [];
  const out: Mention[] = [];
  for (const form of forms) {
    if (!wholeKey(form).test(slice)) continue;
    form.re.lastIndex = 0;
    for (const m of allMatches(form.re, slice)) {
      const slot = m.groups?.c ?? '';
      const matchStart = span.start + (m.index ?? 0);
      const slotStart = matchStart + m[0].indexOf(slot);
      // the slot's words next to the role words name the country: "the South African" -> "South African"
      const words = allMatches(/[^\s]+/gu, slot);
      let country: string | null = null;
      let start = matchStart;
      let end = matchStart + m[0].length;
      for (let k = 0; k < words.length && !country; k++) {
        const part = form.slotFirst ? words.slice(k) : words.slice(0, words.length - k);
        const first = part[0];
        const last = part[part.length - 1];
        country = countryOf(kb, slot.slice(first.index ?? 0, (last.index ?? 0) + last[0].length));
        if (country && form.slotFirst) start = slotStart + (first.index ?? 0);
        if (country && !form.slotFirst && !/\S\s*$/.test(m[0].slice(m[0].indexOf(slot) + slot.length))) end = slotStart + (last.index ?? 0) + last[0].length;
      }
      if (!country) continue;
      // a name right by it is the person meant: the title is a cue ("the Iranian president Raisi")
      if (startingWithin(persons, start - 60, end + 4).some((p) => p.start < end + 4 && p.end > start - 1)) continue;
      let roles = form.role === 'leader' ? HEADS : [form.role];
      if (form.role === 'counterpart') {
        const owner = scope.ownerAt(start);
        const entry = owner ? kb.entries.get(owner) : undefined;
        roles = (entry?.roles ?? []).filter((r) => r.of && r.of !== country && kb.entries.get(r.of)?.type === 'country' && roleActiveOn(r, date)).map((r) => r.role);
        if (!roles.length) continue;
      }
      const found = kb.holders(roles, country, date);
      const seen = found.filter((f) => scope.named.has(f.id));
      const pick = seen.length === 1 ? seen[0] : found.length === 1 ? found[0] : null;
      if (pick && !out.some((o) => o.start < end && start < o.end)) out.push({ start, end, actorIds: [pick.id], kind: 'person', via: 'title' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "under the patronage of X", "应 X 邀请": X hosts or sponsors the occasion and is no side. */
export function sponsoredAt(text: string, sentence: Span, m: Span, words: ReferenceWords): boolean {
  return !!words.sponsorBefore?.test(text.slice(Math.max(sentence.start, m.start - 60), m.start));
}

/**
 * "at the invitation of X", "X'in davetiyle", "应X邀请": X invited the traveller; a meeting told
 * with it is with someone else unless X is named as met in its own right.
 */
export function invitedBy(text: string, sentence: Span, m: Span, words: ReferenceWords, persons?: Mention[]): boolean {
  const from = Math.max(sentence.start, m.start - 60);
  const cue = words.inviteBefore?.exec(text.slice(from, m.start));
  // the words a cue may reach over are a title, not another name: in "auf Einladung von Macron
  // führte Scholz", "по приглашению Си Цзиньпина Путин" the one named second was invited
  if (cue && !(persons && startingWithin(persons, from + cue.index, m.start).some((p) => p.start >= from + cue.index && p.end <= m.start))) return true;
  if (!words.inviteAfter) return false;
  const to = Math.min(sentence.end, m.end + 40);
  const after = words.inviteAfter.exec(text.slice(m.end, to));
  return !!after && !(persons && startingWithin(persons, m.end, m.end + after[0].length).some((p) => p.start >= m.end && p.end <= m.end + after[0].length));
}

/**
 * "Amid the call between X and Y, A met B": the background a sentence opens with, up to its
 * first comma; null when the sentence opens otherwise.
 */
export function frameOf(text: string, sentence: Span, words: ReferenceWords): Span | null {
  const head = text.slice(sentence.start, Math.min(sentence.end, sentence.start + 300));
  if (!words.frameOpener?.test(head)) return null;
  const comma = head.search(/[,，]/u);
  return comma < 0 ? null : { start: sentence.start, end: sentence.start + comma };
}

/** "the summit of the Arab League", "Cúpula do G20": an organization named as the forum. */
export function forumAt(text: string, sentence: Span, m: Span, words: ReferenceWords): boolean {
  return !!words.forumBefore?.test(text.slice(Math.max(sentence.start, m.start - 50), m.start));
}

const LETTER = /[\p{L}\p{M}]/u;
const OPEN = '«“„「『‹';
const CLOSE = '»”“」』›';
const QUOTE_MARK = new RegExp(`["${OPEN}${CLOSE}]`, 'u');

/**
 * The quoted stretches of a sentence. A closing mark with no opening one before it closes a
 * quote opened in an earlier sentence; an opening one with no close runs to the sentence end.
 */
export function quotesIn(text: string, sentence: Span): Span[] {
  // most sentences hold no quotation mark: one scan for any, not a look at every character
  if (!QUOTE_MARK.test(text.slice(sentence.start, sentence.end))) return [];
  const out: Span[] = [];
  let open = -1;
  let straight = -1;
  for (let i = sentence.start; i < sentence.end; i++) {
    const ch = text[i];
    // a straight mark between letters is no quote: Hebrew acronyms (כ"ץ, רה"מ)
    if (ch === '"' && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '')) continue;
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        out.push({ start: straight, end: i + 1 });
        straight = -1;
      }
    } else if (open < 0 && OPEN.includes(ch) && !(ch === '“' && open >= 0)) open = i;
    else if (CLOSE.includes(ch)) {
      // “ is a closing mark in German („...“), an opening one elsewhere
      if (ch === '“' && open < 0) {
        open = i;
        continue;
      }
      out.push({ start: open < 0 ? sentence.start : open, end: i + 1 });
      open = -1;
    }
  }
  if (open >= 0) out.push({ start: open, end: sentence.end });
  if (straight >= 0) out.push({ start: straight, end: sentence.end });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Putin met Xi in Beijing, Peskov told reporters", "..., a déclaré Widodo": a name after the
 * trigger, past a comma or a quote mark, with a speech verb right by it, reports the event.
 */
export function reportsAfter(text: string, trig: Span, m: Span, words: ReferenceWords): boolean {
  if (m.start < trig.end || !/[,"”»]/.test(text.slice(trig.end, m.start))) return false;
  return !!words.speechAfter?.test(text.slice(m.end, m.end + 30)) || !!words.speechBefore?.test(text.slice(Math.max(trig.end, m.start - 30), m.start));
}

/**
 * "Biden said that Macron met Xi", "قال السفير X إن السيسي تصافح مع أردوغان": where the trigger's
 * clause is a complement of a clause with a speech verb, the start of that complement; the
 * names before it say the event, they are no sides of it. -1 when the trigger is no such complement.
 */
export function reportedFrom(text: string, sentence: Span, trig: Span, words: ReferenceWords, m: Modality): number {
  if (!words.speech) return -1;
  const clauses = clausesOf(text, sentence, m);
  let i = clauseIndexAt(clauses, trig.start);
  for (let guard = 0; i >= 0 && guard < clauses.length; guard++) {
    const c = clauses[i];
    if (c.opener === 'complement' && c.parent >= 0) return words.speech.test(text.slice(clauses[c.parent].start, c.start)) ? c.start : -1;
    if (c.opener || c.head < 0) return -1;
    i = c.head;
  }
  return -1;
}

/** Who speaks a quote: the person named right after it, or else right before it, in the sentence. */
export function speakerOf(text: string, sentence: Span, quote: Span, persons: Mention[]): Mention | null {
  const after = startingWithin(persons, quote.end, quote.end + 60).find((p) => p.start >= quote.end && p.end <= sentence.end && !/[.!?«»“”"]/.test(text.slice(quote.end + 1, p.start)));
  if (after) return after;
  const before = startingWithin(persons, Math.max(sentence.start, quote.start - 90), quote.start).filter((p) => p.start >= sentence.start && p.end <= quote.start);
  return before.length ? before[before.length - 1] : null;
}
