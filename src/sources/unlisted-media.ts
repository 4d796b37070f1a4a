// Media the knowledge base does not hold, cited all the same: "Turkish media reported", "Iranian
// state TV said", "according to local media", "NTV reported", "the daily Hürriyet wrote". Each is
// an outlet attribution with no knowledge-base id: the country when a demonym (or "Iran's") names
// one, the name when a proper name stands beside the media noun, or an acronym alone beside a cue.
// Only beside a cue of citing: a medium named otherwise is no source (and never a participant:
// nothing here touches the events).
import type { Attribution, Mention, Sentence, Span } from '../core/types.ts';
import type { DemonymMention } from '../actors/detect-mentions.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { foldPhrase, type AttributionCues } from './attribution-cues.ts';
import { allMatches } from '../core/all-matches.ts';

/** How far a cue may stand from the medium it cites (as find-attributions.ts's CUE_REACH). */
const CUE_REACH = 40;
/** Space (and a possessive) between a demonym, country or name and the media noun. */
const JOIN = /^[\s\u00a0]*(?:['’]s[\s\u00a0]+)?$/u;
/** A run of capitalized words (a name), optionally in quotes. */
const NAME = /(?:[«"“„][\s\u00a0]?)?(\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:[\s\u00a0]+\p{Lu}[\p{L}\p{M}\p{N}'’-]*){0,3})(?:[\s\u00a0]?[»"”“])?/gu;
/** An acronym: "NTV", "TRT", "CNN-Türk". */
const ACRONYM = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{Lu}\d]{1,5}(?:-\p{Lu}\p{L}*)?(?![\p{L}\p{M}\p{N}])/gu;

function spans(re: RegExp | null, text: string, from: number, to: number): Span[] {
  if (!re) return [];
  re.lastIndex = 0;
  return allMatches(re, text.slice(from, to)).map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length }));
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export interface UnlistedInput {
  text: string;
  sentences: readonly Sentence[];
  lead: Sentence | undefined;
  mentions: readonly Mention[];
  demonyms: readonly DemonymMention[];
  kb: KnowledgeBase;
  cues: AttributionCues;
  /** Attributions found already: a span they hold is not looked at again. */
  taken: readonly Span[];
}

const cased = (s: string): boolean => /\p{Lu}/u.test(s) && s !== s.toLowerCase();

// at module level, not closures made per sentence: under tsx (the loader before src/runtime/) each named closure is wrapped in
// esbuild's __name(), a defineProperty of about a microsecond every time it is created
function atStart(text: string, sentence: Span, s: Span): boolean {
  return /^[\s"“«'-]*$/u.test(text.slice(sentence.start, s.start));
}

/** A name beside a media noun, not an actor the base knows, not a lone word opening the sentence. */
function nameBeside(text: string, sentence: Span, mentions: readonly Mention[], countries: readonly Span[], noun: Span): Span | null {
  const names = spans(NAME, text, sentence.start, sentence.end).filter((n) => cased(text.slice(n.start, n.end)) && !mentions.some((m) => overlaps(m, n)) && !countries.some((c) => overlaps(c, n)));
  const after = names.find((n) => n.start >= noun.end && JOIN.test(text.slice(noun.end, n.start)));
  const before = [...names].reverse().find((n) => n.end <= noun.start && JOIN.test(text.slice(n.end, noun.start)));
  const ok = (n: Span | undefined): n is Span => !!n && !(atStart(text, sentence, n) && !/\s/.test(text.slice(n.start, n.end).trim()) && !/^\p{Lu}[\p{Lu}\d-]+$/u.test(text.slice(n.start, n.end)));
  return ok(after) ? after : ok(before) ? before : null;
}

export function findUnlistedMedia(input: UnlistedInput): Attribution[] {
  const { text, sentences, lead, mentions, demonyms, kb, cues, taken } = input;
  const out: Attribution[] = [];
  const busy = (s: Span): boolean => taken.some((t) => overlaps(t, s)) || out.some((t) => overlaps(t, s));
  // a cue of citing right before or after the phrase, no clause mark between (commas of an apposition aside)
  const cueBeside = (s: Span, sentence: Span): Span | null => {
    const before = spans(cues.citing, text, Math.max(sentence.start, s.start - CUE_REACH), s.start).filter((c) => !/[.;:!?。；"“”«»]/.test(text.slice(c.end, s.start))).pop();
    if (before) return before;
    return spans(cues.citing, text, s.end, Math.min(sentence.end, s.end + CUE_REACH)).find((c) => !/[.;:!?。；"“”«»]/.test(text.slice(s.end, c.start))) ?? null;
  };
  const countries = [
    ...demonyms.map((d) => ({ start: d.start, end: d.end, id: d.countryId })),
    ...mentions.filter((m) => m.kind === 'place' && m.actorIds.length === 1 && kb.entries.get(m.actorIds[0])?.type === 'country').map((m) => ({ start: m.start, end: m.end, id: m.actorIds[0] })),
  ];
  for (const sentence of sentences) {
    for (const noun of spans(cues.mediaNoun, text, sentence.start, sentence.end)) {
      if (busy(noun)) continue;
      const written = text.slice(noun.start, noun.end);
      const complete = cues.mediaComplete.has(foldPhrase(written));
      const country = countries.find((c) => (c.end <= noun.start && JOIN.test(text.slice(c.end, noun.start))) || (c.start >= noun.end && JOIN.test(text.slice(noun.end, c.start))));
      // a name beside the noun and its country: "la chaîne saoudienne « Asharq »"
      const name = nameBeside(text, sentence, mentions, countries, country ? { start: Math.min(noun.start, country.start), end: Math.max(noun.end, country.end) } : noun);
      if (!complete && !country && !name) continue;
      const phrase = [noun, ...(country ? [country] : []), ...(name ? [name] : [])];
      const whole = { start: Math.min(...phrase.map((p) => p.start)), end: Math.max(...phrase.map((p) => p.end)) };
      // a capitalized noun inside a longer name runs on with it: "the Palestinian Media Center said"
      const runOn = !name && /^\p{Lu}/u.test(written) ? /^(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’-]*)+/u.exec(text.slice(whole.end, sentence.end)) : null;
      if (runOn) whole.end += runOn[0].length;
      const cue = cueBeside(whole, sentence);
      if (!cue) continue;
      out.push({
        kind: 'outlet', sourceId: null,
        name: name ? text.slice(name.start, name.end).replace(/^[«"“„][\s\u00a0]?|[\s\u00a0]?[»"”“]$/gu, '') : text.slice(whole.start, whole.end),
        ...(country ? { country: country.id } : {}),
        start: Math.min(cue.start, whole.start), end: Math.max(cue.end, whole.end), scope: sentence === lead ? 'document' : 'sentence',
      });
    }
    // an acronym alone beside a cue: "NTV reported", "according to TRT"
    for (const a of spans(ACRONYM, text, sentence.start, sentence.end)) {
      if (busy(a) || mentions.some((m) => overlaps(m, a)) || countries.some((c) => overlaps(c, a))) continue;
      // a media noun written in capitals ("TV") is no name
      if (spans(cues.mediaNoun, text, a.start, a.end).some((n) => n.start === a.start && n.end === a.end)) continue;
      // right beside it: "according to TRT" before, "NTV reported" after (not "X told": that is "told X")
      const before = spans(cues.according, text, Math.max(sentence.start, a.start - CUE_REACH), a.start).filter((c) => /^[\s\u00a0]*$/.test(text.slice(c.end, a.start))).pop();
      const cue = before ?? spans(cues.reportVerb, text, a.end, Math.min(sentence.end, a.end + CUE_REACH)).find((c) => /^[\s\u00a0]*$/.test(text.slice(a.end, c.start)));
      if (!cue) continue;
      out.push({ kind: 'outlet', sourceId: null, name: text.slice(a.start, a.end), start: Math.min(cue.start, a.start), end: Math.max(cue.end, a.end), scope: sentence === lead ? 'document' : 'sentence' });
    }
  }
  return out;
}
