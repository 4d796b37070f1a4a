// Actors as analysts' judgements make them: merged actors read as one id, a split actor's
// mentions by the split-off names read as a new actor, aliases added or removed. Applied when
// reading and merging, never by rewriting stored reports, so new extractions get the same view.
import { createHash } from 'node:crypto';
import type { Judgement } from '../core/types.ts';

export interface SplitOff {
  /** Stable id of the split-off actor: from the original id and the names split off. */
  id: string;
  from: string;
  name: string;
  aliases: string[];
  judgementId: number;
}

export interface ActorView {
  /** The id a participant reads as, given the words that name it in its document. */
  resolve(actorId: string, words: () => readonly string[]): string;
  /** Where merges send an id (after any split). */
  canonical(actorId: string): string;
  /** Actors absorbed by a merge, and the actor each went into. */
  absorbed: ReadonlyMap<string, string>;
  splits: ReadonlyMap<string, readonly SplitOff[]>;
  aliasesAdded: ReadonlyMap<string, readonly string[]>;
  aliasesRemoved: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every actor id some active actor judgement mentions. */
  touched: ReadonlySet<string>;
  /** True when no actor judgement is active (the fast path). */
  empty: boolean;
}

/** Name comparison for split-off names: case, accents and punctuation aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function splitId(actorId: string, aliases: readonly string[]): string {
  const keys = [...new Set(aliases.map(nameKey))].sort().join('|');
  return `${actorId}~${createHash('sha256').update(keys).digest('hex').slice(0, 8)}`;
}

/** The view from the active actor judgements (any order; applied oldest first). */
export function buildActorView(judgements: readonly Judgement[]): ActorView {
  const parent = new Map<string, string>();
  const splits = new Map<string, SplitOff[]>();
  const added = new Map<string, string[]>();
  const removed = new Map<string, Set<string>>();
  const touched = new Set<string>();
  const root = (id: string): string => {
    const seen = new Set<string>();
    while (parent.has(id) && !seen.has(id)) {
      seen.add(id);
      id = parent.get(id)!;
    }
    return id;
  };
  for (const j of [...judgements].filter((x) => x.active).sort((a, b) => a.id - b.id)) {
    const [a, b] = j.subjects;
    const names = j.value?.aliases ?? [];
    switch (j.kind) {
      case 'actor-merge':
        // a merge that would close a loop (b already holds a) is ignored
        if (root(a) !== root(b) && root(a) !== b) parent.set(root(b), root(a));
        touched.add(a).add(b);
        break;
      case 'actor-split': {
        const list = splits.get(a) ?? [];
        list.push({ id: splitId(a, names), from: a, name: names[0], aliases: [...names], judgementId: j.id });
        splits.set(a, list);
        touched.add(a).add(splitId(a, names));
        break;
      }
      case 'alias-add':
        added.set(a, [...(added.get(a) ?? []), ...names]);
        removed.get(a)?.forEach((n) => names.includes(n) && removed.get(a)!.delete(n));
        touched.add(a);
        break;
      case 'alias-remove': {
        const set = removed.get(a) ?? new Set<string>();
        for (const n of names) set.add(n);
        removed.set(a, set);
        if (added.has(a)) added.set(a, added.get(a)!.filter((n) => !set.has(n)));
        touched.add(a);
        break;
      }
      default:
        break;
    }
  }
  const absorbed = new Map<string, string>();
  for (const id of parent.keys()) absorbed.set(id, root(id));
  const splitKeys = new Map<string, { id: string; keys: Set<string> }[]>();
  for (const [from, list] of splits) splitKeys.set(from, list.map((s) => ({ id: s.id, keys: new Set(s.aliases.map(nameKey)) })));
  return {
    resolve(actorId, words) {
      // a split applies to the actor as extracted and to the actor it was merged into
      let said: string[] | undefined;
      for (const id of new Set([actorId, root(actorId)])) {
        const options = splitKeys.get(id);
        if (!options) continue;
        said ??= words().map(nameKey);
        const hit = options.find((o) => said!.some((w) => o.keys.has(w)));
        if (hit) return root(hit.id);
      }
      return root(actorId);
    },
    canonical: root,
    absorbed,
    splits,
    aliasesAdded: added,
    aliasesRemoved: removed,
    touched,
    empty: touched.size === 0,
  };
}
