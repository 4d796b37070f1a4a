// Throughput on real text: the shared gold articles (../shared/corpus/*, ../shared/corpus-broad/*,
// real reports in the twelve lexicon languages and a few others) plus generated wire copies of
// them, the same story under several outlets and lightly edited the way agencies' clients edit
// it (two lines swapped, a later paragraph dropped, an outlet's credit and update time added),
// shuffled together into one corpus and ingested through the CLI's own loop into a tmp SQLite
// file. Prints articles/s, sentences/s, CPU time, peak RSS, and the rate over the first and the
// last 10% of the run: copies of one story pile onto one event, and merging must not slow down
// as they do.
//
//   npm run bench:real                   # 10,000 documents
//   npm run bench:real -- --n 3000 --json
//   npm run bench:real -- --n 3000 --check   # and: are the stored events what merging everything at once gives?
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { makePipeline } from '../src/cli/ingest.ts';
import { createResolution } from '../src/merge/event-resolution.ts';
import { mergeReports } from '../src/merge/merge-reports.ts';
import { createSqliteResolutionStorage } from '../src/store/sqlite/resolution-queries.ts';
import { runIngest } from '../src/pipeline/run-ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { createTextAnalyzer } from '../src/text/analyze-text.ts';
import { prng } from './prng.ts';
import { DEFAULT_SHARED, realTexts } from './real-texts.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string', default: '100' },
    workers: { type: 'string', default: String(availableParallelism()) },
    shared: { type: 'string', default: DEFAULT_SHARED },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
function whole(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`bench:real: --${name} wants a whole number >= ${min} (got ${JSON.stringify(value)})`);
    process.exit(2);
  }
  return n;
}
const n = whole('n', values.n, 1);
const workers = whole('workers', values.workers, 1);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

// ---- the real texts
const originals = realTexts(values.shared!, 'bench:real');

const random = prng(whole('seed', values.seed, 0));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

// Language and sentences of each original, counted by the project's own text stage (outside the
// timed run), per line so a copy's count follows its edits.
const analyzeText = createTextAnalyzer();
interface Story {
  id: string;
  language: string;
  lines: string[];
  sentencesPerLine: number[];
}
const stories: Story[] = originals.map(({ id, text }) => {
  const { language, sentences } = analyzeText(text);
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const sentencesPerLine = lines.map(() => 0);
  for (const s of sentences) {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= s.start) i++;
    sentencesPerLine[i]++;
  }
  return { id, language, lines, sentencesPerLine };
});

// Wire copies: the lead (first third of the lines) is kept as is, the rest is edited.
const OUTLETS = ['Reuters', 'AFP', 'AP', 'Xinhua', 'TASS', 'dpa', 'Anadolu', 'Kyodo', 'EFE', 'ANSA', 'IRNA', 'WAFA', 'Antara', 'Agência Brasil', 'Interfax', 'Bernama'];
function wireCopy(story: Story, copy: number): { text: string; sentences: number } {
  const order = story.lines.map((_, i) => i);
  const body = Math.max(1, Math.ceil(order.length / 3));
  const editable = () => body + Math.floor(random() * (order.length - body));
  if (order.length - body >= 2 && random() < 0.7) {
    // sentence order: two neighbouring lines trade places
    const i = Math.min(editable(), order.length - 2);
    [order[i], order[i + 1]] = [order[i + 1], order[i]];
  }
  if (order.length - body >= 3 && random() < 0.5) {
    // a dropped paragraph (skipping blank lines)
    const i = editable();
    if (story.lines[order[i]].trim()) order.splice(i, 1);
  }
  const kept = order.map((i) => story.lines[i]);
  const sentences = order.reduce((sum, i) => sum + story.sentencesPerLine[i], 0);
  // a changed credit: the outlet and the time of this edition (different for every copy)
  const outlet = pick(OUTLETS);
  const minute = copy % 1440;
  const credit = `(${outlet}, ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')} #${copy})`;
  if (random() < 0.5) kept.unshift(credit);
  else kept.push('', credit);
  return { text: kept.join('\n'), sentences: sentences + 1 };
}

const docs: Array<{ name: string; text: string; sentences: number }> = stories.map((s) => ({
  name: s.id,
  text: s.lines.join('\n'),
  sentences: s.sentencesPerLine.reduce((a, b) => a + b, 0),
}));
for (let copy = 0; docs.length < n; copy++) {
  const story = stories[copy % stories.length];
  const made = wireCopy(story, copy);
  docs.push({ name: `${story.id}-wire${String(copy).padStart(5, '0')}`, ...made });
}
docs.length = Math.min(docs.length, n);
// shuffled (Fisher-Yates): copies of a story arrive all through the run
for (let i = docs.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [docs[i], docs[j]] = [docs[j], docs[i]];
}

const root = mkdtempSync(join(tmpdir(), 'parley-bench-real-'));
const corpus = join(root, 'corpus');
const dbFile = join(root, 'bench.db');
let sentences = 0;
for (let i = 0; i < docs.length; i++) {
  const folder = join(corpus, String(Math.floor(i / 1000)).padStart(3, '0'));
  if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${String(i).padStart(6, '0')}-${docs[i].name}.txt`), docs[i].text);
  sentences += docs[i].sentences;
}
const languages = new Map<string, number>();
for (const s of stories) languages.set(s.language, (languages.get(s.language) ?? 0) + 1);
log(
  `${docs.length} documents (${stories.length} real articles and ${docs.length - stories.length} wire copies, ${sentences} sentences) in ` +
    `${languages.size} languages (${[...languages].sort((a, b) => b[1] - a[1]).map(([l, c]) => `${l} ${c}`).join(', ')}) in ${corpus}`,
);

// ---- the run: rate over the first and the last 10% from the progress callback's times
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
let peak = process.memoryUsage.rss();
const tenth = Math.max(1, Math.round(docs.length / 10));
const times: Array<[number, number]> = [];
const store = openSqliteStore(dbFile);
const cpu0 = process.cpuUsage();
const start = performance.now();
const summary = await runIngest({
  paths: [corpus],
  store,
  pipeline: makePipeline(),
  workers,
  batchSize: whole('batch', values.batch, 1),
  command: 'bench-real',
  onProgress(done) {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    times.push([done, performance.now() - start]);
  },
});
const cpu = process.cpuUsage(cpu0);
const counts = await store.counts();
await store.close();

// articles/s between two progress points (reported a window of inputs at a time): the last one at
// or before `from` and the first one at or past `to`
function rate(from: number, to: number): number {
  const a = [...times].reverse().find(([d]) => d <= from) ?? ([0, 0] as [number, number]);
  const b = times.find(([d]) => d >= to) ?? times[times.length - 1];
  return (b[0] - a[0]) / ((b[1] - a[1]) / 1000);
}
const seconds = summary.elapsedMs / 1000;
const result = {
  documents: docs.length,
  realArticles: stories.length,
  languages: languages.size,
  ingested: summary.ingested,
  duplicates: summary.duplicates.length,
  failed: summary.failed.length,
  seconds: Number(seconds.toFixed(2)),
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
  articlesPerSecond: Number((summary.ingested / seconds).toFixed(1)),
  sentencesPerSecond: Math.round(sentences / seconds),
  cpuMsPerArticle: Number(((cpu.user + cpu.system) / 1000 / docs.length).toFixed(2)),
  firstTenthPerSecond: Number(rate(0, tenth).toFixed(1)),
  lastTenthPerSecond: Number(rate(docs.length - tenth, docs.length).toFixed(1)),
  peakRssMb: mb(peak),
  reports: counts.reports,
  events: counts.events,
};
// Ingest merges batch by batch into what is stored; the result must not depend on the batches:
// every stored event (members and explanation) against merging all stored reports at once
let check: { storedEvents: number; wholeEvents: number; onlyStored: number; onlyWhole: number } | undefined;
let checkLine = '';
if (values.check) {
  const db = new Database(dbFile, { readonly: true });
  const inputs = await createResolution(createSqliteResolutionStorage(db), { now: () => new Date() }).mergeInputs();
  const whole = new Set(mergeReports(inputs).map((e) => JSON.stringify([e.id, e.reportIds, e.judgements])));
  const members = new Map<string, string[]>();
  for (const row of db.prepare('SELECT event_id, report_id FROM event_members ORDER BY report_id').all() as { event_id: string; report_id: string }[]) {
    const list = members.get(row.event_id);
    if (list) list.push(row.report_id);
    else members.set(row.event_id, [row.report_id]);
  }
  const stored = new Set(
    (db.prepare('SELECT id, explanation FROM events').all() as { id: string; explanation: string }[]).map((e) => JSON.stringify([e.id, members.get(e.id) ?? [], JSON.parse(e.explanation)])),
  );
  db.close();
  const onlyStored = [...stored].filter((e) => !whole.has(e)).length;
  const onlyWhole = [...whole].filter((e) => !stored.has(e)).length;
  check = { storedEvents: stored.size, wholeEvents: whole.size, onlyStored, onlyWhole };
  checkLine = `check: ${onlyStored + onlyWhole === 0 ? 'the stored events are' : 'the stored events are NOT'} what merging everything at once gives (${stored.size} stored, ${whole.size} at once, ${onlyStored} only stored, ${onlyWhole} only at once)`;
  if (onlyStored + onlyWhole > 0) process.exitCode = 1;
}
if (values.json) console.log(JSON.stringify({ ...result, ...(check ? { check } : {}) }));
else {
  log(`ingested ${result.ingested} (duplicates ${result.duplicates}, failed ${result.failed}) in ${seconds.toFixed(1)} s on ${workers} workers, cpu ${result.cpuSeconds} s (${result.cpuMsPerArticle} ms/article)`);
  log(`  ${result.articlesPerSecond} articles/s, ${result.sentencesPerSecond} sentences/s`);
  log(`  first 10%: ${result.firstTenthPerSecond} articles/s, last 10%: ${result.lastTenthPerSecond} articles/s (ratio ${(result.lastTenthPerSecond / result.firstTenthPerSecond).toFixed(2)})`);
  log(`  database: ${counts.documents} documents, ${counts.reports} reports, ${counts.events} events; peak RSS ${result.peakRssMb} MB`);
}
if (checkLine) log(checkLine);
if (values.keep) log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
