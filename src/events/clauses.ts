// Clause structure of a sentence: where its clauses begin and end, what opens each (a
// complement "that", a relative "who", an adverbial "after", a purpose "so that", a coordinator
// "but"), and which clause governs which. Modality reads it: a modal word counts only in the
// clause of the trigger and in clauses that govern it ("denied reports that A met B").
//
// Written here rather than taken from a parser: no maintained dependency parser runs in Node for
// the twelve languages at news-ingest speed; cutting at punctuation and at subordinators listed
// per language (data/lang/<lang>/modality.json, "clauseOpeners") is enough for scoping modality.
import type { Span } from '../core/types.ts';
import { allMatches } from '../core/all-matches.ts';

export type OpenerKind = 'complement' | 'relative' | 'adverbial' | 'irrealis' | 'coordinate';

export interface Clause extends Span {
  opener: OpenerKind | null;
  /** the clause this one hangs on (a complement on its verb's clause), -1 for none */
  parent: number;
  /**
   * the clause this one carries on after an inserted clause, -1 for none: in "X, who met Y on
   * Monday, will visit Z" the clause "will visit Z" carries on "X"
   */
  head: number;
  /** opened right after a punctuation mark (or at the sentence start), not by a word alone */
  afterMark: boolean;
}

/** The compiled openers of a language: one regex per kind, each matching a word at its start. */
export type ClauseOpeners = Partial<Record<OpenerKind, RegExp>>;

/** Marks that end a clause: commas, semicolons, colons, brackets, quotes, spaced dashes. */
const MARK = /[,;:()[\]«»“”"„‹›「」『』،؛，；：]|\s[–—-]\s|^['‘]|\s['‘]|['’](?=\s|$)/gu;

/** What may stand between a mark and the relative pronoun of its clause: nothing, or a preposition. */
const RELATIVE_PREPOSITION = /^\s*(?:\p{Ll}{1,4}\s+)?$/u;

/**
 * The clauses of text[span): cut at punctuation and before each opener. Parents follow the
 * order of the text: a subordinate clause hangs on the clause before it; a clause with no opener
 * after an inserted subordinate one carries on the clause that one was inserted into.
 */
export function splitClauses(text: string, span: Span, openers: ClauseOpeners): Clause[] {
  const s = text.slice(span.start, span.end);
  const cuts = new Map<number, { kind: OpenerKind | null; mark: boolean }>();
  for (const m of allMatches(MARK, s)) {
    const at = (m.index ?? 0) + m[0].length;
    cuts.set(at, { kind: null, mark: true });
  }
  // every opener, the longest first where two overlap ("selon lesquelles" holds "lesquelles")
  const found: Array<{ at: number; end: number; kind: OpenerKind }> = [];
  for (const [kind, re] of Object.entries(openers) as Array<[OpenerKind, RegExp]>) {
    re.lastIndex = 0;
    for (const m of allMatches(re, s)) found.push({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind });
  }
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  let reach = -1;
  for (const f of found) {
    if (f.at < reach) continue;
    reach = f.end;
    const at = f.at;
    // an opener right after a mark opens the clause that mark began
    // and so does a relative after a mark and a preposition: "reports, in which ...", "сообщения, в
    // которых", "informations, selon lesquelles" (one short lower-case word: a preposition, not a verb)
    const gap = f.kind === 'relative' ? RELATIVE_PREPOSITION : /^\s*$/;
    const markAt = [...cuts.keys()].find((c) => c <= at && gap.test(s.slice(c, at)) && cuts.get(c)!.mark);
    const key = markAt ?? at;
    const prev = cuts.get(key);
    // the first opener of a clause decides its kind ("but that": the complement governs)
    if (prev?.kind && prev.kind !== 'coordinate') continue;
    cuts.set(key, { kind: f.kind, mark: !!prev?.mark });
  }
  const points = [...cuts.keys()].filter((c) => c > 0 && c < s.length).sort((a, b) => a - b);
  const bounds = [0, ...points, s.length];
  const out: Clause[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    if (!s.slice(from, to).trim() || /^[\s\p{P}]*$/u.test(s.slice(from, to))) {
      // an empty piece between two marks: fold it into the clause before
      if (out.length) out[out.length - 1].end = span.start + to;
      continue;
    }
    const cut = i === 0 ? { kind: null, mark: true } : cuts.get(from)!;
    out.push({ start: span.start + from, end: span.start + to, opener: cut.kind, parent: -1, head: -1, afterMark: cut.mark });
  }
  for (let i = 1; i < out.length; i++) {
    const c = out[i];
    const prev = out[i - 1];
    if (c.opener && c.opener !== 'coordinate') c.parent = i - 1;
    else if (!c.opener && c.afterMark && prev.opener && prev.opener !== 'coordinate' && prev.afterMark) {
      // "X, who met Y on Monday, will visit Z": back to the clause the inserted one hangs on
      const host = prev.head >= 0 ? prev.head : prev.parent;
      if (host >= 0) {
        c.head = out[host].head >= 0 ? out[host].head : host;
        c.parent = out[c.head].parent;
      }
    } else if (!c.opener && !c.afterMark) c.parent = prev.parent;
  }
  return out;
}

/** The index of the clause holding `at`, -1 outside them all. */
export function clauseIndexAt(clauses: Clause[], at: number): number {
  for (let i = 0; i < clauses.length; i++) if (at >= clauses[i].start && at < clauses[i].end) return i;
  return -1;
}

/** The clause of index i with the clause it carries on: from the head's start to its own end. */
export function ownSpan(clauses: Clause[], i: number): Span {
  const c = clauses[i];
  return { start: c.head >= 0 ? clauses[c.head].start : c.start, end: c.end };
}

/**
 * The clauses that govern clause i, nearest first: up through complements ("denied that ..."),
 * and, above a complement, through relatives too ("reports which said that ...").
 */
export function governors(clauses: Clause[], i: number): number[] {
  const out: number[] = [];
  let k = clauses[i].head >= 0 ? clauses[i].head : i;
  let viaComplement = false;
  for (let guard = 0; guard < clauses.length; guard++) {
    const c = clauses[k];
    const linked = c.opener === 'complement' || c.opener === 'irrealis' || (viaComplement && c.opener === 'relative');
    if (!linked || c.parent < 0) break;
    viaComplement ||= c.opener === 'complement';
    k = clauses[c.parent].head >= 0 ? clauses[c.parent].head : c.parent;
    out.push(c.parent);
    if (k !== c.parent) out.push(k);
  }
  return out;
}

/**
 * The stretch of text the modal words of clause i may stand in: its clause, joined with clauses
 * cut off by a bare comma ("Scholz soll sich, wie ein Sprecher sagte, mit Macron treffen"), and
 * the clause it carries on; inserted subordinate clauses inside that stretch are masked ("X, who
 * would later ..., met Y": the "would" is another clause's). Clauses opened by a subordinator
 * end it.
 */
export function modalWindow(clauses: Clause[], i: number): { span: Span; masks: Span[] } {
  const masks: Span[] = [];
  let a = i;
  while (a > 0 && clauses[a].opener === null) {
    const h = clauses[a].head;
    if (h >= 0) {
      masks.push({ start: clauses[h].end, end: clauses[a].start });
      a = h;
    } else if (clauses[a - 1].opener === null) a--;
    else break;
  }
  let b = i;
  for (;;) {
    const nx = b + 1;
    if (nx >= clauses.length) break;
    if (clauses[nx].opener === null && clauses[nx].head < 0) {
      b = nx;
      continue;
    }
    // inserted clauses followed by a clause carrying on this one: skip over them
    let k = nx;
    while (k < clauses.length && clauses[k].opener && clauses[k].opener !== 'coordinate' && clauses[k].head < 0) k++;
    if (k > nx && k < clauses.length && clauses[k].head >= a && clauses[k].head <= b) {
      masks.push({ start: clauses[nx].start, end: clauses[k].start });
      b = k;
      continue;
    }
    break;
  }
  return { span: { start: clauses[a].start, end: clauses[b].end }, masks };
}
