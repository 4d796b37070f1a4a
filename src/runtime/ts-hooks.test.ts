// The TypeScript loader (src/runtime/): sources run with their types stripped, and an error's stack
// names the TypeScript file and line it was thrown from (bug reports quote them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const register = fileURLToPath(new URL('./register.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parley-loader-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a .ts file runs through the hooks, and its stack trace names the TypeScript line', () => {
  const file = join(dir, 'fails.ts');
  writeFileSync(file, [
    "interface Meeting { who: string[]; }",
    "type Id = string;",
    "const m: Meeting = { who: ['a', 'b'] };",
    "export function check(id: Id): never {",
    "  throw new Error(`no meeting ${id} of ${m.who.length}`);",
    "}",
    "check('x' as Id);",
  ].join('\n'));
  const run = spawnSync(process.execPath, ['--import', register, file], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /no meeting x of 2/);
  assert.match(run.stderr, /fails\.ts:5:\d+/);
});

test('a syntax error names the file and its line', () => {
  const file = join(dir, 'broken.ts');
  writeFileSync(file, 'const a: number = 1;\nconst b = (a +;\n');
  const run = spawnSync(process.execPath, ['--import', register, file], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /broken\.ts:2:\d+/);
});

test('a file changed since it was last run runs as changed, not from the cache', () => {
  const file = join(dir, 'changes.ts');
  const run = () => spawnSync(process.execPath, ['--import', register, file], { encoding: 'utf8' });
  writeFileSync(file, "const n: number = 1;\nconsole.log(`value ${n}`);\n");
  assert.match(run().stdout, /value 1/);
  assert.match(run().stdout, /value 1/);
  writeFileSync(file, "const n: number = 2;\nconsole.log(`value ${n}`);\n");
  assert.match(run().stdout, /value 2/);
});
