// One error type for expected HTTP failures and the one place where errors become statuses and
// JSON bodies `{ error: { code, message } }`.
import { ParleyError } from '../core/errors.ts';

export type HttpErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'read-only'
  | 'not-found'
  | 'misdirected'
  | 'too-many-requests'
  | 'too-large'
  | 'unsupported-media-type'
  | 'invalid-input'
  | 'not-implemented'
  | 'unavailable'
  | 'internal';

const STATUS: Record<HttpErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  'read-only': 403,
  'not-found': 404,
  misdirected: 421,
  'too-many-requests': 429,
  'too-large': 413,
  'unsupported-media-type': 415,
  'invalid-input': 422,
  'not-implemented': 501,
  unavailable: 503,
  internal: 500,
};

export class HttpError extends Error {
  readonly code: HttpErrorCode;

  constructor(code: HttpErrorCode, message: string) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export interface ErrorBody {
  error: { code: HttpErrorCode; message: string };
}

const FROM_PARLEY: Record<ParleyError['code'], HttpErrorCode> = {
  usage: 'bad-request',
  'not-found': 'not-found',
  input: 'invalid-input',
  config: 'internal',
  storage: 'unavailable',
  internal: 'internal',
};

function fromStatus(status: number): HttpErrorCode {
  const found = (Object.keys(STATUS) as HttpErrorCode[]).find((code) => STATUS[code] === status);
  return found ?? (status >= 500 ? 'internal' : 'bad-request');
}

/** Maps anything thrown in a handler to a status and a body; bugs are reported without details. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody; bug: boolean } {
  const reply = (code: HttpErrorCode, message: string, bug = false) => ({ status: STATUS[code], body: { error: { code, message } }, bug });
  if (error instanceof HttpError) return reply(error.code, error.message);
  if (error instanceof ParleyError) {
    const code = FROM_PARLEY[error.code];
    return code === 'internal' ? reply(code, 'internal error', true) : reply(code, error.message);
  }
  const e = error as { validation?: unknown; validationContext?: string; statusCode?: number; message?: string };
  if (e && e.validation) return reply('bad-request', `${e.validationContext ?? 'request'}: ${e.message ?? 'invalid'}`.replace(/^(\w+): \1\b/, '$1'));
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return reply(fromStatus(e.statusCode), e.message ?? 'bad request');
  }
  return reply('internal', 'internal error', true);
}
