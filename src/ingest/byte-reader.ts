// Pull-style reading over a stream of chunks: up to a delimiter, an exact count, or skipping
// bytes, holding only what the caller asks for.
export class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  /** Bytes consumed so far. */
  offset = 0;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  /** True when nothing is left. */
  async atEnd(): Promise<boolean> {
    while (this.buffer.length === 0) if (!(await this.fill())) return true;
    return false;
  }

  /** Bytes up to (not including) the delimiter, which is consumed; null at the end or past max. */
  async readUntil(delimiter: Buffer, max: number): Promise<Buffer | null | 'too-long'> {
    let from = 0;
    for (;;) {
      const at = this.buffer.indexOf(delimiter, from);
      if (at >= 0) {
        if (at > max) return 'too-long';
        const out = this.buffer.subarray(0, at);
        this.take(at + delimiter.length);
        return out;
      }
      if (this.buffer.length > max) return 'too-long';
      from = Math.max(0, this.buffer.length - delimiter.length + 1);
      if (!(await this.fill())) return null;
    }
  }

  /** Exactly n bytes, or null when the stream ends first. */
  async read(n: number): Promise<Buffer | null> {
    while (this.buffer.length < n) if (!(await this.fill())) return null;
    const out = this.buffer.subarray(0, n);
    this.take(n);
    return out;
  }

  /** Skips n bytes without keeping them; false when the stream ends first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    for (;;) {
      const k = Math.min(left, this.buffer.length);
      this.take(k);
      left -= k;
      if (left === 0) return true;
      if (!(await this.fill())) return false;
    }
  }

  private take(n: number): void {
    this.buffer = this.buffer.subarray(n);
    this.offset += n;
  }
}
