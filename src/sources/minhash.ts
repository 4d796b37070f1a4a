// Near-duplicate texts: MinHash over normalized word shingles. Hand-written: the npm MinHash
// implementations either take integer sets below a fixed bound and keep the signature private
// with no stable way to store it per document (bloom-filters, which also brings lodash,
// reflect-metadata, seedrandom and xxhashjs), or are unmaintained single-file packages (minhash
// 0.0.9); what Parley needs is 40 lines: a signature computed once per document in the analysis
// threads, kept in the store, and compared within an event's reports.
import { UNSPACED } from '../text/word-pattern.ts';
import { allMatches } from '../core/all-matches.ts';

/** Permutations in a signature: the standard error of the estimate is about 1/sqrt(64) = 0.125. */
export const SIGNATURE_SIZE = 64;
/** Words per shingle. */
export const SHINGLE = 5;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Words of the text, lower-cased, marks and case folded; each character of a script without spaces is a word. */
export function normalizedWords(text: string): string[] {
  const out: string[] = [];
  // one normalization of the whole text (compatibility forms split, marks dropped), not one per word
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  // a text with no character of an unspaced script (most) needs no test per word
  const unspaced = UNSPACED.test(folded);
  for (const m of allMatches(WORD, folded)) {
    const w = m[0];
    if (unspaced && UNSPACED.test(w)) out.push(...w);
    else out.push(w);
  }
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mix (murmur3's finalizer) of x under a seed: one permutation of the hash space. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));
// the same seeds as signed 32-bit numbers (the same bits): the hot loop stays in small integers
const SEEDS32 = Int32Array.from(SEEDS);
/** Flips the sign bit: unsigned order of 32-bit values becomes signed order (and back). */
const FLIP = 0x80000000 | 0;

/** The MinHash signature of a text's word shingles (empty text: all 0xffffffff). */
export function signature(text: string): number[] {
  const words = normalizedWords(text);
  if (!words.length) return new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  // one pass over the shingles into typed arrays: each word hashed once, a shingle's hash
  // combines its words' hashes in order (no strings joined), and the 64 permutations (mix()
  // written out) update a Uint32Array of minima, so no number is boxed in the hot loop
  //
  // Every value is kept as a signed 32-bit number with the same bits (an unsigned one above 2^31
  // is a heap number to the engine, slow in a loop run 64 times per shingle); the minima are kept
  // with the sign bit flipped, so that signed order is the unsigned order of the hashes, and
  // flipped back at the end: the same minima, the same signature.
  const wh = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = fnv1a(words[i]);
  const sig = new Int32Array(SIGNATURE_SIZE).fill(0xffffffff ^ FLIP);
  const n = Math.max(1, wh.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c | 0;
    const end = Math.min(i + SHINGLE, wh.length);
    for (let k = i; k < end; k++) h = Math.imul(h ^ wh[k], 0x5bd1e995) ^ (h >>> 15);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      let v = h ^ SEEDS32[k];
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) ^ FLIP;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return Array.from(sig, (x) => (x ^ FLIP) >>> 0);
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal positions. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}
