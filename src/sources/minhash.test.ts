import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizedWords, signature, SHINGLE, SIGNATURE_SIZE } from './minhash.ts';

// the signature written plainly, in unsigned arithmetic: the stored signatures of every document
// depend on these exact numbers, however the loop is written
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
function reference(text: string): number[] {
  const words = normalizedWords(text);
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  if (!words.length) return sig;
  const seeds = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));
  const wh = words.map(fnv1a);
  for (let i = 0; i < Math.max(1, wh.length - SHINGLE + 1); i++) {
    let h = 0x9747b28c;
    for (let k = i; k < Math.min(i + SHINGLE, wh.length); k++) h = (Math.imul(h ^ wh[k], 0x5bd1e995) ^ (h >>> 15)) >>> 0;
    for (let k = 0; k < SIGNATURE_SIZE; k++) sig[k] = Math.min(sig[k], mix(h, seeds[k]));
  }
  return sig;
}

test('the MinHash signature is the plain unsigned computation, value for value', () => {
  const texts = [
    '',
    'one',
    'Putin met Xi in Moscow on Friday.',
    'Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Tuesday, the ministry said. '.repeat(3),
    'وزير الخارجية الإيراني يلتقي نظيره التركي في أنقرة',
    '习近平在北京会见了普京',
  ];
  for (const t of texts) {
    const sig = signature(t);
    assert.equal(sig.length, SIGNATURE_SIZE);
    assert.ok(sig.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff));
    assert.deepEqual(sig, reference(t), t);
  }
});
