// Participants of one trigger: people and organizations named in its clause, the sentence's
// subject, a pronoun or possessive standing for someone named before, a plural reference to
// an earlier meeting's people ("the two leaders"). Organizations stand in only for sides no
// named person represents.
import type { Mention, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { DemonymMention } from '../actors/detect-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import type { Draft, KindOf, PlaceFinding, TriggerHit } from './draft.ts';
import { roleActiveOn } from '../actors/knowledge-base.ts';
import { normalizeName } from '../actors/name-key.ts';
import { backwardWithin, lastWithin, startingWithin } from '../core/spans-by-start.ts';
import { derived } from './derived.ts';
import { forumAt, frameOf, invitedBy, quotesIn, referenceWords, reportedFrom, reportsAfter, speakerOf, sponsoredAt } from './resolve-reference.ts';
import { modalityOf } from './modality.ts';
import { rolesIn, salientSubject, subjectOf, type SalienceScope } from './salience.ts';
import { allMatches } from '../core/all-matches.ts';

export interface ParticipantScope {
  text: string;
  sentence: Span;
  mentions: Mention[];
  persons: Mention[];
  demonyms: DemonymMention[];
  kb: KnowledgeBase;
  lex: Lexicon;
  kindOf: KindOf;
  /** the event told last before this trigger, for plural references */
  previous: Draft | null;
  /** the document's sentences, for references to the sentences before (salience) */
  sentences?: Sentence[];
  /** the document's date, for roles held on it ("the South African head of state") */
  date?: string | null;
}

const inSpan = (m: Span, s: Span): boolean => m.start >= s.start && m.end <= s.end;

/** "according to Reuters": a name given as the source of the report is no side of the event. */
/** A knowledge-base entry of a wire agency or a news outlet (data/kb/organizations/news-media.json). */
export function isNewsMedium(e: { type?: string } | undefined): boolean {
  return e?.type === 'news-agency' || e?.type === 'news-outlet';
}

export function citedAt(text: string, sentence: Span, m: Span, lex: Lexicon): boolean {
  const cue = lex.words.citedBefore;
  return !!cue && cue.test(text.slice(Math.max(sentence.start, m.start - 24), m.start));
}

/** Roles of a country's head of state or government: the host a visit to that country meets. */
const HEAD_ROLES = new Set(['president', 'prime-minister', 'king', 'emir', 'crown-prince', 'chancellor', 'supreme-leader']);

/**
 * "Macron went to China last week, where he urged Chinese President Xi Jinping ...": a visit to
 * a country whose head is then named in the sentence is a visit to that head, there.
 */
export function visitedHead(scope: ParticipantScope, trig: TriggerHit, clause: Span, date: string | null): { host: Mention; place: PlaceFinding } | null {
  if (trig.mode !== 'visit') return null;
  const { mentions, persons, kb, sentence } = scope;
  const country = startingWithin(mentions, trig.end, trig.end + 12).find((m) => m.kind === 'place' && m.start >= trig.end && m.start - trig.end <= 12 && m.end <= clause.end);
  const id = country?.actorIds[0];
  if (!country || !id || kb.entries.get(id)?.type !== 'country') return null;
  const host = startingWithin(persons, country.end, sentence.end).find(
    (p) =>
      p.start >= country.end &&
      p.end <= sentence.end &&
      (kb.entries.get(p.actorIds[0])?.roles ?? []).some((r) => r.of === id && HEAD_ROLES.has(r.role) && roleActiveOn(r, date)),
  );
  return host ? { host, place: { actorId: id, span: { start: country.start, end: country.end } } } : null;
}

/** The last `count` people named before `at`, nearest first: searched back from `at`, not over the whole text. */
function lastPeople(persons: Mention[], at: number, count: number): string[] {
  const ids = new Set<string>();
  for (const p of backwardWithin(persons, -Infinity, at)) {
    if (ids.size >= count) break;
    if (p.end <= at) ids.add(p.actorIds[0]);
  }
  return [...ids];
}

/** The sides of the event a trigger tells of, or null when it has fewer than two. */
export function gatherParticipants(scope: ParticipantScope, trig: TriggerHit, clause: Span, extra: Mention[] = []): Map<string, Span[]> | null {
  const { text, sentence, mentions, persons, demonyms, kb, lex, kindOf } = scope;
  const { pronoun } = derived(lex);
  const words = referenceWords(lex);
  const plurals = words.plurals ?? derived(lex).plurals;
  const parts = new Map<string, Span[]>();
  const add = (id: string, span: Span): void => {
    const list = parts.get(id) ?? [];
    list.push(span);
    parts.set(id, list);
  };
  for (const m of extra) add(m.actorIds[0], { start: m.start, end: m.end });
  const cited = (m: Span): boolean => citedAt(text, sentence, m, lex);
  // "the G20 summit": a forum named as an occasion is not a side
  const forum = (m: Span): boolean => !!lex.words.forumAfter?.test(text.slice(m.end, m.end + 12));
  // "accompanied by X", "X attended": someone who goes along or looks on is no side
  const along = new Set<number>();
  const cue = lex.words.accompanyCue;
  if (cue) {
    cue.lastIndex = 0;
    for (const c of allMatches(cue, text.slice(sentence.start, sentence.end))) {
      const end = sentence.start + (c.index ?? 0) + c[0].length;
      const first = startingWithin(persons, end, end + 70).find((p) => p.start >= end && p.start - end <= 70 && p.end <= sentence.end && !/[,.;:]/.test(text.slice(end, p.start)));
      if (first) along.add(first.start);
    }
  }
  // "X, Y and Z also attended": every name of a list (its last link a coordinator) before an
  // attending verb, adverbs aside
  const attendsRight = (m: Span): boolean => {
    const after = text.slice(m.end, Math.min(sentence.end, m.end + 60));
    const bare = words.leadingAdverbs ? after.replace(words.leadingAdverbs, ' ') : after;
    return !!lex.words.attendsAfter?.test(after) || !!lex.words.attendsAfter?.test(bare);
  };
  const attends = (m: Span): boolean => {
    if (attendsRight(m)) return true;
    let at: Span = m;
    for (let k = 0; k < 6; k++) {
      const next = startingWithin(persons, at.end, at.end + 8).find((p) => p.start >= at.end && p.end <= sentence.end);
      if (!next) return false;
      const gap = text.slice(at.end, next.start);
      const joined = !!lex.words.coordinatorGap?.test(gap);
      if (!joined && !/^\s*,\s*$/.test(gap)) return false;
      if (joined) return attendsRight(next);
      at = next;
    }
    return false;
  };
  const aside = (m: Span): boolean => along.has(m.start) || attends(m);
  // an inviter stays a side of a visit or a reception: the one invited usually meets the host
  const invitesOnly = trig.mode !== 'visit' && trig.mode !== 'host';
  // "under the patronage of X", "at the invitation of X": a host of the occasion is no side
  const sponsors = new Set<string>();
  const sponsored = (m: Mention): boolean => {
    const is = sponsoredAt(text, sentence, m, words) || (invitesOnly && invitedBy(text, sentence, m, words, persons));
    if (is) sponsors.add(m.actorIds[0]);
    return is;
  };
  // a trigger inside a quote tells of the quote's people: its speaker is a side only as "I"
  const quote = quotesIn(text, sentence).find((q) => q.start <= trig.start && trig.end <= q.end) ?? null;
  // a background phrase and the sentence's main clause share no sides
  const frame = frameOf(text, sentence, words);
  const inFrame = !!frame && trig.end <= frame.end;
  const framedOut = (m: Span): boolean => !!frame && (inFrame ? m.start >= frame.end : m.end <= frame.end);
  // inside a quote the people outside it are no sides
  // "X said that Y met Z": who says so is no side
  const reported = reportedFrom(text, sentence, trig, words, modalityOf(lex));
  const outside = (m: Span): boolean => (!!quote && (m.end <= quote.start || m.start >= quote.end)) || framedOut(m) || m.end <= reported;
  const salience: SalienceScope = {
    text,
    sentences: scope.sentences,
    sentence,
    persons,
    kb,
    lex,
    date: scope.date ?? null,
    skip: (m) => cited(m) || aside(m) || sponsoredAt(text, sentence, m, words) || (invitesOnly && invitedBy(text, sentence, m, words, persons)),
  };
  // role descriptions: "the top Iranian diplomat", "son homologue ukrainien"
  const roles = rolesIn(salience, sentence);
  const inClause = [...startingWithin(mentions, clause.start, clause.end), ...roles.filter((r) => r.start >= clause.start && r.start < clause.end)];
  // "X met Y in Berlin, then he met Z": a subject pronoun before the verb is its subject, and
  // the names before it belong to the verb before
  let subjectAt = -1;
  const subj = words.subjectPronoun;
  if (subj) {
    subj.lastIndex = 0;
    for (const sm of allMatches(subj, text.slice(clause.start, trig.start))) {
      const at = clause.start + (sm.index ?? 0);
      if (!inClause.some((m) => m.kind === 'person' && m.start > at && m.end <= trig.start)) subjectAt = at;
    }
  }
  for (const m of inClause) {
    if (!inSpan(m, clause) || m.kind === 'place' || cited(m) || outside(m)) continue;
    if (m.kind === 'person' && (m.end <= subjectAt || reportsAfter(text, trig, m, words))) continue;
    if (m.kind === 'organization' && (forum(m) || forumAt(text, sentence, m, words))) continue;
    // a news agency or outlet that carries the report is who says so, never a side (src/sources/)
    if (m.kind === 'organization' && m.actorIds.every((id) => isNewsMedium(kb.entries.get(id)))) continue;
    if (m.kind === 'person' && (aside(m) || sponsored(m))) continue;
    for (const id of m.actorIds) add(id, { start: m.start, end: m.end });
  }
  // "Emmanuel Macron, con quien habló", "Trudeau, de quien recibió una llamada": a relative
  // pronoun opening the trigger's clause stands for the person named right before it
  const relative = words.relativeAfterName;
  if (relative && clause.start > sentence.start) {
    const head = lastWithin(persons, sentence.start, clause.start, (p) => p.start >= sentence.start && p.end <= clause.start);
    if (head && !parts.has(head.actorIds[0]) && !cited(head) && !outside(head) && relative.test(text.slice(head.end, clause.start))) add(head.actorIds[0], { start: head.start, end: head.end });
  }
  // "« J'ai parlé avec X », a déclaré Widodo": the first person of a quote is its speaker
  if (quote && words.firstPerson?.test(text.slice(Math.max(quote.start, clause.start), Math.min(quote.end, clause.end)))) {
    const speaker = speakerOf(text, sentence, quote, persons);
    if (speaker && !parts.has(speaker.actorIds[0]) && !cited(speaker)) add(speaker.actorIds[0], { start: speaker.start, end: speaker.end });
  }
  const personCount = (): number => [...parts.keys()].filter((id) => kindOf(id) === 'person').length;
  const agentNamed = (): boolean => [...parts].some(([id, spans]) => kindOf(id) === 'person' && spans.some((sp) => sp.end <= trig.start));
  // a pronoun subject: "He met in Beirut ...", "... as he received a delegation"
  if (!agentNamed() && pronoun) {
    const head = text.slice(clause.start, trig.start);
    // before the verb, or right after it where the verb comes second ("Danach traf er X")
    const after = text.slice(trig.end, Math.min(clause.end, trig.end + 12)).match(/^\s+/)?.[0].length ?? -1;
    const pm = head.match(pronoun) ?? (after > 0 ? text.slice(trig.end + after, Math.min(clause.end, trig.end + 12)).match(pronoun) : null);
    const base = pm && pm.input === head ? clause.start : trig.end + after;
    if (pm && (pm.input === head || pm.index === 0)) {
      const at = base + (pm.index ?? 0);
      // the subject so far, else the last sentences' subject; the last name seen only without sentences
      const prior = salientSubject(salience, at, new Set(parts.keys())) ?? (scope.sentences ? undefined : lastWithin(persons, -Infinity, at, (p) => p.end <= at && !parts.has(p.actorIds[0]) && !cited(p)));
      if (prior) add(prior.actorIds[0], { start: at, end: at + pm[0].length });
    }
  }
  // a pronoun joined to a name as one subject: "lui et Widodo avaient parlé", "he and Putin met"
  if (pronoun && lex.words.coordinatorGap && personCount() < 2) {
    const head = text.slice(clause.start, trig.start);
    const g = new RegExp(pronoun.source, 'giu');
    for (const pm of allMatches(g, head)) {
      const at = clause.start + (pm.index ?? 0);
      const end = at + pm[0].length;
      const joinedTo = startingWithin(persons, end, end + 12).find((p) => p.start >= end && p.end <= trig.start && lex.words.coordinatorGap!.test(text.slice(end, p.start)));
      if (!joinedTo) continue;
      const prior = salientSubject(salience, at, new Set([...parts.keys(), joinedTo.actorIds[0]]));
      if (prior) add(prior.actorIds[0], { start: at, end });
      break;
    }
  }
  // a possessive on a noun trigger: "his talks with X", "son dernier tête-à-tête avec X"
  const possessive = lex.words.possessive;
  if (!agentNamed() && trig.noun && possessive) {
    const lead = text.slice(Math.max(clause.start, trig.start - 30), trig.start);
    const words = allMatches(/[\p{L}\p{M}'’-]+/gu, lead).slice(-3);
    const own = words.find((w) => possessive.test(w[0]) && w[0].match(possessive)![0].length === w[0].length);
    if (own) {
      const at = trig.start - lead.length + (own.index ?? 0);
      const prior = salientSubject(salience, at, new Set(parts.keys())) ?? (scope.sentences ? undefined : lastWithin(persons, -Infinity, at, (p) => p.end <= at && !parts.has(p.actorIds[0]) && !cited(p)));
      if (prior) add(prior.actorIds[0], { start: at, end: at + own[0].length });
    }
  }
  // the subject of the sentence when the clause lacks one ("..., after holding talks with X")
  if (!agentNamed() || personCount() < 2) {
    const subject = subjectOf({ ...salience, skip: (m) => salience.skip!(m) || outside(m) }, sentence, trig.start, new Set(parts.keys()));
    if (subject) {
      add(subject.actorIds[0], { start: subject.start, end: subject.end });
      // a joint subject: "El presidente argentino y el mandatario brasileño ... se encontraron"
      const all = [...startingWithin(persons, subject.end, subject.end + 40), ...roles.filter((r) => r.start >= subject.end && r.start <= subject.end + 40)];
      const next = all.filter((p) => p.start >= subject.end && p.end <= trig.start).sort((a, b) => a.start - b.start)[0];
      if (next && !parts.has(next.actorIds[0]) && coordinated(text.slice(subject.end, next.start), lex, kb)) add(next.actorIds[0], { start: next.start, end: next.end });
    }
  }
  // a dropped subject (es pt ar fa tr ru): "Se reunió con X" continues the last sentence's subject
  // a name before the verb marked as its object ("Sisi ile görüştü") is no subject
  const objectBefore = (sp: Span): boolean =>
    !!words.nonSubjectAfter?.test(text.slice(sp.end, Math.min(trig.start, sp.end + 12))) || !!words.nonSubjectBefore?.test(text.slice(Math.max(sentence.start, sp.start - 40), sp.start));
  const subjectNamed = (): boolean => [...parts].some(([id, spans]) => kindOf(id) === 'person' && spans.some((sp) => sp.end <= trig.start && !objectBefore(sp)));
  if (words.dropsSubject && !trig.noun && !subjectNamed() && personCount() < 2 && !quote && bareHead(text, sentence, trig, [...parts.values()].flat())) {
    const subject = salientSubject(salience, trig.start, new Set(parts.keys()), true, false);
    if (subject) add(subject.actorIds[0], { start: trig.start, end: trig.end });
  }
  // plural references: "the two leaders", "the two Palestinian Resistance leaders"
  if (personCount() < 2) {
    const pluralIn = (from: number, to: number): RegExpMatchArray | null => {
      const slice = text.slice(from, to);
      const pm = plurals ? allMatches(plurals, slice)[0] : undefined;
      return pm ?? slice.match(lex.words.countedPlural ?? /(?!)/);
    };
    let found = pluralIn(clause.start, clause.end);
    let base = clause.start;
    // the sentence's subject, before a relative clause: "The two men, who ..., met in Bali"
    if (!found && clause.start > sentence.start) {
      const head = pluralIn(sentence.start, Math.min(trig.start, clause.start));
      if (head && (head.index ?? 0) <= 20) {
        found = head;
        base = sentence.start;
      }
    }
    if (found) {
      const at = base + (found.index ?? 0);
      const span = { start: at, end: at + found[0].length };
      const words = found[0].toLowerCase().split(/\s+/);
      const count = words.map((w) => lex.words.numbers.get(w)).find((n) => n) ?? 0;
      const prev = scope.previous;
      let pool: string[] = prev ? [...prev.participants.keys()].filter((id) => kindOf(id) === 'person') : [];
      if (!pool.length) pool = lastPeople(persons, span.start, count || 2);
      pool = pool.filter((id) => !parts.has(id));
      if (count && pool.length > count) {
        // a demonym in the phrase narrows it: "the two Palestinian ... leaders"
        const dem = startingWithin(demonyms, span.start, span.end).find((d) => d.start >= span.start && d.end <= span.end);
        if (dem) {
          const narrowed = pool.filter((id) => kb.entries.get(id)?.country === dem.countryId);
          if (narrowed.length) pool = narrowed;
        }
      }
      if (!count || pool.length <= count) for (const id of pool) add(id, span);
    }
  }
  // "at the invitation of X, Y held talks in Moscow": with no other side named, the inviter hosts the talks
  if (invitesOnly && personCount() < 2) {
    const inviter = inviterOf(text, sentence, trig, clause, persons, words, (m) => cited(m) || outside(m) || parts.has(m.actorIds[0]));
    if (inviter) {
      add(inviter.actorIds[0], { start: inviter.start, end: inviter.end });
      sponsors.delete(inviter.actorIds[0]);
    }
  }
  if (trig.needsObject && ![...parts.values()].some((spans) => spans.some((s) => s.start >= trig.end))) return null;
  // organizations stand in only for sides no named person represents
  const personIds = [...parts.keys()].filter((id) => kindOf(id) === 'person');
  if (personIds.length >= 2) {
    for (const id of [...parts.keys()]) if (kindOf(id) !== 'person') parts.delete(id);
  } else {
    for (const id of [...parts.keys()]) {
      if (kindOf(id) === 'person') continue;
      if (personIds.some((p) => kb.affiliations.get(p)?.has(id))) parts.delete(id);
    }
  }
  for (const id of sponsors) parts.delete(id);
  return parts.size < 2 ? null : parts;
}

/**
 * The person who invited the one travelling or holding talks ("at the invitation of X", "应X邀请",
 * "X'in davetiyle"), named in the trigger's sentence before the end of its clause, nearest to it;
 * not one who invited to an occasion named between them ("to attend the opening", "katılmak üzere").
 */
function inviterOf(text: string, sentence: Span, trig: Span, clause: Span, persons: Mention[], words: ReturnType<typeof referenceWords>, skip: (m: Mention) => boolean): Mention | null {
  let best: Mention | null = null;
  for (const m of startingWithin(persons, sentence.start, clause.end)) {
    if (m.start < sentence.start || m.end > clause.end || (m.start < trig.end && m.end > trig.start) || skip(m)) continue;
    if (!invitedBy(text, sentence, m, words, persons)) continue;
    // "at X's invitation to attend the World Cup opening, Y ... held a meeting": X hosts the occasion, the meeting may be with anyone
    if (words.inviteOccasion?.test(m.end <= trig.start ? text.slice(m.end, trig.start) : text.slice(trig.end, m.start))) continue;
    if (!best || Math.abs(m.start - trig.start) < Math.abs(best.start - trig.start)) best = m;
  }
  return best;
}

/** The gap between two names is a coordinator, articles and demonyms aside: " y el ", " argentino y el " */
function coordinated(gap: string, lex: Lexicon, kb: KnowledgeBase): boolean {
  const words = (gap.match(/[\p{L}\p{M}'’]+/gu) ?? []).filter((w) => !lex.words.articles.has(w.toLowerCase()) && !kb.demonyms.has(normalizeName(w)));
  return /^[\s,]*[\p{L}\p{M}'’\s]*$/u.test(gap) && words.length === 1 && !!lex.words.coordinatorGap?.test(` ${words[0]} `);
}

/**
 * Nothing before the verb in its part of the sentence that could be its subject: a few words at
 * most besides the event's own sides (an object before the verb: "Havalimanında Sisi ile
 * görüştü"), none capitalized past the sentence's first ("Luego se reunió con X").
 */
function bareHead(text: string, sentence: Span, trig: Span, sides: Span[]): boolean {
  let before = text.slice(sentence.start, trig.start);
  for (const s of sides)
    if (s.start >= sentence.start && s.end <= trig.start) before = before.slice(0, s.start - sentence.start) + ' '.repeat(s.end - s.start) + before.slice(s.end - sentence.start);
  const cut = Math.max(...allMatches(/[,;:，；：]/gu, before).map((x) => (x.index ?? 0) + 1), 0);
  const words = before.slice(cut).match(/[\p{L}\p{M}'’-]+/gu) ?? [];
  if (words.length > 3) return false;
  return words.every((w, i) => !/^\p{Lu}/u.test(w) || (i === 0 && cut === 0));
}
