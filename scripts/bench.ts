import { availableParallelism } from 'node:os';
// Throughput and memory of the ingest path: generates N news-like articles (300-800 words) in a
// tmp folder, ingests them into a tmp SQLite file through the CLI's own loop, and reports
// articles/s, words/s and RSS over the run (it should stay flat: documents are streamed).
//
//   npm run bench              # 10,000 articles
//   npm run bench -- --n 2000 --keep
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makePipeline } from '../src/cli/ingest.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import Database from 'better-sqlite3';
import { mergeReports } from '../src/merge/merge-reports.ts';
import { createResolution } from '../src/merge/event-resolution.ts';
import { createSqliteResolutionStorage } from '../src/store/sqlite/resolution-queries.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { article as generate, meetingsGenerated, seedArticles } from './article-generator.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
    batch: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
  },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n <= 0) {
  console.error('--n wants a positive whole number');
  process.exit(2);
}

seedArticles(Number(values.seed));
// 70% of the articles retell a meeting already reported, so merging has real work to do.
const article = () => generate({ retell: 0.7 });

const root = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const corpus = join(root, 'corpus');
const dbFile = join(root, 'bench.db');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let generatedWords = 0;
const genStart = performance.now();
for (let i = 0; i < n; i++) {
  const folder = join(corpus, String(Math.floor(i / 1000)).padStart(3, '0'));
  if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
  const text = article();
  generatedWords += text.split(/\s+/).length;
  writeFileSync(join(folder, `article-${String(i).padStart(6, '0')}.txt`), text);
}
console.log(`generated ${n} articles (${generatedWords} words) in ${((performance.now() - genStart) / 1000).toFixed(1)} s into ${corpus}`);

// RSS (all threads: the workers live in this process) is sampled from the progress callback.
let peak = process.memoryUsage.rss();
const checkpoints = new Map<number, number>();
const marks = [0.25, 0.5, 0.75, 1].map((f) => Math.max(1, Math.round(n * f)));
const store = openSqliteStore(dbFile);
const summary = await runIngest({
  paths: [corpus],
  store,
  pipeline: makePipeline(),
  workers: availableParallelism(),
  batchSize: Number(values.batch),
  command: 'bench',
  onProgress(done) {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    for (const mark of marks) if (done >= mark && !checkpoints.has(mark)) checkpoints.set(mark, rss);
  },
});
const counts = await store.counts();
await store.close();

// Merging on its own: every stored report through the merge at once (ingest merges batch by batch).
const mergeDb = new Database(dbFile);
const inputs = await createResolution(createSqliteResolutionStorage(mergeDb), { now: () => new Date() }).mergeInputs();
const mergeStats = { pairsScored: 0 };
const mergeStart = performance.now();
const merged = mergeReports(inputs, {}, mergeStats);
const mergeMs = performance.now() - mergeStart;
mergeDb.close();

const seconds = summary.elapsedMs / 1000;
console.log(`ingested ${summary.ingested} (duplicates ${summary.duplicates.length}, failed ${summary.failed.length}) in ${seconds.toFixed(1)} s`);
console.log(`  ${(summary.ingested / seconds).toFixed(0)} articles/s, ${(summary.words / seconds).toFixed(0)} words/s`);
console.log(`  database: ${counts.documents} documents, ${counts.actors} actors, ${counts.reports} reports, ${counts.events} events`);
console.log(
  `  merge: ${inputs.length} reports of ${meetingsGenerated()} meetings -> ${merged.length} events in ${(mergeMs / 1000).toFixed(2)} s; ` +
    `${mergeStats.pairsScored} candidate pairs scored (all pairs would be ${((inputs.length * (inputs.length - 1)) / 2).toExponential(1)})`,
);
console.log(`  peak RSS ${mb(peak)}; RSS at ${marks.map((m, i) => `${[25, 50, 75, 100][i]}%: ${mb(checkpoints.get(m) ?? 0)}`).join(', ')}`);
if (values.keep) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
