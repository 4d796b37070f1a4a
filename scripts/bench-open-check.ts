// What checking a database file for damage on open costs (src/store/sqlite/check-file.ts), against
// PRAGMA quick_check, on a file you give (CPU time user+sys, interleaved runs, medians):
//   node --import ./src/runtime/register.mjs scripts/bench-open-check.ts FILE [--runs 5]
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { checkFileBytes, checkOpenDatabase } from '../src/store/sqlite/check-file.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: bench-open-check.ts FILE [--runs N]');
const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
const size = statSync(file).size;

function cpu(run: () => void): { cpu: number; wall: number } {
  const c = process.cpuUsage();
  const w = performance.now();
  run();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: performance.now() - w };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results: Record<string, { cpu: number[]; wall: number[] }> = { 'open check': { cpu: [], wall: [] }, 'quick_check': { cpu: [], wall: [] } };
for (let i = 0; i < runs; i++) {
  for (const [name, run] of [
    ['open check', () => {
      checkFileBytes(file);
      const db = new Database(file, { readonly: true });
      checkOpenDatabase(db, file, size);
      db.close();
    }],
    ['quick_check', () => {
      const db = new Database(file, { readonly: true });
      db.pragma('quick_check');
      db.close();
    }],
  ] as const) {
    const r = cpu(run);
    results[name].cpu.push(r.cpu);
    results[name].wall.push(r.wall);
  }
}
console.log(`${file}: ${(size / 1e6).toFixed(0)} MB, ${runs} interleaved runs, medians`);
for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(12)} cpu ${median(r.cpu).toFixed(0)} ms  wall ${median(r.wall).toFixed(0)} ms`);
const ratio = median(results.quick_check.cpu) / median(results['open check'].cpu);
console.log(`  quick_check / open check (cpu): ${ratio.toFixed(1)}x`);
