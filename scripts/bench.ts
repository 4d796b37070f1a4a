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
import { runIngest } from '../src/cli/run-ingest.ts';
import Database from 'better-sqlite3';
import { mergeReports } from '../src/merge/merge-reports.ts';
import { createResolution } from '../src/store/sqlite/resolution.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

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

// A small deterministic PRNG (mulberry32) so runs are comparable.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const LEADERS = [
  ['President', 'Joe Biden', 'United States'], ['President', 'Xi Jinping', 'China'], ['President', 'Vladimir Putin', 'Russia'],
  ['President', 'Emmanuel Macron', 'France'], ['Chancellor', 'Olaf Scholz', 'Germany'], ['Prime Minister', 'Narendra Modi', 'India'],
  ['Prime Minister', 'Fumio Kishida', 'Japan'], ['President', 'Recep Tayyip Erdogan', 'Turkey'], ['President', 'Luiz Inacio Lula da Silva', 'Brazil'],
  ['Prime Minister', 'Giorgia Meloni', 'Italy'], ['President', 'Cyril Ramaphosa', 'South Africa'], ['Prime Minister', 'Justin Trudeau', 'Canada'],
  ['President', 'Volodymyr Zelensky', 'Ukraine'], ['Prime Minister', 'Pedro Sanchez', 'Spain'], ['President', 'Yoon Suk Yeol', 'South Korea'],
  ['Prime Minister', 'Anthony Albanese', 'Australia'], ['President', 'Andres Manuel Lopez Obrador', 'Mexico'], ['Emir', 'Tamim bin Hamad Al Thani', 'Qatar'],
  ['Foreign Minister', 'Sergei Lavrov', 'Russia'], ['Secretary of State', 'Antony Blinken', 'United States'], ['Foreign Minister', 'Wang Yi', 'China'],
  ['Foreign Minister', 'Annalena Baerbock', 'Germany'], ['Foreign Minister', 'Subrahmanyam Jaishankar', 'India'], ['Foreign Minister', 'Hakan Fidan', 'Turkey'],
] as const;
const PLACES = ['Moscow', 'Beijing', 'Washington', 'Paris', 'Berlin', 'New Delhi', 'Tokyo', 'Ankara', 'Brasilia', 'Rome', 'Pretoria', 'Ottawa',
  'Kyiv', 'Madrid', 'Seoul', 'Canberra', 'Mexico City', 'Doha', 'Geneva', 'Vienna', 'Jakarta', 'Nairobi', 'Riyadh', 'Abu Dhabi'];
const TOPICS = ['trade', 'energy security', 'climate finance', 'the war in Ukraine', 'regional security', 'food supplies', 'debt relief',
  'investment in infrastructure', 'migration', 'nuclear non-proliferation', 'technology export controls', 'public health cooperation'];
const OUTLETS = ['Reuters', 'AFP', 'AP', 'Xinhua', 'TASS', 'dpa', 'Anadolu', 'Kyodo', 'EFE', 'ANSA'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HEADLINES = [
  (a: string, b: string, p: string) => `${a} and ${b} hold talks in ${p}`,
  (a: string, b: string) => `${a} meets ${b} amid push on ${pick(TOPICS)}`,
  (a: string, b: string) => `${a}, ${b} discuss ${pick(TOPICS)} by phone`,
  (a: string, _b: string, p: string) => `${a} arrives in ${p} for official visit`,
];
const LEADS = [
  (t: string, a: string, t2: string, b: string, p: string, d: string) => `${t} ${a} met ${t2} ${b} in ${p} on ${d}, officials said.`,
  (t: string, a: string, t2: string, b: string, p: string, d: string) => `${t} ${a} held talks with ${t2} ${b} on ${d} during a visit to ${p}.`,
  (t: string, a: string, t2: string, b: string, _p: string, d: string) => `${t} ${a} spoke by telephone with ${t2} ${b} on ${d}, according to a statement.`,
  (t: string, a: string, t2: string, b: string, p: string, d: string) => `${t2} ${b} received ${t} ${a} in ${p} on ${d} for talks that lasted several hours.`,
];
const FILLER = [
  'The two sides exchanged views on {topic} and agreed to continue consultations at the level of ministers.',
  'According to a readout published after the meeting, the leaders also discussed {topic} and {topic2}.',
  'Analysts said the talks reflected a broader effort to manage differences over {topic} while keeping channels open.',
  'A joint statement is expected to be released later this week, officials in {place} said.',
  'Trade between the two countries has grown steadily over the past decade, though disputes over {topic} persist.',
  'The meeting came days before a regional summit at which {topic} is expected to dominate the agenda.',
  'Opposition politicians criticised the visit, arguing that it offered little progress on {topic}.',
  'Officials declined to give details of the discussions, saying only that they were frank and constructive.',
  'Delegations from both governments met separately to prepare agreements on {topic2} and {topic}.',
  'Security was tight in the centre of {place}, where several roads were closed to traffic for the day.',
  'The spokesperson said further meetings would be held in the coming months to follow up on {topic}.',
  'Markets reacted calmly to the news, with investors focused instead on figures for inflation and growth.',
];

function paragraph(place: string): string {
  const sentences: string[] = [];
  const count = 3 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    sentences.push(pick(FILLER).replace('{topic}', pick(TOPICS)).replace('{topic2}', pick(TOPICS)).replace('{place}', place));
  }
  return sentences.join(' ');
}

// Many articles report the same meetings (several outlets, several days): 70% of the articles
// retell a meeting already reported, so merging has real work to do.
interface Meeting {
  a: (typeof LEADERS)[number];
  b: (typeof LEADERS)[number];
  place: string;
  year: number;
  month: number;
  day: number;
}
const meetings: Meeting[] = [];

function meeting(): Meeting {
  if (meetings.length > 0 && random() < 0.7) return pick(meetings);
  let a = pick(LEADERS);
  let b = pick(LEADERS);
  while (b[1] === a[1]) b = pick(LEADERS);
  const m = { a, b, place: pick(PLACES), year: 2019 + Math.floor(random() * 6), month: Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) };
  meetings.push(m);
  return m;
}

function article(): string {
  const { a, b, place, year, month, day } = meeting();
  const date = new Date(Date.UTC(year, month, day));
  const published = new Date(date.getTime() + 86_400_000 * (1 + Math.floor(random() * 2)));
  const when = random() < 0.5 ? `${day} ${MONTHS[month]} ${year}` : WEEKDAYS[date.getUTCDay()];
  const words = 300 + Math.floor(random() * 500);
  const parts = [
    pick(HEADLINES)(a[1], b[1], place),
    published.toISOString().slice(0, 10),
    '',
    `${place.toUpperCase()} (${pick(OUTLETS)}) - ${pick(LEADS)(a[0], a[1], b[0], b[1], place, when)}`,
  ];
  let count = parts.join(' ').split(/\s+/).length;
  while (count < words) {
    const p = paragraph(place);
    parts.push('', p);
    count += p.split(/\s+/).length;
  }
  return parts.join('\n') + '\n';
}

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
const counts = store.counts();
store.close();

// Merging on its own: every stored report through the merge at once (ingest merges batch by batch).
const mergeDb = new Database(dbFile);
const inputs = createResolution(mergeDb, () => new Date()).mergeInputs();
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
  `  merge: ${inputs.length} reports of ${meetings.length} meetings -> ${merged.length} events in ${(mergeMs / 1000).toFixed(2)} s; ` +
    `${mergeStats.pairsScored} candidate pairs scored (all pairs would be ${((inputs.length * (inputs.length - 1)) / 2).toExponential(1)})`,
);
console.log(`  peak RSS ${mb(peak)}; RSS at ${marks.map((m, i) => `${[25, 50, 75, 100][i]}%: ${mb(checkpoints.get(m) ?? 0)}`).join(', ')}`);
if (values.keep) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
