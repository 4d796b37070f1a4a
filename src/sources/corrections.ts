// Corrections: "Correction: An earlier version of this article said the meeting took place in
// Ankara; it was held in Sochi." A correction is a claim on the event it corrects, never an
// event: the reports told inside it are withheld, and it records what it changes (place, date,
// participants, or that no meeting took place) with the wrong values and the right ones.
//
// - a correction begins at a cue of data/lang/<lang>/attribution.json `corrections`: a phrase of
//   several words anywhere ("an earlier version of this"), a single word only opening its sentence
//   ("Correction:", "Korrektur", "تصحيح"); it runs to the end of its paragraph (three sentences at most);
// - the wrong values: those after an "earlier version" phrase up to the clause's end (";", ".") or
//   a word that brings the right one (`correctionNew`: "in fact", "sino"), and those after a word
//   that marks a value wrong (`correctionOld`: "not", "rather than") up to a comma; the rest are right;
// - a field changes when its wrong values and its right values differ: places and people named
//   (mentions), and days (the events' own date resolution, read-only);
// - `noMeeting` ("no such meeting took place") in the correction, or a meeting the events stage
//   found denied in it: the field is `occurrence`, and the event it names is disputed.
import { sha1Hex } from '../core/sha1-hex.ts';
import type { Correction, CorrectedValue, DenialClaim, EventReport, Mention, PartialDate, Sentence, Span } from '../core/types.ts';
import { wordTokens, type WordToken } from '../actors/detect-mentions.ts';
import type { Lexicon } from '../events/lexicon.ts';
import { resolveDate } from '../events/resolve-date.ts';
import type { DeniedTrigger } from '../events/extract-events.ts';
import type { AttributionCues } from './attribution-cues.ts';
import { allMatches } from '../core/all-matches.ts';

export interface CorrectionInput {
  docId: string;
  text: string;
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  reports: readonly EventReport[];
  denied: readonly DeniedTrigger[];
  lex: Lexicon;
  cues: AttributionCues;
  published: PartialDate | null;
}

export interface FoundCorrections {
  claims: DenialClaim[];
  /** The stretches of text the corrections cover: no report or denial is made from them. */
  regions: Span[];
}

/** Sentences a correction may run over. */
const MAX_SENTENCES = 3;

function hits(re: RegExp | null, text: string, from: number, to: number): Span[] {
  if (!re) return [];
  re.lastIndex = 0;
  return allMatches(re, text.slice(from, to)).map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length }));
}

const inside = (s: Span, r: Span): boolean => s.start >= r.start && s.end <= r.end;

export function findCorrections(input: CorrectionInput): FoundCorrections {
  const { docId, text, sentences, mentions, reports, denied, lex, cues, published } = input;
  const claims: DenialClaim[] = [];
  const regions: Span[] = [];
  if (!cues.correction) return { claims, regions };
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    if (regions.some((r) => sentence.start < r.end)) continue;
    const cue = hits(cues.correction, text, sentence.start, sentence.end).find((c) => {
      const words = text.slice(c.start, c.end).trim();
      return /[\s\u00a0]/u.test(words) || /^[\p{Script=Han}]{3,}$/u.test(words) || /^[\s"“«*[(—–-]*$/u.test(text.slice(sentence.start, c.start));
    });
    if (!cue) continue;
    let j = i;
    while (j + 1 < sentences.length && j + 1 - i < MAX_SENTENCES && sentences[j + 1].paragraph === sentence.paragraph) j++;
    const region = { start: cue.start, end: sentences[j].end };
    regions.push(region);
    // the stretches that tell what the earlier version wrongly said
    const wrong: Span[] = [];
    const clauseEnd = (from: number, marks: RegExp): number => {
      const rest = text.slice(from, region.end);
      const mark = rest.search(marks);
      const next = hits(cues.correctionNew, text, from, region.end)[0];
      return Math.min(mark < 0 ? region.end : from + mark, next?.start ?? region.end);
    };
    if (/[\s\u00a0]/u.test(text.slice(cue.start, cue.end).trim()) || /^[\p{Script=Han}]{3,}$/u.test(text.slice(cue.start, cue.end))) wrong.push({ start: cue.end, end: clauseEnd(cue.end, /[;；。.!?]/u) });
    else {
      // "Correction: An earlier version ..." : the notice word, then the phrase
      const phrase = hits(cues.correction, text, cue.end, region.end).find((c) => /[\s\u00a0]/u.test(text.slice(c.start, c.end).trim()));
      if (phrase) wrong.push({ start: phrase.end, end: clauseEnd(phrase.end, /[;；。.!?]/u) });
    }
    for (const o of hits(cues.correctionOld, text, region.start, region.end)) wrong.push({ start: o.end, end: clauseEnd(o.end, /[,;，；、。.!?]/u) });
    const isWrong = (s: Span): boolean => wrong.some((w) => inside(s, w));
    const right = (s: Span): boolean => !isWrong(s) && !inside(s, cue);
    // values named: places and people, and the day each stretch states
    const valuesOf = (kind: 'place' | 'person'): { old: CorrectedValue[]; new: CorrectedValue[] } => {
      const found = mentions.filter((m) => m.kind === kind && m.actorIds.length === 1 && inside(m, region));
      const as = (m: Mention): CorrectedValue => ({ value: m.actorIds[0], text: text.slice(m.start, m.end), span: { start: m.start, end: m.end } });
      return { old: found.filter(isWrong).map(as), new: found.filter(right).map(as) };
    };
    const pieces: Span[] = [];
    let at = region.start;
    for (const w of [...wrong].sort((a, b) => a.start - b.start)) {
      if (w.start > at) pieces.push({ start: at, end: w.start });
      pieces.push(w);
      at = Math.max(at, w.end);
    }
    if (at < region.end) pieces.push({ start: at, end: region.end });
    const tokens: WordToken[] = sentences.slice(i, j + 1).flatMap((s) => wordTokens(text, s));
    const days = { old: [] as CorrectedValue[], new: [] as CorrectedValue[] };
    for (const p of pieces) {
      const toks = tokens.filter((t) => inside(t, p));
      // the date resolution reads a day as the event's when it follows its trigger, not a verb of
      // saying ("said they met on Thursday"): each word of the stretch stands in for the trigger,
      // from the last, until a day is found
      let d: ReturnType<typeof resolveDate> = null;
      for (let k = toks.length - 1; k >= 0 && k >= toks.length - 40 && !d; k--) d = resolveDate(text, p, toks[k], toks, lex, published, null);
      if (!d || d.precision) continue;
      const v: CorrectedValue = { value: d.value, text: d.span ? text.slice(d.span.start, d.span.end) : d.value, span: d.span ?? { start: p.start, end: p.start } };
      (isWrong(p) ? days.old : days.new).push(v);
    }
    const changed = (v: { old: CorrectedValue[]; new: CorrectedValue[] }): { old: CorrectedValue[]; new: CorrectedValue[] } | null => {
      const o = v.old.filter((x) => !v.new.some((y) => y.value === x.value));
      const n = v.new.filter((x) => !v.old.some((y) => y.value === x.value));
      return o.length && n.length ? { old: dedupe(o), new: dedupe(n) } : null;
    };
    const places = valuesOf('place');
    const people = valuesOf('person');
    const noMeeting = hits(cues.noMeeting, text, region.start, region.end).some(right) || denied.some((d) => inside(d.trigger, region) && right(d.trigger));
    let field: Correction['field'] = null;
    let old: CorrectedValue[] = [];
    let now: CorrectedValue[] = [];
    const c = noMeeting ? null : (['place', 'date', 'participants'] as const).map((f) => [f, changed(f === 'place' ? places : f === 'date' ? days : people)] as const).find(([, v]) => v);
    if (noMeeting) {
      field = 'occurrence';
      old = [...places.old, ...days.old, ...people.old];
    } else if (c) [field, old, now] = [c[0], c[1]!.old, c[1]!.new];
    // who it concerns: the people it names (for a correction of another document's report), and
    // the reports of this document it corrects (those holding its values, else all outside it)
    const named = [...new Set([...people.old, ...people.new].map((p) => p.value))];
    const outside = reports.filter((r) => !inside(r.trigger, region));
    const holds = (r: EventReport): boolean =>
      field === 'place' ? [...old, ...now].some((v) => v.value === r.place?.actorId)
        : field === 'date' ? [...old, ...now].some((v) => v.value === r.date?.value)
          : named.length >= 2 ? named.filter((p) => r.participants.some((x) => x.actorId === p)).length >= 2 : true;
    const concerned = outside.filter(holds);
    const concern = (concerned.length ? concerned : field === 'occurrence' && named.length >= 2 ? [] : outside).map((r) => r.id);
    const withheld = reports.filter((r) => inside(r.trigger, region));
    const participants = named.length >= 2 ? named : [...new Set(withheld.flatMap((r) => r.participants.map((p) => p.actorId)))];
    claims.push({
      id: 'c' + sha1Hex(`${docId}:${cue.start}:${cue.end}`).slice(0, 16),
      docId,
      reason: 'corrected',
      trigger: cue,
      sentence: region,
      cue,
      participants,
      date: days.old[0]?.value ?? null,
      by: null,
      correction: { field, old, new: now, reports: concern },
    });
  }
  return { claims, regions };
}

function dedupe(values: CorrectedValue[]): CorrectedValue[] {
  return values.filter((v, i) => values.findIndex((w) => w.value === v.value) === i);
}
