// Development aid: analyze a gold corpus in memory and write an events-json export, no store.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, basename } from 'node:path';
import { createPipeline } from '../src/pipeline/analyze.ts';

const [dir, out] = process.argv.slice(2);
const p = createPipeline();
const docs: unknown[] = [];
const actors = new Map<string, { id: string; name: string; kind: string; aliases: string[] }>();
const events: unknown[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(dir, f), 'utf8');
  const id = basename(f, '.txt');
  const a = p.analyze({ id, hash: createHash('sha256').update(text).digest('hex'), text, source: {}, meta: {} });
  docs.push({ id, published: a.text.published?.precision === 'day' ? a.text.published.value : null });
  for (const act of a.actors) if (!actors.has(act.id)) actors.set(act.id, { id: act.id, name: act.name, kind: act.kind, aliases: act.aliases });
  for (const r of a.reports) {
    const place = r.place ? p.kb.entries.get(r.place.actorId)?.name ?? null : null;
    events.push({ id: r.id, type: 'CONSULT', mode: r.mode, participants: r.participants.map((x) => x.actorId), date: r.date?.value ?? null, location: place,
      mentions: [{ doc: id, start: r.evidence[0].start, end: r.evidence[0].end }] });
    if (process.env.VERBOSE) console.log(id, r.mode, r.participants.map((x) => x.actorId).join(','), r.date?.value ?? '-', place ?? '-', '|', text.slice(r.evidence[0].start, r.evidence[0].end).slice(0, 140));
  }
}
writeFileSync(out, JSON.stringify({ documents: docs, actors: [...actors.values()], events }, null, 1));
