// Independence: an event counts sources, not reports. Reports are one source chain when their
// texts are near-duplicates (MinHash over word shingles, minhash.ts), when they carry the same
// wire agency or cite the same outlet or the same official's statement (or statements of the
// same participant's side), or when one report's
// outlet is the one another cites. Analysts' judgements (one source / independent) come first.
// Each chain says who published first, who followed, and who cited whom.
import type { AttributionKind, ReportAttribution } from '../core/types.ts';
import { similarity } from './minhash.ts';

/**
 * Texts this similar (estimated Jaccard of 5-word shingles) are one text republished. Measured by
 * scripts/near-duplicate-threshold.ts on the 76 texts of corpus/seeds, corpus/dev and
 * corpus-broad/*: rewrites as outlets republish (headline changed, a paragraph dropped or added,
 * the last third cut) score at least 0.45 (bar 4 one-line texts a new headline empties); one word
 * in ten changed throughout, 0.22 to 0.83; all of these at once leave 8 of 76 below 0.15; two
 * different texts at most 0.03, except two pairs that do share their text (a Chinese report
 * republished by another site, 0.33; Islam Times reusing Mehr's paragraphs, 0.36). 0.15 lies in
 * that gap, well above MinHash's noise (64 permutations) at 0.03.
 */
export const NEAR_DUPLICATE = 0.15;

export interface SourceReport {
  reportId: string;
  docId: string;
  /** The document's outlet (metadata, folder), or null. */
  outlet: string | null;
  /** Publication date (YYYY[-MM[-DD]] or a date-time), or null. */
  published: string | null;
  attributions: readonly ReportAttribution[];
  signature: readonly number[] | null;
}

export interface SourceJudgement {
  docs: [string, string];
  /** true: one source; false: independent. */
  same: boolean;
}

export type ChainLink = 'near-duplicate' | 'same-origin' | 'cites' | 'judgement';

export interface SourceChain {
  /** Stable within an event: 's:' + the first document's id. */
  id: string;
  /** Where the chain's words come from: the agency, outlet or official cited by its reports, else the first outlet's own reporting. */
  origin: { kind: AttributionKind; sourceId: string | null; name: string | null };
  docs: string[];
  reports: string[];
  first: { docId: string; outlet: string | null; published: string | null };
  /** The others, in order of publication, with what tied each to the chain. */
  followers: Array<{ docId: string; outlet: string | null; published: string | null; via: ChainLink; similarity?: number }>;
  /** Who cited whom: a document and the source it names. */
  cites: Array<{ docId: string; kind: AttributionKind; sourceId: string | null; name: string | null }>;
}

const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');

/** The named sources a report carries that tie it to others: agencies, outlets, an official's statement. */
function origins(r: SourceReport): string[] {
  const named = r.attributions.filter((a) => (a.kind === 'wire' || a.kind === 'outlet' || a.kind === 'official') && a.sourceId).map((a) => `${a.kind === 'official' ? 'official' : 'medium'}:${a.sourceId}`);
  // one participant's side speaks through one readout, whether the text names the presidency, the
  // office or the person ("la présidence turque", "le bureau d'Erdogan")
  const sides = r.attributions.filter((a) => a.kind === 'official' && a.side).map((a) => `side:${a.side}`);
  return [...named, ...sides];
}

function cites(r: SourceReport, outlet: string | null): boolean {
  const o = norm(outlet);
  return !!o && r.attributions.some((a) => (a.kind === 'wire' || a.kind === 'outlet') && (norm(a.sourceId) === o || norm(a.name) === o));
}

export function sourceChains(reports: readonly SourceReport[], judgements: readonly SourceJudgement[] = [], threshold = NEAR_DUPLICATE): SourceChain[] {
  const docs = [...new Map(reports.map((r) => [r.docId, r])).values()];
  const index = new Map(docs.map((d, i) => [d.docId, i]));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const members = (root: number): number[] => docs.map((_, i) => i).filter((i) => find(i) === root);
  const apart: Array<[number, number]> = [];
  for (const j of judgements) {
    const a = index.get(j.docs[0]);
    const b = index.get(j.docs[1]);
    if (a !== undefined && b !== undefined && !j.same) apart.push([a, b]);
  }
  const via = new Map<number, { link: ChainLink; similarity?: number }>();
  const union = (a: number, b: number, link: ChainLink, sim?: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // an analyst's "independent" holds against every machine link
    if (link !== 'judgement' && apart.length > 0) {
      const ma = members(ra);
      const mb = members(rb);
      if (apart.some(([x, y]) => (ma.includes(x) && mb.includes(y)) || (ma.includes(y) && mb.includes(x)))) return;
    }
    parent[rb] = ra;
    if (!via.has(b)) via.set(b, { link, ...(sim !== undefined ? { similarity: sim } : {}) });
    if (!via.has(a)) via.set(a, { link, ...(sim !== undefined ? { similarity: sim } : {}) });
  };
  for (const j of judgements) {
    const a = index.get(j.docs[0]);
    const b = index.get(j.docs[1]);
    if (a !== undefined && b !== undefined && j.same) union(a, b, 'judgement');
  }
  const orig = docs.map(origins);
  // Pairs already in one chain are skipped before they are compared: union would change nothing,
  // and an event told by hundreds of copies of one story is one chain after the first row, so
  // its cost is a find per pair instead of a signature comparison per pair.
  for (let a = 0; a < docs.length; a++) {
    for (let b = a + 1; b < docs.length; b++) {
      if (find(a) === find(b)) continue;
      const sa = docs[a].signature;
      const sb = docs[b].signature;
      const sim = sa && sb ? similarity(sa, sb) : 0;
      if (sim >= threshold) union(a, b, 'near-duplicate', Math.round(sim * 100) / 100);
      else if (orig[a].some((o) => orig[b].includes(o))) union(a, b, 'same-origin');
      else if (cites(docs[a], docs[b].outlet) || cites(docs[b], docs[a].outlet)) union(a, b, 'cites');
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < docs.length; i++) {
    const root = find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  }
  const order = (x: SourceReport, y: SourceReport): number => (x.published ?? '\uffff').localeCompare(y.published ?? '\uffff') || x.docId.localeCompare(y.docId);
  const chains: SourceChain[] = [];
  for (const group of byRoot.values()) {
    const ds = group.map((i) => docs[i]).sort(order);
    const first = ds[0];
    const inGroup = new Set(group.map((i) => docs[i].docId));
    const all = reports.filter((r) => inGroup.has(r.docId));
    const named = all.flatMap((r) => r.attributions.filter((a) => a.kind !== 'own').map((a) => ({ docId: r.docId, kind: a.kind, sourceId: a.sourceId, name: a.name })));
    // the origin: the source most of the chain's documents name (an agency or an official before an unnamed source), else the first outlet
    const counts = new Map<string, { n: number; a: (typeof named)[number] }>();
    for (const c of named) {
      const key = `${c.kind}:${c.sourceId ?? c.name ?? ''}`;
      const rank = c.kind === 'unnamed' ? 0.5 : c.kind === 'outlet' && !c.sourceId ? 0.75 : 1;
      counts.set(key, { n: (counts.get(key)?.n ?? 0) + rank, a: c });
    }
    const top = [...counts.values()].sort((x, y) => y.n - x.n)[0];
    chains.push({
      id: `s:${first.docId}`,
      origin: top ? { kind: top.a.kind, sourceId: top.a.sourceId, name: top.a.name } : { kind: 'own', sourceId: null, name: first.outlet },
      docs: ds.map((d) => d.docId),
      reports: all.map((r) => r.reportId),
      first: { docId: first.docId, outlet: first.outlet, published: first.published },
      followers: ds.slice(1).map((d) => ({ docId: d.docId, outlet: d.outlet, published: d.published, via: via.get(index.get(d.docId)!)?.link ?? 'same-origin', ...(via.get(index.get(d.docId)!)?.similarity !== undefined ? { similarity: via.get(index.get(d.docId)!)!.similarity } : {}) })),
      cites: [...new Map(named.map((c) => [`${c.docId}:${c.kind}:${c.sourceId ?? c.name}`, c])).values()],
    });
  }
  return chains.sort((x, y) => order(x.first as SourceReport, y.first as SourceReport));
}
