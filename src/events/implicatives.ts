// Implicative verbs (Karttunen): "managed to meet", "logró reunirse", "a réussi à rencontrer",
// "удалось встретиться". A trigger in the infinitive complement of such a verb tells of an event
// exactly when the implicative verb itself does: "did not manage to meet" is no meeting, "will
// manage to meet" is a plan. A control verb (want, plan, hope, try) is no implicative and keeps
// the infinitive unreal. The alternative a choice rejects ("rather than meet", "en lugar de
// reunirse", "preferiu reunir-se com X a se encontrar com Y") is no event either.
//
// The language facts are data in data/lang/<lang>/implicatives.json:
// - `verbs`: implicative verbs in a past form, with the marker of their complement ("managed to",
//   "optou por", "a choisi de"); a phrase ending in an apostrophe runs into the next word ("d'");
// - `preference`: verbs of preference among them, whose rival follows `over` ("preferiu ... a");
// - `rejected`: markers of a rejected alternative ("rather than", "au lieu de", "вместо того чтобы");
// - `infinitives`: forms of trigger verbs the lexicon does not list because alone they tell of no
//   event done (en "meet", ru "встретиться"), triggers only right under an implicative verb or a
//   rejected marker;
// - `gap`: words that may stand between the marker and the infinitive ("se", "le", "finally"): 1
//   unless told.
import { existsSync, readFileSync } from 'node:fs';
import type { EventMode, Span } from '../core/types.ts';
import type { TriggerHit } from './draft.ts';
import { DEFAULT_LANG_DIR } from './lexicon.ts';
import { phrasePattern, WORD_END as E, WORD_START as B } from '../text/word-pattern.ts';
import { allMatches } from '../core/all-matches.ts';
import { anyMatch } from '../text/any-match.ts';

interface ImplicativeData {
  verbs?: string[];
  preference?: string[];
  over?: string[];
  rejected?: string[];
  infinitives?: Array<{ pattern: string; mode: EventMode; needsObject?: boolean }>;
  gap?: number;
}

export interface Implicatives {
  /** an implicative verb and at most `gap` words, ending where the infinitive starts */
  verbTail: RegExp | null;
  /** a rejected-alternative marker and at most `gap` words, ending where the infinitive starts */
  rejectedTail: RegExp | null;
  /** the rival marker after a verb of preference, ending where the infinitive starts */
  overTail: RegExp | null;
  preference: RegExp | null;
  infinitives: Array<{ re: RegExp; mode: EventMode; needsObject: boolean }>;
}

/** How far back (characters) a governing verb is looked for. */
const REACH = 160;

function alternation(list: string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => `${phrasePattern(p)}${/['’]$/.test(p) ? '' : E}`)
    .join('|');
}

/** A phrase of the list, then at most `gap` words, at the end of the text looked at. */
function tail(list: string[] | undefined, gap: number): RegExp | null {
  if (!list?.length) return null;
  return new RegExp(`${B}(${alternation(list)})(?:[\\s,]*[\\p{L}\\p{M}]+(?:['’-][\\p{L}\\p{M}]+)?){0,${gap}}[\\s,]*$`, 'iu');
}

export function compileImplicatives(data: ImplicativeData, source = 'implicatives'): Implicatives {
  const gap = data.gap ?? 1;
  if (!Number.isInteger(gap) || gap < 0 || gap > 4) throw new Error(`${source}: gap must be an integer from 0 to 4, not ${String(data.gap)}`);
  for (const x of data.infinitives ?? []) if (typeof x?.pattern !== 'string' || typeof x.mode !== 'string') throw new Error(`${source}: every infinitive needs a pattern and a mode`);
  return {
    verbTail: tail(data.verbs, gap),
    rejectedTail: tail(data.rejected, gap),
    overTail: data.preference?.length ? tail(data.over, gap) : null,
    preference: data.preference?.length ? new RegExp(`${B}(?:${alternation(data.preference)})`, 'iu') : null,
    infinitives: (data.infinitives ?? []).map((x) => ({ re: new RegExp(`${B}(?:${phrasePattern(x.pattern)})${E}`, 'giu'), mode: x.mode, needsObject: !!x.needsObject })),
  };
}

const NONE = compileImplicatives({});
const cache = new Map<string, Implicatives>();

/** The implicative data of a language (data/lang/<lang>/implicatives.json), compiled once; none when absent. */
export function implicativesFor(lang: string, dir: string = DEFAULT_LANG_DIR): Implicatives {
  const key = `${dir}\u0000${lang}`;
  let m = cache.get(key);
  if (!m) {
    const path = `${dir.replace(/\/?$/, '/')}${lang}/implicatives.json`;
    m = NONE;
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lang) && existsSync(path)) {
      try {
        m = compileImplicatives(JSON.parse(readFileSync(path, 'utf8')) as ImplicativeData, path);
      } catch (e) {
        throw new Error(`implicatives ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(key, m);
  }
  return m;
}

export interface Governor {
  /** the implicative verb with its marker, or the rejected-alternative marker */
  span: Span;
  /** 'implicative': the infinitive is an event when the verb is; 'rejected': it is none */
  kind: 'implicative' | 'rejected';
}

/**
 * What governs an infinitive starting at `at`: an implicative verb right before it ("managed
 * to"), or a rejected-alternative marker ("rather than", or "a" after "preferiu" earlier in the
 * sentence); null when neither stands right before it.
 */
export function governorOf(text: string, sentence: Span, at: number, imp: Implicatives): Governor | null {
  if (imp === NONE || at <= sentence.start) return null;
  const from = Math.max(sentence.start, at - REACH);
  const before = text.slice(from, at);
  const found = (re: RegExp | null): Span | null => {
    const m = re?.exec(before);
    if (!m) return null;
    const start = from + m.index;
    // the phrase itself (group 1), without the words after it
    return { start, end: start + m[1].length };
  };
  const rejected = found(imp.rejectedTail);
  if (rejected) return { span: rejected, kind: 'rejected' };
  const over = found(imp.overTail);
  // "preferiu reunir-se com X a se encontrar com Y": the rival of a preference told before it
  if (over && imp.preference?.test(text.slice(sentence.start, over.start))) return { span: over, kind: 'rejected' };
  const verb = found(imp.verbTail);
  return verb ? { span: verb, kind: 'implicative' } : null;
}

const patternOf = (inf: { re: RegExp }): RegExp => inf.re;

/** Triggers of the language's `infinitives` that stand right under an implicative verb or a rejected marker. */
export function infinitiveTriggers(text: string, sentence: Span, imp: Implicatives): Array<TriggerHit & { rank: number }> {
  const out: Array<TriggerHit & { rank: number }> = [];
  if (!imp.infinitives.length) return out;
  const s = text.slice(sentence.start, sentence.end);
  // one scan for any of them first (any-match.ts): most sentences hold none
  if (!anyMatch(imp.infinitives, patternOf)(s)) return out;
  for (const inf of imp.infinitives) {
    inf.re.lastIndex = 0;
    for (const m of allMatches(inf.re, s)) {
      const start = sentence.start + (m.index ?? 0);
      if (!governorOf(text, sentence, start, imp)) continue;
      out.push({ start, end: start + m[0].length, mode: inf.mode, weak: false, needsObject: inf.needsObject, needsPerson: false, noun: false, rank: Number.MAX_SAFE_INTEGER - 1 });
    }
  }
  return out;
}
