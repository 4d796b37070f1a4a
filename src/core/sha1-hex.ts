// The SHA-1 of a short string as hex, for the ids the analysis gives what it finds (reports,
// corrections, denials). crypto.hash() (Node 20.12 and later) digests in one call; a Hash
// object from createHash() costs about ten times as much to make and finish, and the analysis
// makes one per report. The same digest either way; older Node 20 releases take createHash().
import * as crypto from 'node:crypto';

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** The SHA-1 digest of `data` (UTF-8) in lower-case hex. */
export const sha1Hex: (data: string) => string =
  typeof oneShot === 'function' ? (data) => oneShot('sha1', data, 'hex') : (data) => crypto.createHash('sha1').update(data).digest('hex');
