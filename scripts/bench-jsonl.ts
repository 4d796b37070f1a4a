// Streaming memory of bulk ingest: writes a JSONL file of generated articles (1 GB by default),
// runs `parley ingest` on it into a tmp SQLite file, and reports documents, rate and peak
// memory of that process. Target: peak under 500 MB.
//
//   npm run bench:jsonl                      # 1 GB
//   npm run bench:jsonl -- --mb 100 --keep   # smaller; keep the files
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { article, seedArticles } from './article-generator.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '1024' },
    file: { type: 'string' },
    keep: { type: 'boolean', default: false },
    batch: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    every: { type: 'string', default: '30' },
  },
});
const targetBytes = Number(values.mb) * 1024 * 1024;
if (!(targetBytes > 0)) {
  console.error('--mb wants a positive number');
  process.exit(2);
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const root = mkdtempSync(join(tmpdir(), 'parley-bench-jsonl-'));
const file = values.file ?? join(root, 'articles.jsonl');
const dbFile = join(root, 'bench.db');

// 1. the file (reused when --file names one that is already big enough)
if (!(values.file && existsSync(file) && statSync(file).size >= targetBytes)) {
  seedArticles(Number(values.seed));
  const out = createWriteStream(file);
  const started = performance.now();
  let written = 0;
  let n = 0;
  while (written < targetBytes) {
    n++;
    const text = article();
    const title = text.slice(0, text.indexOf('\n'));
    const line = `${JSON.stringify({ id: `a${n}`, title, published: text.slice(text.indexOf('\n') + 1, text.indexOf('\n') + 11), outlet: 'Bench Wire', text })}\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`generated ${n} articles, ${mb(written)} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
}
const size = statSync(file).size;

// 2. the ingest: `parley ingest FILE --json` as a user runs it, in a process of its own (so the
// generator's garbage is not counted), its memory read from /proc every 250 ms: VmRSS covers all
// its threads (the workers live in it) and VmHWM is the kernel's high-water mark.
function status(pid: number): { rss: number; hwm: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(s.match(new RegExp(`${name}:\\s+(\\d+)\\s+kB`))?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}
const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));
const started = performance.now();
const child = spawn(bin, ['ingest', file, '--db', dbFile, '--json', '--batch', values.batch!], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
let peak = 0;
let hwm = 0;
const timer = setInterval(() => {
  const s = status(child.pid!);
  if (s) {
    peak = Math.max(peak, s.rss);
    hwm = Math.max(hwm, s.hwm);
  }
}, 250);
const every = Number(values.every) * 1000;
const report = setInterval(() => {
  const s = (performance.now() - started) / 1000;
  let docs = '?';
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    docs = String((db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n);
    db.close();
  } catch {
    // not created yet
  }
  const now = status(child.pid!);
  console.log(`  ${s.toFixed(0)} s: ${docs} docs stored, ${docs === '?' ? '?' : (Number(docs) / s).toFixed(1)} docs/s, RSS ${now ? mb(now.rss) : '?'} (peak ${mb(peak)}, VmHWM ${mb(hwm)})`);
}, every);
const [code] = (await once(child, 'exit')) as [number | null];
clearInterval(timer);
clearInterval(report);
const seconds = (performance.now() - started) / 1000;
let summary: { ingested: number; duplicates: unknown[]; skipped: unknown[]; reports: number; database: { documents: number; events: number }; elapsedMs: number } | null = null;
try {
  summary = JSON.parse(out);
} catch {
  summary = null;
}
if (!summary) console.log(`parley ingest exited with ${code} and no summary`);
else {
  const s = summary.elapsedMs / 1000;
  console.log(`ingested ${summary.ingested} of ${mb(size)} JSONL (duplicates ${summary.duplicates.length}, skipped ${summary.skipped.length}) in ${s.toFixed(1)} s (${seconds.toFixed(1)} s with start-up), exit ${code}`);
  console.log(`  ${(summary.ingested / s).toFixed(1)} docs/s, ${(size / 1024 / 1024 / s).toFixed(2)} MB/s; database: ${summary.database.documents} documents, ${summary.reports} reports, ${summary.database.events} events`);
}
console.log(`  peak RSS ${mb(peak)} (sampled, all threads); VmHWM ${mb(hwm)}; target < 500 MB: ${Math.max(peak, hwm) < 500 * 1024 * 1024 ? 'met' : 'NOT met'}`);
if (values.keep) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
