import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha1Hex } from './sha1-hex.ts';

test('sha1Hex is the SHA-1 digest createHash gives, in hex', () => {
  for (const s of ['', 'doc-1:10:14', 'مستند:1:2', 'a'.repeat(1000), '\u{1F600}:0:1']) assert.equal(sha1Hex(s), createHash('sha1').update(s).digest('hex'));
});
