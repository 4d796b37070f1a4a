// `parley judgements`: the analysts' decisions, listed and undone; and what the judgement
// commands of `parley actors` and `parley events` share (who decides, opening the database,
// saying what changed).
import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import type { Judgement, NewJudgement } from '../core/types.ts';
import { describeJudgement } from '../judgements/describe.ts';
import { JUDGEMENT_KINDS } from '../judgements/validate.ts';
import type { Store, StoredEvent } from '../store/store.ts';
import { type CliContext, openForChanging, openForReading, withStore, writeLine } from './context.ts';
import { table } from './format.ts';

export interface JudgeFlags {
  by?: string;
  reason?: string;
  db?: string;
  json?: boolean;
}

/** The author: --by, else $USER; a judgement without one is refused. */
export function authorOf(ctx: CliContext, flags: JudgeFlags): string {
  const author = (flags.by ?? ctx.env.USER ?? ctx.env.USERNAME ?? '').trim();
  if (!author) throw new ParleyError('usage', 'who is deciding? pass --by NAME (or set $USER)');
  return author;
}

export function addJudgeOptions(command: Command): Command {
  return command
    .option('--by <name>', 'who decides (default $USER)')
    .option('--reason <text>', 'why, in a few words')
    .option('--json', 'print the recorded judgement as JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)');
}

/** Opens the database (which must exist), records the judgement, and reports it. */
export async function judge(
  ctx: CliContext,
  flags: JudgeFlags,
  build: (store: Store, author: string) => NewJudgement,
  changed: (store: Store, judgement: Judgement, before: StoredEvent[]) => string[] | Promise<string[]>,
): Promise<void> {
  const author = authorOf(ctx, flags);
  await withStore(openForChanging(ctx, flags.db), async (store) => {
    const before = await store.listEvents();
    const judgement = await store.addJudgement(build(store, author));
    if (flags.json) {
      writeLine(ctx.stdout, JSON.stringify(judgement, null, 2));
      return;
    }
    writeLine(ctx.stdout, `recorded ${describeJudgement(judgement)}`);
    for (const line of await changed(store, judgement, before)) writeLine(ctx.stdout, `  ${line}`);
    writeLine(ctx.stdout, `  (undo with \`parley judgements undo ${judgement.id}\`)`);
  });
}

/** The event holding a report now, if any. */
export function eventOfReport(events: readonly StoredEvent[], reportId: string): StoredEvent | undefined {
  return events.find((e) => e.reports.some((r) => r.id === reportId));
}

export function describeEvent(event: StoredEvent | undefined, name: (id: string) => string = (id) => id): string {
  if (!event) return 'no event';
  const docs = new Set(event.reports.map((r) => r.docId)).size;
  return (
    `event ${event.id}: ${event.date ?? 'date unknown'}${event.place ? `, ${name(event.place)}` : ''}, ` +
    `${event.participants.map((p) => name(p.actorId)).join(', ')} (${event.reports.length} report(s) in ${docs} document(s))`
  );
}

export function registerJudgements(program: Command, ctx: CliContext): void {
  const command = program
    .command('judgements')
    .description("list the analysts' judgements (who decided what, when and why)")
    .option('--kind <kind>', `only this kind (${JUDGEMENT_KINDS.join(', ')})`)
    .option('--all', 'include undone judgements')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: { kind?: string; all?: boolean; json?: boolean; db?: string }) => {
      if (flags.kind !== undefined && !(JUDGEMENT_KINDS as readonly string[]).includes(flags.kind)) {
        throw new ParleyError('usage', `--kind wants one of ${JUDGEMENT_KINDS.join(', ')}, not "${flags.kind}"`);
      }
      await withStore(openForReading(ctx, flags.db), async (store) => {
        const list = await store.listJudgements({ ...(flags.kind ? { kind: flags.kind } : {}), ...(flags.all ? {} : { active: true }) });
        if (flags.json) {
          writeLine(ctx.stdout, JSON.stringify(list, null, 2));
          return;
        }
        if (list.length === 0) {
          writeLine(ctx.stdout, flags.all ? 'no judgements' : 'no active judgements (--all shows undone ones)');
          return;
        }
        const rows = list.map((j) => [String(j.id), j.kind, j.author, j.createdAt.slice(0, 19), j.active ? '' : 'undone', describeJudgement(j)]);
        writeLine(ctx.stdout, table(['id', 'kind', 'by', 'at', 'state', 'what'], rows));
      });
    });
  addJudgeOptions(
    command
      .command('undo')
      .description('undo a judgement (it stays listed, marked undone); what it changed is re-derived')
      .argument('<id>', 'judgement id, as listed by `parley judgements`'),
  ).action(async (id: string, flags: JudgeFlags) => {
    if (!/^\d+$/.test(id)) throw new ParleyError('usage', `a judgement id is a number, not "${id}"`);
    const author = authorOf(ctx, flags);
    await withStore(openForChanging(ctx, flags.db), async (store) => {
      const judgement = await store.undoJudgement(Number(id), author, flags.reason);
      if (flags.json) writeLine(ctx.stdout, JSON.stringify(judgement, null, 2));
      else writeLine(ctx.stdout, `undid ${describeJudgement(judgement)}`);
    });
  });
}
