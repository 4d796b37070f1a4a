// The means of an exchange: a phone or video phrase in a trigger's own clause ("sprach am Telefon
// mit", "conversó vía telefónica con", "met by video link") makes a meeting verb a call, wherever
// the phrase stands in the clause. Language data: data/lang/<lang>/means.json, {"phone": [...],
// "video": [...]}: phrases of the means, matched as whole words (Han phrases inside runs).
import { existsSync, readFileSync } from 'node:fs';
import type { EventMode, Span } from '../core/types.ts';
import { DEFAULT_LANG_DIR } from './lexicon.ts';
import { phrasePattern, UNSPACED, WORD_END as E, WORD_START as B } from '../text/word-pattern.ts';

interface MeansData {
  phone?: string[];
  video?: string[];
}

export interface Means {
  phone: RegExp | null;
  video: RegExp | null;
}

function compile(list: string[] | undefined): RegExp | null {
  if (!list?.length) return null;
  const one = (p: string): string => (UNSPACED.test(p) ? `(?:${phrasePattern(p)})` : `${B}(?:${phrasePattern(p)})${E}`);
  return new RegExp([...list].sort((a, b) => b.length - a.length).map(one).join('|'), 'iu');
}

export function compileMeans(data: MeansData): Means {
  for (const k of Object.keys(data)) if (k !== 'phone' && k !== 'video') throw new Error(`means: unknown key ${k} (phone, video)`);
  return { phone: compile(data.phone), video: compile(data.video) };
}

const NONE: Means = { phone: null, video: null };
const cache = new Map<string, Means>();

/** The means data of a language (data/lang/<lang>/means.json), compiled once; none when absent. */
export function meansFor(lang: string, dir: string = DEFAULT_LANG_DIR): Means {
  const key = `${dir}\u0000${lang}`;
  let m = cache.get(key);
  if (!m) {
    const path = `${dir.replace(/\/?$/, '/')}${lang}/means.json`;
    m = NONE;
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lang) && existsSync(path)) {
      try {
        m = compileMeans(JSON.parse(readFileSync(path, 'utf8')) as MeansData);
      } catch (e) {
        throw new Error(`means ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(key, m);
  }
  return m;
}

/**
 * The mode of a meeting trigger given the means told in its clause: 'phone' or 'video' when a
 * phrase of that means stands in the clause, else the trigger's own mode.
 * Only a meeting is refined: a visit or a reception is in person.
 */
export function modeByMeans(text: string, clause: Span, trig: Span & { mode: EventMode }, means: Means): EventMode {
  if (trig.mode !== 'meet' || (!means.phone && !means.video)) return trig.mode;
  // the whole clause: a meeting verb may hold the phrase between its words ("sprach am Telefon mit")
  const rest = text.slice(Math.min(clause.start, trig.start), Math.max(clause.end, trig.end));
  if (means.video?.test(rest)) return 'video';
  if (means.phone?.test(rest)) return 'phone';
  return trig.mode;
}
