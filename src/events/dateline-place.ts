// The dateline's place: a report opening with where it was filed ("ANKARA —", "Ciudad de
// México.-", "REPUBLIKA.CO.ID, BOGOR --", "الرياض -", "Москва, 3 дек —", "Toronto (Canadá), 3
// jun (EFE).-") places the meetings it reports that name no place of their own. Found from the
// shape of a line near the top, in any language: an optional outlet and comma, a known place,
// then at most a bracketed note, a date or an agency, then a dash (or the colon of "MOSCOW,
// March 20 (Xinhua):"). The publication date module reads datelines for their date; this reads
// them for their place only.
import type { Mention, Sentence, Span } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { normalizeName } from '../actors/name-key.ts';
import type { Lexicon } from './lexicon.ts';
import type { PlaceFinding } from './draft.ts';
import { startingWithin } from '../core/spans-by-start.ts';
import { placeWithin } from './attach-place.ts';

/** how far into the text a dateline may stand (headlines, bylines and dates come first) */
const HEAD_CHARS = 1500;
/** lines read, at most */
const HEAD_LINES = 12;

// "REPUBLIKA.CO.ID, " or "Bisnis.com, ": a word with dots (a web address), then a comma
const OUTLET = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\s*,\s*/u;
// the dash that ends a dateline: "—", "–", "-", "--", ".-", or a colon
const DASH = /^\s*(?:\.?\s?(?:--?|[–—])|:)\s/u;
// what may stand between the place and the dash: "(Canadá)", ", 3 jun (EFE)", ". 20 марта. INTERFAX.RU"
const NOTE = /^(?:\s*\([^()\n]{1,40}\)|\s*[,.]\s*[\p{N}\p{L}.'’ ]{1,30}?(?=\s*[,.(]|\s*(?:\.?\s?(?:--?|[–—])|:)\s))*/u;

export interface Dateline {
  place: PlaceFinding;
  /** where the dateline line starts: meetings told before it (the headline) are not its own */
  start: number;
}

/** The first line near the top of the text shaped as a dateline naming one known place. */
export function findDateline(text: string, sentences: readonly Sentence[], mentions: readonly Mention[], kb: KnowledgeBase, lex: Lexicon): Dateline | null {
  const headEnd = Math.min(text.length, HEAD_CHARS);
  let lineStart = 0;
  for (let n = 0; n < HEAD_LINES && lineStart < headEnd; n++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const found = datelineIn(text, { start: lineStart, end: lineEnd }, mentions, kb, lex);
    if (found) return found;
    lineStart = lineEnd + 1;
    // only lines a sentence of the body starts on count after the first: no paragraph deep in the text
    if (sentences.length && lineStart > sentences[Math.min(sentences.length - 1, 6)].end) break;
  }
  return null;
}

function datelineIn(text: string, line: Span, mentions: readonly Mention[], kb: KnowledgeBase, lex: Lexicon): Dateline | null {
  const raw = text.slice(line.start, line.end);
  const lead = raw.length - raw.trimStart().length;
  const outlet = raw.slice(lead).match(OUTLET);
  const at = line.start + lead + (outlet ? outlet[0].length : 0);
  if (at >= line.end) return null;
  // the place: a mention starting right there, else the words up to the first mark, looked up whole
  // ("Ciudad de México" where the finder saw only "México")
  let place: PlaceFinding | null = null;
  const m = startingWithin(mentions, at, at + 1).find((x) => x.start === at && x.kind === 'place');
  const head = text.slice(at, Math.min(line.end, at + 60)).match(/^[\p{L}\p{M}][\p{L}\p{M}'’ -]*?(?=\s*(?:[,.(:/]|--?|[–—]))/u);
  const whole = head ? placeNamed(kb, head[0]) : null;
  if (whole && (!m || head![0].length >= m.end - m.start)) place = { actorId: whole, span: { start: at, end: at + head![0].length } };
  else if (m) place = { actorId: m.actorIds[0], span: { start: m.start, end: m.end } };
  if (!place) return null;
  let rest = text.slice(place.span.end, line.end);
  // "PARIS/KYIV": two places, no one place
  if (/^\s*\//.test(rest)) return null;
  const note = rest.match(NOTE);
  if (note?.[0] && !noteFits(note[0], lex)) return null;
  rest = rest.slice(note?.[0].length ?? 0);
  const dash = rest.match(DASH);
  // the dateline opens the body: words must follow the dash on the line
  if (!dash || rest.slice(dash[0].length).trim().length < 12) return null;
  // "MOSCOW, March 20 (Xinhua):" but not a headline's "Kremlin: Putin meets Xi"
  if (dash[0].trim() === ':' && !note?.[0]) return null;
  return { place, start: line.start };
}

/** The place a whole phrase names in the knowledge base, if it names exactly one. */
function placeNamed(kb: KnowledgeBase, phrase: string): string | null {
  const ids = (kb.byName.get(normalizeName(phrase)) ?? []).filter((id) => kb.entries.get(id)?.kind === 'place');
  return ids.length === 1 ? ids[0] : null;
}

/**
 * What stands between a dateline's place and its dash: a bracketed note, numbers, a month name,
 * a word in capitals (an agency, INTERFAX.RU), never a run of ordinary words ("Moscow is not —").
 */
function noteFits(note: string, lex: Lexicon): boolean {
  const outside = note.replace(/\([^()]*\)/g, ' ');
  let afterNumber = false;
  for (const w of outside.split(/[\s,]+/).filter(Boolean)) {
    const word = w.replace(/\.+$/, '');
    const number = /^\p{N}+$/u.test(word);
    const fits =
      !word ||
      number ||
      (word === word.toUpperCase() && /\p{Lu}/u.test(word)) ||
      lex.months.some((re) => re.test(word) || re.test(`${word}.`)) ||
      // "3 дек", "12 Ags": an abbreviated month after the day
      (afterNumber && word.length <= 4);
    if (!fits) return false;
    afterNumber = number;
  }
  return true;
}

/**
 * Whether the dateline places a meeting: told after the dateline, not by phone or video, with no
 * place of its own but the dateline's country, and not dated well before the publication day (an earlier meeting told in
 * passing took place wherever it did).
 */
export function datelineFits(
  d: { mode: string; place: PlaceFinding | null; sentence: Span & { index: number }; date: { value: string } | null },
  dateline: Dateline,
  published: string | null,
  kb: KnowledgeBase,
): boolean {
  if (d.mode === 'phone' || d.mode === 'video' || d.sentence.index < 0 || d.sentence.start < dateline.start) return false;
  // "ANKARA — ... met in Turkey": the dateline may only say where in the country it names
  if (d.place && !(kb.entries.get(d.place.actorId)?.type === 'country' && d.place.actorId !== dateline.place.actorId && placeWithin(kb, dateline.place.actorId, d.place.actorId))) return false;
  if (!d.date) return true;
  if (!published || published.length < 10) return true;
  const days = (Date.parse(`${published.slice(0, 10)}T12:00:00Z`) - Date.parse(`${d.date.value.slice(0, 10)}T12:00:00Z`)) / 86_400_000;
  return days >= -1 && days <= 3;
}
