// `parley framing`: how each outlet describes each actor (descriptors with counts), and the
// loaded terms each outlet uses with the side each takes (data/framing/README.md).
import type { Command } from 'commander';
import type { FramingRow } from '../store/store.ts';
import { type CliContext, openForReading, withStore, writeLine } from './context.ts';
import { table } from './format.ts';

/** Article words shown on a terminal: control characters (escape sequences) become spaces. */
function plain(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}

export interface LoadedUse {
  outlet: string;
  termId: string;
  stance: string;
  count: number;
  actors: string[];
}

/** Loaded terms per outlet: how often each appears in that outlet's descriptors, and of whom. */
export function loadedUses(rows: readonly FramingRow[]): LoadedUse[] {
  const uses = new Map<string, LoadedUse>();
  for (const row of rows) {
    for (const l of row.loaded) {
      const key = `${row.outlet}\u0000${l.termId}`;
      let use = uses.get(key);
      if (!use) uses.set(key, (use = { outlet: row.outlet, termId: l.termId, stance: l.stance, count: 0, actors: [] }));
      use.count += row.count;
      if (!use.actors.includes(row.actorName)) use.actors.push(row.actorName);
    }
  }
  return [...uses.values()].sort((a, b) => a.outlet.localeCompare(b.outlet) || b.count - a.count || a.termId.localeCompare(b.termId));
}

export function registerFraming(program: Command, ctx: CliContext): void {
  program
    .command('framing')
    .description('how each outlet describes each actor, and the loaded terms it uses')
    .option('--actor <name>', 'only this actor (id, or part of a name or alias)')
    .option('--outlet <name>', 'only this outlet')
    .option('--event <id>', 'only the documents reporting this event')
    .option('--json', 'print JSON')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (flags: { actor?: string; outlet?: string; event?: string; json?: boolean; db?: string }) => {
      await withStore(openForReading(ctx, flags.db), async (store) => {
        const rows = await store.framing({
          ...(flags.actor ? { actor: flags.actor } : {}),
          ...(flags.outlet ? { outlet: flags.outlet } : {}),
          ...(flags.event ? { event: flags.event } : {}),
        });
        const loaded = loadedUses(rows);
        if (flags.json) {
          writeLine(ctx.stdout, JSON.stringify({ descriptors: rows, loadedTerms: loaded }, null, 2));
          return;
        }
        if (rows.length === 0) {
          const what = [flags.actor && `actor "${flags.actor}"`, flags.outlet && `outlet "${flags.outlet}"`, flags.event && `event ${flags.event}`].filter(Boolean).join(' and ');
          writeLine(ctx.stdout, what ? `no descriptors for ${what}` : 'no descriptors (ingest some articles first)');
          return;
        }
        writeLine(
          ctx.stdout,
          table(
            ['outlet', 'actor', 'count', 'descriptor', 'stance'],
            rows.map((r) => [plain(r.outlet), plain(r.actorName), String(r.count), plain(r.descriptor), [...new Set(r.loaded.map((l) => l.stance))].join(', ')]),
          ),
        );
        if (loaded.length) {
          writeLine(ctx.stdout);
          writeLine(ctx.stdout, 'Loaded terms by outlet');
          writeLine(
            ctx.stdout,
            table(
              ['outlet', 'term', 'stance', 'count', 'describing'],
              loaded.map((u) => [plain(u.outlet), u.termId, u.stance, String(u.count), plain(u.actors.join(', '))]),
            ),
          );
        }
      });
    });
}
