// A damaged database file is refused when it is opened, before anything is written to it (the
// journal-mode switch, migrations, a run record): writing into a damaged file spreads the damage,
// and reading one answers with part of the record and no warning.
//
// What is checked, and what it costs (a 342 MB database of 100,000 events, page cache warm, on the
// loaded 2-core machine; scripts/bench-open-check.ts, CPU time user+sys, median of 5 interleaved
// runs): the whole check 45 ms CPU (165 ms wall), `PRAGMA quick_check` 708 ms CPU (2.5 s wall).
// - the 100-byte header: the SQLite magic, a power-of-two page size, the page count it states
//   against the file's size (a file cut short, or grown by garbage);
// - the free-page list's trunk pages lie inside the file;
// - no page is all zeros (a page zeroed by a failed disk or a bad copy; never a valid b-tree page),
//   free pages and the lock-byte page excepted: a sequential read at disk speed and a memcmp per
//   page. Past 1 GiB, 1 GiB of the file is read, in 1 MiB pieces spread evenly over it, so the
//   cost stays bounded (about 150 ms CPU) and the check becomes a sample;
// - then the schema is read (sqlite_schema: page 1 and the schema pages), and for a file of up to
//   16 MiB `PRAGMA quick_check` (every b-tree page; about 2 ms CPU a MB) catches the rest.
// What it does not catch in a big file: a page whose bytes are wrong but not all zero. Reads that
// meet one fail with SQLITE_CORRUPT, which comes out as the same clear storage error.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { ParleyError } from '../../core/errors.ts';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const LOCK_BYTE = 0x40000000;

export interface FileCheckOptions {
  /** Files up to this size get a full PRAGMA quick_check (default 16 MiB). */
  quickCheckUpTo?: number;
  /** Bytes of the file scanned for zeroed pages; past it, an even sample (default 1 GiB). */
  scanUpTo?: number;
  /** Bytes read at once (default 1 MiB; tests make it small to sample a small file). */
  pieceBytes?: number;
}

function damaged(file: string, why: string): ParleyError {
  return new ParleyError(
    'storage',
    `the database file is damaged (${why}): ${file}. It was not changed. Restore it from a backup, or save what can be read with \`sqlite3 ${file} .recover\` into a new file.`,
  );
}

/** Checks the file's bytes: header, free list, zeroed pages. Throws ParleyError('storage'). */
export function checkFileBytes(file: string, options: FileCheckOptions = {}): void {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const head = Buffer.alloc(100);
    if (readSync(fd, head, 0, 100, 0) < 100 || !head.subarray(0, 16).equals(MAGIC)) throw damaged(file, 'it does not start with an SQLite header');
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw damaged(file, `the header states a page size of ${raw}`);
    // another process may be moving pages from its write-ahead log into the file right now, which
    // grows the file a page at a time after page 1 states the new count: with a live log, the size
    // is not held against the header
    let liveLog = false;
    try {
      liveLog = statSync(`${file}-wal`).size > 0;
    } catch {
      // no log
    }
    if (!liveLog && size % pageSize !== 0) throw damaged(file, `its size, ${size} bytes, is not a whole number of ${pageSize}-byte pages`);
    const pages = Math.floor(size / pageSize);
    // the page count in the header is valid when its version number matches the change counter
    const stated = head.readUInt32BE(28);
    if (!liveLog && stated > 0 && head.readUInt32BE(92) === head.readUInt32BE(24) && stated > pages) {
      throw damaged(file, `the header counts ${stated} pages, the file holds ${pages}: it was cut short`);
    }
    // free pages may hold anything, zeros included: they are listed in trunk pages
    const free = new Set<number>();
    const page = Buffer.alloc(pageSize);
    let trunk = head.readUInt32BE(32);
    for (let hops = 0; trunk !== 0; hops++) {
      if ((trunk > pages && !liveLog) || hops > pages) throw damaged(file, `the free-page list points at page ${trunk}, outside the file`);
      free.add(trunk);
      readSync(fd, page, 0, pageSize, (trunk - 1) * pageSize);
      const leaves = page.readUInt32BE(4);
      if (leaves > pageSize / 4 - 2) throw damaged(file, `free-list page ${trunk} lists ${leaves} pages`);
      for (let i = 0; i < leaves; i++) free.add(page.readUInt32BE(8 + 4 * i));
      trunk = page.readUInt32BE(0);
    }
    const lockPage = Math.floor(LOCK_BYTE / pageSize) + 1;
    const zero = Buffer.alloc(pageSize);
    const piece = Math.max(pageSize, Math.floor((options.pieceBytes ?? 1 << 20) / pageSize) * pageSize);
    const buffer = Buffer.alloc(piece);
    const budget = options.scanUpTo ?? 1 << 30;
    const pieces = Math.ceil(size / piece);
    const read = Math.min(pieces, Math.max(1, Math.floor(budget / piece)));
    for (let k = 0; k < read; k++) {
      // every piece when the file is within budget, else `read` pieces spread over the file
      const at = (read === pieces ? k : Math.floor((k * pieces) / read)) * piece;
      const n = readSync(fd, buffer, 0, piece, at);
      for (let p = 0; p + pageSize <= n; p += pageSize) {
        const number = (at + p) / pageSize + 1;
        if (number === lockPage || free.has(number)) continue;
        if (buffer.subarray(p, p + pageSize).equals(zero)) throw damaged(file, `page ${number} of ${pages} is all zeros`);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Checks what SQLite itself reads first: the schema; and, for a small file, every b-tree page. */
export function checkOpenDatabase(db: Database.Database, file: string, size: number, options: FileCheckOptions = {}): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    if (size <= (options.quickCheckUpTo ?? 16 << 20)) {
      const problems = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
      const found = problems.map((p) => p.quick_check).filter((p) => p !== 'ok');
      if (found.length > 0) throw damaged(file, found.join('; ').slice(0, 300));
    }
  } catch (error) {
    if (error instanceof ParleyError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damaged(file, (error as Error).message);
    throw error;
  }
}
