// Names of news media (wire agencies and outlets of data/kb/organizations/news-media.json) as
// one matcher over a text. A medium named in a text is a candidate source; whether it is one is
// for find-attributions.ts to say (a cue, a credit). `citedAs` names (common words elsewhere:
// "Mehr", "Antara", "الجزيرة") are returned marked, so only a cue can make them a source.
import type { KnowledgeBase } from '../actors/knowledge-base.ts';
import { isNewsMedium } from '../events/gather-participants.ts';
import { phrasePattern, UNSPACED, WORD_END, WORD_START } from '../text/word-pattern.ts';
import { allMatches } from '../core/all-matches.ts';

// Expressions with \p{..} made once here: inside a function such a literal is rebuilt at every
// call under tsx (the loader before src/runtime/) (esbuild turns it into `new RegExp(...)`).
const ARABIC_START = /^\p{Script=Arabic}/u;
const HEBREW_START = /^\p{Script=Hebrew}/u;

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
const PROCLITIC = { arabic: '(?:[وفبلك]{1,2})?', hebrew: '(?:[ולבהמש]-?)?' } as const;

/** An all-capitals short name ("AP", "AFP", "SPA") is matched in capitals only: "ap", "spa" are other words. */
const ACRONYM = /^[\p{Lu}\d-]{2,6}$/u;

type Name = { name: string; id: string; type: string; citedOnly: boolean };
type Group = 'acronym' | 'spaced' | 'arabic' | 'hebrew' | 'unspaced';

function groupOf(name: string): Group {
  if (UNSPACED.test(name)) return 'unspaced';
  if (ARABIC_START.test(name)) return 'arabic';
  if (HEBREW_START.test(name)) return 'hebrew';
  return ACRONYM.test(name) ? 'acronym' : 'spaced';
}

/** The lookup key of a name as written: case, runs of space and apostrophes folded as phrasePattern matches them. */
const keyOf = (s: string, group: Group): string => {
  const k = s.replace(/\s+/g, ' ').replace(/’/g, "'");
  return group === 'acronym' ? k : k.toLowerCase();
};

/**
 * One regular expression per group of scripts, its word edges (and proclitics) written once
 * around one alternation, longest names first; which name matched is looked up by its key.
 */
export function createMediaMatcher(kb: KnowledgeBase): MediaMatcher {
  const groups = new Map<Group, Map<string, Name>>();
  const add = (n: Name): void => {
    const g = groupOf(n.name);
    const map = groups.get(g) ?? new Map<string, Name>();
    const key = keyOf(n.name, g);
    // a name that is an alias somewhere is not a citedAs-only name
    if (!map.has(key) || map.get(key)!.citedOnly) map.set(key, n);
    groups.set(g, map);
  };
  // the media only, from the base's type index: iterating kb.entries would parse every entry
  for (const e of kb.entriesOfType('news-agency', 'news-outlet')) {
    if (!isNewsMedium(e)) continue;
    for (const n of new Set([e.name, ...e.aliases])) add({ name: n, id: e.id, type: e.type!, citedOnly: false });
    for (const n of e.citedAs ?? []) add({ name: n, id: e.id, type: e.type!, citedOnly: true });
  }
  const matchers: Array<{ re: RegExp; group: Group; names: Map<string, Name> }> = [];
  for (const [group, names] of groups) {
    const alts = [...names.values()].map((n) => n.name).sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
    const body = `(?:${alts})`;
    const source =
      group === 'unspaced' ? body : group === 'arabic' || group === 'hebrew' ? `(?<![\\p{L}\\p{M}\\p{N}])${PROCLITIC[group]}${body}${WORD_END}` : `${WORD_START}${body}${WORD_END}`;
    matchers.push({ re: new RegExp(source, group === 'acronym' ? 'gu' : 'giu'), group, names });
  }
  const lookup = (m: { group: Group; names: Map<string, Name> }, written: string): { name: Name; skip: number } | null => {
    // a proclitic taken by the match is not part of the name
    for (let skip = 0; skip <= (m.group === 'arabic' || m.group === 'hebrew' ? 3 : 0); skip++) {
      const n = m.names.get(keyOf(written.slice(skip), m.group));
      if (n) return { name: n, skip };
    }
    return null;
  };
  return {
    find(text) {
      const hits: MediumHit[] = [];
      for (const m of matchers) {
        m.re.lastIndex = 0;
        for (const r of allMatches(m.re, text)) {
          const found = lookup(m, r[0]);
          if (!found) continue;
          const start = r.index! + found.skip;
          hits.push({ start, end: r.index! + r[0].length, id: found.name.id, type: found.name.type, citedOnly: found.name.citedOnly });
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
