// Event extraction: CONSULT events (meetings, talks, visits, receptions, calls) found from
// trigger words per language, with participants, date, place and modality, each backed by the
// words that show it. Several sentences about one meeting become one report.
import { createHash } from 'node:crypto';
import type { EventMode, EventReport, Mention, PartialDate, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { wordTokens, type DemonymMention, type WordToken } from '../actors/detect-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import { resolveDate, type DateFinding } from './resolve-date.ts';

export interface EventOptions {
  kb: KnowledgeBase;
  /** the headline: a meeting it alone tells of is a summary of a body that said nothing, so dropped */
  title?: Span | null;
  /** photo captions (noise ranges): a meeting told there counts only with an explicit recent date */
  captions?: Span[];
  lex: Lexicon;
  docId: string;
  published: PartialDate | null;
}

interface Draft {
  mode: EventMode;
  trigger: Span;
  sentence: Sentence;
  evidence: Span[];
  participants: Map<string, Span[]>;
  date: DateFinding | null;
  place: { actorId: string; span: Span } | null;
  /** told only by the headline, so far */
  inTitle: boolean;
}

const PLACE_RANK: Record<string, number> = { venue: 0, city: 1, region: 2, country: 3 };
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, both: 2, deux: 2, trois: 3, quatre: 4, beiden: 2, beide: 2, drei: 3, vier: 4,
  dos: 2, ambos: 2, tres: 3, cuatro: 4, два: 2, двое: 2, оба: 2, три: 3, трое: 3, dois: 2, três: 3,
};

// between a verb and the person it takes: titles and possessives only
const PERSON_GAP = /^(?:\s+(?:\p{Lu}[\p{L}.'’-]*|his|her|its|their|the|son|sa|ses|seinen|seine|su))*\s+$/u;


/** Expressions derived from a lexicon, compiled once per lexicon (not per sentence). */
interface Derived {
  boundaries: RegExp;
  topicEnd: RegExp | null;
  modalRightBefore: RegExp;
  modalAny: RegExp;
  modalClause: RegExp | null;
  presence: RegExp | null;
  anaphora: RegExp | null;
  pronoun: RegExp | null;
  plurals: RegExp | null;
}
const derivedCache = new WeakMap<Lexicon, Derived>();
function derived(lex: Lexicon): Derived {
  let d = derivedCache.get(lex);
  if (!d) {
    const once = (re: RegExp | null, flags: string): RegExp | null => (re ? new RegExp(re.source, flags) : null);
    d = {
      boundaries: new RegExp(lex.boundaries.source, 'giu'),
      topicEnd: lex.topicBefore ? new RegExp(`(?:${lex.topicBefore.source})\\s+\\S+(?:\\s+\\S+)?\\s*$`, 'iu') : null,
      modalRightBefore: new RegExp(`(?:${lex.modalBefore.source})(?:[\\s,]+(?:${lex.adverbs?.source ?? '(?!)'}))*[\\s,]*$`, 'iu'),
      modalAny: new RegExp(`(?:${lex.modalBefore.source})`, 'iu'),
      modalClause: once(lex.modalClause, 'iu'),
      presence: once(lex.presence, 'giu'),
      anaphora: once(lex.anaphora, 'iu'),
      pronoun: once(lex.pronouns, 'iu'),
      plurals: once(lex.plurals, 'giu'),
    };
    derivedCache.set(lex, d);
  }
  return d;
}

function reportId(docId: string, trigger: Span): string {
  return 'r' + createHash('sha1').update(`${docId}:${trigger.start}:${trigger.end}`).digest('hex').slice(0, 16);
}

/** The clause around a trigger: bounded by boundary words and other triggers. */
function clauseOf(text: string, region: Span, trigger: Span, lex: Lexicon): Span {
  const s = text.slice(region.start, region.end);
  let start = region.start;
  let end = region.end;
  for (const m of s.matchAll(derived(lex).boundaries)) {
    const at = region.start + (m.index ?? 0);
    // a boundary that opens the trigger ("après avoir échangé") still starts its clause
    if (at <= trigger.start) start = Math.max(start, Math.min(at + m[0].length, trigger.start));
    else if (at >= trigger.end && at < end) end = at;
  }
  return { start, end };
}

function placeOf(
  text: string,
  clause: Span,
  trigger: Span,
  mentions: Mention[],
  demonyms: DemonymMention[],
  kb: KnowledgeBase,
  lex: Lexicon,
): { actorId: string; span: Span } | null {
  const found: Array<{ actorId: string; span: Span; rank: number; dist: number }> = [];
  const locativeBefore = (start: number): boolean => {
    const before = text.slice(Math.max(clause.start, start - 30), start).toLowerCase().replace(/’/g, "'");
    const words = before.split(/[^\p{L}'’]+/u).filter(Boolean);
    const last = words[words.length - 1];
    const last2 = words.slice(-2).join(' ');
    const last3 = words.slice(-3).join(' ');
    return (
      !!last && (lex.locatives.has(last) || lex.locatives.has(last2) || lex.locatives.has(last3) || (words.length >= 2 && lex.locatives.has(words[words.length - 2]) && /^(?:the|la|le|l|der|dem|den|el)$/.test(last)))
    );
  };
  const dist = (s: Span): number => (s.end <= trigger.start ? trigger.start - s.end : s.start - trigger.end);
  for (const m of mentions) {
    if (m.kind !== 'place' || m.start < clause.start || m.end > clause.end) continue;
    if (!locativeBefore(m.start)) continue;
    // "developments in Palestine", "the war in Gaza": a topic, not where the meeting was
    if (derived(lex).topicEnd?.test(text.slice(Math.max(clause.start, m.start - 40), m.start))) continue;
    // "in Lebanon's Hezbollah" is not a place of the event
    if (/^['’]s\b/.test(text.slice(m.end, m.end + 2))) continue;
    const e = kb.entries.get(m.actorIds[0]);
    found.push({ actorId: m.actorIds[0], span: { start: m.start, end: m.end }, rank: PLACE_RANK[e?.type ?? 'country'] ?? 3, dist: dist(m) });
  }
  // "in the Lebanese capital", "dans la capitale libanaise"
  for (const d of demonyms) {
    if (d.start < clause.start || d.end > clause.end) continue;
    const around = text.slice(Math.max(clause.start, d.start - 14), Math.min(clause.end, d.end + 10)).toLowerCase();
    if (!/capital|capitale|hauptstadt|столиц|العاصمة/.test(around)) continue;
    const capital = kb.entries.get(d.countryId)?.capital;
    if (!capital || !kb.entries.has(capital)) continue;
    found.push({ actorId: capital, span: { start: d.start, end: d.end }, rank: 1, dist: dist(d) });
  }
  if (!found.length) return null;
  found.sort((a, b) => a.rank - b.rank || a.dist - b.dist);
  return { actorId: found[0].actorId, span: found[0].span };
}

function placeWithin(kb: KnowledgeBase, inner: string, outer: string): boolean {
  for (let key: string | undefined = inner, hops = 0; key && hops < 8; key = kb.entries.get(key)?.within, hops++) if (key === outer) return true;
  return false;
}

export function extractEvents(text: string, sentences: Sentence[], mentions: Mention[], demonyms: DemonymMention[], options: EventOptions): EventReport[] {
  const { kb, lex, docId, published } = options;
  const drafts: Draft[] = [];
  const persons = mentions.filter((m) => m.kind === 'person');
  let pending: (Span & { sentence: Sentence; left: number }) | null = null;
  const presence: Array<{ actorId: string; place: { actorId: string; span: Span }; sentence: number }> = [];
  const { modalRightBefore, modalAny, modalClause, presence: presenceRe, anaphora, pronoun, plurals } = derived(lex);
  // a year the headline states, for day-and-month dates when nothing else gives the year
  const titleYears = options.title ? text.slice(options.title.start, options.title.end).match(/\b(?:19|20)\d\d\b/g) : null;
  const documentYear = !published && titleYears && new Set(titleYears).size === 1 ? +titleYears[0] : null;
  const kindOf = (id: string): string => kb.entries.get(id)?.kind ?? (id.startsWith('found:') ? 'person' : 'organization');

  const captionSentences: Sentence[] = (options.captions ?? []).map((c) => ({ ...c, index: -1, paragraph: -1 }));
  const all = [...sentences, ...captionSentences].sort((a, b) => a.start - b.start);
  for (const sentence of all) {
    const isCaption = sentence.index < 0;
    const sentText = text.slice(sentence.start, sentence.end);
    const toks: WordToken[] = wordTokens(text, sentence);
    if (presenceRe && !isCaption) {
      // "Ismail Haniyeh, who is in the Lebanese capital ...": where a person is as the text is written
      for (const m of sentText.matchAll(presenceRe)) {
        const at = sentence.start + (m.index ?? 0);
        const who = [...persons].reverse().find((p) => p.start >= sentence.start && p.end <= at);
        const where = placeOf(text, { start: at, end: Math.min(sentence.end, at + m[0].length + 40) }, { start: at, end: at + m[0].length }, mentions, demonyms, kb, lex);
        if (who && where) presence.push({ actorId: who.actorIds[0], place: where, sentence: sentence.index });
      }
    }
    // triggers, earliest-longest, no overlaps
    const hits: Array<Span & { mode: EventMode; weak: boolean; needsObject: boolean; needsPerson: boolean; noun: boolean }> = [];
    for (const t of lex.triggers) {
      t.re.lastIndex = 0;
      for (const m of sentText.matchAll(t.re)) {
        const start = sentence.start + (m.index ?? 0);
        hits.push({ start, end: start + m[0].length, mode: t.mode, weak: t.weak, needsObject: t.needsObject, needsPerson: t.needsPerson, noun: t.noun });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const triggers: typeof hits = [];
    for (const h of hits) {
      const last = triggers[triggers.length - 1];
      if (last && h.start < last.end) {
        // a phone/video cue inside a longer trigger refines its mode
        if (h.mode === 'phone' || h.mode === 'video') last.mode = h.mode;
        continue;
      }
      triggers.push(h);
    }
    // "called Putin" is a call, "called on Israel" or "called by Abbas" is not: such triggers
    // must be followed by a person, or they are no triggers at all (and split no clauses)
    for (let k = triggers.length - 1; k >= 0; k--) {
      const t = triggers[k];
      if (t.needsPerson && !persons.some((p) => p.start >= t.end && p.start - t.end <= 45 && PERSON_GAP.test(text.slice(t.end, p.start)))) triggers.splice(k, 1);
    }
    // weak triggers ("talks", "meeting") count only where nothing stronger tells of the event
    // ("Blinken met Wang Yi on the sidelines of the ASEAN meeting in Vientiane": one event)
    if (triggers.some((t) => !t.weak)) {
      for (let k = triggers.length - 1; k >= 0; k--) if (triggers[k].weak && triggers[k].mode === 'meet') triggers.splice(k, 1);
    }
    // a phone cue anywhere near a meeting verb makes it a call
    if (triggers.some((t) => t.mode === 'phone') && triggers.length > 1) {
      const phones = triggers.filter((t) => t.mode === 'phone' && t.weak);
      for (const p of phones) {
        const host = triggers.filter((t) => t !== p && p.start - t.end < 40 && p.start >= t.end).pop();
        if (host) {
          host.mode = 'phone';
          triggers.splice(triggers.indexOf(p), 1);
        }
      }
    }
    const draftsBefore = drafts.length;
    if (triggers.length) processTriggers();
    if (drafts.length === draftsBefore) {
      // "In this meeting the two sides ..." before any meeting is told: the people come later
      const ana = anaphora ? sentText.match(anaphora) : null;
      const last = drafts[drafts.length - 1];
      if (ana && last && !isCaption && last.mode !== 'phone' && last.mode !== 'video' && sentence.index - last.sentence.index <= 2) {
        // "The talks took place on the sidelines of the G20 summit in Bali"
        const at = { start: sentence.start + (ana.index ?? 0), end: sentence.start + (ana.index ?? 0) + ana[0].length };
        last.place ??= placeOf(text, sentence, at, mentions, demonyms, kb, lex);
        last.date ??= resolveDate(text, sentence, at, toks, lex, published, null);
      }
      if (!drafts.length && ana) {
        const m = ana;
        pending = { start: sentence.start + (m.index ?? 0), end: sentence.start + (m.index ?? 0) + m[0].length, sentence, left: 3 };
      } else if (pending && pending.left-- > 0) {
        // "Haniyeh and Nasrallah also stressed ...": two people named as one subject
        const here = persons.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
        for (let i = 0; i + 1 < here.length; i++) {
          const a = here[i];
          const b = here[i + 1];
          if (a.actorIds[0] === b.actorIds[0] || !/^\s*(?:and|et|und|y|e|и)\s*$/iu.test(text.slice(a.end, b.start))) continue;
          drafts.push({
            mode: 'meet',
            trigger: { start: pending.start, end: pending.end },
            sentence: pending.sentence,
            evidence: [{ start: pending.sentence.start, end: pending.sentence.end }, { start: sentence.start, end: sentence.end }],
            participants: new Map([
              [a.actorIds[0], [{ start: a.start, end: a.end }]],
              [b.actorIds[0], [{ start: b.start, end: b.end }]],
            ]),
            date: null,
            place: null,
            inTitle: false,
          });
          pending = null;
          break;
        }
      }
    }
    continue;
    function processTriggers(): void {
    const sentenceModal = !!lex.sentenceModal?.test(sentText);
    const yearMatch = sentText.match(/\b(?:19|20)\d\d\b/g);
    const sentenceYear = yearMatch && yearMatch.length === 1 ? +yearMatch[0] : null;

    for (let k = 0; k < triggers.length; k++) {
      const trig = triggers[k];
      const region = { start: k === 0 ? sentence.start : triggers[k - 1].end, end: k + 1 < triggers.length ? triggers[k + 1].start : sentence.end };
      // a caption is one clause: its date and place describe the photo's moment
      const clause = isCaption ? region : clauseOf(text, region, trig, lex);
      // modality: words just before the trigger, or after a noun trigger
      // a modal right before the trigger, adverbs aside: "will also meet", "is expected to meet"
      const pre = text.slice(Math.max(region.start, trig.start - 60), trig.start);
      if (modalRightBefore.test(pre)) continue;
      // a noun trigger hangs on a verb a few words before: "will participate in a video conference"
      if (trig.noun && modalAny.test(pre.split(/\s+/).filter(Boolean).slice(-5).join(' '))) continue;
      if (trig.noun && lex.modalAfter.test(text.slice(trig.end, Math.min(clause.end, trig.end + 160)))) continue;
      if (sentenceModal && trig.weak) continue;
      // a weak trigger ("by phone", "talks") leans on a verb that may be far before it
      if (trig.weak && modalAny.test(text.slice(clause.start, trig.start))) continue;
      // verb-final languages put the modal far before: "Haniyeh soll sich mit ... treffen"
      if (modalClause?.test(text.slice(clause.start, trig.start))) continue;

      // participants named in the clause, then in the rest of the region
      const inSpan = (m: Span, s: Span): boolean => m.start >= s.start && m.end <= s.end;
      const parts = new Map<string, Span[]>();
      const add = (id: string, span: Span): void => {
        const list = parts.get(id) ?? [];
        list.push(span);
        parts.set(id, list);
      };
      const cited = (m: Span): boolean => /(?:according to|selon|laut|citing|cited|quoted)\s*$/i.test(text.slice(Math.max(sentence.start, m.start - 20), m.start));
      // "the G20 summit": a forum named as an occasion is not a side
      const forum = (m: Span): boolean => /^\s*(?:summit|sommet|gipfel|саммит|cumbre|cúpula|zirvesi|ktt)/iu.test(text.slice(m.end, m.end + 12));
      for (const m of mentions) {
        if (!inSpan(m, clause) || m.kind === 'place' || cited(m) || (m.kind === 'organization' && forum(m))) continue;
        for (const id of m.actorIds) add(id, { start: m.start, end: m.end });
      }
      const personCount = (): number => [...parts.keys()].filter((id) => kindOf(id) === 'person').length;
      const agentNamed = (): boolean =>
        [...parts].some(([id, spans]) => kindOf(id) === 'person' && spans.some((sp) => sp.end <= trig.start));
      // a pronoun subject: "He met in Beirut ...", "... as he received a delegation"
      if (!agentNamed() && pronoun) {
        const head = text.slice(clause.start, trig.start);
        const pm = head.match(pronoun);
        if (pm) {
          const at = clause.start + (pm.index ?? 0);
          const prior = [...persons].reverse().find((p) => p.end <= at && !parts.has(p.actorIds[0]) && !cited(p));
          if (prior) add(prior.actorIds[0], { start: at, end: at + pm[0].length });
        }
      }
      // the subject of the sentence when the clause lacks one ("..., after holding talks with X")
      if (!agentNamed() || personCount() < 2) {
        const subject = persons.find((p) => inSpan(p, sentence) && p.end <= trig.start && !parts.has(p.actorIds[0]) && !cited(p));
        if (subject) add(subject.actorIds[0], { start: subject.start, end: subject.end });
      }
      // plural references: "the two leaders", "the two Palestinian Resistance leaders"
      if (personCount() < 2 && plurals) {
        const re = plurals;
        const clauseText = text.slice(clause.start, clause.end);
        const pm = [...clauseText.matchAll(re)][0];
        const pm2 = pm ? null : clauseText.match(/\b(?:the|les|die)\s+(two|three|four|deux|trois|beiden|drei)\s+([\p{L}\s-]{0,40}?)\s*(?:leaders|dirigeants|sides|men|officials|chefs)\b/iu);
        const found = pm ?? pm2;
        if (found) {
          const at = clause.start + (found.index ?? 0);
          const span = { start: at, end: at + found[0].length };
          const words = found[0].toLowerCase().split(/\s+/);
          const count = words.map((w) => NUMBER_WORDS[w]).find((n) => n) ?? 0;
          const prev = drafts.length ? drafts[drafts.length - 1] : null;
          let pool: string[] = prev ? [...prev.participants.keys()].filter((id) => kindOf(id) === 'person') : [];
          if (!pool.length) {
            const before = persons.filter((p) => p.end <= span.start).map((p) => p.actorIds[0]);
            pool = [...new Set(before.reverse())].slice(0, count || 2);
          }
          pool = pool.filter((id) => !parts.has(id));
          if (count && pool.length > count) {
            // a demonym in the phrase narrows it: "the two Palestinian ... leaders"
            const dem = demonyms.find((d) => d.start >= span.start && d.end <= span.end);
            if (dem) {
              const narrowed = pool.filter((id) => kb.entries.get(id)?.country === dem.countryId);
              if (narrowed.length) pool = narrowed;
            }
          }
          if (!count || pool.length <= count) for (const id of pool) add(id, span);
        }
      }
      if (trig.needsObject && ![...parts.values()].some((spans) => spans.some((s) => s.start >= trig.end))) continue;
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
      if (parts.size < 2) continue;
      const date = resolveDate(text, clause, trig, toks, lex, published, sentenceYear ?? documentYear);
      if (isCaption && !captionDateFits(date, published)) continue;
      drafts.push({
        mode: trig.mode,
        trigger: { start: trig.start, end: trig.end },
        sentence,
        evidence: [{ start: sentence.start, end: sentence.end }],
        participants: parts,
        date,
        // a call has no place; a weak trigger's clause rarely names one
        place: trig.weak || trig.mode === 'phone' || trig.mode === 'video' ? null : placeOf(text, clause, trig, mentions, demonyms, kb, lex),
        inTitle: !!options.title && sentence.start >= options.title.start && sentence.end <= options.title.end,
      });
    }
    }
  }
  const merged = mergeDrafts(drafts, kb).filter((d) => !d.inTitle);
  // a meeting told without a place, right after the text says where one of its people is
  for (const d of merged) {
    if (d.place || d.mode === 'phone' || d.mode === 'video' || d.sentence.index < 0) continue;
    const fact = presence.filter((f) => f.sentence < d.sentence.index && f.sentence >= d.sentence.index - 2 && d.participants.has(f.actorId)).pop();
    if (fact) d.place = fact.place;
  }
  return merged
    .map((d) => ({
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

/** A caption tells of a meeting only with a stated date no more than ten days before publication. */
function captionDateFits(date: DateFinding | null, published: PartialDate | null): boolean {
  if (!date?.span) return false;
  if (!published || published.precision !== 'day') return true;
  const days = (Date.parse(published.value) - Date.parse(date.value)) / 86_400_000;
  return days >= -1 && days <= 10;
}

/** Several sentences about one meeting: same or nested participants, compatible date and place. */
function mergeDrafts(drafts: Draft[], kb: KnowledgeBase): Draft[] {
  const out: Draft[] = [];
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
    const remote = (m: EventMode): boolean => m === 'phone' || m === 'video';
    const target = out.find((o) => {
      if (remote(o.mode) !== remote(d.mode)) return false;
      if (!(covers(o, d) || covers(d, o))) return false;
      if (o.date && d.date && o.date.value !== d.date.value) return false;
      if (o.place && d.place && !placeWithin(kb, o.place.actorId, d.place.actorId) && !placeWithin(kb, d.place.actorId, o.place.actorId)) return false;
      return true;
    });
    if (!target) {
      out.push(d);
      continue;
    }
    const personsOnly = [...target.participants.keys(), ...d.participants.keys()].filter(isPerson).length >= 2;
    for (const [id, spans] of d.participants) {
      if (personsOnly && !isPerson(id)) continue;
      target.participants.set(id, [...(target.participants.get(id) ?? []), ...spans]);
    }
    if (personsOnly) for (const id of [...target.participants.keys()]) if (!isPerson(id)) target.participants.delete(id);
    if (!target.evidence.some((e) => e.start === d.evidence[0].start)) target.evidence.push(...d.evidence);
    // a body sentence confirms the headline; the body's words lead
    if (target.inTitle && !d.inTitle) {
      target.inTitle = false;
      target.trigger = d.trigger;
      target.sentence = d.sentence;
      target.evidence = [...d.evidence, ...target.evidence.filter((e) => e.start !== d.evidence[0].start)];
    }
    target.date ??= d.date;
    if (d.place && (!target.place || placeWithin(kb, d.place.actorId, target.place.actorId))) target.place = d.place;
  }
  return out;
}

