// Which reader an input goes to: by extension (a trailing .gz means inflate first), else by a
// look at its first bytes.
import { extname } from 'node:path';

export type InputKind = 'text' | 'html' | 'feed' | 'jsonl' | 'csv' | 'warc';

const BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.warc': 'warc',
};

/**
 * Extensions read when met inside a folder. Bulk and generic names (.jsonl, .csv, .xml) are read
 * only when named: a corpus folder often keeps annotations or metadata in such files.
 */
const IN_FOLDERS = new Set(['.txt', '.html', '.htm', '.xhtml', '.rss', '.atom', '.warc']);

export function readInFolders(name: string): boolean {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  return IN_FOLDERS.has(extname(base));
}

export interface KindOf {
  kind: InputKind;
  gz: boolean;
}

export function kindByName(name: string): KindOf | null {
  let base = name.toLowerCase();
  let gz = false;
  if (base.endsWith('.gz')) {
    gz = true;
    base = base.slice(0, -3);
  }
  const kind = BY_EXTENSION[extname(base)];
  return kind ? { kind, gz } : null;
}

/** A guess from the first bytes of a file whose name says nothing. */
export function sniffKind(head: Buffer): KindOf | null {
  if (head[0] === 0x1f && head[1] === 0x8b) return null; // gzip of unknown content: not guessed
  const s = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  if (s.startsWith('warc/')) return { kind: 'warc', gz: false };
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:rdf)[\s>]/.test(s)) return { kind: 'feed', gz: false };
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>])/.test(s)) return { kind: 'html', gz: false };
  if (s.startsWith('{')) return { kind: 'jsonl', gz: false };
  return null;
}
