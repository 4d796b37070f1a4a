// HTML bytes -> string: the charset from a BOM, the HTTP Content-Type, or <meta charset> in the
// first 2 KB; UTF-8 otherwise. Invalid UTF-8 is refused (null), not replaced.
import { decodeUtf8 } from './input-bytes.ts';

export function sniffCharset(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
  return meta ? meta.toLowerCase() : 'utf-8';
}

export type Decoded = { text: string; charset: string } | { error: 'invalid-utf8' | 'unknown-charset'; charset: string };

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): Decoded {
  let charset = sniffCharset(bytes, contentType);
  if (charset === 'utf8') charset = 'utf-8';
  if (charset === 'utf-8' || charset === 'us-ascii' || charset === 'ascii') {
    const text = decodeUtf8(bytes);
    return text === null ? { error: 'invalid-utf8', charset: 'utf-8' } : { text: text.replace(/^\uFEFF/, ''), charset: 'utf-8' };
  }
  try {
    return { text: new TextDecoder(charset).decode(bytes), charset };
  } catch {
    return { error: 'unknown-charset', charset };
  }
}
