// Orders and batchings of one input, for the tests that hold a record to be the same however its
// documents arrive (merge-batching, undated-order, wire-copies).

/** The items in an order fixed by `seed` (Fisher-Yates over a linear congruential generator). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The items in consecutive batches of `size` (the last may be shorter). */
export const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, k) => list.slice(k * size, (k + 1) * size));
