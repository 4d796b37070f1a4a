// Single-threaded analysis speed: N generated articles (scripts/article-generator.ts) through
// one pipeline (src/pipeline/analyze.ts) in this thread, no store and no workers, so the figure
// is the analysis alone. Prints the median ms/doc of several passes after warm-up passes, and a
// digest of every analysis so a change meant to be faster can be checked to change no output.
//
//   npm run bench:analyze                          # 300 articles, 2 warm-up passes, 5 counted
//   npm run bench:analyze -- --n 500 --passes 9 --digest
//   npm run bench:analyze -- --real --digest      # the shared gold texts (../shared/corpus*)
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPipeline, forStorage } from '../src/pipeline/analyze.ts';
import { makeDocument } from '../src/ingest/make-document.ts';
import { article as generate, seedArticles } from './article-generator.ts';
import { DEFAULT_SHARED, realTexts } from './real-texts.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '300' },
    passes: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    varied: { type: 'string', default: '0.3' },
    digest: { type: 'boolean', default: false },
    real: { type: 'boolean', default: false },
    shared: { type: 'string', default: DEFAULT_SHARED },
  },
});
function whole(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} wants a whole number >= ${min} (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return n;
}
const n = values.real ? 0 : whole('n', values.n, 1);
const passes = whole('passes', values.passes, 1);
const warmup = whole('warmup', values.warmup, 0);
const varied = Number(values.varied);
if (!(varied >= 0 && varied <= 1)) {
  console.error(`--varied wants a share between 0 and 1 (got ${JSON.stringify(values.varied)})`);
  process.exit(2);
}

seedArticles(whole('seed', values.seed, 0));
// --real: the shared gold texts (real reports in a dozen languages) instead of generated ones
const docs = values.real
  ? realTexts(values.shared!, 'bench:analyze').map(({ id, text }) => makeDocument(id, text, {}, {}))
  : Array.from({ length: n }, (_, i) => makeDocument(`article-${i}`, generate({ retell: 0.7, varied }), {}, {}));

const loadStart = performance.now();
const pipeline = createPipeline();
const loadMs = performance.now() - loadStart;

// wall time per document, and CPU time per document (this process's user + system time: on a
// machine shared with other work it drifts far less than wall time does)
function pass(): { wall: number; cpu: number } {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (const doc of docs) pipeline.analyze(doc);
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - start) / docs.length, cpu: (cpu.user + cpu.system) / 1000 / docs.length };
}
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

for (let i = 0; i < warmup; i++) pass();
const times: Array<{ wall: number; cpu: number }> = [];
for (let i = 0; i < passes; i++) times.push(pass());
const wall = median(times.map((t) => t.wall));
const cpu = median(times.map((t) => t.cpu));

console.log(`pipeline loaded in ${loadMs.toFixed(0)} ms; ${docs.length} ${values.real ? 'real' : 'generated'} articles, ${warmup} warm-up + ${passes} counted passes`);
console.log(`passes ms/doc: ${times.map((t) => t.wall.toFixed(3)).join(' ')} (cpu ${times.map((t) => t.cpu.toFixed(3)).join(' ')})`);
console.log(`median ${wall.toFixed(3)} ms/doc (${(1000 / wall).toFixed(0)} docs/s single-threaded), cpu ${cpu.toFixed(3)} ms/doc; rss ${(process.memoryUsage.rss() / 1024 / 1024).toFixed(0)} MB`);

if (values.digest) {
  // every stored part of every analysis (what the store keeps), in document order
  const hash = createHash('sha256');
  for (const doc of docs) hash.update(JSON.stringify(forStorage(pipeline.analyze(doc)))).update('\n');
  console.log(`digest ${hash.digest('hex').slice(0, 16)}`);
}
