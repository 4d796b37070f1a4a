// Runs killed without a word (SIGKILL, a power cut, an out-of-memory kill) never record their end.
// So that they are not "unfinished" forever, a run records who runs it when it begins (process id
// and host name, kept in its stats until it finishes), and the next run marks every unfinished run
// of this host whose process is gone as interrupted. Reading commands (`parley runs`) never write:
// they show such runs as interrupted without recording it.
// Known limit: a process id reused by another process keeps its dead run "running" until that
// process ends too (the mistake is on the safe side); runs begun on another host are left alone.
import { hostname } from 'node:os';
import type { RunStats } from './store.ts';

export type RunState = 'finished' | 'interrupted' | 'running' | 'unfinished';

export interface RunRecord {
  id: number;
  command: string;
  args: string[];
  startedAt: string;
  finishedAt: string | null;
  state: RunState;
  stats: RunStats | null;
}

/** What an unfinished run's stats hold: who runs it. */
export function runOwner(): RunStats {
  return { pid: process.pid, host: hostname() };
}

/** Whether a process with this id exists on this host. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parse(stats: string | null): RunStats | null {
  if (!stats) return null;
  try {
    const value = JSON.parse(stats) as unknown;
    return value && typeof value === 'object' ? (value as RunStats) : null;
  } catch {
    return null;
  }
}

/** An unfinished run's process has ended: it was killed (or crashed) before recording its end. */
export function isDeadRun(finishedAt: string | null, stats: string | null): boolean {
  if (finishedAt !== null) return false;
  const owner = parse(stats);
  if (!owner || typeof owner.pid !== 'number' || owner.host !== hostname()) return false;
  return owner.pid !== process.pid && !processAlive(owner.pid);
}

/** The stats recorded for a run found dead. */
export function deadRunStats(stats: string | null): RunStats {
  const owner = parse(stats) ?? {};
  return { interrupted: true, killed: true, pid: owner.pid, note: `its process (${String(owner.pid)}) ended without finishing the run (killed or crashed)` };
}

export interface RunRow {
  id: number;
  command: string;
  args: string;
  started_at: string;
  finished_at: string | null;
  stats: string | null;
}

export function toRunRecord(row: RunRow): RunRecord {
  const stats = parse(row.stats);
  const dead = isDeadRun(row.finished_at, row.stats);
  const state: RunState = dead
    ? 'interrupted'
    : row.finished_at === null
      ? stats && typeof stats.pid === 'number' && stats.host === hostname()
        ? 'running'
        : 'unfinished'
      : stats?.interrupted === true
        ? 'interrupted'
        : 'finished';
  let args: string[] = [];
  try {
    args = JSON.parse(row.args) as string[];
  } catch {
    // kept as none
  }
  return { id: Number(row.id), command: row.command, args, startedAt: row.started_at, finishedAt: row.finished_at, state, stats: dead ? deadRunStats(row.stats) : stats };
}
