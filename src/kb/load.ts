// Reading the generated base (data/kb/generated/*.jsonl, one entry a line) beside the
// hand-written one. The generated files are JSON lines, not JSON arrays, so that
// loadKnowledgeBase (which reads every *.json array under data/kb/) does not pick them up
// unasked: a pipeline uses them through loadFullKnowledgeBase() (or PARLEY_KB=full, see
// kbFromEnv).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbEntry } from '../core/types.ts';
import { buildKnowledgeBase, DEFAULT_KB_DIR, loadKnowledgeBase, type KnowledgeBase } from '../actors/knowledge-base.ts';
import type { GeneratedEntry, Link } from './build.ts';
import { DEFAULT_GENERATED_DIR, readHandWritten } from './generate.ts';

export function* readJsonl<T>(path: string): Generator<T> {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) yield JSON.parse(text.slice(start, end)) as T;
    start = end + 1;
  }
}

/** The generated entries (people, places) of a folder, with the source fields they carry. */
export function readGenerated(dir: string = DEFAULT_GENERATED_DIR): GeneratedEntry[] {
  const out: GeneratedEntry[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.jsonl') || name === 'links.jsonl') continue;
    for (const e of readJsonl<GeneratedEntry>(join(dir, name))) out.push(e);
  }
  return out;
}

export function readLinks(dir: string = DEFAULT_GENERATED_DIR): Link[] {
  const path = join(dir, 'links.jsonl');
  return existsSync(path) ? [...readJsonl<Link>(path)] : [];
}

/**
 * Only what the matcher and the event stages read of a generated entry: the source ids,
 * coordinates and population stay in the files (and in `parley kb` answers), not in every
 * thread's copy of the base.
 */
export function compact(e: GeneratedEntry): KbEntry {
  const { source: _s, lat: _lat, lon: _lon, population: _p, ...entry } = e;
  return entry;
}

/** Hand-written entries first (they win where ids meet), then the generated ones. */
export function loadFullKnowledgeBase(options: { handDir?: string; generatedDir?: string; extra?: KbEntry[] } = {}): KnowledgeBase {
  const entries: KbEntry[] = readHandWritten(options.handDir ?? DEFAULT_KB_DIR);
  for (const e of readGenerated(options.generatedDir)) entries.push(compact(e));
  if (options.extra) entries.push(...options.extra);
  return buildKnowledgeBase(entries);
}

/** PARLEY_KB=full: the hand-written and generated base; anything else: the hand-written one. */
export function kbFromEnv(env: NodeJS.ProcessEnv = process.env): KnowledgeBase {
  return env.PARLEY_KB === 'full' ? loadFullKnowledgeBase() : loadKnowledgeBase();
}
