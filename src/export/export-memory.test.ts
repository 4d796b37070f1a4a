// `parley export` in flat memory: the real command, in a child process, over a record written
// straight into SQLite (src/store/sqlite/synthetic-record.ts). By default it exports n and 4n
// articles and checks that the peak resident memory barely moves (the in-memory exports grew by
// about 12 KB an event: 714 MB at 60,000 articles). PARLEY_EXPORT_MEMORY_ARTICLES=300000 runs
// one record of that size instead (minutes, not part of the ordinary run).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { writeSyntheticRecord } from '../store/sqlite/synthetic-record.ts';

const PARLEY = fileURLToPath(new URL('../../bin/parley', import.meta.url));
/** Peak resident memory a whole export may take, at any size. */
const BOUND_MB = 300;
/** How much more the 4n export may take than the n one. */
const MARGIN_MB = 30;

const dir = mkdtempSync(join(tmpdir(), 'parley-export-memory-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// printed by the child as it exits: its own peak resident set (the kernel's high-water mark)
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs `parley export` as bin/parley runs it, and answers its peak resident memory in MB. */
export async function exportPeakMb(db: string, format: string, out: string): Promise<number> {
  // the V8 flags of bin/parley's first line, then the preload printing the peak
  const flags = readFileSync(PARLEY, 'utf8').split('\n')[0].split(' ').filter((f) => f.startsWith('--'));
  const child = spawn(process.execPath, [...flags, '--import', PEAK, PARLEY, 'export', '--format', format, '--db', db, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  const kb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1]);
  assert.ok(kb > 0, stderr);
  return kb / 1024;
}

async function csvRows(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) if (line) n++;
  return n - 1;
}

/**
 * Reads an events-json file as JSON.stringify(..., null, 2) lays it out, without holding it (at
 * 300k articles it is longer than the longest string Node can make): the skeleton lines must be
 * exactly the format's, and every array item is parsed on its own. Answers the items per array.
 */
async function jsonSections(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const skeleton: string[] = [];
  let section: string | null = null;
  let item: string[] | null = null;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (item) {
      item.push(line);
      if (line === '    }' || line === '    },') {
        JSON.parse(item.join('\n').replace(/,$/, ''));
        counts[section!]++;
        item = null;
      }
      continue;
    }
    const open = /^  "(\w+)": \[(\],?)?$/.exec(line);
    if (open) {
      section = open[1];
      counts[section] = 0;
      skeleton.push(open[2] ? `${section}:empty` : section);
    } else if (section && line === '    {') item = [line];
    else if (section && /^    "[^\n]*",?$/.test(line)) {
      JSON.parse(line.trim().replace(/,$/, ''));
      counts[section]++;
    } else if (line === '  ],' || line === '  ]') section = null;
    else skeleton.push(line);
  }
  assert.deepEqual(skeleton, ['{', 'documents', 'actors', 'events', '}']);
  return counts;
}

/** Both formats of one record: their peaks, after checking each output is whole. */
async function exportBoth(articles: number): Promise<{ csv: number; json: number }> {
  const db = join(dir, `r${articles}.db`);
  await writeSyntheticRecord(db, articles);
  const csv = await exportPeakMb(db, 'csv', join(dir, `r${articles}.csv`));
  assert.equal(await csvRows(join(dir, `r${articles}.csv`)), articles, 'one CSV row an event');
  const json = await exportPeakMb(db, 'events-json', join(dir, `r${articles}.json`));
  const counts = await jsonSections(join(dir, `r${articles}.json`));
  assert.equal(counts.events, articles);
  assert.equal(counts.documents, articles);
  assert.equal(counts.actors, 2000, 'every person who met, once');
  rmSync(join(dir, `r${articles}.json`));
  rmSync(db);
  return { csv, json };
}

const large = Number(process.env.PARLEY_EXPORT_MEMORY_ARTICLES ?? 0);

if (large > 0) {
  test(`export of ${large} articles stays under ${BOUND_MB} MB`, { timeout: 3_600_000 }, async () => {
    const peak = await exportBoth(large);
    process.stderr.write(`peak RSS at ${large} articles: csv ${peak.csv.toFixed(0)} MB, events-json ${peak.json.toFixed(0)} MB\n`);
    assert.ok(peak.csv < BOUND_MB && peak.json < BOUND_MB, JSON.stringify(peak));
  });
} else {
  test(`export memory is flat: 4n articles take at most ${MARGIN_MB} MB more than n, and under ${BOUND_MB} MB`, { timeout: 600_000 }, async () => {
    const n = 5000;
    const small = await exportBoth(n);
    const big = await exportBoth(4 * n);
    process.stderr.write(`peak RSS: csv ${small.csv.toFixed(0)} -> ${big.csv.toFixed(0)} MB, events-json ${small.json.toFixed(0)} -> ${big.json.toFixed(0)} MB (${n} -> ${4 * n} articles)\n`);
    for (const format of ['csv', 'json'] as const) {
      assert.ok(big[format] < BOUND_MB, `${format}: ${big[format]} MB`);
      assert.ok(big[format] - small[format] < MARGIN_MB, `${format}: ${small[format].toFixed(1)} MB at ${n}, ${big[format].toFixed(1)} MB at ${4 * n}`);
    }
  });
}
