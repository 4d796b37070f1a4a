// Attribution: where a text says who its words come from. One stage: reads the text, its
// sentences, noise ranges and actor mentions, and adds spans; it rewrites nothing.
//
// - a credit or dateline naming a medium ("BEIRUT (Reuters) -", "— AFP" closing a line, a line
//   that is only the agency's name) covers the whole document;
// - a medium beside a cue of citing ("according to IRNA", "Al Jazeera reported", "told Reuters")
//   covers its sentence, or the whole document when it is the lead's (first sentence's);
// - a statement noun ("statement", "readout"), or an office, ministry or spokesperson with a cue
//   of citing, is an official statement, whose owner is the nearest person, organization or
//   country named beside it;
// - an unnamed source ("diplomatic sources").
import type { Attribution, Mention, NoiseRange, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import type { DemonymMention } from '../actors/detect-mentions.ts';
import { foldPhrase, type AttributionCues } from './attribution-cues.ts';
import type { MediaMatcher, MediumHit } from './media-names.ts';
import { isNewsMedium } from '../events/gather-participants.ts';
import { findUnlistedMedia } from './unlisted-media.ts';
import type { Lexicon } from '../events/lexicon.ts';
import { rolesIn, salientSubject, type SalienceScope } from '../events/salience.ts';
import { allMatches } from '../core/all-matches.ts';

export interface AttributionInput {
  text: string;
  sentences: readonly Sentence[];
  noise: readonly NoiseRange[];
  mentions: readonly Mention[];
  demonyms: readonly DemonymMention[];
  kb: KnowledgeBase;
  cues: AttributionCues;
  media: MediaMatcher;
  /** The language's lexicon and the document's date: whom "his office" or "the Turkish president's office" stands for (src/events/salience.ts). */
  lex?: Lexicon;
  date?: string | null;
}

/** Who may own a statement: named at the span, or (display) meant by a pronoun or a role there. */
type Owner = Span & { id: string; display?: string };

/** How far a cue may stand from the name it cites (characters, within the sentence, no sentence mark between). */
const CUE_REACH = 40;
/** How far an owner may stand from the statement noun or office it owns. */
const OWNER_REACH = 50;
/** How far a verb of saying may stand from the office (or its owner) that speaks. */
const OFFICE_REACH = 25;

function hits(re: RegExp | null, text: string, from: number, to: number): Span[] {
  if (!re) return [];
  re.lastIndex = 0;
  const part = text.slice(from, to);
  return allMatches(re, part).map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length }));
}

const within = (s: Span, r: Span): boolean => s.start >= r.start && s.end <= r.end;

/** A credit: the medium in parentheses ("(Reuters)", "(AFP/Reuters)"), or alone on its line after a dash or before one. */
function isCredit(text: string, h: Span): boolean {
  const lineStart = text.lastIndexOf('\n', h.start - 1) + 1;
  const nl = text.indexOf('\n', h.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const before = text.slice(lineStart, h.start);
  const after = text.slice(h.end, lineEnd);
  if (/\(\s*(?:[^()\n]{0,24}[\/,]\s*)?$/.test(before) && /^\s*(?:[\/,][^()\n]{0,24})?\)/.test(after)) return true;
  if (/^\s*$/.test(after) && /(?:^|[—–-]|\bby\b|\bvon\b|\bpar\b|\bpor\b)\s*$/iu.test(before)) return true;
  if (/^\s*$/.test(before) && /^\s*(?:[—–-]|$)/.test(after)) return true;
  return false;
}

/** A cue of citing right before or after the medium, in its sentence, with no clause mark between (commas of an apposition aside). */
function citedBeside(text: string, h: Span, sentence: Span, cues: AttributionCues): Span | null {
  const before = hits(cues.citing, text, Math.max(sentence.start, h.start - CUE_REACH), h.start);
  const b = before.filter((c) => !/[.;:!?。；]/.test(text.slice(c.end, h.start))).pop();
  if (b) return b;
  const after = hits(cues.citing, text, h.end, Math.min(sentence.end, h.end + CUE_REACH + 20));
  const a = after.find((c) => !/[.;:!?。；]/.test(text.slice(h.end, c.start)) && c.start - h.end <= (/,/.test(text.slice(h.end, c.start)) ? CUE_REACH + 20 : CUE_REACH));
  return a ?? null;
}

export function findAttributions(input: AttributionInput): Attribution[] {
  const { text, sentences, noise, mentions, demonyms, kb, cues, media } = input;
  const out: Attribution[] = [];
  const captions = noise.filter((n) => n.kind === 'caption');
  const sentenceAt = (at: number): Sentence | undefined => sentences.find((s) => s.start <= at && at < s.end);
  const lead = sentences.find((s) => !/^\s*$/.test(text.slice(s.start, s.end)));
  const kindOf = (h: MediumHit): 'wire' | 'outlet' => (h.type === 'news-agency' ? 'wire' : 'outlet');
  for (const h of media.find(text)) {
    // a photo's credit tells who took the picture, not who wrote the words
    if (captions.some((c) => within(h, c))) continue;
    const name = text.slice(h.start, h.end);
    if (isCredit(text, h)) {
      out.push({ kind: kindOf(h), sourceId: h.id, name, start: h.start, end: h.end, scope: 'document' });
      continue;
    }
    const sentence = sentenceAt(h.start);
    if (!sentence) continue;
    const cue = citedBeside(text, h, sentence, cues);
    if (!cue) continue;
    const span = { start: Math.min(cue.start, h.start), end: Math.max(cue.end, h.end) };
    out.push({ kind: kindOf(h), sourceId: h.id, name, ...span, scope: sentence === lead ? 'document' : 'sentence' });
  }
  // media the base does not hold ("Turkish media reported", "NTV reported")
  out.push(...findUnlistedMedia({ text, sentences, lead, mentions, demonyms, kb, cues, taken: out }));
  // owners of statements: people, organizations (not media) and countries named, and demonyms
  const owners: Owner[] = [];
  for (const m of mentions) {
    const id = m.actorIds[0];
    if (!id || m.actorIds.length > 1) continue;
    const e = kb.entries.get(id);
    if (m.kind === 'organization' && isNewsMedium(e)) continue;
    if (m.kind === 'place') {
      const country = e?.type === 'country' ? id : e?.type === 'venue' || e?.type === 'city' ? countryOf(kb, id) : null;
      if (country) owners.push({ start: m.start, end: m.end, id: country });
      continue;
    }
    owners.push({ start: m.start, end: m.end, id });
  }
  for (const d of demonyms) owners.push({ start: d.start, end: d.end, id: d.countryId });
  // who a pronoun ("his office") or a role ("the Turkish president's office") stands for
  const persons = mentions.filter((m) => m.kind === 'person' && m.actorIds.length === 1);
  const salience = (sentence: Sentence): SalienceScope | null => (input.lex ? { text, sentences: [...sentences], sentence, persons, kb, lex: input.lex, date: input.date ?? null } : null);
  // role descriptions as owners, found for a sentence only when one of its cues is read
  const rolesRead = new Set<number>();
  const withRoles = (sentence: Sentence): void => {
    if (!input.lex || rolesRead.has(sentence.start)) return;
    rolesRead.add(sentence.start);
    for (const r of rolesIn(salience(sentence)!, sentence)) {
      // the role's words hold a demonym or country ("Turkish"): the person is the owner, not the country
      for (let k = owners.length - 1; k >= 0; k--) if (owners[k].start >= r.start && owners[k].end <= r.end) owners.splice(k, 1);
      owners.push({ start: r.start, end: r.end, id: r.actorIds[0], display: kb.entries.get(r.actorIds[0])?.name });
    }
    owners.sort((a, b) => a.start - b.start || b.end - a.end);
  };
  owners.sort((a, b) => a.start - b.start || b.end - a.end);
  const taken = (s: Span): boolean => out.some((a) => a.start < s.end && s.start < a.end);
  for (const sentence of sentences) {
    const statements = hits(cues.statement, text, sentence.start, sentence.end);
    const offices = hits(cues.official, text, sentence.start, sentence.end);
    const citing = offices.length ? hits(cues.citing, text, sentence.start, sentence.end) : [];
    const found = [...statements.map((cue) => ({ cue, statement: true })), ...offices.map((cue) => ({ cue, statement: false }))].sort((a, b) => a.cue.start - b.cue.start);
    let last: Attribution | null = null;
    for (const { cue, statement } of found) {
      if (taken(cue)) continue;
      const named = nearest(owners, cue, sentence, text);
      if (!statement && !speaks(text, citing, cue) && !(named && speaks(text, citing, named))) continue;
      withRoles(sentence);
      const owner = possessedBy(text, cue, sentence, cues, salience(sentence)) ?? nearest(owners, cue, sentence, text);
      const span = owner ? { start: Math.min(cue.start, owner.start), end: Math.max(cue.end, owner.end) } : cue;
      // "the Iranian foreign ministry's statement": one attribution, grown
      if (last && (last.sourceId === (owner?.id ?? null) || !owner) && text.slice(last.end, cue.start).length <= 12) {
        last.start = Math.min(last.start, span.start);
        last.end = Math.max(last.end, span.end);
        continue;
      }
      last = { kind: 'official', sourceId: owner?.id ?? null, name: owner ? (owner.display ?? text.slice(owner.start, owner.end)) : null, ...span, scope: 'sentence' };
      out.push(last);
    }
    // "according to the joint statement": the sides' own words, whoever is named near it
    for (const j of hits(cues.joint, text, sentence.start, sentence.end)) {
      const over = out.find((a) => a.kind === 'official' && a.start < j.end && j.start < a.end);
      if (over) over.joint = true;
      else out.push({ kind: 'official', sourceId: null, name: null, ...j, scope: 'sentence', joint: true });
    }
    for (const u of hits(cues.unnamed, text, sentence.start, sentence.end)) {
      if (!taken(u)) out.push({ kind: 'unnamed', sourceId: null, name: null, ...u, scope: 'sentence' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * An office speaks only beside a verb of saying or "according to" ("the Kremlin said", "according
 * to Erdogan's office"); a title ("the foreign minister") holds such words too. At module level,
 * not a closure made per sentence (tsx, the loader before src/runtime/, wrapped each named closure in a defineProperty, __name()).
 */
function speaks(text: string, citing: readonly Span[], s: Span): boolean {
  return citing.some((c) => (c.end <= s.start ? s.start - c.end : c.start - s.end) <= OFFICE_REACH && !/[,.;:،]/.test(c.end <= s.start ? text.slice(c.end, s.start) : text.slice(s.end, c.start)));
}

/**
 * The owner of a statement or office: named right after it ("a statement from the presidency",
 * "المتحدث باسم الخارجية"), else right before it ("the Kremlin's press service", "the Iranian
 * foreign ministry"); never across a comma or a clause mark.
 */
function nearest(owners: Owner[], cue: Span, sentence: Span, text: string): Owner | null {
  const open = (a: number, b: number): boolean => b - a <= OWNER_REACH && !/[,.;:!?،。；，"“”«»]/.test(text.slice(a, b));
  const inside = owners.filter((o) => o.start >= sentence.start && o.end <= sentence.end);
  const after = inside.find((o) => o.start >= cue.end && open(cue.end, o.start));
  if (after) return after;
  return [...inside].reverse().find((o) => o.end <= cue.start && open(o.end, cue.start)) ?? inside.find((o) => o.start < cue.end && o.end > cue.start) ?? null;
}

/**
 * "his office said", "son cabinet", "его пресс-служба", "مكتبه": an office owned by a pronoun
 * stands for the salient person (the subject of the sentence so far, else of those before).
 */
function possessedBy(text: string, cue: Span, sentence: Sentence, cues: AttributionCues, scope: SalienceScope | null): Owner | null {
  if (!scope) return null;
  const written = text.slice(cue.start, cue.end);
  const possessive = cues.possessive ? hits(cues.possessive, text, Math.max(sentence.start, cue.start - 24), cue.start).pop() : undefined;
  const before = possessive && /^[\s\u00a0]*$/u.test(text.slice(possessive.end, cue.start)) ? possessive : null;
  if (!before && !cues.possessedOfficials.has(foldPhrase(written))) return null;
  const at = before?.start ?? cue.start;
  const who = salientSubject(scope, at, new Set());
  return who ? { start: before?.start ?? cue.start, end: before?.end ?? cue.end, id: who.actorIds[0], display: scope.kb.entries.get(who.actorIds[0])?.name ?? text.slice(who.start, who.end) } : null;
}

/** The country a city or venue lies in (the knowledge base's `within` chain). */
export function countryOf(kb: KnowledgeBase, id: string): string | null {
  let at: string | undefined = id;
  for (let i = 0; at && i < 5; i++) {
    const e = kb.entries.get(at);
    if (!e) return null;
    if (e.type === 'country') return e.id;
    at = e.within;
  }
  return null;
}
