// Finding: the trigger words of a sentence (earliest-longest, no overlaps), and the modality
// that makes a found trigger no event (planned, denied, a statement to the press, a reference).
import type { Mention, Span } from '../core/types.ts';
import type { Lexicon } from './lexicon.ts';
import type { TriggerHit } from './draft.ts';
import { derived } from './derived.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { clauseModality, modalityOf, modalScope } from './modality.ts';
import { foldScript, original, type Folded } from '../text/normalize-script.ts';
import { wordsOf, type Word } from '../text/stem.ts';
import type { TriggerMorphology } from './lexicon.ts';
import { anyMatch } from '../text/any-match.ts';
import { governorOf, implicativesFor, infinitiveTriggers } from './implicatives.ts';
import { allMatches, matchesOrNull } from '../core/all-matches.ts';

export function findTriggers(text: string, sentence: Span, lex: Lexicon, persons: Mention[]): TriggerHit[] {
  // matched on the sentence with vowel marks, tatweel and zero-width marks folded away; every
  // span found is mapped back to the original text
  const folded = foldScript(text.slice(sentence.start, sentence.end));
  const hits: Array<TriggerHit & { rank: number }> = [];
  // one scan for any trigger pattern first: most sentences hold none (same matches, same order)
  for (const t of anyMatch(lex.triggers, (p) => p.re)(folded.text) ? lex.triggers : []) {
    t.re.lastIndex = 0;
    const found = matchesOrNull(t.re, folded.text);
    if (!found) continue;
    for (const m of found) {
      const at = m.index ?? 0;
      const start = original(folded, at, sentence.start);
      hits.push({ start, end: original(folded, at + m[0].length, sentence.start), mode: t.mode, weak: t.weak, needsObject: t.needsObject, needsPerson: t.needsPerson, noun: t.noun, rank: t.rank });
    }
  }
  // infinitives under an implicative verb or a rejected marker ("managed to meet", "rather than meet")
  hits.push(...infinitiveTriggers(text, sentence, implicativesFor(lex.lang)));
  if (lex.morph) {
    const found = wordTriggers(text, sentence, lex, lex.morph, folded, persons);
    hits.push(...found.hits);
    // "celebrará una reunión con": an event noun carried by a light verb in the future or the
    // infinitive tells of no event done, whatever else matches it
    if (found.blocked.length) {
      const kept = hits.filter((h) => !found.blocked.some((b) => h.start >= b.start && h.start < b.end));
      hits.splice(0, hits.length, ...kept);
    }
  }
  // of two finds on the same words, the one the lexicon lists first
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const triggers: TriggerHit[] = [];
  for (const h of hits) {
    const last = triggers[triggers.length - 1];
    if (last && h.start < last.end) {
      // a phone/video cue inside a longer trigger refines its mode
      if (h.mode === 'phone' || h.mode === 'video') last.mode = h.mode;
      continue;
    }
    triggers.push(h);
  }
  // "called Putin" is a call, "called on Israel" or "called by Abbas" is not: such triggers
  // must be followed by a person, or they are no triggers at all (and split no clauses)
  const gap = lex.words.personGap;
  for (let k = triggers.length - 1; k >= 0; k--) {
    const t = triggers[k];
    if (t.needsPerson && !startingWithin(persons, t.end, t.end + 45).some((p) => p.start >= t.end && p.start - t.end <= 45 && gap.test(text.slice(t.end, p.start)))) triggers.splice(k, 1);
  }
  // a separable particle closing a finite verb's clause makes it another verb: "traf … in Berlin
  // ein" arrived, "trifft nicht zu" is untrue; neither is a meeting (and neither splits clauses)
  const separable = lex.words.separableClose;
  if (separable) {
    for (let k = triggers.length - 1; k >= 0; k--) {
      const t = triggers[k];
      if (!t.noun && separable.test(text.slice(t.end, sentence.end))) triggers.splice(k, 1);
    }
  }
  // weak triggers ("talks", "meeting") count only where nothing stronger tells of the event
  // ("Blinken met Wang Yi on the sidelines of the ASEAN meeting in Vientiane": one event)
  // within one part of the sentence: a colon or semicolon starts another statement
  const part = (t: Span): number => (text.slice(sentence.start, t.start).match(/[;:](?=\s)/g) ?? []).length;
  for (let k = triggers.length - 1; k >= 0; k--) {
    const t = triggers[k];
    if (t.weak && t.mode === 'meet' && triggers.some((o) => !o.weak && part(o) === part(t))) triggers.splice(k, 1);
  }
  // a phone cue anywhere near a meeting verb makes it a call
  if (triggers.some((t) => t.mode === 'phone') && triggers.length > 1) {
    // (or a call named by a noun right after the verb it tells the means of, in one stretch of
    // the sentence: "held talks with Putin in a phone call", "بحث مع بوتين في اتصال هاتفي")
    const phones = triggers.filter(
      (t) => t.mode === 'phone' && (t.weak || (t.noun && triggers.some((o) => o.mode === 'meet' && o.end <= t.start && t.start - o.end < 40 && !/[,;:.!?،؛]/.test(text.slice(o.end, t.start))))),
    );
    for (const p of phones) {
      const host = triggers.filter((t) => t !== p && p.start - t.end < 40 && p.start >= t.end).pop();
      if (host) {
        host.mode = 'phone';
        triggers.splice(triggers.indexOf(p), 1);
      }
    }
  }
  return triggers;
}

/**
 * Where a phrase (folded words) stands within `gap` words after (dir 1) or before (dir -1) word i.
 * Words of a person's name do not count: "عقد الرئيس عبد الفتاح السيسي اجتماعا" has one word between.
 */
function phraseAt(words: Word[], rank: number[], i: number, phrases: string[][], gap: number, dir: 1 | -1): { from: number; to: number } | null {
  for (let k = i + dir; k >= 0 && k < words.length && Math.abs(rank[k] - rank[i]) <= gap + 1; k += dir) {
    for (const p of phrases) {
      // after: the phrase starts at k; before: it ends at k
      const from = dir === 1 ? k : k - p.length + 1;
      if (from < 0 || from + p.length > words.length) continue;
      if (p.every((w, n) => words[from + n].form === w)) return { from, to: from + p.length - 1 };
    }
  }
  return null;
}

const boundaries = new WeakMap<Lexicon, RegExp>();

/** The lexicon's clause boundaries as a test (not global: no lastIndex to carry), built once. */
function boundaryOf(lex: Lexicon): RegExp {
  let re = boundaries.get(lex);
  if (!re) boundaries.set(lex, (re = new RegExp(lex.boundaries.source, 'iu')));
  return re;
}

/**
 * Triggers named by lemma or stem (with the particles, prepositions or reflexives they need
 * around them), and light verb constructions: a light verb and an event noun within a few words
 * ("held a round of talks", "görüşme gerçekleştirdi"), with no modal word between them.
 */
function wordTriggers(text: string, sentence: Span, lex: Lexicon, morph: TriggerMorphology, folded: Folded, persons: Mention[]): { hits: Array<TriggerHit & { rank: number }>; blocked: Span[] } {
  const words = wordsOf(text, sentence, lex.lang, folded);
  // rank[i]: how many words outside persons' names come before word i
  const names = startingWithin(persons, sentence.start, sentence.end);
  const rank: number[] = [];
  let counted = 0;
  let n = 0;
  for (const w of words) {
    while (n < names.length && names[n].end <= w.start) n++;
    rank.push(counted);
    let inName = false;
    for (let k = n; k < names.length && names[k].start <= w.start && !inName; k++) inName = names[k].end >= w.end;
    if (!inName) counted++;
  }
  const out: Array<TriggerHit & { rank: number }> = [];
  const blocked: Span[] = [];
  const ids = words.map((w) => morph.matcher.match(w.form));
  const light = morph.light;
  const boundary = boundaryOf(lex);
  for (let i = 0; i < words.length; i++) {
    for (const id of ids[i]) {
      const t = morph.triggers.get(id);
      // "rencontrera", "reunirá": a verb lemma matches its future and infinitive too (an
      // infinitive under an implicative verb or a rejected marker is read by unrealReason)
      const unreal = !!morph.unreal?.test(words[i].form) && !governorOf(text, sentence, words[i].start, implicativesFor(lex.lang));
      if (t && !(unreal && !t.noun)) {
        let from = i;
        let to = i;
        if (t.after.length) {
          const at = phraseAt(words, rank, i, t.after, t.gap, 1);
          if (!at) continue;
          to = at.to;
        }
        if (t.before.length) {
          const at = phraseAt(words, rank, i, t.before, t.gap, -1);
          if (!at) continue;
          from = at.from;
        }
        if (t.near.length) {
          const at = phraseAt(words, rank, i, t.near, t.gap, -1) ?? phraseAt(words, rank, i, t.near, t.gap, 1);
          if (!at) continue;
          from = Math.min(from, at.from);
          to = Math.max(to, at.to);
        }
        // a modal word between the trigger and its preposition is for the modality stages to see,
        // outside the trigger, and the words between may not cross into another clause
        // ("اللقاء الذي كان مقررا بين": the meeting that had been planned between)
        if ((from < i && (modalBetween(text, lex, words[from].end, words[i].start) || crosses(text, boundary, words[from].end, words[i].start))) || (to > i && (modalBetween(text, lex, words[i].end, words[to].start) || crosses(text, boundary, words[i].end, words[to].start)))) continue;
        out.push({ start: words[from].start, end: words[to].end, mode: t.mode, weak: t.weak, needsObject: t.needsObject, needsPerson: t.needsPerson, noun: t.noun, rank: t.rank });
      }
      const modes = light?.verbs.get(id);
      if (!light || modes === undefined) continue;
      // the event noun of a light verb, on the side(s) the language puts it
      const order = light.order === 'verb-noun' ? [1] : light.order === 'noun-verb' ? [-1] : [-1, 1];
      for (const j of order.flatMap((dir) => {
        const js: number[] = [];
        for (let k = i + dir; k >= 0 && k < words.length && Math.abs(rank[k] - rank[i]) <= light.gap + 1; k += dir) js.push(k);
        return js;
      })) {
        const noun = ids[j].map((n) => light.nouns.get(n)).find((m) => m !== undefined && (!modes || modes.includes(m)));
        if (!noun) continue;
        const [a, b] = j < i ? [words[j], words[i]] : [words[i], words[j]];
        if (unreal) {
          blocked.push({ start: words[j].start, end: words[j].end });
          break;
        }
        // "دیدار خواهد کرد": a modal between the noun and its verb makes it no event told as done
        // (a clause boundary may stand between: "الاجتماع الذي عقد", "the meeting that was held")
        if (modalBetween(text, lex, a.end, b.start)) continue;
        out.push({ start: a.start, end: b.end, mode: noun, weak: false, needsObject: false, needsPerson: false, noun: false, rank: Number.MAX_SAFE_INTEGER });
        break;
      }
    }
  }
  return { hits: out, blocked };
}

// wordTriggers' tests, at module level: a closure declared in a function called per sentence is
// wrapped in esbuild's __name() under tsx (the loader before src/runtime/) (keepNames), a defineProperty of about a microsecond
// each time it is created

/** A dash between two words joins them here ("القمة المصرية – التركية بين", "the Egyptian – Turkish summit"). */
function crosses(text: string, boundary: RegExp, from: number, to: number): boolean {
  return to > from && boundary.test(text.slice(from, to).replace(/\s[–—]\s/g, ' '));
}

function modalBetween(text: string, lex: Lexicon, from: number, to: number): boolean {
  if (to <= from) return false;
  const between = text.slice(from, to);
  return lex.modalBefore.test(between) || lex.modalAfter.test(between);
}

/** The clause around a trigger: bounded by boundary words and other triggers. */
export function clauseOf(text: string, region: Span, trigger: Span, lex: Lexicon): Span {
  const s = text.slice(region.start, region.end);
  let start = region.start;
  let end = region.end;
  for (const m of allMatches(derived(lex).boundaries, s)) {
    const at = region.start + (m.index ?? 0);
    // a boundary that opens the trigger ("après avoir échangé") still starts its clause
    if (at <= trigger.start) start = Math.max(start, Math.min(at + m[0].length, trigger.start));
    else if (at >= trigger.end && at < end) end = at;
  }
  return { start, end };
}

export interface ModalityScope {
  text: string;
  sentence: Span;
  /** the sentence as a whole reads as planned or denied */
  sentenceModal: boolean;
  persons: Mention[];
  /** every mention of the document: a modal word right before a name is a preposition ("to Lima") */
  mentions?: Mention[];
  lex: Lexicon;
}

// read once: process.env is a lookup into the environment on every access
const MODDBG = !!process.env.MODDBG;

/**
 * Why a trigger tells of no event that took place, or null when it does: first from the
 * clause structure and verb forms (modality.ts: 'denied', 'undone', 'invited', 'negated',
 * 'modal'), then from the lexicon's modal words, read only within the trigger's own clause.
 */
export function unrealReason(a0: ModalityScope, a1: TriggerHit, a2: Span, a3: Span): string | null {
  const r = governedReason(a0, a1, a2, a3);
  if (MODDBG) console.error('TRIG', JSON.stringify(a0.text.slice(a1.start, a1.end)), r, '|', a0.text.slice(Math.max(a0.sentence.start, a1.start - 60), a1.end + 30).replace(/\n/g, ' '));
  return r;
}
/**
 * An infinitive under an implicative verb tells of an event exactly when that verb does ("did not
 * manage to meet", "will manage to meet"): its modality is the verb's, read as a trigger of its
 * own. The alternative a choice rejects ("rather than meet") is 'rejected'.
 */
function governedReason(scope: ModalityScope, trig: TriggerHit, region: Span, clause: Span): string | null {
  const gov = governorOf(scope.text, scope.sentence, trig.start, implicativesFor(scope.lex.lang));
  if (!gov) return unrealReason0(scope, trig, region, clause);
  if (gov.kind === 'rejected') return 'rejected';
  const verb: TriggerHit = { ...trig, start: gov.span.start, end: gov.span.end, weak: false, noun: false };
  const around = { start: Math.min(region.start, verb.start), end: region.end };
  return unrealReason0(scope, verb, around, clauseOf(scope.text, around, verb, scope.lex));
}

function unrealReason0(scope: ModalityScope, trig: TriggerHit, region: Span, clause: Span): string | null {
  const { text, lex } = scope;
  const m = modalityOf(lex);
  const byClause = clauseModality(text, scope.sentence, trig, m);
  if (byClause) return byClause;
  const { modalRightBefore, modalAny, modalClause } = derived(lex);
  // the modal words below count within the trigger's own clause, inserted clauses masked
  const own = modalScope(text, scope.sentence, trig.start, m);
  const lo = own ? Math.max(clause.start, own.span.start) : clause.start;
  const hi = own ? Math.min(clause.end, own.span.end) : clause.end;
  const seg = (a: number, b: number): string => {
    let out = text.slice(a, b);
    for (const k of own?.masks ?? []) {
      const s = Math.max(a, k.start);
      const e = Math.min(b, k.end);
      if (e > s) out = out.slice(0, s - a) + ' '.repeat(e - s) + out.slice(e - a);
    }
    return out;
  };
  // a modal right before the trigger, adverbs aside: "will also meet", "is expected to meet"
  const pre = seg(Math.max(region.start, lo, trig.start - 60), trig.start);
  if (modalRightBefore.test(pre)) return 'modal';
  // a meeting noun that is the occasion of another verb ("pledged to cooperate during their
  // meeting") is not governed by that verb's infinitive marker, only by a modal word proper
  const marker = trig.noun && lex.words.infinitiveMarker && lex.words.occasionBefore?.test(seg(Math.max(lo, trig.start - 40), trig.start)) ? lex.words.infinitiveMarker : null;
  const modalIn = (s: string): boolean => (marker ? allMatches(modalAnyGlobal(lex), s).some((x) => !marker.test(x[0].trim())) : modalAny.test(s));
  // a noun trigger hangs on a verb a few words before: "will participate in a video conference"
  if (trig.noun && modalIn(pre.split(/\s+/).filter(Boolean).slice(-5).join(' '))) return 'modal';
  if (trig.noun && lex.modalAfter.test(seg(trig.end, Math.min(hi, trig.end + 160)))) return 'modal';
  if (scope.sentenceModal && trig.weak) return 'modal';
  // a weak trigger ("by phone", "talks") leans on a verb that may be far before it
  if (trig.weak && modalIn(seg(lo, trig.start))) return 'modal';
  // verb-final languages put the modal far before: "Haniyeh soll sich mit ... treffen"
  if (modalClause?.test(seg(lo, trig.start))) return 'modal';
  // "will travel to Beijing next week and hold talks": a modal governs the verbs joined to its own
  const head = seg(lo, trig.start);
  const governing = (m: RegExpMatchArray): boolean => {
    const after = lo + (m.index ?? 0) + m[0].length;
    const next = after + (text.slice(after).match(/^\s*/)?.[0].length ?? 0);
    return !scope.mentions || startingWithin(scope.mentions, next, next).length === 0;
  };
  const lastModal = allMatches(modalAnyGlobal(lex), head).filter(governing).pop();
  if (lastModal) {
    const rest = head.slice((lastModal.index ?? 0) + lastModal[0].length);
    if (!/[,;:，；]/.test(rest) && lex.words.coordinator?.test(rest)) return 'modal';
  }
  if (trig.noun && lex.words.undoneAfter?.test(seg(trig.end, Math.min(hi, trig.end + 160)))) return 'undone';
  // "if they met ...": a condition, with no comma closing it before the trigger
  const cond = lex.words.conditional;
  if (cond) {
    const head = text.slice(scope.sentence.start, trig.start);
    const last = allMatches(globalOf(cond), head).pop();
    if (last && !/[,;:]/.test(head.slice((last.index ?? 0) + last[0].length))) return 'condition';
  }
  if (pressStatement(scope, trig, clause)) return 'press';
  // "their first meeting since they met in Osaka": the earlier meeting is a reference point
  // (the phrase itself may hold the trigger's own noun, "the first meeting since": only a
  // trigger after it, before the clause closes with a comma, is the reference)
  const since = lex.words.firstSince;
  if (since) {
    const head = text.slice(scope.sentence.start, trig.start);
    const last = allMatches(globalOf(since), head).pop();
    if (last && !/[,;:]/.test(head.slice((last.index ?? 0) + last[0].length))) return 'reference';
  }
  return null;
}

/**
 * "Speaking to reporters with X", "told a news conference": words said to the press hold no
 * meeting. The press words must stand right by the trigger, with nobody named between.
 */
function pressStatement(scope: ModalityScope, trig: TriggerHit, clause: Span): boolean {
  const press = scope.lex.words.pressEvent;
  if (!press) return false;
  const from = Math.max(clause.start, trig.start - 40);
  const to = Math.min(clause.end, trig.end + 45);
  const window = scope.text.slice(from, to);
  for (const m of allMatches(globalOf(press), window)) {
    const at = from + (m.index ?? 0);
    const end = at + m[0].length;
    // "a joint press conference with X": the trigger itself, two people seen together
    if (at >= trig.start && end <= trig.end) continue;
    // "a handshake after their joint press conference": the two appeared together, no word said
    // to the press (a trigger that is the press conference's own noun is still no meeting)
    const joint = scope.lex.words.jointPress;
    const near = `${scope.text.slice(Math.max(clause.start, at - 25), at).replace(/^.*[,;:.!?،؛]/su, '')} ${scope.text.slice(end, Math.min(clause.end, end + 25)).replace(/[,;:.!?،؛].*$/su, '')}`;
    if (joint?.test(near) && (end <= trig.start || at >= trig.end || (at > trig.start && end < trig.end))) continue;
    const between = end <= trig.start ? { start: end, end: trig.start } : { start: trig.end, end: at };
    if (between.end < between.start) return true;
    if (!startingWithin(scope.persons, between.start, between.end).some((p) => p.start >= between.start && p.end <= between.end)) return true;
  }
  return false;
}

const globals = new WeakMap<RegExp, RegExp>();

/** A lexicon pattern as a global expression (flags giu) for allMatches, compiled once, not per trigger. */
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, 'giu')));
  // allMatches starts where lastIndex stands
  g.lastIndex = 0;
  return g;
}

const anyGlobal = new WeakMap<Lexicon, RegExp>();

/** The lexicon's modal words as a global expression, compiled once per lexicon. */
function modalAnyGlobal(lex: Lexicon): RegExp {
  let re = anyGlobal.get(lex);
  if (!re) {
    re = new RegExp(derived(lex).modalAny.source, 'giu');
    anyGlobal.set(lex, re);
  }
  return re;
}
