// Stays: a person somewhere over stated days ("From March 20 to March 22, Xi will be in Russia
// on a state visit"). A meeting of that person dated within the stay took place there, and
// "on the first day" of it is its first stated day.
import type { Mention, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { DemonymMention, WordToken } from '../actors/detect-mentions.ts';
import type { PartialDate } from '../core/types.ts';
import type { Lexicon } from './lexicon.ts';
import { lastMatching, type Draft, type PlaceFinding } from './draft.ts';
import { placeOf } from './attach-place.ts';
import { lastWithin, startingWithin } from '../core/spans-by-start.ts';
import { addDays, daysIn, type DateFinding } from './resolve-date.ts';
import { allMatches } from '../core/all-matches.ts';

export interface Stay {
  actorId: string;
  place: PlaceFinding;
  from: string;
  to: string;
  sentence: number;
}

export interface StayScope {
  text: string;
  persons: Mention[];
  mentions: Mention[];
  demonyms: DemonymMention[];
  kb: KnowledgeBase;
  lex: Lexicon;
  published: PartialDate | null;
  year: number | null;
}

/** The stays one sentence states: a stay cue, the person before it, a place and at least one day. */
export function findStays(scope: StayScope, sentence: Sentence, toks: WordToken[]): Stay[] {
  const { text, lex } = scope;
  const cue = lex.words.stay;
  if (!cue) return [];
  const out: Stay[] = [];
  const sentText = text.slice(sentence.start, sentence.end);
  cue.lastIndex = 0;
  for (const m of allMatches(cue, sentText)) {
    const at = sentence.start + (m.index ?? 0);
    const who = lastWithin(scope.persons, sentence.start, at, (p) => p.start >= sentence.start && p.end <= at);
    if (!who) continue;
    const cueSpan = { start: at, end: at + m[0].length };
    // "will be in Russia" (a locative), or "visiting Russia", "on a state visit to Russia"
    const place =
      placeOf(text, { start: cueSpan.start, end: Math.min(sentence.end, cueSpan.end + 40) }, cueSpan, scope.mentions, scope.demonyms, scope.kb, lex) ??
      nextPlace(scope.mentions, cueSpan, sentence);
    if (!place) continue;
    const days = daysIn(text, sentence, toks, lex, scope.published, scope.year).sort();
    if (!days.length) continue;
    out.push({ actorId: who.actorIds[0], place, from: days[0], to: days[days.length - 1], sentence: sentence.index });
  }
  return out;
}

function nextPlace(mentions: Mention[], cue: Span, sentence: Span): PlaceFinding | null {
  const m = startingWithin(mentions, cue.end, cue.end + 4).find((p) => p.kind === 'place' && p.start >= cue.end && p.start - cue.end <= 4 && p.end <= sentence.end);
  return m ? { actorId: m.actorIds[0], span: { start: m.start, end: m.end } } : null;
}

/** "On the first day, he met ...": the stated day of a stay of one of the participants. */
export function dayOfStay(text: string, clause: Span, lex: Lexicon, participants: Iterable<string>, stays: Stay[], sentence: number): DateFinding | null {
  const slice = text.slice(clause.start, clause.end);
  for (const { re, day } of lex.words.dayOfStay) {
    const m = slice.match(re);
    if (!m) continue;
    const ids = new Set(participants);
    const stay = lastMatching(stays, (s) => ids.has(s.actorId) && s.sentence < sentence && s.sentence >= sentence - 3);
    if (!stay) return null;
    const value = addDays(stay.from, day - 1);
    if (value > stay.to) return null;
    const start = clause.start + (m.index ?? 0);
    return { value, span: { start, end: start + m[0].length } };
  }
  return null;
}

/** The stay a dated meeting without a place falls in, among its participants' stays. */
export function stayPlace(d: Draft, stays: Stay[]): PlaceFinding | null {
  if (!d.date) return null;
  const day = d.date.value;
  const stay = stays.find((s) => d.participants.has(s.actorId) && s.sentence <= d.sentence.index && day >= s.from && day <= s.to);
  return stay?.place ?? null;
}
