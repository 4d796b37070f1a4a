// Test helper: the shared corpus, when this machine has it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const CORPUS_ROOT = '/work/shared/corpus';

export interface CorpusDoc {
  id: string;
  dir: string;
  text: string;
  published: string | null;
}

export function corpusAvailable(): boolean {
  return existsSync(`${CORPUS_ROOT}/seeds/gold.jsonl`) && existsSync(`${CORPUS_ROOT}/dev/gold.jsonl`);
}

export function readCorpus(): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (const dir of ['seeds', 'dev']) {
    const root = `${CORPUS_ROOT}/${dir}`;
    if (!existsSync(`${root}/gold.jsonl`)) continue;
    const gold = new Map<string, string | null>();
    for (const line of readFileSync(`${root}/gold.jsonl`, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const g = JSON.parse(line) as { doc: string; published: string | null };
      gold.set(g.doc, g.published ?? null);
    }
    for (const f of readdirSync(root).filter((n) => n.endsWith('.txt'))) {
      const id = f.slice(0, -4);
      docs.push({ id, dir, text: readFileSync(`${root}/${f}`, 'utf8'), published: gold.get(id) ?? null });
    }
  }
  return docs;
}

export function corpusDoc(id: string): CorpusDoc | undefined {
  return readCorpus().find((d) => d.id === id);
}
