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

  /** Up to n bytes ahead, left unread (fewer only at the end). */
  async peek(n: number): Promise<Buffer> {
    while (this.buffer.length < n) if (!(await this.fill())) break;
    return this.buffer.subarray(0, n);
  }

  /** Everything held but not yet read (what is left when `read` found the stream ending first). */
  held(): Buffer {
    return this.buffer;
  }

  /** Puts bytes back in front of what is left, as if they had not been read. */
  unread(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.buffer = this.buffer.length ? Buffer.concat([bytes, this.buffer]) : bytes;
    this.offset -= bytes.length;
  }

  /** Discards bytes up to the next `pattern`, which is left unread; false when the stream ends first. */
  async skipTo(pattern: Buffer): Promise<boolean> {
    for (;;) {
      const at = this.buffer.indexOf(pattern);
      if (at >= 0) {
        this.take(at);
        return true;
      }
      this.take(Math.max(0, this.buffer.length - pattern.length + 1));
      if (!(await this.fill())) return false;
    }
  }

  /**
   * Skips n bytes like `skip`, but keeps (up to `keep` bytes) what follows the first `pattern` met
   * on the way: if the n turns out to be a lie, the caller can `unread` it and go on from there.
   */
  async skipWatching(n: number, pattern: Buffer, keep: number): Promise<{ complete: boolean; kept: Buffer | null }> {
    let left = n;
    let kept: Buffer[] | null = null;
    let keptBytes = 0;
    for (;;) {
      const k = Math.min(left, this.buffer.length);
      const part = this.buffer.subarray(0, k);
      if (kept) {
        if (keptBytes < keep) kept.push(part.subarray(0, keep - keptBytes));
        keptBytes += part.length;
      } else {
        const at = part.indexOf(pattern);
        if (at >= 0) {
          kept = [part.subarray(at, at + keep)];
          keptBytes = part.length - at;
        }
      }
      this.take(k);
      left -= k;
      const whole = kept ? Buffer.concat(kept) : null;
      if (left === 0) return { complete: true, kept: whole };
      if (!(await this.fill())) return { complete: false, kept: whole };
      // a pattern cut by a chunk boundary: keep the tail of this part in view
      if (!kept && k >= pattern.length - 1) {
        this.unread(part.subarray(k - (pattern.length - 1)));
        left += pattern.length - 1;
      }
    }
  }

  private take(n: number): void {
    this.buffer = this.buffer.subarray(n);
    this.offset += n;
  }
}
