// Event extraction: CONSULT events (meetings, talks, visits, receptions, calls) found from
// trigger words per language, with participants, date, place and modality, each backed by the
// words that show it. Several sentences about one meeting become one report.
//
// The stages, one module each: find-triggers (triggers, clauses, modality), gather-participants,
// attach-place, resolve-date, merge-drafts. This module reads the document sentence by sentence
// and hands each trigger through them.
import { sha1Hex } from '../core/sha1-hex.ts';
import type { EventReport, Mention, PartialDate, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { wordTokens, type DemonymMention, type WordToken } from '../actors/detect-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import { lastMatching, type Draft, type KindOf, type PlaceFinding, type TriggerHit } from './draft.ts';
import { derived } from './derived.ts';
import { clauseOf, findTriggers, unrealReason } from './find-triggers.ts';
import { meansFor, modeByMeans } from './call-mode.ts';
import { gatherParticipants, visitedHead } from './gather-participants.ts';
import { countryInTitle, placeOf, placeWithin } from './attach-place.ts';
import { absorb, captionDateFits, captionsShow, mergeDrafts, readCaptions } from './merge-drafts.ts';
import { findCountingDay, postDateOf, postDates, resolveDate, toldAsEarlier, type PostDate } from './resolve-date.ts';
import { addMembers } from './find-members.ts';
import { dayOfStay, findStays, stayPlace, type Stay } from './find-stays.ts';
import { datelineFits, findDateline } from './dateline-place.ts';
import { findDestinations } from './find-destinations.ts';
import { lastWithin, startingWithin } from '../core/spans-by-start.ts';
import { allMatches } from '../core/all-matches.ts';

export interface EventOptions {
  kb: KnowledgeBase;
  /** the headline: a meeting it alone tells of is a summary of a body that said nothing, so dropped */
  title?: Span | null;
  /** photo captions (noise ranges): a meeting told there counts only with an explicit recent date */
  captions?: Span[];
  lex: Lexicon;
  docId: string;
  published: PartialDate | null;
  /**
   * Told of each trigger that modality finds denied or negated ("denied reports that A met B",
   * "no meeting took place"), with the people and day it names: a claim against a meeting,
   * linked to it by src/sources/, never a report.
   */
  onDenied?: (denied: DeniedTrigger) => void;
}

/** A trigger modality finds denied or negated, with the people and day its clause names. */
export interface DeniedTrigger {
  reason: string;
  trigger: Span;
  sentence: Span;
  participants: string[];
  date: string | null;
}

/** modality.ts reasons that deny a meeting (not a plan, an invitation or a condition). */
const DENYING = new Set(['denied', 'negated']);

function reportId(docId: string, trigger: Span): string {
  return 'r' + sha1Hex(`${docId}:${trigger.start}:${trigger.end}`).slice(0, 16);
}

/** What every sentence of one document is read against. */
interface DocScope {
  text: string;
  mentions: Mention[];
  persons: Mention[];
  demonyms: DemonymMention[];
  options: EventOptions;
  kindOf: KindOf;
  /** a year the headline states, for day-and-month dates when nothing else gives the year */
  documentYear: number | null;
  /** the document's time anchor when no publication day is known (resolve-date findCountingDay) */
  anchorDay: string | null;
  drafts: Draft[];
  stays: Stay[];
  /** embedded social posts with the day their signature states */
  posts: PostDate[];
  /** the body's sentences, for references back (salience) */
  sentences: Sentence[];
  /** the people of meetings the text told as not (yet) real: planned, invited, called off, denied */
  unrealMeetings: Array<Set<string>>;
}

export function extractEvents(text: string, sentences: Sentence[], mentions: Mention[], demonyms: DemonymMention[], options: EventOptions): EventReport[] {
  const { kb, lex, docId, published } = options;
  const persons = mentions.filter((m) => m.kind === 'person');
  const titleYears = options.title ? text.slice(options.title.start, options.title.end).match(/\b(?:19|20)\d\d\b/g) : null;
  const documentYear = !published && titleYears && new Set(titleYears).size === 1 ? +titleYears[0] : null;
  const scope: DocScope = {
    text,
    mentions,
    persons,
    demonyms,
    options,
    kindOf: (id) => kb.entries.get(id)?.kind ?? (id.startsWith('found:') ? 'person' : 'organization'),
    documentYear,
    anchorDay: findCountingDay(text, sentences, options.captions ?? [], lex, published, documentYear, (s) => wordTokens(text, s)),
    drafts: [],
    stays: [],
    posts: postDates(text),
    sentences,
    unrealMeetings: [],
  };
  const { drafts } = scope;
  let pending: (Span & { sentence: Sentence; left: number }) | null = null;
  // `at`: where a destination is named, for a meeting told later in the same sentence ("赴莫斯科…會見")
  const presence: Array<{ actorId: string; place: PlaceFinding; sentence: number; at?: number }> = [];
  const { presence: presenceRe, anaphora } = derived(lex);

  const captionSentences: Sentence[] = (options.captions ?? []).map((c) => ({ ...c, index: -1, paragraph: -1 }));
  const all = [...sentences, ...captionSentences].sort((a, b) => a.start - b.start);
  for (const sentence of all) {
    const isCaption = sentence.index < 0;
    const sentText = text.slice(sentence.start, sentence.end);
    const toks: WordToken[] = wordTokens(text, sentence);
    if (presenceRe && !isCaption) {
      // "Ismail Haniyeh, who is in the Lebanese capital ...": where a person is as the text is written
      for (const m of allMatches(presenceRe, sentText)) {
        const at = sentence.start + (m.index ?? 0);
        const who = lastWithin(persons, sentence.start, at, (p) => p.start >= sentence.start && p.end <= at);
        const where = placeOf(text, { start: at, end: Math.min(sentence.end, at + m[0].length + 40) }, { start: at, end: at + m[0].length }, mentions, demonyms, kb, lex);
        if (who && where) presence.push({ actorId: who.actorIds[0], place: where, sentence: sentence.index });
      }
    }
    // "Widodo hat Kiew besucht", "王毅赴莫斯科": where a person travelled
    if (!isCaption) presence.push(...findDestinations(text, sentence, mentions, lex));
    if (!isCaption) scope.stays.push(...findStays({ text, persons, mentions, demonyms, kb, lex, published, year: scope.documentYear }, sentence, toks));
    const triggers = findTriggers(text, sentence, lex, persons);
    const ana = anaphora ? sentText.match(anaphora) : null;
    const anaphor = ana && !isCaption ? { start: sentence.start + (ana.index ?? 0), end: sentence.start + (ana.index ?? 0) + ana[0].length } : null;
    const fresh = (triggers.length ? sentenceDrafts(scope, sentence, toks, triggers, isCaption) : []).filter((d) => !(anaphor && refersBack(scope, d, anaphor)));
    drafts.push(...fresh);
    addMembers({ text, persons, lex, drafts }, sentence, fresh, !!ana);
    if (fresh.length) continue;
    // "In this meeting the two sides ..." before any meeting is told: the people come later
    const last = drafts[drafts.length - 1];
    if (ana && last && !isCaption && last.mode !== 'phone' && last.mode !== 'video' && sentence.index - last.sentence.index <= 2) {
      // "The talks took place on the sidelines of the G20 summit in Bali"
      const at = { start: sentence.start + (ana.index ?? 0), end: sentence.start + (ana.index ?? 0) + ana[0].length };
      last.place ??= placeOf(text, sentence, at, mentions, demonyms, kb, lex);
      last.date ??= resolveDate(text, sentence, at, toks, lex, published, null);
    }
    if (!drafts.length && ana) {
      pending = { start: sentence.start + (ana.index ?? 0), end: sentence.start + (ana.index ?? 0) + ana[0].length, sentence, left: 3 };
    } else if (pending && pending.left-- > 0) {
      const joint = jointSubject(scope, sentence);
      if (joint) {
        drafts.push({
          mode: 'meet',
          trigger: { start: pending.start, end: pending.end },
          sentence: pending.sentence,
          evidence: [{ start: pending.sentence.start, end: pending.sentence.end }, { start: sentence.start, end: sentence.end }],
          participants: new Map(joint.map((m) => [m.actorIds[0], [{ start: m.start, end: m.end }]])),
          date: null,
          place: null,
          inTitle: false,
        });
        pending = null;
      }
    }
  }
  const earlier = (d: Draft): boolean => toldAsEarlier(text, d.sentence, d.trigger, lex);
  const merged = mergeDrafts(drafts, kb, earlier).filter((d) => !d.inTitle);
  // a verbless photo caption dates and places the meeting it shows
  const captions = options.captions ?? [];
  captionsShow(merged, readCaptions({ text, captions, persons, mentions, demonyms, kb, lex, published, documentYear, anchor: scope.anchorDay }), kb, earlier);
  // a meeting told without a place (or only its country), right after the text says where one of its people is
  // (before any sentence that tells of it: "... went to Doha. There Erdoğan met Sisi" retells a meeting told first)
  const sentenceAt = new Map(sentences.map((s) => [s.start, s.index]));
  for (const d of merged) {
    if (d.mode === 'phone' || d.mode === 'video' || d.sentence.index < 0) continue;
    const own = d.place;
    const told = d.evidence.map((e) => sentenceAt.get(e.start)).filter((i): i is number => i !== undefined && i !== d.sentence.index);
    const fact = presence
      .filter((f) => (f.sentence < d.sentence.index || (f.sentence === d.sentence.index && f.at !== undefined && f.at < d.trigger.start)
        ? f.sentence >= d.sentence.index - 2
        : told.some((i) => f.sentence < i && f.sentence >= i - 2)))
      .filter((f) => d.participants.has(f.actorId))
      .filter((f) => !own || (f.place.actorId !== own.actorId && placeWithin(kb, f.place.actorId, own.actorId)))
      .pop();
    const place = fact?.place ?? own ?? stayPlace(d, scope.stays);
    // "Erdoğan visited Cairo ... During his Egypt visit he met Sisi": a country sharpened to the
    // one place within it the text says one of the people went to or was in, however far back
    const inside = place && kb.entries.get(place.actorId)?.type === 'country'
      ? presence.filter((f) => f.sentence <= d.sentence.index && d.participants.has(f.actorId) && f.place.actorId !== place.actorId && placeWithin(kb, f.place.actorId, place.actorId))
      : [];
    d.place = inside.length && inside.every((f) => f.place.actorId === inside[0].place.actorId) ? inside[0].place : place;
  }
  // "ANKARA — ...": the dateline places what names no place of its own (or only its country)
  const dateline = merged.some((d) => !d.place || kb.entries.get(d.place.actorId)?.type === 'country') ? findDateline(text, sentences, mentions, kb, lex) : null;
  if (dateline) for (const d of merged) if (datelineFits(d, dateline, published?.precision === 'day' ? published.value : null, kb)) d.place = dateline.place;
  return merged.map((d) => ({
    id: reportId(docId, d.trigger),
    docId,
    type: 'CONSULT' as const,
    mode: d.mode,
    trigger: d.trigger,
    evidence: d.evidence,
    participants: [...d.participants].map(([actorId, spans]) => ({ actorId, spans })),
    date: d.date,
    place: d.place,
  }));
}

/**
 * "According to a readout published after the meeting, the leaders also discussed ...": a
 * draft whose trigger is the anaphora itself ("the meeting", "the talks") and that states no
 * date or place of its own is the last meeting told before, however far back, when those
 * people were in it (whatever its mode: texts call a call a meeting). Folds it into that draft;
 * true when it did.
 */
function refersBack(scope: DocScope, d: Draft, anaphor: Span): boolean {
  if (d.trigger.start < anaphor.start || d.trigger.end > anaphor.end || d.date || d.place) return false;
  const before = lastMatching(scope.drafts, (o) => !o.inTitle && o.sentence.index < d.sentence.index);
  if (!before) return false;
  for (const id of d.participants.keys()) if (!before.participants.has(id)) return false;
  const isPerson = (id: string): boolean => scope.kindOf(id) === 'person';
  absorb(before, d, isPerson, scope.options.kb);
  return true;
}

/** "Haniyeh and Nasrallah also stressed ...": two people named as one subject. */
function jointSubject(scope: DocScope, sentence: Sentence): [Mention, Mention] | null {
  const gap = scope.options.lex.words.coordinatorGap;
  if (!gap) return null;
  const here = startingWithin(scope.persons, sentence.start, sentence.end).filter((p) => p.start >= sentence.start && p.end <= sentence.end);
  for (let i = 0; i + 1 < here.length; i++) {
    const a = here[i];
    const b = here[i + 1];
    if (a.actorIds[0] !== b.actorIds[0] && gap.test(scope.text.slice(a.end, b.start))) return [a, b];
  }
  return null;
}

/** Two triggers joined by a coordinator within one part of a sentence: "visit ... and hold talks". */
function joined(text: string, a: Span, b: Span, lex: Lexicon): boolean {
  const between = text.slice(a.end, b.start);
  // "计划访问莫斯科，并会见拉夫罗夫": a coordinator of verbs joins across a comma
  if (lex.words.verbCoordinatorAfterComma?.test(between)) return true;
  return !/[,;:，；。]/.test(between) && !!lex.words.coordinator?.test(between);
}

/** Reasons a trigger is no event that pass on to a trigger joined to it by a coordinator. */
const CARRIED = new Set(['modal', 'denied', 'invited', 'negated']);

/**
 * The time (and place) of the sentence before, for a trigger whose clause says it happened then
 * ("at the time", "saat itu", "à l'époque"), when that sentence states a time.
 */
function sameTimeAs(scope: DocScope, sentence: Sentence, trig: Span): { date: NonNullable<Draft['date']>; place: PlaceFinding | null } | null {
  const { text, options } = scope;
  const cue = options.lex.words.sameTime;
  if (!cue || sentence.index <= 0 || !cue.test(text.slice(sentence.start, trig.start))) return null;
  const prev = scope.sentences.find((s) => s.index === sentence.index - 1);
  if (!prev) return null;
  const at = { start: prev.end, end: prev.end };
  const date = resolveDate(text, prev, at, wordTokens(text, prev), options.lex, options.published, null, { anchor: scope.anchorDay });
  if (!date) return null;
  return { date, place: placeOf(text, prev, at, scope.mentions, scope.demonyms, options.kb, options.lex) };
}

/** Reasons a meeting is not (yet) real that a later mention of the same meeting inherits. */
const UNREAL_MEETING = new Set(['modal', 'invited', 'undone', 'denied', 'negated']);

/** Keeps the people (two or more) of a meeting the text tells as not real. */
function noteUnreal(scope: DocScope, parts: Map<string, Span[]> | null): void {
  const people = parts ? [...parts.keys()].filter((id) => scope.kindOf(id) === 'person') : [];
  if (people.length >= 2) scope.unrealMeetings.push(new Set(people));
}

/**
 * "Kishida will meet Widodo on Friday. ... In the meeting of Widodo and Kishida, the economy
 * comes first": a meeting named by a noun, with no tense of its own, is the meeting the text
 * already told as planned (or called off, or denied) when its people are that meeting's and no
 * meeting of theirs was told as real before. The plan frames the whole report.
 */
function toldAsUnreal(scope: DocScope, parts: Map<string, Span[]>): boolean {
  if (!scope.unrealMeetings.length) return false;
  const people = [...parts.keys()].filter((id) => scope.kindOf(id) === 'person');
  if (people.length < 2) return false;
  const same = (ids: Iterable<string>, set: Set<string>): boolean => [...ids].every((id) => set.has(id));
  if (!scope.unrealMeetings.some((m) => same(people, m))) return false;
  // a meeting of theirs already told as real: this one may be it
  return !scope.drafts.some((d) => !d.inTitle && people.every((id) => d.participants.has(id)));
}

/** The events the triggers of one sentence tell of, each in its own clause. */
function sentenceDrafts(scope: DocScope, sentence: Sentence, toks: WordToken[], triggers: TriggerHit[], isCaption: boolean): Draft[] {
  const { text, options } = scope;
  const { kb, lex, published } = options;
  const sentText = text.slice(sentence.start, sentence.end);
  const sentenceModal = !!lex.sentenceModal?.test(sentText);
  const yearMatch = sentText.match(/\b(?:19|20)\d\d\b/g);
  const sentenceYear = yearMatch && yearMatch.length === 1 ? +yearMatch[0] : null;
  // "has since met": the last date told before is what the event follows
  const since = lex.words.sinceThen?.test(sentText) ? lastMatching(scope.drafts, (d) => !!d.date?.span)?.date?.value ?? null : null;
  const out: Draft[] = [];
  const unreal: Array<string | null> = [];
  for (let k = 0; k < triggers.length; k++) {
    const trig = triggers[k];
    const region = { start: k === 0 ? sentence.start : triggers[k - 1].end, end: k + 1 < triggers.length ? triggers[k + 1].start : sentence.end };
    // a caption is one clause: its date and place describe the photo's moment
    const clause = isCaption ? region : clauseOf(text, region, trig, lex);
    const why = unrealReason({ text, sentence, sentenceModal, persons: scope.persons, mentions: scope.mentions, lex }, trig, region, clause);
    // "will visit China and hold talks with Xi": a modal carries over verbs joined to its own
    // (and so do a denial, an invitation, a negation: "invited him to visit Ankara and meet ...")
    const carried = k > 0 && CARRIED.has(unreal[k - 1] ?? '') && joined(text, triggers[k - 1], trig, lex);
    unreal.push(why ?? (carried ? unreal[k - 1] : null));
    const previous = out.length ? out[out.length - 1] : scope.drafts.length ? scope.drafts[scope.drafts.length - 1] : null;
    const pscope = { text, sentence, mentions: scope.mentions, persons: scope.persons, demonyms: scope.demonyms, kb, lex, kindOf: scope.kindOf, previous, sentences: scope.sentences, date: published?.value ?? null };
    const reason = unreal[k];
    if (reason && DENYING.has(reason) && options.onDenied) {
      const parts = gatherParticipants(pscope, trig, clause);
      const date = resolveDate(text, clause, trig, toks, lex, published, sentenceYear ?? scope.documentYear, { anchor: scope.anchorDay, after: since });
      if (parts?.size) options.onDenied({ reason, trigger: { start: trig.start, end: trig.end }, sentence: { start: sentence.start, end: sentence.end }, participants: [...parts.keys()], date: date?.value ?? null });
    }
    if (why || carried) {
      if (!isCaption && UNREAL_MEETING.has(unreal[k] ?? '')) noteUnreal(scope, gatherParticipants(pscope, trig, clause, []));
      continue;
    }
    const visit = visitedHead(pscope, trig, clause, published?.value ?? null);
    const parts = gatherParticipants(pscope, trig, clause, visit ? [visit.host] : []);
    if (!parts) continue;
    let date =
      resolveDate(text, clause, trig, toks, lex, published, sentenceYear ?? scope.documentYear, { anchor: scope.anchorDay, after: since }) ??
      dayOfStay(text, clause, lex, parts.keys(), scope.stays, sentence.index) ??
      postDateOf(scope.posts, sentence);
    // "In 2016 Jokowi visited Sochi for a summit. At the time he also met Putin": the time and
    // place of the sentence before, which makes it a meeting of its own
    const then = !date && !isCaption ? sameTimeAs(scope, sentence, trig) : null;
    if (then) date = then.date;
    if (isCaption && !captionDateFits(date, published)) continue;
    // a day of its own makes it another meeting ("their last meeting, in Bali in November")
    if (trig.noun && !date?.span && toldAsUnreal(scope, parts)) continue;
    // "went to Moscow, held consultations there, and met Lavrov": a verb joined across a comma
    // ("，并") to the event before, with no place of its own, happened where that one did
    const before = out.length && k > 0 && out[out.length - 1].trigger.start === triggers[k - 1].start ? out[out.length - 1] : null;
    const carriedPlace = before?.place && trig.mode !== 'phone' && trig.mode !== 'video' && lex.words.verbCoordinatorAfterComma?.test(text.slice(triggers[k - 1].end, trig.start)) ? before.place : null;
    // "sprach am Telefon mit", "conversó vía telefónica con": the means told in the clause
    const mode = modeByMeans(text, clause, trig, meansFor(lex.lang));
    out.push({
      mode,
      trigger: { start: trig.start, end: trig.end },
      sentence,
      evidence: [{ start: sentence.start, end: sentence.end }],
      participants: parts,
      date,
      // a call has no place; a weak trigger ("talks") names one only as the sentence's sole event,
      // or as its first one told after the place ("held in Riyadh a meeting with ..., the first ...")
      place: mode === 'phone' || mode === 'video' ? null : trig.weak && triggers.length > 1 ? weakPlace(trig, k, placeOf(text, clause, trig, scope.mentions, scope.demonyms, kb, lex)) : (then?.place ?? null) ?? placeOf(text, clause, trig, scope.mentions, scope.demonyms, kb, lex) ?? (visit && !countryInTitle(text, visit.place.span, lex) ? visit.place : null) ?? carriedPlace,
      inTitle: !!options.title && sentence.start >= options.title.start && sentence.end <= options.title.end,
    });
  }
  return elaborations(text, out, kb);
}

/** A weak trigger sharing its sentence with others keeps only a place told before it with no trigger before that: the place may be another's. */
function weakPlace(trig: TriggerHit, k: number, place: PlaceFinding | null): PlaceFinding | null {
  return place && k === 0 && place.span.end <= trig.start ? place : null;
}

/**
 * "Their last meeting dates from July: Haniyeh was received in Ankara on 26 July": a clause
 * after a colon that tells of an event sharing a side with the one before it tells more of it.
 */
function elaborations(text: string, drafts: Draft[], kb: KnowledgeBase): Draft[] {
  const out: Draft[] = [];
  const isPerson = (id: string): boolean => (kb.entries.get(id)?.kind ?? (id.startsWith('found:') ? 'person' : 'organization')) === 'person';
  for (const d of drafts) {
    const prev = out[out.length - 1];
    const joined =
      prev &&
      /:\s/.test(text.slice(prev.trigger.end, d.trigger.start)) &&
      [...d.participants.keys()].some((id) => isPerson(id) && prev.participants.has(id)) &&
      !(prev.date && d.date && prev.date.value !== d.date.value) &&
      !(prev.place && d.place && !placeWithin(kb, d.place.actorId, prev.place.actorId) && !placeWithin(kb, prev.place.actorId, d.place.actorId));
    if (joined) absorb(prev, d, isPerson, kb);
    else out.push(d);
  }
  return out;
}
