// Line-by-line reading of a large text file without holding it: the GeoNames dumps and the
// Wikidata entity dumps are read this way (node:readline over a file stream).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function* readLines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** An id a person can read: lower-case ASCII words joined by hyphens ("São Paulo" -> "sao-paulo"). */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
