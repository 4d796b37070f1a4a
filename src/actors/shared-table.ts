// Read-only string tables in one SharedArrayBuffer, built once and read by every analysis thread
// without a copy: a string -> int32[] multimap (open addressing over UTF-16 keys) and a pool of
// strings by number. Hand-written because what Parley needs is narrow and no maintained package
// offers it: a JS Map cannot cross threads (each worker would rebuild it, ~40 MB of heap each
// with the generated base), and the trie/automaton packages on npm hold their nodes as JS objects
// in each thread's heap. Keys are compared as UTF-16 code units, so a lookup needs no encoding.

/** Where each typed array of an image lies in its buffer. */
export type ArenaLayout = Record<string, { offset: number; length: number; type: 'i32' | 'u16' | 'u8' }>;

/** Typed arrays laid out in one SharedArrayBuffer; posted to a worker, the buffer is shared, not copied. */
export interface ArenaImage {
  buffer: SharedArrayBuffer;
  layout: ArenaLayout;
}

/** Collects typed arrays, then copies them into one SharedArrayBuffer. */
export class ArenaBuilder {
  private parts: Array<{ name: string; data: Int32Array | Uint16Array | Uint8Array }> = [];
  add(name: string, data: Int32Array | Uint16Array | Uint8Array): void {
    if (this.parts.some((p) => p.name === name)) throw new Error(`arena part "${name}" added twice`);
    this.parts.push({ name, data });
  }
  finish(): ArenaImage {
    const layout: ArenaLayout = {};
    let size = 0;
    for (const { name, data } of this.parts) {
      size = Math.ceil(size / 8) * 8;
      layout[name] = { offset: size, length: data.length, type: data instanceof Int32Array ? 'i32' : data instanceof Uint16Array ? 'u16' : 'u8' };
      size += data.byteLength;
    }
    const buffer = new SharedArrayBuffer(Math.max(8, Math.ceil(size / 8) * 8));
    for (const { name, data } of this.parts) {
      const { offset, length } = layout[name];
      const view = data instanceof Int32Array ? new Int32Array(buffer, offset, length) : data instanceof Uint16Array ? new Uint16Array(buffer, offset, length) : new Uint8Array(buffer, offset, length);
      view.set(data);
    }
    return { buffer, layout };
  }
}

export function arenaPart(image: ArenaImage, name: string, type: 'i32'): Int32Array;
export function arenaPart(image: ArenaImage, name: string, type: 'u16'): Uint16Array;
export function arenaPart(image: ArenaImage, name: string, type: 'u8'): Uint8Array;
export function arenaPart(image: ArenaImage, name: string, type: 'i32' | 'u16' | 'u8'): Int32Array | Uint16Array | Uint8Array {
  const part = image.layout[name];
  if (!part || part.type !== type) throw new Error(`knowledge-base image lacks its "${name}" table (${type})`);
  if (type === 'i32') return new Int32Array(image.buffer, part.offset, part.length);
  return type === 'u16' ? new Uint16Array(image.buffer, part.offset, part.length) : new Uint8Array(image.buffer, part.offset, part.length);
}

function hash(key: string): number {
  // FNV-1a over UTF-16 code units
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function chars(strings: readonly string[]): { off: Int32Array; chars: Uint16Array } {
  const off = new Int32Array(strings.length + 1);
  let total = 0;
  strings.forEach((s, i) => {
    off[i] = total;
    total += s.length;
  });
  off[strings.length] = total;
  const out = new Uint16Array(total);
  strings.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) out[off[i] + k] = s.charCodeAt(k);
  });
  return { off, chars: out };
}

/** Adds a string pool (strings by number, as UTF-8: mostly ASCII JSON and names) under `name`. */
export function addStrings(arena: ArenaBuilder, name: string, strings: readonly string[]): void {
  const encoder = new TextEncoder();
  const encoded = strings.map((s) => encoder.encode(s));
  const off = new Int32Array(strings.length + 1);
  let total = 0;
  encoded.forEach((b, i) => {
    off[i] = total;
    total += b.length;
  });
  off[strings.length] = total;
  const bytes = new Uint8Array(total);
  encoded.forEach((b, i) => bytes.set(b, off[i]));
  arena.add(`${name}.off`, off);
  arena.add(`${name}.bytes`, bytes);
}

/** Strings by number, decoded from the shared buffer on request. */
export class StringPool {
  private off: Int32Array;
  private bytes: Uint8Array;
  private decoder = new TextDecoder('utf-8');
  constructor(image: ArenaImage, name: string) {
    this.off = arenaPart(image, `${name}.off`, 'i32');
    this.bytes = arenaPart(image, `${name}.bytes`, 'u8');
  }
  get size(): number {
    return this.off.length - 1;
  }
  get(i: number): string {
    return this.decoder.decode(this.bytes.subarray(this.off[i], this.off[i + 1]));
  }
}

/** Adds a multimap (each key's values in the order given) under `name`. */
export function addTable(arena: ArenaBuilder, name: string, map: ReadonlyMap<string, readonly number[]>): void {
  const keys = [...map.keys()];
  const { off, chars: c } = chars(keys);
  let cap = 8;
  while (cap < keys.length * 2) cap *= 2;
  const slots = new Int32Array(cap);
  keys.forEach((key, i) => {
    let h = hash(key) & (cap - 1);
    while (slots[h] !== 0) h = (h + 1) & (cap - 1);
    slots[h] = i + 1;
  });
  const valOff = new Int32Array(keys.length + 1);
  let total = 0;
  keys.forEach((key, i) => {
    valOff[i] = total;
    total += map.get(key)!.length;
  });
  valOff[keys.length] = total;
  const vals = new Int32Array(total);
  keys.forEach((key, i) => vals.set(map.get(key)!, valOff[i]));
  arena.add(`${name}.slots`, slots);
  arena.add(`${name}.keyOff`, off);
  arena.add(`${name}.keyChars`, c);
  arena.add(`${name}.valOff`, valOff);
  arena.add(`${name}.vals`, vals);
}

/** A read-only view of a table added by addTable. */
export class SharedTable {
  private slots: Int32Array;
  private keyOff: Int32Array;
  private keyChars: Uint16Array;
  private valOff: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private decoder = new TextDecoder('utf-16le');
  constructor(image: ArenaImage, name: string) {
    this.slots = arenaPart(image, `${name}.slots`, 'i32');
    this.keyOff = arenaPart(image, `${name}.keyOff`, 'i32');
    this.keyChars = arenaPart(image, `${name}.keyChars`, 'u16');
    this.valOff = arenaPart(image, `${name}.valOff`, 'i32');
    this.vals = arenaPart(image, `${name}.vals`, 'i32');
    this.mask = this.slots.length - 1;
  }
  get size(): number {
    return this.keyOff.length - 1;
  }
  /** The key's number, or -1. */
  find(key: string): number {
    const { slots, keyOff, keyChars, mask } = this;
    const n = key.length;
    for (let h = hash(key) & mask; ; h = (h + 1) & mask) {
      const s = slots[h];
      if (s === 0) return -1;
      const i = s - 1;
      const start = keyOff[i];
      if (keyOff[i + 1] - start !== n) continue;
      let k = 0;
      while (k < n && keyChars[start + k] === key.charCodeAt(k)) k++;
      if (k === n) return i;
    }
  }
  key(i: number): string {
    return this.decoder.decode(this.keyChars.subarray(this.keyOff[i], this.keyOff[i + 1]));
  }
  /** The values of key number i (a view into the shared buffer: copy before keeping). */
  values(i: number): Int32Array {
    return this.vals.subarray(this.valOff[i], this.valOff[i + 1]);
  }
}

/**
 * A SharedTable seen as a ReadonlyMap, its values decoded once per thread (and cached: callers
 * get the same object for the same key, as from a Map).
 */
export class TableMap<V> implements ReadonlyMap<string, V> {
  private cache: Array<V | undefined>;
  constructor(
    private table: SharedTable,
    private decode: (values: Int32Array) => V | undefined,
  ) {
    this.cache = new Array(table.size);
  }
  private at(i: number): V | undefined {
    return (this.cache[i] ??= this.decode(this.table.values(i)));
  }
  get size(): number {
    return this.table.size;
  }
  get(key: string): V | undefined {
    const i = this.table.find(key);
    return i < 0 ? undefined : this.at(i);
  }
  has(key: string): boolean {
    return this.table.find(key) >= 0;
  }
  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.table.size; i++) {
      const v = this.at(i);
      if (v !== undefined) yield [this.table.key(i), v];
    }
  }
  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/** A SharedTable's keys seen as a ReadonlySet. */
export class TableSet implements ReadonlySet<string> {
  constructor(private table: SharedTable) {}
  get size(): number {
    return this.table.size;
  }
  has(key: string): boolean {
    return this.table.find(key) >= 0;
  }
  *keys(): SetIterator<string> {
    for (let i = 0; i < this.table.size; i++) yield this.table.key(i);
  }
  values(): SetIterator<string> {
    return this.keys();
  }
  *entries(): SetIterator<[string, string]> {
    for (const k of this.keys()) yield [k, k];
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.keys();
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const k of this.keys()) fn(k, k, this);
  }
}
