// Destinations: where a sentence says someone travelled or is visiting ("Widodo hat Kiew
// besucht", "Erdoğan Kahire'yi ziyaret etti", "王毅赴莫斯科", "during his visit to Tehran").
// A meeting of that person told next, with no place of its own, took place there: the caller
// keeps these beside the presence facts ("who is in") it already reads.
import type { Mention, Sentence } from '../core/types.ts';
import type { Lexicon } from './lexicon.ts';
import type { PlaceFinding } from './draft.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { placeCues } from './place-cues.ts';

export interface Destination {
  /** the traveller */
  actorId: string;
  place: PlaceFinding;
  sentence: number;
  /** where the destination is named: a meeting later in the same sentence may take it */
  at: number;
}

/**
 * The destinations one sentence names: a place with a destination cue before or after it, and
 * the traveller, the last person named before it in the sentence (or, in languages that put a
 * participle first, "Doha'ya giden Erdoğan", the first named after it).
 */
export function findDestinations(text: string, sentence: Sentence, mentions: Mention[], lex: Lexicon): Destination[] {
  const cues = placeCues(lex);
  if (!cues.destinationBefore && !cues.destinationAfter) return [];
  const here = startingWithin(mentions, sentence.start, sentence.end).filter((m) => m.end <= sentence.end);
  const out: Destination[] = [];
  for (const m of here) {
    if (m.kind !== 'place') continue;
    const before = !!cues.destinationBefore?.test(text.slice(Math.max(sentence.start, m.start - 40), m.start));
    const afterText = text.slice(m.end, Math.min(sentence.end, m.end + 40));
    const after = !before && !!cues.destinationAfter?.test(afterText);
    if (!before && !after) continue;
    // "Mısır lideri": a country in a title is nobody's destination
    if (cues.titleAfter?.test(afterText)) continue;
    // "Doha'ya giden Cumhurbaşkanı Erdoğan": a cue after the place may be a participle whose
    // traveller follows it; otherwise the traveller is the subject named before
    let who: Mention | undefined = after ? here.find((p) => p.kind === 'person' && p.start >= m.end && p.start - m.end <= 60) : undefined;
    if (!who) for (const p of here) if (p.kind === 'person' && p.end <= m.start) who = p;
    who ??= here.find((p) => p.kind === 'person' && p.start >= m.end);
    if (!who) continue;
    out.push({ actorId: who.actorIds[0], place: { actorId: m.actorIds[0], span: { start: m.start, end: m.end } }, sentence: sentence.index, at: m.start });
  }
  return out;
}
