import type { Command } from 'commander';
import type { Judgement } from '../core/types.ts';
import type { Store } from '../store/store.ts';
import { type CliContext, openForReading, withStore, writeLine } from './context.ts';
import { table } from './format.ts';
import { addJudgeOptions, judge, type JudgeFlags } from './judgements.ts';

export function registerActors(program: Command, ctx: CliContext): void {
  const command = program
    .command('actors')
    .enablePositionalOptions()
    .description('list the people, organizations and places found')
    .argument('[query]', 'only actors whose name or an alias contains this (case-insensitive)')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (query: string | undefined, flags: { json?: boolean; db?: string }) => {
      await withStore(openForReading(ctx, flags.db), async (store) => {
        const actors = await store.searchActors(query);
        if (flags.json) {
          writeLine(ctx.stdout, JSON.stringify(actors, null, 2));
          return;
        }
        if (actors.length === 0) {
          writeLine(ctx.stdout, query ? `no actor matches "${query}"` : 'no actors');
          return;
        }
        const rows = actors.map((a) => {
          const aliases = a.aliases.filter((x) => x !== a.name);
          const shown = aliases.slice(0, 4).join(', ') + (aliases.length > 4 ? `, +${aliases.length - 4}` : '');
          return [a.kind, a.name, a.fromKb ? 'kb' : 'found', a.id, shown];
        });
        writeLine(ctx.stdout, table(['kind', 'name', 'source', 'id', 'aliases'], rows));
      });
    });
  registerActorJudgements(command, ctx);
}

async function actorLine(store: Store, id: string): Promise<string> {
  const actor = (await store.getActors([id]))[0];
  if (!actor) return `${id}: no longer listed`;
  const aliases = actor.aliases.filter((a) => a !== actor.name);
  return `${actor.id} ${actor.name}${aliases.length ? ` (also ${aliases.slice(0, 6).join(', ')}${aliases.length > 6 ? ', ...' : ''})` : ''}`;
}

async function reportsNaming(store: Store, id: string): Promise<number> {
  return (await store.listEvents()).reduce((n, e) => n + e.reports.filter((r) => r.participants.some((p) => p.actorId === id)).length, 0);
}

function registerActorJudgements(command: Command, ctx: CliContext): void {
  addJudgeOptions(
    command
      .command('merge')
      .description('record that two actor ids are one actor: the second is absorbed into the first')
      .argument('<keep>', 'actor id that stays')
      .argument('<absorbed>', 'actor id that becomes the same actor'),
  ).action(async (keep: string, absorbed: string, flags: JudgeFlags) => {
    await judge(
      ctx,
      flags,
      (_store, author) => ({ kind: 'actor-merge', subjects: [keep, absorbed], author, reason: flags.reason ?? null }),
      async (store) => [`now: ${await actorLine(store, keep)}`, `${await reportsNaming(store, keep)} report(s) name ${keep}`],
    );
  });
  addJudgeOptions(
    command
      .command('split')
      .description('record that the reports naming an actor by these names are about someone else (a new actor)')
      .argument('<actor>', 'actor id')
      .requiredOption('--alias <names...>', 'the names (as seen in the texts) that belong to the other actor'),
  ).action(async (actor: string, flags: JudgeFlags & { alias: string[] }) => {
    await judge(
      ctx,
      flags,
      (_store, author) => ({ kind: 'actor-split', subjects: [actor], value: { aliases: flags.alias }, author, reason: flags.reason ?? null }),
      async (store, j: Judgement) => {
        const split = (await store.getActors()).find((a) => a.id !== actor && a.id.startsWith(`${actor}~`) && a.aliases.includes(j.value!.aliases![0]));
        return [
          `kept: ${await actorLine(store, actor)}, named by ${await reportsNaming(store, actor)} report(s)`,
          split ? `new: ${await actorLine(store, split.id)}, named by ${await reportsNaming(store, split.id)} report(s)` : 'new actor: no report names it yet',
        ];
      },
    );
  });
  const alias = command.command('alias').description('add or remove a name of an actor').enablePositionalOptions();
  for (const action of ['add', 'remove'] as const) {
    addJudgeOptions(
      alias
        .command(action)
        .description(action === 'add' ? 'record another name of an actor' : 'record that an actor is not called this')
        .argument('<actor>', 'actor id')
        .argument('<names...>', 'the names'),
    ).action(async (actor: string, names: string[], flags: JudgeFlags) => {
      await judge(
        ctx,
        flags,
        (_store, author) => ({ kind: `alias-${action}`, subjects: [actor], value: { aliases: names }, author, reason: flags.reason ?? null }),
        async (store) => [`now: ${await actorLine(store, actor)}`],
      );
    });
  }
}
