// Chinese leader-pair compounds: one character for each of two leaders, then a meeting or call
// word ("习拜会谈", "川习通话", "普习峰会"). A character stands for a person only inside such a
// compound, and only while that person holds an office (a role of the knowledge base active on
// the document's date): 拜 is Biden while he is in office. Data: data/lang/<lang>/leader-pairs.json,
// {"suffixes": [...], "people": {"习": ["xi-jinping"], ...}}.
import { existsSync, readFileSync } from 'node:fs';
import type { DocActor, Mention } from '../core/types.ts';
import { roleActiveOn, type KnowledgeBase } from '../actors/knowledge-base.ts';
import { DEFAULT_LANG_DIR } from './lexicon.ts';
import { allMatches } from '../core/all-matches.ts';

interface PairData {
  suffixes?: string[];
  people?: Record<string, string[]>;
}

export interface LeaderPairs {
  re: RegExp | null;
  people: Map<string, string[]>;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileLeaderPairs(data: PairData, source = 'leader-pairs'): LeaderPairs {
  const people = new Map(Object.entries(data.people ?? {}));
  for (const k of people.keys()) if ([...k].length !== 1) throw new Error(`${source}: "${k}" is not one character`);
  if (!people.size || !data.suffixes?.length) return { re: null, people };
  const chars = `[${[...people.keys()].map(esc).join('')}]`;
  const suffix = [...data.suffixes].sort((a, b) => b.length - a.length).map(esc).join('|');
  // a time word may stand between the pair and its word: "川习上周通话"
  return { re: new RegExp(`(${chars})(${chars})(?=[^\\s，。、；：,.;:!?！？「」“”]{0,3}?(?:${suffix}))`, 'gu'), people };
}

const NONE: LeaderPairs = { re: null, people: new Map() };
const cache = new Map<string, LeaderPairs>();

export function leaderPairsFor(lang: string, dir: string = DEFAULT_LANG_DIR): LeaderPairs {
  const key = `${dir}\u0000${lang}`;
  let m = cache.get(key);
  if (!m) {
    const path = `${dir.replace(/\/?$/, '/')}${lang}/leader-pairs.json`;
    m = NONE;
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(lang) && existsSync(path)) {
      try {
        m = compileLeaderPairs(JSON.parse(readFileSync(path, 'utf8')) as PairData, path);
      } catch (e) {
        throw new Error(`leader pairs ${path}: ${(e as Error).message}`);
      }
    }
    cache.set(key, m);
  }
  return m;
}

/** The person a character stands for on `date`: the one candidate holding an office then. */
function holder(ids: string[], kb: KnowledgeBase, date: string | null): string | null {
  const inOffice = ids.filter((id) => (kb.entries.get(id)?.roles ?? []).some((r) => roleActiveOn(r, date)));
  return inOffice.length === 1 ? inOffice[0] : null;
}

/**
 * Mentions of the two leaders of each compound in the text, not overlapping a name already found
 * ("川普会谈": 川普 is Trump's name, not Trump and Putin); sorted by start.
 */
export function leaderPairMentions(text: string, mentions: Mention[], pairs: LeaderPairs, kb: KnowledgeBase, date: string | null): Mention[] {
  const out: Mention[] = [];
  if (!pairs.re) return out;
  pairs.re.lastIndex = 0;
  for (const m of allMatches(pairs.re, text)) {
    const at = m.index ?? 0;
    if (mentions.some((x) => x.start < at + 2 && x.end > at)) continue;
    const a = holder(pairs.people.get(m[1]) ?? [], kb, date);
    const b = holder(pairs.people.get(m[2]) ?? [], kb, date);
    if (!a || !b || a === b) continue;
    out.push({ start: at, end: at + 1, actorIds: [a], kind: 'person', via: 'alias' }, { start: at + 1, end: at + 2, actorIds: [b], kind: 'person', via: 'alias' });
  }
  return out;
}

/** Found mentions with the leaders of the text's pair compounds added (and their actors, from the knowledge base). */
export function withLeaderPairs<T extends { mentions: Mention[]; actors: DocActor[] }>(text: string, found: T, pairs: LeaderPairs, kb: KnowledgeBase, date: string | null): T {
  const added = leaderPairMentions(text, found.mentions, pairs, kb, date);
  if (!added.length) return found;
  const actors = [...found.actors];
  for (const m of added) {
    const id = m.actorIds[0];
    const entry = kb.entries.get(id);
    const alias = text.slice(m.start, m.end);
    const known = actors.find((a) => a.id === id);
    if (known) {
      if (!known.aliases.includes(alias)) actors[actors.indexOf(known)] = { ...known, aliases: [...known.aliases, alias] };
    } else if (entry) actors.push({ id, kind: 'person', name: entry.name, aliases: [alias], fromKb: true });
  }
  return { ...found, mentions: [...found.mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end), actors };
}
