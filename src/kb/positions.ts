// Wikidata position labels -> Parley role keys, through data/kb/wikidata/positions.tsv (a file
// people review). A label that no rule matches stays the role as it is: "Minister of Health" is
// kept, only not one of the keys the extraction reasons with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_POSITIONS_FILE = fileURLToPath(new URL('../../data/kb/wikidata/positions.tsv', import.meta.url));

export interface PositionRule {
  role: string;
  re: RegExp;
  /** jurisdictions (lower case) where the rule alone applies; empty: everywhere */
  only: string[];
}

export interface PositionMap {
  rules: PositionRule[];
  /**
   * The roles a position label stands for: each part's role key, or the part's own label when no
   * rule maps it. `jurisdiction` is the country (name or extract repository) the post is of.
   */
  roles(label: string, jurisdiction?: string): string[];
}

// A label holding two posts: cut before a title that follows "and" or a comma. English labels
// are what Wikidata's "en" label gives; the title words here are that label language's.
const PART = /\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:first |second |third )?(?:deputy |vice[- ])?(?:prime minister|minister|secretary|president|chancellor|speaker|chair))/i;

export function parsePositionRules(text: string): PositionRule[] {
  const rules: PositionRule[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [role, pattern, only] = line.split('\t');
    if (!role?.trim() || !pattern?.trim()) throw new Error(`positions line ${n + 1}: want role<TAB>pattern[<TAB>jurisdictions]`);
    rules.push({
      role: role.trim(),
      re: new RegExp(`^(?:${pattern.trim()})$`, 'i'),
      only: (only ?? '').split(',').map((j) => j.trim().toLowerCase()).filter(Boolean),
    });
  }
  return rules;
}

export function createPositionMap(rules: PositionRule[]): PositionMap {
  const cache = new Map<string, string[]>();
  return {
    rules,
    roles(label, jurisdiction) {
      const clean = label.replace(/\s+/g, ' ').trim();
      const where = (jurisdiction ?? '').trim().toLowerCase().replace(/^the\s+/, '');
      const key = `${where}\u0000${clean}`;
      const known = cache.get(key);
      if (known) return known;
      const out: string[] = [];
      for (const raw of clean.split(PART)) {
        const part = raw.trim();
        if (!part) continue;
        const rule = rules.find((r) => r.re.test(part) && (!r.only.length || r.only.includes(where)));
        const role = rule ? rule.role : part;
        if (!out.includes(role)) out.push(role);
      }
      const roles = out.length ? out : [clean];
      cache.set(key, roles);
      return roles;
    },
  };
}

export function loadPositionMap(path: string = DEFAULT_POSITIONS_FILE): PositionMap {
  return createPositionMap(parsePositionRules(readFileSync(path, 'utf8')));
}
