// One error type for expected failures (bad arguments, a missing database, an unknown id) and
// one place that maps them to exit codes. Anything else that is thrown is a bug.

export type ErrorCode =
  | 'usage' // bad arguments or options
  | 'not-found' // an id or file the user named does not exist
  | 'input' // some inputs could not be processed (the rest were)
  | 'config' // bad configuration (unreadable data folder, incompatible database)
  | 'storage' // the database cannot be written or read: a full disk, a damaged file, an I/O error
  | 'internal'; // a bug

export class ParleyError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ParleyError';
    this.code = code;
  }
}

const EXIT_CODES: Record<ErrorCode, number> = {
  input: 1,
  usage: 2,
  'not-found': 2,
  config: 3,
  // EX_IOERR of sysexits.h
  storage: 74,
  internal: 70,
};

/** The process exit code for an error: ParleyErrors by their code, anything else as a bug. */
export function exitCodeFor(error: unknown): number {
  return error instanceof ParleyError ? EXIT_CODES[error.code] : EXIT_CODES.internal;
}
