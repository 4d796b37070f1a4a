// Test support: what the whole pipeline (shipped knowledge base and lexicons) finds in one
// sentence of a text dated 2024-11-20 (a Wednesday), or under another dateline, as comparable rows.
import { createPipeline, type Pipeline } from '../pipeline/analyze.ts';

let pipeline: Pipeline | null = null;

export interface SentenceEvent {
  who: string;
  mode: string;
  date: string | null;
  place: string | null;
}

export function sentenceEvents(body: string, dateline = '2024-11-20'): SentenceEvent[] {
  pipeline ??= createPipeline();
  const text = `${dateline}\n\n${body}\n`;
  return pipeline
    .analyze({ id: 'doc', hash: 'h', text, source: {}, meta: {} })
    .reports.map((r) => ({ who: r.participants.map((p) => p.actorId).sort().join(' '), mode: r.mode, date: r.date?.value ?? null, place: r.place?.actorId ?? null }));
}
