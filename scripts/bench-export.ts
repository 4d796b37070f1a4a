// Export speed and memory per format at a size: writes a synthetic record of N articles straight
// into SQLite (one report and one event each, src/store/sqlite/synthetic-record.ts), then runs the
// real `parley export` in a child process per format and run, interleaved, and prints the median
// CPU time (user+sys), events per CPU second, wall time, peak resident memory and output size.
//
//   node --import ./src/runtime/register.mjs scripts/bench-export.ts [--articles 20000] [--runs 3] [--formats csv,events-json] [--db file]
//
// --db uses an existing database instead (its events are counted with the store).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../src/cli/export.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { writeSyntheticRecord } from '../src/store/sqlite/synthetic-record.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: Object.keys(EXPORT_FORMATS).join(',') },
    db: { type: 'string' },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
const formats = values.formats!.split(',');
for (const f of formats) if (!EXPORT_FORMATS[f]) throw new Error(`--formats: no export format ${f} (known: ${Object.keys(EXPORT_FORMATS).join(', ')})`);
if (!values.db && !(Number.isInteger(articles) && articles > 0)) throw new Error(`--articles: a positive integer, got ${values.articles}`);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error(`--runs: a positive integer, got ${values.runs}`);

const PARLEY = fileURLToPath(new URL('../bin/parley', import.meta.url));
const FLAGS = readFileSync(PARLEY, 'utf8').split('\n')[0].split(' ').filter((f) => f.startsWith('--'));
// the child prints its own peak resident set and CPU time as it exits
const REPORT = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('usage '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

interface Run {
  cpuS: number;
  wallS: number;
  peakMb: number;
  bytes: number;
}

async function runExport(db: string, format: string, out: string): Promise<Run> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...FLAGS, '--import', REPORT, PARLEY, 'export', '--format', format, '--db', db, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = /usage (\d+) (\d+)/.exec(stderr);
  if (code !== 0 || !usage) throw new Error(`parley export --format ${format} failed (${code}): ${stderr}`);
  return { cpuS: Number(usage[2]) / 1e6, wallS, peakMb: Number(usage[1]) / 1024, bytes: statSync(out).size };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-export-'));
try {
  let db = values.db;
  let events: number;
  if (db) {
    const store = openSqliteStore(db, { mustExist: true });
    events = (await store.counts()).events;
    await store.close();
  } else {
    db = join(dir, 'record.db');
    const t = Date.now();
    events = (await writeSyntheticRecord(db, articles)).events;
    console.log(`record: ${articles} articles, ${events} events written in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const results = new Map<string, Run[]>(formats.map((f) => [f, []]));
  // interleaved: run k of every format before run k+1 of any
  for (let k = 0; k < runs; k++) {
    for (const format of formats) {
      const out = join(dir, `out.${format}`);
      results.get(format)!.push(await runExport(db, format, out));
      rmSync(out, { force: true });
    }
  }
  console.log(`${events} events, median of ${runs} run(s) per format (bin/parley in a child process)`);
  console.log(['format'.padEnd(17), 'cpu s'.padStart(8), 'events/cpu s'.padStart(13), 'wall s'.padStart(8), 'peak RSS MB'.padStart(12), 'output MB'.padStart(10)].join(' '));
  for (const [format, rs] of results) {
    const cpu = median(rs.map((r) => r.cpuS));
    console.log(
      [
        format.padEnd(17),
        cpu.toFixed(2).padStart(8),
        Math.round(events / cpu).toString().padStart(13),
        median(rs.map((r) => r.wallS)).toFixed(2).padStart(8),
        Math.max(...rs.map((r) => r.peakMb)).toFixed(0).padStart(12),
        (median(rs.map((r) => r.bytes)) / 1048576).toFixed(1).padStart(10),
      ].join(' '),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
