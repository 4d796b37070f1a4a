// The way back from extracted text to raw markup. Text pieces (the title, paragraphs) are found
// in the raw HTML's visible-text stream (whole, else word by word) and their characters mapped
// to the raw ranges they came from; runs that map one to one are stored as one segment.
import type { OffsetSegment, Span } from '../core/types.ts';
import type { RawText } from './raw-html-text.ts';

export class OffsetMapBuilder {
  readonly segments: OffsetSegment[] = [];
  private cursor = 0;
  constructor(private readonly raw: RawText) {}

  /** Maps text[at, at + piece.length) (piece already whitespace-normalized) into the raw stream. */
  add(piece: string, at: number, options: { fromStart?: boolean } = {}): void {
    const stream = this.raw.text;
    let found = stream.indexOf(piece, options.fromStart ? 0 : this.cursor);
    if (found < 0 && !options.fromStart) found = stream.indexOf(piece);
    if (found >= 0) {
      this.mapRun(at, found, piece.length);
      if (!options.fromStart) this.cursor = found + piece.length;
      return;
    }
    // word by word, forward from the cursor
    const words = /\S+/gu;
    let local = options.fromStart ? 0 : this.cursor;
    for (let m = words.exec(piece); m; m = words.exec(piece)) {
      const hit = stream.indexOf(m[0], local);
      if (hit < 0 || hit - local > 20000) continue;
      this.mapRun(at + m.index, hit, m[0].length);
      local = hit + m[0].length;
    }
    if (!options.fromStart) this.cursor = Math.max(this.cursor, local);
  }

  /** Maps an exact raw range (a metadata attribute) to text[at, at + length). */
  addRaw(at: number, length: number, rawStart: number, rawEnd: number): void {
    this.segments.push([at, at + length, rawStart, rawEnd]);
  }

  private mapRun(at: number, streamAt: number, length: number): void {
    const { starts, ends } = this.raw;
    let segStart = at;
    let rawStart = starts[streamAt];
    let rawEnd = ends[streamAt];
    let linear = rawEnd - rawStart === 1;
    for (let j = 1; j < length; j++) {
      const s = starts[streamAt + j];
      const e = ends[streamAt + j];
      if (linear && e - s === 1 && s === rawEnd) {
        rawEnd = e;
        continue;
      }
      this.segments.push([segStart, at + j, rawStart, rawEnd]);
      segStart = at + j;
      rawStart = s;
      rawEnd = e;
      linear = e - s === 1;
    }
    this.segments.push([segStart, at + length, rawStart, rawEnd]);
  }

  build(): OffsetSegment[] {
    return [...this.segments].sort((a, b) => a[0] - b[0]);
  }
}

function rawOf(seg: OffsetSegment, i: number): Span {
  const [ts, te, rs, re] = seg;
  if (te - ts === re - rs) return { start: rs + (i - ts), end: rs + (i - ts) + 1 };
  return { start: rs, end: re };
}

function segmentAt(map: readonly OffsetSegment[], i: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid][1] <= i) lo = mid + 1;
    else if (map[mid][0] > i) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The raw range a text span came from, or null when none of it is mapped. */
export function mapSpanToRaw(map: readonly OffsetSegment[], span: Span): Span | null {
  let first: Span | null = null;
  for (let i = span.start; i < span.end; i++) {
    const s = segmentAt(map, i);
    if (s >= 0) {
      first = rawOf(map[s], i);
      break;
    }
  }
  if (!first) return null;
  for (let i = span.end - 1; i >= span.start; i--) {
    const s = segmentAt(map, i);
    if (s >= 0) return { start: first.start, end: Math.max(first.end, rawOf(map[s], i).end) };
  }
  return first;
}
