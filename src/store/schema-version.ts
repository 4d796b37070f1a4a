// Where a database's schema stands against this Parley's migrations, and what to tell the user
// when it is not where a command needs it: readers never migrate (they stop and name the command
// that does), and nobody writes into a schema newer than this Parley knows.
import { ParleyError } from '../core/errors.ts';

export interface SchemaState {
  /** The highest recorded migration (0: none, not a Parley database yet). */
  current: number;
  /** The highest migration this Parley has. */
  latest: number;
  /** This Parley's migrations the database has not seen (also ones numbered below `current`). */
  missing: number[];
}

export function schemaState(recorded: Iterable<number>, known: readonly { version: number }[]): SchemaState {
  const seen = new Set(recorded);
  const current = Math.max(0, ...seen);
  const latest = known.reduce((max, m) => Math.max(max, m.version), 0);
  const missing = known.map((m) => m.version).filter((v) => !seen.has(v)).sort((a, b) => a - b);
  return { current, latest, missing };
}

/** The command that brings a database up to this Parley's schema. */
export function upgradeCommand(label: string): string {
  return `parley migrate --db ${/^[\w./:@*-]+$/.test(label) ? label : JSON.stringify(label)}`;
}

/** Refuses a schema newer than this Parley's, for readers and writers alike. */
export function refuseNewer(state: SchemaState, label: string): void {
  if (state.current > state.latest) {
    throw new ParleyError(
      'config',
      `${label} has schema version ${state.current}, newer than this Parley knows (${state.latest}): use the Parley that wrote it, or a newer one`,
    );
  }
}

/** For a reader: refuses any schema but this Parley's own, naming the command that upgrades it. */
export function requireCurrent(state: SchemaState, label: string): void {
  refuseNewer(state, label);
  if (state.missing.length === 0) return;
  const has =
    state.current === 0
      ? 'has no Parley schema'
      : state.current < state.latest
        ? `has schema version ${state.current}`
        : `lacks migration${state.missing.length === 1 ? '' : 's'} ${state.missing.join(', ')}`;
  throw new ParleyError(
    'config',
    `${label} ${has}; this Parley reads version ${state.latest}. Upgrade it with \`${upgradeCommand(label)}\` (read commands never change a database)`,
  );
}
