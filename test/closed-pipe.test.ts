// A reader that stops early (`parley events | head`) closes parley's stdout: parley stops quietly
// with exit 0, not with an unhandled EPIPE and its stack trace.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/parley', import.meta.url));
const sample = fileURLToPath(new URL('../sample', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parley-pipe-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('parley events whose reader has already gone stops quietly with exit 0', async () => {
  const db = join(dir, 'p.db');
  const ingest = spawnSync(bin, ['ingest', sample, '--db', db], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, ingest.stderr);
  const child = spawn(bin, ['events', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  // the read end closes before parley writes its first line, so every write meets EPIPE
  child.stdout.destroy();
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.doesNotMatch(err, /EPIPE|Unhandled/);
  assert.equal(code, 0);
});
