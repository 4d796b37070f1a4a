// Development aid: the cross-document pairs of a gold corpus, and whether the prediction joins them.
// A corpus goes through the real path (files -> ingest -> SQLite -> events-json); each gold event
// that several documents report gives one line per pair of documents, with the predicted events
// its reports landed in; predicted events joining documents the gold keeps apart are listed too.
//
//   node --import ./src/runtime/register.mjs scripts/crossdoc-pairs.ts ../shared/corpus-broad/world [--all]
//
// Without --all only the pairs the prediction gets wrong are printed. Matching is the scorer's
// in spirit (same gold actors at overlap >= 0.5 within one document), not its exact assignment.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildEventsJson, createPipeline, openSqliteStore, runIngest } from '../src/index.ts';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
const all = args.includes('--all');
if (!dirs.length) {
  console.error('usage: crossdoc-pairs.ts CORPUS_DIR... [--all]');
  process.exit(2);
}

interface GoldEvent {
  key: string;
  participants: string[];
  optional?: boolean;
  companions?: string[];
}
interface PredEvent {
  id: string;
  mode: string;
  date: string | null;
  location: string | null;
  participants: string[];
  mentions: { doc: string; participants?: string[] }[];
}

const normalize = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((x) => b.has(x)).length;
  return shared / (a.size + b.size - shared || 1);
}

const pipeline = createPipeline();
for (const dir of dirs) {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-pairs-'));
  try {
    const store = openSqliteStore(join(tmp, 'corpus.db'));
    await runIngest({ paths: [dir], store, pipeline });
    const pred = (await buildEventsJson(store)) as unknown as { actors: { id: string; name: string }[]; events: PredEvent[] };
    await store.close();
    const actors = JSON.parse(readFileSync(join(dir, 'actors.json'), 'utf8')) as { key: string; name: string; aliases?: string[] }[];
    const byName = new Map<string, string>();
    for (const a of actors) for (const n of [a.name, ...(a.aliases ?? [])]) byName.set(normalize(n), a.key);
    const predName = new Map(pred.actors.map((a) => [a.id, a.name]));
    const keyOf = (id: string) => byName.get(normalize(predName.get(id) ?? id)) ?? `?${predName.get(id) ?? id}`;
    const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { doc: string; events: GoldEvent[] });

    // per document and gold key: the predicted event its report landed in (best participant overlap)
    const landed = new Map<string, Map<string, PredEvent | null>>();
    const goldOfPred = new Map<string, Set<string>>();
    for (const g of gold) {
      const mine = pred.events.filter((e) => e.mentions.some((m) => m.doc === g.doc));
      const perKey = new Map<string, PredEvent | null>();
      for (const e of g.events) {
        const wanted = new Set(e.participants);
        const companions = new Set(e.companions ?? []);
        let best: PredEvent | null = null;
        let bestJ = 0.5 - 1e-9;
        for (const p of mine) {
          const named = p.mentions.find((m) => m.doc === g.doc)?.participants ?? p.participants;
          const j = jaccard(wanted, new Set(named.map(keyOf).filter((k) => !companions.has(k))));
          if (j > bestJ) [best, bestJ] = [p, j];
        }
        perKey.set(e.key, best);
        if (best) {
          const set = goldOfPred.get(best.id) ?? new Set();
          set.add(e.key);
          goldOfPred.set(best.id, set);
        }
      }
      landed.set(g.doc, perKey);
    }
    const describe = (e: PredEvent | null | undefined) =>
      e ? `${e.id.slice(3, 11)} ${e.mode} ${e.date ?? '-'} ${e.location ?? '-'} (${e.mentions.length} docs)` : 'not found';

    console.log(`${dir}`);
    let right = 0;
    let wrong = 0;
    const keys = new Map<string, { doc: string; optional: boolean }[]>();
    for (const g of gold) for (const e of g.events) keys.set(e.key, [...(keys.get(e.key) ?? []), { doc: g.doc, optional: !!e.optional }]);
    for (const [key, docs] of keys) {
      for (let i = 0; i < docs.length; i++) {
        for (let k = i + 1; k < docs.length; k++) {
          const [a, b] = [docs[i], docs[k]];
          if (a.doc === b.doc) continue;
          const ea = landed.get(a.doc)?.get(key);
          const eb = landed.get(b.doc)?.get(key);
          const joined = !!ea && ea === eb;
          if (ea && eb && !a.optional && !b.optional) joined ? right++ : wrong++;
          if (joined && !all) continue;
          const tag = joined ? 'joined' : !ea || !eb ? 'unfound' : 'APART ';
          const opt = a.optional || b.optional ? ' (optional)' : '';
          console.log(`  ${tag} ${key}${opt}\n         ${a.doc}: ${describe(ea)}\n         ${b.doc}: ${describe(eb)}`);
        }
      }
    }
    // predicted events that join reports the gold keeps apart (what the scorer counts as false pairs)
    const byPred = new Map<string, { doc: string; key: string; optional: boolean }[]>();
    for (const g of gold) {
      for (const e of g.events) {
        const p = landed.get(g.doc)?.get(e.key);
        if (p) byPred.set(p.id, [...(byPred.get(p.id) ?? []), { doc: g.doc, key: e.key, optional: !!e.optional }]);
      }
    }
    for (const [id, list] of byPred) {
      for (let i = 0; i < list.length; i++) {
        for (let k = i + 1; k < list.length; k++) {
          const [a, b] = [list[i], list[k]];
          if (a.doc === b.doc || a.key === b.key) continue;
          if (!a.optional && !b.optional) wrong++;
          const opt = a.optional || b.optional ? ' (optional)' : '';
          console.log(`  JOINED ${a.key} + ${b.key}${opt}: ${describe(pred.events.find((e) => e.id === id))}\n         ${a.doc} / ${b.doc}`);
        }
      }
    }
    console.log(`  pairs (neither optional) joined right ${right}, kept apart or joined wrongly ${wrong}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
