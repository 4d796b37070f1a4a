// A bounded cache for values that recur (names, keys): two generations of at most `size` entries.
// A hit in the old generation moves the entry to the new one; when the new one is full, the old
// one is dropped. Hot entries survive, memory stays within 2 x size entries, and nothing is
// ever scanned (no per-entry bookkeeping as in a true LRU).
export interface RecentCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export function recentCache<V>(size: number): RecentCache<V> {
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  const set = (key: string, value: V): void => {
    if (young.size >= size) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
  };
  return {
    get(key) {
      const hit = young.get(key);
      if (hit !== undefined) return hit;
      const aged = old.get(key);
      if (aged !== undefined) set(key, aged);
      return aged;
    },
    set,
  };
}
