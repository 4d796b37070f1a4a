// What every command gets: where the database is, how to open it, where to write, and the exit
// code it wants. Commands never call process.exit themselves.
import { partialDateProblem } from '../core/calendar-date.ts';
import { ParleyError } from '../core/errors.ts';
import { openStore } from '../store/open-store.ts';
import { redactUrl } from '../store/postgres/pg-store.ts';
import type { Store } from '../store/store.ts';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Set by a command that finished but wants a non-zero exit (e.g. some inputs failed). */
  exitCode: number;
}

export const DEFAULT_DB = './parley.db';

export function dbPath(ctx: CliContext, option: string | undefined): string {
  return option ?? (ctx.env.PARLEY_DB || DEFAULT_DB);
}

/** The database as shown in messages and run records: a URL's password left out. */
export function dbLabel(ctx: CliContext, option: string | undefined): string {
  return redactUrl(dbPath(ctx, option));
}

/**
 * Opens the database for a read command: it must exist already, and it is never written. A schema
 * older than this Parley's is refused with a message naming `parley migrate --db ...` (a newer
 * one too, naming neither).
 */
export function openForReading(ctx: CliContext, option: string | undefined): Store {
  return openStore(dbPath(ctx, option), { mustExist: true, migrate: false });
}

/** Opens an existing database for a command that changes it (a judgement): migrated as writers do. */
export function openForChanging(ctx: CliContext, option: string | undefined): Store {
  return openStore(dbPath(ctx, option), { mustExist: true });
}

export function openForWriting(ctx: CliContext, option: string | undefined): Store {
  return openStore(dbPath(ctx, option));
}

export async function withStore<T>(store: Store, work: (store: Store) => T | Promise<T>): Promise<T> {
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A YYYY, YYYY-MM or YYYY-MM-DD that the calendar has; else a usage error naming the option. */
export function parsePartialDate(value: string, option: string): string {
  const problem = partialDateProblem(value);
  if (problem) throw new ParleyError('usage', `${option}: ${problem}`);
  return value;
}

export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(line + '\n');
}
