import type { Command } from 'commander';
import { actorIndex, summarizeEvent, type EventSummary } from '../export/summarize-event.ts';
import type { Store } from '../store/store.ts';
import { type CliContext, openForReading, parsePartialDate, withStore, writeLine } from './context.ts';
import { table } from './format.ts';
import { addJudgeOptions, describeEvent, eventOfReport, judge, type JudgeFlags } from './judgements.ts';

export interface EventFilter {
  actor?: string;
  from?: string;
  to?: string;
}

/**
 * Events matching the filter, dated ones first in date order. Dates compare at the filter's
 * precision. The matching ids come from the browse index (SQL), and only those events are
 * assembled: a database of a million reports is not read whole to list one actor's week.
 */
export async function findEvents(store: Store, filter: EventFilter): Promise<EventSummary[]> {
  const browse = store.browse();
  const base = { ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) };
  // an actor name may match several actors, each as a participant or as the place
  const filters = filter.actor
    ? (await store.searchActors(filter.actor)).flatMap((a) => [{ ...base, actors: [a.id] }, { ...base, place: a.id }])
    : [base];
  const ids = new Set<string>();
  for (const f of filters) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await browse.listEvents(f, 'date', 'asc', { limit: PAGE, offset });
      for (const row of page.items) ids.add(row.id);
      if (offset + PAGE >= page.total) break;
    }
  }
  const actors = actorIndex(await store.getActors());
  const out: EventSummary[] = [];
  for (const id of ids) {
    const event = await store.getEvent(id);
    if (event && event.reports.length > 0) out.push(summarizeEvent(event, actors));
  }
  return out.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.id.localeCompare(b.id));
}

const PAGE = 1000;

export function registerEvents(program: Command, ctx: CliContext): void {
  const command = program
    .command('events')
    .enablePositionalOptions()
    .description('list the events in the database')
    .option('--actor <name>', 'only events with a participant (or place) whose name or alias contains this')
    .option('--from <date>', 'only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: EventFilter & { json?: boolean; db?: string }) => {
      const filter: EventFilter = {
        actor: flags.actor,
        from: flags.from === undefined ? undefined : parsePartialDate(flags.from, '--from'),
        to: flags.to === undefined ? undefined : parsePartialDate(flags.to, '--to'),
      };
      await withStore(openForReading(ctx, flags.db), async (store) => {
        const events = await findEvents(store, filter);
        const names = actorIndex(await store.getActors());
        const name = (id: string) => names.get(id)?.name ?? id;
        if (flags.json) {
          const out = events.map((e) => ({
            id: e.id,
            date: e.date,
            mode: e.mode,
            participants: e.participants.map((id) => ({ id, name: name(id) })),
            location: e.place?.name ?? null,
            documents: e.documents,
            conflicts: e.conflicts,
          }));
          writeLine(ctx.stdout, JSON.stringify(out, null, 2));
          return;
        }
        if (events.length === 0) {
          writeLine(ctx.stdout, 'no events');
          return;
        }
        const rows = events.map((e) => [
          e.date ?? '?',
          e.mode,
          e.participants.map(name).join(', '),
          e.place?.name ?? '',
          e.id,
        ]);
        writeLine(ctx.stdout, table(['date', 'mode', 'participants', 'place', 'event'], rows));
        writeLine(ctx.stdout, `${events.length} event${events.length === 1 ? '' : 's'}`);
      });
    });
  registerEventJudgements(command, ctx);
}

async function namer(store: Store): Promise<(id: string) => string> {
  const names = actorIndex(await store.getActors());
  return (id) => names.get(id)?.name ?? id;
}

function registerEventJudgements(command: Command, ctx: CliContext): void {
  addJudgeOptions(
    command
      .command('merge')
      .description('record that these events are one meeting')
      .argument('<events...>', 'two or more event ids')
      .option('--confirm', 'merge even when they share no participant or their dates or places contradict (the refusal says which)'),
  ).action(async (events: string[], flags: JudgeFlags & { confirm?: boolean }) => {
    await judge(
      ctx,
      flags,
      (_store, author) => ({ kind: 'event-merge', subjects: events, author, reason: flags.reason ?? null, ...(flags.confirm ? { confirm: true } : {}) }),
      async (store, j) => [`now one: ${describeEvent(eventOfReport(await store.listEvents(), j.anchors[0][0].reportId), await namer(store))}`],
    );
  });
  addJudgeOptions(
    command
      .command('split')
      .description("record that one report of an event is about a different meeting")
      .argument('<event>', 'event id')
      .argument('<report>', 'report id (see `parley show EVENT --json` or `parley events --json`)'),
  ).action(async (event: string, report: string, flags: JudgeFlags) => {
    await judge(
      ctx,
      flags,
      (_store, author) => ({ kind: 'event-split', subjects: [event, report], author, reason: flags.reason ?? null }),
      async (store, j) => {
        const events = await store.listEvents();
        const name = await namer(store);
        return [
          `split off: ${describeEvent(eventOfReport(events, report), name)}`,
          `remaining: ${describeEvent(eventOfReport(events, j.anchors[0][0].reportId), name)}`,
        ];
      },
    );
  });
  addJudgeOptions(
    command
      .command('reject')
      .description('record that a report is not a meeting (it leaves its event)')
      .argument('<report>', 'report id'),
  ).action(async (report: string, flags: JudgeFlags) => {
    await judge(
      ctx,
      flags,
      (_store, author) => ({ kind: 'report-reject', subjects: [report], author, reason: flags.reason ?? null }),
      async (store, _j, before) => {
        const was = eventOfReport(before, report);
        const others = was?.reports.find((r) => r.id !== report);
        const events = await store.listEvents();
        return [
          `report ${report} is in no event now`,
          others ? `its event became ${describeEvent(eventOfReport(events, others.id), await namer(store))}` : 'its event is gone (it was its only report)',
        ];
      },
    );
  });
  addJudgeOptions(
    command
      .command('correct')
      .description('record the right date, place or participants of an event')
      .argument('<event>', 'event id')
      .option('--date <date>', "the day (YYYY, YYYY-MM or YYYY-MM-DD), or 'none'")
      .option('--place <actor>', "place actor id, or 'none'")
      .option('--participants <actors...>', 'participant actor ids'),
  ).action(async (event: string, flags: JudgeFlags & { date?: string; place?: string; participants?: string[] }) => {
    const value = {
      ...(flags.date !== undefined ? { date: flags.date === 'none' ? null : parsePartialDate(flags.date, '--date') } : {}),
      ...(flags.place !== undefined ? { place: flags.place === 'none' ? null : flags.place } : {}),
      ...(flags.participants !== undefined ? { participants: flags.participants } : {}),
    };
    await judge(
      ctx,
      flags,
      (_store, author) => ({ kind: 'field-correct', subjects: [event], value, author, reason: flags.reason ?? null }),
      async (store, j, before) => {
        const name = await namer(store);
        return [
          `was: ${describeEvent(before.find((e) => e.id === event), name)}`,
          `now: ${describeEvent(eventOfReport(await store.listEvents(), j.anchors[0][0].reportId), name)}`,
        ];
      },
    );
  });
}
