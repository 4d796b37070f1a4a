// Members of a side: "Haniyeh and his delegation, including Khaled Meshaal", "the meeting
// brought together other senior officials, among them X". A member named after a group noun and
// a member cue joins the event that group is in: one told in the same sentence, the one an
// anaphora points to ("the meeting ..."), or the latest one of the group's named head.
import type { Mention, Sentence } from '../core/types.ts';
import type { Lexicon } from './lexicon.ts';
import { lastMatching, type Draft } from './draft.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { allMatches } from '../core/all-matches.ts';

export interface MemberScope {
  text: string;
  persons: Mention[];
  lex: Lexicon;
  drafts: Draft[];
}

/** Adds the members one sentence names to the event they belong to; `fresh` are the sentence's own events. */
export function addMembers(scope: MemberScope, sentence: Sentence, fresh: Draft[], anaphoric: boolean): void {
  const { text, lex, persons, drafts } = scope;
  const cue = lex.words.memberCue;
  const group = lex.words.groupNoun;
  if (!cue || !group || sentence.index < 0) return;
  const sentText = text.slice(sentence.start, sentence.end);
  cue.lastIndex = 0;
  for (const m of allMatches(cue, sentText)) {
    const at = sentence.start + (m.index ?? 0);
    const cueEnd = at + m[0].length;
    if (!group.test(text.slice(Math.max(sentence.start, at - 80), at))) continue;
    const member = startingWithin(persons, cueEnd, cueEnd + 40).find((p) => p.start >= cueEnd && p.end <= sentence.end && p.start - cueEnd <= 40 && lex.words.personGap.test(text.slice(cueEnd, p.start)));
    if (!member) continue;
    const recent = (d: Draft): boolean => d.sentence.index >= 0 && d.sentence.index <= sentence.index && sentence.index - d.sentence.index <= 2;
    const heads = new Set(startingWithin(persons, sentence.start, at).filter((p) => p.start >= sentence.start && p.end <= at).map((p) => p.actorIds[0]));
    const target =
      fresh[fresh.length - 1] ??
      (anaphoric ? lastMatching(drafts, recent) : lastMatching(drafts, (d) => recent(d) && [...heads].some((h) => d.participants.has(h))));
    const id = member.actorIds[0];
    if (!target || target.participants.has(id)) continue;
    target.participants.set(id, [{ start: member.start, end: member.end }]);
  }
}
