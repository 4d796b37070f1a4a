// The nomenklatura name benchmark, when the shared file is present: the matcher must keep F1 >= 0.90.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEFAULT_CASES, readCases, runBench } from '../../../scripts/bench-names.ts';

test('name matching on the nomenklatura pairs reaches F1 0.90', { skip: !existsSync(DEFAULT_CASES) && `no ${DEFAULT_CASES}` }, () => {
  const cases = readCases(DEFAULT_CASES);
  assert.ok(cases.length > 800, `${cases.length} cases read`);
  const r = runBench(cases);
  assert.equal(r.tp + r.fp + r.tn + r.fn, cases.length);
  assert.ok(r.f1 >= 0.9, `F1 ${r.f1.toFixed(3)} (precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)})`);
});
