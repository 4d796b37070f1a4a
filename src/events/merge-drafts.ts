// Deciding: several sentences about one meeting become one report (same or nested
// participants, compatible date and place); the body's words lead over the headline's.
import type { EventMode, Mention, PartialDate, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { Draft, PlaceFinding } from './draft.ts';
import { captionLines, compatibleDates, precisionOf, resolveDate, type DateFinding } from './resolve-date.ts';
import { placeOf, placeWithin } from './attach-place.ts';
import { wordTokens, type DemonymMention } from '../actors/detect-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import { startingWithin } from '../core/spans-by-start.ts';

/** A caption tells of a meeting only with a stated day no more than ten days before publication. */
export function captionDateFits(date: DateFinding | null, published: PartialDate | null): boolean {
  if (!date?.span || precisionOf(date) !== 'day') return false;
  if (!published || published.precision !== 'day') return true;
  const days = (Date.parse(published.value) - Date.parse(date.value)) / 86_400_000;
  return days >= -1 && days <= 10;
}

const remote = (m: EventMode): boolean => m === 'phone' || m === 'video';

/**
 * Folds the drafts of one document into reports. A later sentence joins a report only with
 * evidence: the same (or nested) people, a compatible time (equal days, or a day within the
 * month or year told), a compatible place and mode. A meeting told as an earlier past ("had
 * met", "كان قد التقى", "avait rencontré"; `earlier`, from the language's time words) is its
 * own report: it never joins the report of the meeting the text is about, nor that one it.
 */
export function mergeDrafts(drafts: Draft[], kb: KnowledgeBase, earlier: (d: Draft) => boolean = () => false): Draft[] {
  const out: Draft[] = [];
  const past = new Map<Draft, boolean>();
  const isEarlier = (d: Draft): boolean => {
    let v = past.get(d);
    if (v === undefined) past.set(d, (v = earlier(d)));
    return v;
  };
  const isPerson = (id: string): boolean => (kb.entries.get(id)?.kind ?? (id.startsWith('found:') ? 'person' : 'organization')) === 'person';
  const covers = (big: Draft, small: Draft): boolean => {
    const bigPersons = [...big.participants.keys()].filter(isPerson);
    for (const id of small.participants.keys()) {
      if (big.participants.has(id)) continue;
      if (!isPerson(id) && bigPersons.some((p) => kb.affiliations.get(p)?.has(id))) continue;
      return false;
    }
    return true;
  };
  for (const d of drafts) {
    // every draft is compared with every report so far: the cheap tests first, the sides last
    const target = out.find((o) => {
      if (remote(o.mode) !== remote(d.mode)) return false;
      if (o.date && d.date && !compatibleDates(o.date, d.date)) return false;
      if (isEarlier(o) !== isEarlier(d)) return false;
      if (o.place && d.place && !placeWithin(kb, o.place.actorId, d.place.actorId) && !placeWithin(kb, d.place.actorId, o.place.actorId)) return false;
      return covers(o, d) || covers(d, o);
    });
    if (!target) {
      out.push(d);
      continue;
    }
    absorb(target, d, isPerson, kb);
  }
  return out;
}

// where the pieces of a draft's evidence start, per evidence list (lists only grow, or are
// replaced): a meeting retold in thousands of sentences gathers thousands of pieces
const evidenceStarts = new WeakMap<Span[], { counted: number; starts: Set<number> }>();

function hasEvidenceAt(evidence: Span[], start: number): boolean {
  let known = evidenceStarts.get(evidence);
  if (!known) evidenceStarts.set(evidence, (known = { counted: 0, starts: new Set() }));
  for (; known.counted < evidence.length; known.counted++) known.starts.add(evidence[known.counted].start);
  return known.starts.has(start);
}

/** Folds draft `d` into `target`. */
export function absorb(target: Draft, d: Draft, isPerson: (id: string) => boolean, kb: KnowledgeBase): void {
  const personsOnly = [...target.participants.keys(), ...d.participants.keys()].filter(isPerson).length >= 2;
  for (const [id, spans] of d.participants) {
    if (personsOnly && !isPerson(id)) continue;
    // appended in place: copying a side's spans at each merge grows with the square of the retellings
    const own = target.participants.get(id);
    if (own) for (const span of spans) own.push(span);
    else target.participants.set(id, [...spans]);
  }
  if (personsOnly) for (const id of [...target.participants.keys()]) if (!isPerson(id)) target.participants.delete(id);
  if (!hasEvidenceAt(target.evidence, d.evidence[0].start)) target.evidence.push(...d.evidence);
  // a body sentence confirms the headline; the body's words lead
  if (target.inTitle && !d.inTitle) {
    target.inTitle = false;
    target.trigger = d.trigger;
    target.sentence = d.sentence;
    target.evidence = [...d.evidence, ...target.evidence.filter((e) => e.start !== d.evidence[0].start)];
  }
  // a day told later makes a month or a year told before precise
  if (!target.date || (d.date && target.date.precision && precisionOf(d.date) === 'day')) target.date = d.date ?? target.date;
  if (d.place && (!target.place || placeWithin(kb, d.place.actorId, target.place.actorId))) target.place = d.place;
}

/** What a photo caption shows: the people it names, and the day and place it states. */
export interface CaptionMoment {
  span: Span;
  persons: Set<string>;
  date: DateFinding | null;
  place: PlaceFinding | null;
}

/**
 * A verbless caption ("President X (left) and President Y at the presidential complex in Ankara
 * on March 9, 2022") dates and places the meeting it shows: the one report, met in person and
 * not told as an earlier past, whose people include every person the caption names (two at
 * least). It fills what the report lacks; a day it states against another day is no match.
 * The caption is bounded to its own line: nothing else of the text is read into it.
 */
export function captionsShow(reports: Draft[], moments: CaptionMoment[], kb: KnowledgeBase, earlier: (d: Draft) => boolean): void {
  for (const m of moments) {
    if (m.persons.size < 2 || (!m.date && !m.place)) continue;
    const shown = reports.filter(
      (d) =>
        !remote(d.mode) &&
        [...m.persons].every((p) => d.participants.has(p)) &&
        !(d.date && m.date && !compatibleDates(d.date, m.date)) &&
        !(d.place && m.place && !placeWithin(kb, m.place.actorId, d.place.actorId) && !placeWithin(kb, d.place.actorId, m.place.actorId)) &&
        !earlier(d),
    );
    if (shown.length !== 1) continue;
    const d = shown[0];
    if (m.date && (!d.date || d.date.precision)) d.date = m.date;
    if (m.place && (!d.place || placeWithin(kb, m.place.actorId, d.place.actorId))) d.place = m.place;
  }
}

/** Everything the captions of one document are read against. */
export interface CaptionContext {
  text: string;
  /** the noise finder's captions; caption lines of the body are found here (captionLines) */
  captions: Span[];
  persons: Mention[];
  mentions: Mention[];
  demonyms: DemonymMention[];
  kb: KnowledgeBase;
  lex: Lexicon;
  published: PartialDate | null;
  documentYear: number | null;
  anchor: string | null;
}

/** The people, day and place each caption of a document states (a day only as captionDateFits allows). */
export function readCaptions(c: CaptionContext): CaptionMoment[] {
  const out: CaptionMoment[] = [];
  for (const span of captionLines(c.text, c.captions, c.lex)) {
    const persons = new Set(startingWithin(c.persons, span.start, span.end).filter((p) => p.end <= span.end).map((p) => p.actorIds[0]));
    if (persons.size < 2) continue;
    const at = { start: span.start, end: span.start };
    const found = resolveDate(c.text, span, at, wordTokens(c.text, span), c.lex, c.published, c.documentYear, { anchor: c.anchor });
    const date = found && captionDateFits(found, c.published) ? found : null;
    out.push({ span, persons, date, place: placeOf(c.text, span, at, c.mentions, c.demonyms, c.kb, c.lex) });
  }
  return out;
}
