// Names of news media (wire agencies and outlets of data/kb/organizations/news-media.json) as
// one matcher over a text. A medium named in a text is a candidate source; whether it is one is
// for find-attributions.ts to say (a cue, a credit). `citedAs` names (common words elsewhere:
// "Mehr", "Antara", "الجزيرة") are returned marked, so only a cue can make them a source.
import type { KbEntry } from '../core/types.ts';
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { isNewsMedium } from '../events/gather-participants.ts';
import { phrasePattern, UNSPACED, WORD_END, WORD_START } from '../text/word-pattern.ts';

export interface MediumHit {
  start: number;
  end: number;
  id: string;
  /** the entry's type: news-agency or news-outlet */
  type: string;
  /** matched through a citedAs name: a source only beside a cue */
  citedOnly: boolean;
}

export interface MediaMatcher {
  find(text: string): MediumHit[];
}

// letters Arabic and Hebrew write onto the next word ("لرويترز", "ל-AFP"): a name may carry them
const PROCLITIC_AR = '(?:[وفبلك]{1,2}|ل?ل)?';
const PROCLITIC_HE = '(?:[ולבהמש]-?)?';

function namePattern(name: string): string {
  const p = phrasePattern(name);
  if (UNSPACED.test(name)) return `(?:${p})`;
  if (/^[\p{Script=Arabic}]/u.test(name)) return `(?<![\\p{L}\\p{M}\\p{N}])${PROCLITIC_AR}(?:${p})${WORD_END}`;
  if (/^[\p{Script=Hebrew}]/u.test(name)) return `(?<![\\p{L}\\p{M}\\p{N}])${PROCLITIC_HE}(?:${p})${WORD_END}`;
  return `${WORD_START}(?:${p})${WORD_END}`;
}

/** An all-capitals short name ("AP", "AFP", "SPA") is matched in capitals only: "ap", "spa" are other words. */
const ACRONYM = /^[\p{Lu}\d-]{2,6}$/u;

export function createMediaMatcher(kb: KnowledgeBase): MediaMatcher {
  const names: Array<{ name: string; id: string; type: string; citedOnly: boolean }> = [];
  for (const e of kb.entries.values() as Iterable<KbEntry>) {
    if (!isNewsMedium(e)) continue;
    for (const n of new Set([e.name, ...e.aliases])) names.push({ name: n, id: e.id, type: e.type!, citedOnly: false });
    for (const n of e.citedAs ?? []) names.push({ name: n, id: e.id, type: e.type!, citedOnly: true });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const build = (list: typeof names, flags: string): { re: RegExp; list: typeof names } | null =>
    list.length ? { re: new RegExp(list.map((n) => `(${namePattern(n.name)})`).join('|'), flags), list } : null;
  const exact = build(names.filter((n) => ACRONYM.test(n.name)), 'gu');
  const folded = build(names.filter((n) => !ACRONYM.test(n.name)), 'giu');
  return {
    find(text) {
      const hits: MediumHit[] = [];
      for (const m of [exact, folded]) {
        if (!m) continue;
        m.re.lastIndex = 0;
        for (const r of text.matchAll(m.re)) {
          const k = r.findIndex((g, i) => i > 0 && g !== undefined) - 1;
          const n = m.list[k];
          hits.push({ start: r.index!, end: r.index! + r[0].length, id: n.id, type: n.type, citedOnly: n.citedOnly });
        }
      }
      // overlapping hits: the longer one
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      const out: MediumHit[] = [];
      for (const h of hits) if (!out.length || h.start >= out[out.length - 1].end) out.push(h);
      return out;
    },
  };
}
