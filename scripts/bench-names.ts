// Name-matching benchmark: labelled name pairs from nomenklatura's name_bench (see
// ../shared/external/nomenklatura/name_bench_README.md: columns case_group, schema, name1, name2,
// is_match true/false, quality STRONG/MEDIUM/WEAK, category, notes). Runs the matcher on every
// pair and prints precision, recall, F1, the confusion counts and the worst errors left.
//
//   npm run bench:names                     # the shared file
//   npm run bench:names -- --json           # machine-readable
//   npm run bench:names -- --file x.csv --worst 20
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { compareNames, THRESHOLD, VERSION, ALGORITHM } from '../src/actors/match/index.ts';

export const DEFAULT_CASES = fileURLToPath(new URL('../../shared/external/nomenklatura/name_bench_cases.csv', import.meta.url));

export interface BenchCase {
  group: string;
  schema: string;
  name1: string;
  name2: string;
  label: boolean;
  quality: string;
  category: string;
}

export interface BenchRow extends BenchCase {
  score: number;
  predicted: boolean;
  explanation: string[];
}

export interface BenchReport {
  algorithm: string;
  version: string;
  threshold: number;
  cases: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  byQuality: Record<string, { cases: number; errors: number }>;
  falsePositives: BenchRow[];
  falseNegatives: BenchRow[];
}

export function readCases(path: string): BenchCase[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const out: BenchCase[] = [];
  for (const [i, r] of rows.entries()) {
    const label = (r.is_match ?? '').trim().toLowerCase();
    if (label !== 'true' && label !== 'false') {
      // rows whose label is missing cannot be scored (the reference skips them too)
      if (label) process.stderr.write(`${path}: row ${i + 2} has is_match "${r.is_match}", skipped\n`);
      continue;
    }
    out.push({
      group: r.case_group ?? '',
      schema: r.schema ?? '',
      name1: r.name1 ?? '',
      name2: r.name2 ?? '',
      label: label === 'true',
      quality: (r.quality || 'MEDIUM').trim(),
      category: r.category ?? '',
    });
  }
  return out;
}

export function runBench(cases: BenchCase[], threshold = THRESHOLD, worst = 10): BenchReport {
  const rows: BenchRow[] = cases.map((c) => {
    const kind = c.schema === 'Person' ? 'person' : c.schema ? 'organization' : undefined;
    const r = compareNames(c.name1, c.name2, { threshold, ...(kind ? { kind } : {}) });
    return { ...c, score: r.score, predicted: r.match, explanation: r.explanation };
  });
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const byQuality: BenchReport['byQuality'] = {};
  for (const r of rows) {
    if (r.predicted && r.label) tp++;
    else if (r.predicted) fp++;
    else if (r.label) fn++;
    else tn++;
    const q = (byQuality[r.quality] ??= { cases: 0, errors: 0 });
    q.cases++;
    if (r.predicted !== r.label) q.errors++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    algorithm: ALGORITHM,
    version: VERSION,
    threshold,
    cases: rows.length,
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    f1,
    byQuality,
    falsePositives: rows.filter((r) => r.predicted && !r.label).sort((a, b) => b.score - a.score).slice(0, worst),
    falseNegatives: rows.filter((r) => !r.predicted && r.label).sort((a, b) => a.score - b.score).slice(0, worst),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: DEFAULT_CASES },
      json: { type: 'boolean', default: false },
      worst: { type: 'string', default: '15' },
      threshold: { type: 'string' },
    },
  });
  const file = values.file!;
  if (!existsSync(file)) {
    console.error(`bench-names: no cases file at ${file} (pass --file)`);
    process.exit(2);
  }
  const threshold = values.threshold ? Number(values.threshold) : THRESHOLD;
  const report = runBench(readCases(file), threshold, Number(values.worst));
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const pct = (x: number): string => x.toFixed(3);
  console.log(`${report.algorithm} ${report.version}, threshold ${report.threshold}, ${report.cases} labelled pairs`);
  console.log(`precision ${pct(report.precision)}  recall ${pct(report.recall)}  F1 ${pct(report.f1)}`);
  console.log(`confusion: TP ${report.tp}  FP ${report.fp}  TN ${report.tn}  FN ${report.fn}`);
  for (const [q, v] of Object.entries(report.byQuality)) console.log(`  ${q}: ${v.errors} errors of ${v.cases}`);
  const show = (title: string, list: BenchRow[]): void => {
    console.log(`\n${title}:`);
    for (const r of list) console.log(`  ${r.score.toFixed(3)}  ${r.name1}  |  ${r.name2}  [${r.quality}${r.category ? `, ${r.category}` : ''}]\n         ${r.explanation.join('; ')}`);
  };
  show('worst false positives', report.falsePositives);
  show('worst false negatives', report.falseNegatives);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
