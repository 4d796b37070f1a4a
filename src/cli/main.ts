// The command line: one file per command; this file wires them and is the one place where
// errors become exit codes (see core/errors.ts).
import { Command, CommanderError } from 'commander';
import { exitCodeFor, ParleyError } from '../core/errors.ts';
import { registerActors } from './actors.ts';
import type { CliContext } from './context.ts';
import { registerEvents } from './events.ts';
import { registerExport } from './export.ts';
import { registerFraming } from './framing.ts';
import { registerIngest } from './ingest.ts';
import { registerJudgements } from './judgements.ts';
import { registerKb } from './kb.ts';
import { registerServe, registerToken } from './serve.ts';
import { registerShow } from './show.ts';
import { registerWatch } from './watch.ts';
import { registerJobs, registerWorker } from './queue.ts';
import { registerCopy } from './copy.ts';
import { registerRuns } from './runs.ts';
import { registerReindex } from './reindex.ts';
import { registerMigrate } from './migrate.ts';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('parley')
    .description('Turn news articles into a sourced record of political meetings.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    // options after a subcommand belong to it (`parley events merge A B --db x`)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  registerIngest(program, ctx);
  registerExport(program, ctx);
  registerFraming(program, ctx);
  registerEvents(program, ctx);
  registerActors(program, ctx);
  registerJudgements(program, ctx);
  registerShow(program, ctx);
  registerServe(program, ctx);
  registerToken(program, ctx);
  registerWatch(program, ctx);
  registerKb(program, ctx);
  registerWorker(program, ctx);
  registerJobs(program, ctx);
  registerCopy(program, ctx);
  registerRuns(program, ctx);
  registerReindex(program, ctx);
  registerMigrate(program, ctx);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const ctx: CliContext = { env: process.env, stdout: process.stdout, stderr: process.stderr, exitCode: 0 };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv]);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : exitCodeFor(new ParleyError('usage', error.message));
    if (error instanceof ParleyError) {
      ctx.stderr.write(`parley: ${error.message}\n`);
    } else {
      ctx.stderr.write(`parley: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    return exitCodeFor(error);
  }
}
