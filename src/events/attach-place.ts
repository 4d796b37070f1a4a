// Where an event took place: a place named after a locative in the trigger's clause (the most
// specific, then the nearest), or a capital named by its country's demonym ("the Lebanese
// capital"). Topics ("the war in Gaza") and possessives ("Lebanon's Hezbollah") are no places.
import type { Mention, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { DemonymMention } from '../actors/detect-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import type { PlaceFinding } from './draft.ts';
import { derived } from './derived.ts';
import { startingWithin } from '../core/spans-by-start.ts';

const PLACE_RANK: Record<string, number> = { venue: 0, city: 1, region: 2, country: 3 };

export function placeOf(
  text: string,
  clause: Span,
  trigger: Span,
  mentions: Mention[],
  demonyms: DemonymMention[],
  kb: KnowledgeBase,
  lex: Lexicon,
): PlaceFinding | null {
  const found: Array<PlaceFinding & { rank: number; dist: number }> = [];
  const articles = lex.words.articles;
  const locativeBefore = (start: number): boolean => {
    const before = text.slice(Math.max(clause.start, start - 40), start).toLowerCase().replace(/’/g, "'");
    const words = before.split(/[^\p{L}'’]+/u).filter(Boolean);
    const last = words[words.length - 1];
    if (!last) return false;
    // "in", "in the", "on the Indonesian island of"
    for (let n = 1; n <= Math.min(5, words.length); n++) if (lex.locatives.has(words.slice(-n).join(' '))) return true;
    return words.length >= 2 && lex.locatives.has(words[words.length - 2]) && articles.has(last.replace(/'$/, ''));
  };
  const dist = (s: Span): number => (s.end <= trigger.start ? trigger.start - s.end : s.start - trigger.end);
  for (const m of startingWithin(mentions, clause.start, clause.end)) {
    if (m.kind !== 'place' || m.start < clause.start || m.end > clause.end) continue;
    if (!locativeBefore(m.start) && !lex.words.locativeSuffix?.test(text.slice(m.end, m.end + 5))) continue;
    // "developments in Palestine", "the war in Gaza": a topic, not where the meeting was
    if (derived(lex).topicEnd?.test(text.slice(Math.max(clause.start, m.start - 40), m.start))) continue;
    // "in Lebanon's Hezbollah" is not a place of the event
    if (/^['’]s\b/.test(text.slice(m.end, m.end + 2))) continue;
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
  if (!found.length) return null;
  found.sort((a, b) => a.rank - b.rank || a.dist - b.dist);
  return { actorId: found[0].actorId, span: found[0].span };
}

/** Whether place `inner` lies within `outer` (or is it). */
export function placeWithin(kb: KnowledgeBase, inner: string, outer: string): boolean {
  for (let key: string | undefined = inner, hops = 0; key && hops < 8; key = kb.entries.get(key)?.within, hops++) if (key === outer) return true;
  return false;
}
