// Measures the near-duplicate threshold (src/sources/independence.ts NEAR_DUPLICATE): MinHash
// similarity of generated rewrites of each corpus text (a wire story as outlets republish it)
// against that of different reports of one meeting and of unrelated texts in the corpora.
//
//   node --import ./src/runtime/register.mjs scripts/near-duplicate-threshold.ts ../shared/corpus/dev ../shared/corpus-broad/mideast ...
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { signature, similarity } from '../src/sources/minhash.ts';
import { NEAR_DUPLICATE } from '../src/sources/independence.ts';
import { createPipeline, openSqliteStore, runIngest } from '../src/index.ts';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((d) => resolve(d));
if (!dirs.length) {
  console.error('usage: near-duplicate-threshold.ts CORPUS_DIR...');
  process.exit(2);
}

// a seeded generator: the same rewrites every run
let seed = 7;
const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).filter((p) => p.trim());
}

/** What republishing outlets do to a wire story, each alone and all together. */
const REWRITES: Record<string, (text: string) => string> = {
  'new headline': (t) => `A headline of our own${t.slice(t.indexOf('\n') < 0 ? t.length : t.indexOf('\n'))}`,
  'paragraph dropped': (t) => {
    const ps = paragraphs(t);
    if (ps.length < 3) return t;
    ps.splice(1 + Math.floor(rand() * (ps.length - 1)), 1);
    return ps.join('\n\n');
  },
  'last third cut': (t) => t.slice(0, Math.ceil((t.length * 2) / 3)),
  'paragraph added': (t) => `${t}\n\nOur correspondent adds that the talks drew attention across the region, where officials and commentators weighed what they might mean for the coming weeks.`,
  '1 word in 10 changed': (t) => t.replace(/[\p{L}]+/gu, (w) => (rand() < 0.1 ? 'xyz' + w.length : w)),
  'all together': (t) => REWRITES['1 word in 10 changed'](REWRITES['paragraph added'](REWRITES['paragraph dropped'](REWRITES['new headline'](t)))),
};

const quantiles = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
  return `n ${s.length}, min ${q(0)}, p5 ${q(0.05)}, median ${q(0.5)}, p95 ${q(0.95)}, max ${q(1)}`;
};

const texts = new Map<string, string>();
for (const dir of dirs) for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) texts.set(`${dir}/${f}`, readFileSync(join(dir, f), 'utf8'));
const sigs = new Map([...texts].map(([k, t]) => [k, signature(t)]));

console.log(`${texts.size} texts; threshold ${NEAR_DUPLICATE}`);
for (const [name, rewrite] of Object.entries(REWRITES)) {
  const sims = [...texts].map(([k, t]) => similarity(sigs.get(k)!, signature(rewrite(t))));
  console.log(`rewrite, ${name}: ${quantiles(sims)}; below threshold ${sims.filter((s) => s < NEAR_DUPLICATE).length}`);
}
// different texts: every pair, and the pairs whose documents report one event
const keys = [...texts.keys()];
const pairs: number[] = [];
for (let i = 0; i < keys.length; i++) {
  for (let j = i + 1; j < keys.length; j++) {
    const s = similarity(sigs.get(keys[i])!, sigs.get(keys[j])!);
    pairs.push(s);
    if (s >= NEAR_DUPLICATE) console.log(`  at or above threshold: ${keys[i]} ~ ${keys[j]} ${s}`);
  }
}
console.log(`different texts, all pairs: ${quantiles(pairs)}; at or above threshold ${pairs.filter((s) => s >= NEAR_DUPLICATE).length}; the highest below it: ${pairs.filter((s) => s < NEAR_DUPLICATE).sort((a, b) => b - a).slice(0, 5).join(', ')}`);
const pipeline = createPipeline();
const same: number[] = [];
for (const dir of dirs) {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-nd-'));
  try {
    const store = openSqliteStore(join(tmp, 'x.db'));
    await runIngest({ paths: [dir], store, pipeline });
    for (const e of await store.listEvents()) {
      const docs = [...new Set(e.reports.map((r) => r.docId))];
      const s = await store.sources().signatures(docs);
      for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) same.push(similarity(s.get(docs[i])!, s.get(docs[j])!));
    }
    await store.close();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(`different documents of one event: ${quantiles(same)}; at or above threshold ${same.filter((s) => s >= NEAR_DUPLICATE).length}`);
