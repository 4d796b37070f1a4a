import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import { actorIndex, summarizeEvent } from '../export/summarize-event.ts';
import { type CliContext, openForReading, withStore, writeLine } from './context.ts';
import { highlight, terminalText, type Highlight } from './format.ts';

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('show one event: each report with its evidence, the words that matter marked')
    .argument('<event-id>', 'an event id, as listed by `parley events`')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .action(async (eventId: string, flags: { db?: string }) => {
      await withStore(openForReading(ctx, flags.db), async (store) => {
        let event = await store.getEvent(eventId);
        const moved = event ? null : await store.eventRedirect(eventId);
        if (moved) {
          writeLine(ctx.stdout, `(${eventId} no longer exists: its reports are in ${moved} now)`);
          event = await store.getEvent(moved);
        }
        if (!event) throw new ParleyError('not-found', `no event ${eventId} (see \`parley events\`)`);
        const actors = actorIndex(await store.getActors());
        // names and ids come from articles and analysts: escaped like the article text
        const name = (id: string) => terminalText(actors.get(id)?.name ?? id);
        const summary = summarizeEvent(event, actors);
        const color = ctx.stdout.isTTY === true;
        writeLine(ctx.stdout, `event ${event.id}: ${summary.mode}, ${summary.date ?? 'date unknown'}${summary.place ? `, ${summary.place.name}` : ''}`);
        writeLine(ctx.stdout, `participants: ${summary.participants.map(name).join(', ')}`);
        writeLine(ctx.stdout, `reports: ${event.reports.length} in ${summary.documents.length} document(s)`);
        for (const report of event.reports) {
          const doc = await store.getDocument(report.docId);
          writeLine(ctx.stdout);
          writeLine(
            ctx.stdout,
            `${terminalText(report.docId)}  ${report.mode}  ${report.date ? report.date.value + (report.date.span ? '' : ' (inferred)') : 'date unknown'}` +
              `${report.place ? '  at ' + name(report.place.actorId) : ''}  [${report.participants.map((p) => name(p.actorId)).join(', ')}]`,
          );
          if (!doc) continue;
          const marks: Highlight[] = [{ ...report.trigger, kind: 'trigger' }];
          for (const p of report.participants) for (const s of p.spans) marks.push({ ...s, kind: 'participant' });
          if (report.date?.span) marks.push({ ...report.date.span, kind: 'date' });
          if (report.place) marks.push({ ...report.place.span, kind: 'place' });
          const ranges = report.evidence.length > 0 ? report.evidence : [report.trigger];
          for (const range of ranges) writeLine(ctx.stdout, `  ${highlight(doc.text, range, marks, color)}`);
        }
        if (event.judgements.length > 0) {
          writeLine(ctx.stdout);
          writeLine(ctx.stdout, 'merged because:');
          for (const j of event.judgements) {
            writeLine(ctx.stdout, `  ${j.left} = ${j.right}: rule ${j.rule}, score ${j.score.toFixed(2)} ${JSON.stringify(j.features)} (${j.version})`);
          }
        }
      });
    });
}
