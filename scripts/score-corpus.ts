// Development aid: a gold corpus through the real path (files -> ingest -> SQLite -> events-json),
// scored by the project's scorer, with per-document differences on request.
//
//   node --import ./src/runtime/register.mjs scripts/score-corpus.ts ../shared/corpus-broad/world [--diff] [--json]
//
// --diff prints, per document where prediction and gold differ, the gold events and the
// predicted reports (participants, date, place, the trigger sentence).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline, openSqliteStore, runIngest, buildEventsJson } from '../src/index.ts';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
const diff = args.includes('--diff');
const asJson = args.includes('--json');
const scorer = fileURLToPath(new URL('../../shared/eval/score.mjs', import.meta.url));
if (!dirs.length) {
  console.error('usage: score-corpus.ts CORPUS_DIR... [--diff] [--json]');
  process.exit(2);
}

function normalize(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const pipeline = createPipeline();
const results: Record<string, unknown> = {};
for (const dir of dirs) {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-score-'));
  try {
    const store = openSqliteStore(join(tmp, 'corpus.db'));
    await runIngest({ paths: [dir], store, pipeline });
    const pred = await buildEventsJson(store);
    await store.close();
    const predFile = join(tmp, 'events.json');
    writeFileSync(predFile, JSON.stringify(pred));
    const out = execFileSync(process.execPath, [scorer, '--gold', dir, '--pred', predFile, '--json'], { encoding: 'utf8' });
    const { figures } = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as { figures: Record<string, number | null> };
    results[dir] = figures;
    if (!asJson) {
      const f = (k: string): string => (figures[k] === null || figures[k] === undefined ? 'n/a' : String(Math.round(figures[k]! * 1000) / 1000));
      console.log(`${dir}\n  meeting F1 ${f('meeting.f1')} (p ${f('meeting.p')} r ${f('meeting.r')}) · participants F1 ${f('participants.f1')} · date ${f('date.acc')} (over ${f('date.overclaimed')}) · place ${f('location.acc')} (over ${f('location.overclaimed')}) · published ${f('published.acc')} (over ${f('published.overclaimed')}) · crossdoc F1 ${f('crossdoc.f1')} · split ${f('actors.split')}`);
    }
    if (diff) printDiff(dir, pred as unknown as Pred);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
if (asJson) console.log(JSON.stringify(results, null, 1));

interface Pred {
  documents: Array<{ id: string; published: string | null }>;
  actors: Array<{ id: string; name: string }>;
  events: Array<{ id: string; mode: string; participants: string[]; date: string | null; location: string | null; mentions: Array<{ doc: string; start: number; end: number; participants?: string[] }> }>;
}

function printDiff(dir: string, pred: Pred): void {
  const actors = JSON.parse(readFileSync(join(dir, 'actors.json'), 'utf8')) as Array<{ key: string; name: string; aliases?: string[] }>;
  const byName = new Map<string, string>();
  for (const a of actors) for (const n of [a.name, ...(a.aliases ?? [])]) byName.set(normalize(n), a.key);
  const predName = new Map(pred.actors.map((a) => [a.id, a.name]));
  const keyOf = (id: string): string => {
    const name = predName.get(id) ?? id;
    return byName.get(normalize(name)) ?? `?${name}`;
  };
  const gold = readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as {
    doc: string; published: string | null;
    events: Array<{ key: string; participants: string[]; date: string | null; location: string | null; optional?: boolean; companions?: string[] }>;
  });
  const published = new Map(pred.documents.map((d) => [d.id, d.published]));
  for (const g of gold) {
    const text = readFileSync(join(dir, `${g.doc}.txt`), 'utf8');
    const mine = pred.events.flatMap((e) => e.mentions.filter((m) => m.doc === g.doc).map((m) => ({ e, m })));
    const gl = g.events.map((e) => `${e.optional ? '(opt) ' : ''}${[...e.participants].sort().join(',')} | ${e.date ?? '-'} | ${e.location ?? '-'}`);
    const pl = mine.map(({ e, m }) => `${[...(m.participants ?? e.participants)].map(keyOf).sort().join(',')} | ${e.date ?? '-'} | ${e.location ? byName.get(normalize(e.location)) ?? `?${e.location}` : '-'}`);
    const same = gl.length === pl.length && gl.every((x) => pl.includes(x)) && (published.get(g.doc) ?? null) === g.published;
    if (same) continue;
    console.log(`\n## ${g.doc}  published gold ${g.published ?? '-'} / pred ${published.get(g.doc) ?? '-'}`);
    for (const x of gl) console.log(`  gold ${x}`);
    for (let i = 0; i < mine.length; i++) {
      const { e, m } = mine[i];
      console.log(`  pred ${pl[i]}  [${e.mode}, ${e.id}, ${e.mentions.length} docs]\n       «${text.slice(m.start, m.end).replace(/\s+/g, ' ').slice(0, 220)}»`);
    }
  }
}
