// Where an event took place: a place named after a locative in the trigger's clause (the most
// specific, then the nearest), or a capital named by its country's demonym ("the Lebanese
// capital"). The locative may stand before a place noun ("in the Saudi capital Riyadh",
// "بالعاصمة أنقرة", "在首都莫斯科"), and the destination of a visit is a place too ("during a
// visit to Tehran", "Kahire'yi ziyaret etti", "赴莫斯科"). Topics ("the war in Gaza", "talks
// about Gaza"), possessives ("Lebanon's Hezbollah"), a country in a title ("Mısır lideri") and a
// place inside a participle clause before a name ("Mısır'da ... gelen Sisi") are no places.
import type { Mention, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { DemonymMention } from '../actors/detect-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import type { PlaceFinding } from './draft.ts';
import { derived } from './derived.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { placeCues, readClitics, type PlaceCues } from './place-cues.ts';
import { referenceWords } from './resolve-reference.ts';
import { allMatches } from '../core/all-matches.ts';

const PLACE_RANK: Record<string, number> = { venue: 0, city: 1, region: 2, country: 3 };
/** words looked back over from a name for its locative: locative, article, adjective, noun, adjective */
const GAP_WORDS = 5;

export function placeOf(
  text: string,
  clause: Span,
  trigger: Span,
  mentions: Mention[],
  demonyms: DemonymMention[],
  kb: KnowledgeBase,
  lex: Lexicon,
  /** whether the forum a relative clause after this one places may be read (once, not recursively) */
  occasion = true,
): PlaceFinding | null {
  const found: Array<PlaceFinding & { rank: number; dist: number }> = [];
  const cues = placeCues(lex);
  const articles = lex.words.articles;
  const covered = (start: number, end: number): boolean =>
    startingWithin(mentions, Math.max(clause.start, start - 60), end).some((m) => m.start <= start && m.end >= end) ||
    startingWithin(demonyms, Math.max(clause.start, start - 30), end).some((d) => d.start <= start && d.end >= end);
  const locativeBefore = (start: number): boolean => {
    const raw = text.slice(Math.max(clause.start, start - 60), start);
    const before = raw.slice(-40).toLowerCase().replace(/’/g, "'");
    const words = before.split(/[^\p{L}'’]+/u).filter(Boolean);
    const last = words[words.length - 1];
    if (!last) return false;
    // "in", "in the", "on the Indonesian island of"
    for (let n = 1; n <= Math.min(5, words.length); n++) if (lex.locatives.has(words.slice(-n).join(' '))) return true;
    if (words.length >= 2 && lex.locatives.has(words[words.length - 2]) && articles.has(last.replace(/'$/, ''))) return true;
    // 在莫斯科, 在首都莫斯科: no space to split on
    if (cues.unspacedBefore?.test(raw)) return true;
    // "بدولة قطر", "וברומא": a locative clitic glued to the name, outside its span
    if (gluedLocative(raw, cues)) return true;
    return nounBetween(raw, Math.max(clause.start, start - 60), lex, cues, covered);
  };
  const dist = (s: Span): number => (s.end <= trigger.start ? trigger.start - s.end : s.start - trigger.end);
  for (const m of startingWithin(mentions, clause.start, clause.end)) {
    if (m.kind !== 'place' || m.start < clause.start || m.end > clause.end) continue;
    const after = text.slice(m.end, m.end + 40);
    const destination = !!cues.destinationBefore?.test(text.slice(Math.max(clause.start, m.start - 40), m.start)) || !!cues.destinationAfter?.test(after);
    const suffixed = !!lex.words.locativeSuffix?.test(after.slice(0, 5));
    if (!destination && !suffixed && !locativeBefore(m.start)) continue;
    // "developments in Palestine", "the war in Gaza": a topic, not where the meeting was
    if (!destination && derived(lex).topicEnd?.test(text.slice(Math.max(clause.start, m.start - 40), m.start))) continue;
    // "在台湾问题上", "on the Taiwan issue": a place qualifying a topic noun is what was talked about
    if (!destination && cues.topicAfter?.test(after)) continue;
    // "talks about the situation, especially in Gaza": what was talked about
    if (cues.topicCue && m.start > trigger.end && cues.topicCue.test(text.slice(trigger.end, m.start))) continue;
    // "in Lebanon's Hezbollah" is not a place of the event
    if (/^['’]s\b/.test(text.slice(m.end, m.end + 2))) continue;
    // "Mısır lideri Sisi", "Egypt's leader": a country naming whose leader, not where
    if (cues.titleAfter?.test(after)) continue;
    if (suffixed && !destination && inParticipleClause(text, m, trigger, mentions, cues, lex)) continue;
    const e = kb.entries.get(m.actorIds[0]);
    found.push({ actorId: m.actorIds[0], span: { start: m.start, end: m.end }, rank: PLACE_RANK[e?.type ?? 'country'] ?? 3, dist: dist(m) });
  }
  // "in the Lebanese capital", "dans la capitale libanaise"
  const capital = lex.words.capital;
  if (capital) {
    for (const d of startingWithin(demonyms, clause.start, clause.end)) {
      if (d.start < clause.start || d.end > clause.end) continue;
      const around = text.slice(Math.max(clause.start, d.start - 14), Math.min(clause.end, d.end + 10));
      if (!capital.test(around)) continue;
      const city = kb.entries.get(d.countryId)?.capital;
      if (!city || !kb.entries.has(city)) continue;
      found.push({ actorId: city, span: { start: d.start, end: d.end }, rank: 1, dist: dist(d) });
    }
  }
  // "…at State House Nairobi, where he also met the deputy president": the relative opens the clause
  if (!found.length && cues.relativeAfter) {
    const near = startingWithin(mentions, Math.max(0, clause.start - 80), trigger.start)
      .filter((m) => m.kind === 'place' && m.end <= trigger.start && cues.relativeAfter!.test(text.slice(m.end, Math.min(trigger.start, m.end + 20))))
      .pop();
    // nothing but the relative clause between the place and the trigger: no stop, no other place
    if (near && !/[.!?;。]/.test(text.slice(near.end, trigger.start)) && trigger.start - near.end <= 60) return { actorId: near.actorIds[0], span: { start: near.start, end: near.end } };
  }
  // "en la cumbre del G20, que empieza este lunes en Río de Janeiro": the place a relative
  // clause gives the forum the trigger's clause names as its occasion
  if (!found.length && occasion && cues.occasionRelative && cues.occasionRelative.test(text.slice(clause.end, clause.end + 16))) {
    const forum = referenceWords(lex).forumBefore;
    const own = text.slice(Math.max(clause.start, clause.end - 80), clause.end).replace(/[\s,]+$/, '');
    if (forum?.test(own)) {
      const rest = text.slice(clause.end, Math.min(text.length, clause.end + 160));
      const stop = rest.search(/[.;!?\n]/);
      const next = { start: clause.end, end: clause.end + (stop < 0 ? rest.length : stop) };
      const there = placeOf(text, next, trigger, mentions, demonyms, kb, lex, false);
      if (there) return there;
    }
  }
  if (!found.length) return null;
  found.sort((a, b) => a.rank - b.rank || a.dist - b.dist);
  return { actorId: found[0].actorId, span: found[0].span };
}

/** "访问埃及总统塞西", "visited Turkey's President Erdogan": a country naming whose head, not where. */
export function countryInTitle(text: string, place: Span, lex: Lexicon): boolean {
  return !!placeCues(lex).titleAfter?.test(text.slice(place.end, place.end + 40));
}

/** Whether place `inner` lies within `outer` (or is it). */
export function placeWithin(kb: KnowledgeBase, inner: string, outer: string): boolean {
  for (let key: string | undefined = inner, hops = 0; key && hops < 8; key = kb.entries.get(key)?.within, hops++) if (key === outer) return true;
  return false;
}

/** Whether the text right before a name ends with letters glued to it that are a locative clitic (with a conjunction before it). */
function gluedLocative(raw: string, cues: PlaceCues): boolean {
  if (!cues.nameClitics.length) return false;
  const glued = raw.match(/(?:^|[^\p{L}\p{M}])([\p{L}\p{M}]{1,3})$/u)?.[1];
  if (!glued) return false;
  let rest = glued;
  for (const c of cues.conjunctions) if (rest.length > c.length && rest.startsWith(c)) {
    rest = rest.slice(c.length);
    break;
  }
  return cues.nameClitics.includes(rest);
}

/**
 * "in the Saudi capital Riyadh", "في العاصمة السعودية الرياض", "بالعاصمة أنقرة", "إلى مطار القاهرة":
 * read back from the name over place nouns (at least one), articles, adjectives and names
 * (demonyms, other places) to a locative, which may be a clitic joined to the noun.
 */
function nounBetween(raw: string, rawStart: number, lex: Lexicon, cues: PlaceCues, covered: (start: number, end: number) => boolean): boolean {
  if (!cues.noun) return false;
  const words = allMatches(/[\p{L}\p{M}'’]+/gu, raw);
  let noun = false;
  for (let k = words.length - 1, n = 0; k >= 0 && n < GAP_WORDS; k--, n++) {
    const w = words[k][0].toLowerCase().replace(/’/g, "'");
    // only spaces and hyphens between the words of the gap (a comma or a stop ends it), but for
    // the comma of an apposition right before the name: "in the capital, Ankara"
    const next = k + 1 < words.length ? words[k + 1].index! : raw.length;
    if (!(k + 1 < words.length ? /^[\s-]*$/ : /^[\s-]*,?\s*$/).test(raw.slice(words[k].index! + words[k][0].length, next))) return false;
    if (lex.locatives.has(w)) return noun;
    const { locative, core } = readClitics(w, cues);
    // a noun of two words: "ibu kota", "нового города"
    if (k > 0 && /^\s+$/.test(raw.slice(words[k - 1].index! + words[k - 1][0].length, words[k].index!)) && cues.noun.test(`${words[k - 1][0].toLowerCase()} ${w}`)) {
      noun = true;
      k--;
      n++;
      continue;
    }
    if (cues.noun.test(core) || cues.noun.test(w)) {
      if (locative) return true;
      noun = true;
      continue;
    }
    if (lex.words.articles.has(w.replace(/'$/, '')) || cues.adjective?.test(core) || cues.adjective?.test(w)) continue;
    // "the city of", "la ville de": a link stands only between a noun and the name
    if (!noun && k === words.length - 1 && cues.link?.test(w)) continue;
    const at = rawStart + words[k].index!;
    if (covered(at, at + words[k][0].length)) continue;
    return false;
  }
  return false;
}

/**
 * "Erdoğan, Mısır'da 2013 yılındaki darbeyle yönetime gelen Sisi ile görüştü": a located place
 * followed, before the trigger, by a participle right before a person belongs to that
 * participle's clause (who came to power in Egypt), not to the meeting.
 */
function inParticipleClause(text: string, place: Span, trigger: Span, mentions: Mention[], cues: PlaceCues, lex: Lexicon): boolean {
  if (!cues.participle || place.end >= trigger.start) return false;
  for (const p of startingWithin(mentions, place.end, trigger.start)) {
    if (p.kind !== 'person' || p.start < place.end) continue;
    const before = text.slice(place.end, p.start).trimEnd().split(/\s+/);
    // the words right before the name, past its titles ("gelen Cumhurbaşkanı Sisi")
    for (let k = before.length - 1; k >= Math.max(1, before.length - 3); k--) {
      const w = before[k].replace(/[^\p{L}\p{M}]/gu, '');
      if (!w) continue;
      if (lex.titleCue?.test(w)) continue;
      if (cues.participle.test(w)) return true;
      break;
    }
  }
  return false;
}
