// Who says so, per event, over corpora: each event's independent sources (chains, with the first
// publisher, followers and citations), its status and reasons, and the denials and corrections
// found (each linked to an event, or to none: never a meeting). For hand spot-checks.
//
//   node --import ./src/runtime/register.mjs scripts/sources-report.ts ../shared/corpus-broad/mideast ../shared/corpus/dev [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPipeline, openSqliteStore, runIngest } from '../src/index.ts';
import { createEventSources } from '../src/sources/event-sources.ts';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
const asJson = args.includes('--json');
if (!dirs.length) {
  console.error('usage: sources-report.ts CORPUS_DIR... [--json]');
  process.exit(2);
}
const pipeline = createPipeline();
const all: Record<string, unknown> = {};
for (const dir of dirs) {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-sources-'));
  try {
    const store = openSqliteStore(join(tmp, 'corpus.db'));
    await runIngest({ paths: [dir], store, pipeline });
    const names = new Map((await store.getActors()).map((a) => [a.id, a.name]));
    const name = (id: string): string => names.get(id) ?? id;
    const reader = await createEventSources(store);
    const events = (await store.listEvents()).filter((e) => e.reports.length);
    const rows: Array<Record<string, unknown> & { event: string; date: string | null; participants: string[]; reports: number; status: string; reasons: string[]; sources: { origin: string; first: string; followers: string[]; cites: string[] }[] }> = [];
    const claimsOf = new Map<string, string[]>();
    for (const e of events) {
      const s = await reader.of(e);
      for (const d of s.denials) claimsOf.set(d.id, [...(claimsOf.get(d.id) ?? []), e.id]);
      rows.push({
        event: e.id,
        date: e.date,
        participants: e.participants.map((p) => name(p.actorId)),
        reports: e.reports.length,
        status: s.status.status,
        reasons: s.status.reasons,
        sources: s.sources.map((c) => ({
          origin: `${c.origin.kind}${c.origin.name ? `:${c.origin.name}` : ''}`,
          first: `${c.first.docId} (${c.first.outlet ?? '?'}, ${c.first.published ?? '?'})`,
          followers: c.followers.map((f) => `${f.docId} (${f.outlet ?? '?'}) via ${f.via}${f.similarity !== undefined ? ` ${f.similarity}` : ''}`),
          cites: c.cites.map((x) => `${x.docId} -> ${x.kind}:${x.name ?? x.sourceId ?? '?'}`),
        })),
      });
    }
    const table = store.sources();
    const denials = await table.denials();
    const docs = new Map<string, { text: string }>();
    for (const d of denials) docs.set(d.docId, { text: (await store.getDocument(d.docId))?.text ?? '' });
    // linked as the event pages link them (src/sources/event-sources.ts)
    const linkedTo = (id: string): string[] => claimsOf.get(id) ?? [];
    // a denial's trigger inside a report's evidence would be an event made of a denial
    const reportTriggers = new Set(events.flatMap((e) => e.reports.map((r) => `${r.docId}:${r.trigger.start}`)));
    const denialRows = denials.map((d) => {
      const text = docs.get(d.docId)?.text ?? '';
      const c = d.correction;
      const correction = c ? `${c.field ?? 'unstated'}${c.old.length || c.new.length ? ` ${c.old.map((v) => v.text).join(', ')} -> ${c.new.map((v) => v.text).join(', ')}` : ''}` : null;
      // a report told inside a correction would be an event made of a correction
      const madeAnEvent = c ? events.some((e) => e.reports.some((r) => r.docId === d.docId && r.trigger.start >= d.sentence.start && r.trigger.end <= d.sentence.end)) : reportTriggers.has(`${d.docId}:${d.trigger.start}`);
      return { claim: d.id, doc: d.docId, reason: d.reason, correction, words: text.slice(d.sentence.start, d.sentence.end).replace(/\s+/g, ' ').slice(0, 200), participants: d.participants.map(name), linkedTo: linkedTo(d.id), madeAnEvent };
    });
    all[dir] = { events: rows, denials: denialRows };
    await store.close();
    if (!asJson) {
      const count = (k: string): number => rows.filter((r) => r.status === k).length;
      console.log(`${dir}: ${rows.length} events (confirmed ${count('confirmed')}, corroborated ${count('corroborated')}, single-source ${count('single-source')}, disputed ${count('disputed')}); ${denialRows.filter((d) => !d.correction).length} denial claims, ${denialRows.filter((d) => d.correction).length} corrections, ${denialRows.filter((d) => d.madeAnEvent).length} made an event`);
      for (const r of rows) {
        console.log(`  ${r.event} ${r.date ?? '-'} ${r.participants.join(' + ')}: ${r.status}; ${r.reports} reports, ${r.sources.length} sources`);
        for (const s of r.sources) console.log(`    [${s.origin}] first ${s.first}${s.followers.length ? `; then ${s.followers.join(', ')}` : ''}${s.cites.length ? `; cites ${s.cites.join(', ')}` : ''}`);
        for (const why of r.reasons) console.log(`    - ${why}`);
      }
      for (const d of denialRows) console.log(`  ${d.correction ? `correction ${d.doc} (${d.correction})` : `denial ${d.doc} (${d.reason})`} ${d.participants.join(' + ')} -> ${d.linkedTo.join(', ') || 'no event'}: ${d.words}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
if (asJson) console.log(JSON.stringify(all, null, 1));
