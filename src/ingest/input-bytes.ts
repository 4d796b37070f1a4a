// Bytes of one input file, streamed: raw chunks are counted (progress by bytes read), `.gz` is
// inflated on the way (node:zlib), and nothing is held longer than a caller needs it.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type OnBytes = (n: number) => void;

async function* rawChunks(file: string, onBytes: OnBytes): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    onBytes((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

/** The file's bytes, inflated when `gz`; errors (unreadable, truncated gzip) are thrown to the caller. */
export async function* fileChunks(file: string, gz: boolean, onBytes: OnBytes = () => {}): AsyncGenerator<Buffer> {
  if (!gz) {
    yield* rawChunks(file, onBytes);
    return;
  }
  const source = Readable.from(rawChunks(file, onBytes));
  const inflated = createGunzip();
  source.on('error', (error) => inflated.destroy(error));
  inflated.on('close', () => source.destroy());
  source.pipe(inflated);
  for await (const chunk of inflated) yield chunk as Buffer;
}

export type Limited = { bytes: Buffer; tooLarge?: undefined } | { tooLarge: number; bytes?: undefined };

/** All of a (small) file, or how far it went past the limit. */
export async function readLimited(file: string, gz: boolean, limit: number, onBytes?: OnBytes): Promise<Limited> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of fileChunks(file, gz, onBytes)) {
    length += chunk.length;
    if (length > limit) return { tooLarge: length };
    parts.push(chunk);
  }
  return { bytes: Buffer.concat(parts, length) };
}

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line without its end (\n or \r\n); null when it ran past the limit (then dropped unread). */
  bytes: Buffer | null;
  /** Its length in bytes (as far as counted when too long). */
  length: number;
}

/** Lines of a byte stream; a line longer than `maxLineBytes` is skipped without being buffered. */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    let bytes: Buffer | null = null;
    if (!overflow) {
      bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line = { number, bytes, length };
    parts = [];
    length = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of chunks) {
    let at = 0;
    while (at < chunk.length) {
      const nl = chunk.indexOf(0x0a, at);
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(at, end);
      length += piece.length;
      if (length > maxLineBytes) {
        overflow = true;
        parts = [];
      } else if (piece.length > 0) {
        // a copy, so the chunk can be freed while a long line is being gathered
        parts.push(nl < 0 ? Buffer.from(piece) : piece);
      }
      if (nl < 0) break;
      yield finish();
      at = nl + 1;
    }
  }
  if (length > 0 || overflow) yield finish();
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes mean binary data, whatever the extension says. */
export function looksBinary(bytes: Uint8Array, limit = bytes.length): boolean {
  const n = Math.min(limit, bytes.length);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
