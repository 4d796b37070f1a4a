// parley kb: the knowledge base generated from open data.
//   parley kb import [--data DIR] [--holders FILE]... [--entities FILE]... [--out DIR] [--json]
//   parley kb import --db FILE local-actors.json|csv ...   (an analyst's own actors, kept in that database)
//   parley kb holders <role> <of> [date] [--json]
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../core/errors.ts';
import { roleActiveOn } from '../actors/knowledge-base.ts';
import { DEFAULT_GENERATED_DIR, generateKnowledgeBase, readHandWritten, writeGenerated } from '../kb/generate.ts';
import { type CliContext, dbPath, openForWriting, parsePartialDate, writeLine } from './context.ts';
import { readLocalActors } from '../kb/local-actors.ts';
import { defaultKnowledgeBase, readGenerated } from '../kb/load.ts';
import { basename } from 'node:path';
import { table } from './format.ts';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const collect = (value: string, list: string[]) => [...list, value];

export function registerKb(program: Command, ctx: CliContext): void {
  const kb = program.command('kb').enablePositionalOptions().description('the knowledge base generated from open data (Wikidata, GeoNames)');
  kb.command('import')
    .description('regenerate the generated base from open data and the hand-written entries (hand-written entries win)')
    .option('--data <dir>', 'folder laid out like ../shared/data (wikidata-office-holders/, geonames/)', ctx.env.PARLEY_KB_DATA || DEFAULT_DATA_DIR)
    .option('--holders <file>', "more office holders: holders21-shaped CSV, or the query service's CSV/JSON answer to data/kb/wikidata/office-holders.rq (repeatable)", collect, [])
    .option('--entities <file>', 'Wikidata entity dump in JSON lines: labels and aliases of imported people in every language (repeatable)', collect, [])
    .option('--out <dir>', 'where to write people.jsonl, places.jsonl, links.jsonl', DEFAULT_GENERATED_DIR)
    .option('--native-names', 'add Arabic, Persian, Hebrew and Cyrillic spellings derived from the transliteration tables')
    .option('--json', 'print a JSON summary')
    .argument('[files...]', 'with --db: local actors (.json or .csv, see src/kb/local-actors.ts) to store in that database')
    .option('--db <file>', 'store the files given as local actors in this database (loaded on top of the shipped base at ingest; kept when the shipped base is upgraded)')
    .action(async (files: string[], flags: { data: string; holders: string[]; entities: string[]; out: string; nativeNames?: boolean; json?: boolean; db?: string }) => {
      if (flags.db !== undefined || files.length) return importLocal(ctx, files, flags.db, flags.json === true);
      for (const f of [flags.data, ...flags.holders, ...flags.entities]) if (!existsSync(f)) throw new ParleyError('usage', `no such file or folder: ${f}`);
      const tty = !flags.json && ctx.stderr.isTTY === true;
      const started = Date.now();
      const result = await generateKnowledgeBase({
        dataDir: flags.data,
        holderFiles: flags.holders,
        entityFiles: flags.entities,
        nativeNames: flags.nativeNames === true,
        handWritten: readHandWritten(),
        progress: tty ? (stage, n) => ctx.stderr.write(`\r${stage}: ${n.toLocaleString('en')}      `) : undefined,
      });
      if (tty) ctx.stderr.write('\n');
      writeGenerated(result, flags.out);
      const summary = {
        out: flags.out,
        people: result.people.length,
        peopleWithRoles: result.people.filter((p) => p.roles?.length).length,
        places: result.places.length,
        placesWithCoordinates: result.places.filter((p) => p.lat !== undefined).length,
        links: result.links.length,
        jurisdictionsKeptAsIds: result.unresolvedJurisdictions,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
      if (flags.json) return writeLine(ctx.stdout, JSON.stringify(summary, null, 2));
      writeLine(ctx.stdout, `${summary.people} people (${summary.peopleWithRoles} with dated roles), ${summary.places} places (${summary.placesWithCoordinates} with coordinates), ${summary.links} hand-written entries linked to their open-data ids`);
      writeLine(ctx.stdout, `written to ${flags.out} in ${summary.seconds} s`);
    });
  kb.command('holders')
    .description("who held a role of a country on a date, from the hand-written and generated base (e.g. kb holders foreign-minister iran 2023-05-03)")
    .argument('<role>', 'role key (data/kb/ROLES.md) or position label')
    .argument('<of>', 'country or organization id')
    .argument('[date]', 'YYYY, YYYY-MM or YYYY-MM-DD (default: any time)')
    .option('--dir <dir>', 'generated base folder', DEFAULT_GENERATED_DIR)
    .option('--json', 'print JSON')
    .action((role: string, of: string, date: string | undefined, flags: { dir: string; json?: boolean }) => {
      const on = date ? parsePartialDate(date, 'date') : null;
      const found = holdersOf([...readHandWritten(), ...readGenerated(flags.dir)], role, of, on);
      if (flags.json) return writeLine(ctx.stdout, JSON.stringify(found, null, 2));
      if (!found.length) return writeLine(ctx.stdout, `no ${role} of ${of}${on ? ` on ${on}` : ''} in the base`);
      writeLine(ctx.stdout, table(['id', 'name', 'from', 'to', 'source'], found.map((f) => [f.id, f.name, f.from ?? '', f.to ?? '', f.source])));
    });
}

/** parley kb import --db FILE local.json|csv ...: checked, then stored in the database. */
async function importLocal(ctx: CliContext, files: string[], db: string | undefined, json: boolean): Promise<void> {
  if (!db) throw new ParleyError('usage', `local actors files are kept in a database: give --db FILE (files: ${files.join(', ')})`);
  if (!files.length) throw new ParleyError('usage', 'kb import --db wants one or more local actors files (.json or .csv)');
  const byFile = files.map((file) => ({ file, entries: readLocalActors(file) }));
  const store = openForWriting(ctx, db);
  try {
    // every id a local actor points at (country, within, a role's "of") is in the shipped base, the
    // database's earlier local actors or these files
    const ids = new Set([...(await store.localActors()).map((e) => e.id), ...byFile.flatMap((f) => f.entries.map((e) => e.id))]);
    const base = defaultKnowledgeBase();
    for (const { file, entries } of byFile)
      for (const e of entries)
        for (const ref of [e.country, e.within, ...(e.roles ?? []).map((r) => r.of)])
          if (ref && !ids.has(ref) && !base.entries.has(ref)) throw new ParleyError('usage', `${file}: actor "${e.id}" points at "${ref}", which is no id of the knowledge base or of the local actors`);
    const counts: { file: string; added: number; replaced: number }[] = [];
    for (const { file, entries } of byFile) counts.push({ file, ...(await store.saveLocalActors(entries, basename(file))) });
    const total = (await store.localActors()).length;
    if (json) return writeLine(ctx.stdout, JSON.stringify({ db: dbPath(ctx, db), files: counts, localActors: total }, null, 2));
    for (const c of counts) writeLine(ctx.stdout, `${c.file}: ${c.added} actors added, ${c.replaced} replaced`);
    writeLine(ctx.stdout, `${dbPath(ctx, db)} now holds ${total} local actors, loaded on top of the shipped knowledge base at ingest`);
  } finally {
    await store.close();
  }
}

export interface HolderAnswer {
  id: string;
  name: string;
  from?: string;
  to?: string | null;
  source: string;
}

/** Every person holding `role` of `of` on `date` (any time when null), earliest term first. */
export function holdersOf(entries: Array<{ id: string; kind: string; name: string; roles?: Array<{ role: string; of?: string; from?: string; to?: string | null }>; source?: { wikidata?: string } }>, role: string, of: string, date: string | null): HolderAnswer[] {
  const out: HolderAnswer[] = [];
  for (const e of entries) {
    if (e.kind !== 'person') continue;
    for (const r of e.roles ?? []) {
      if (r.role !== role || r.of !== of || !roleActiveOn(r, date)) continue;
      out.push({ id: e.id, name: e.name, from: r.from, to: r.to ?? null, source: e.source?.wikidata ? `wikidata ${e.source.wikidata}` : 'hand-written' });
    }
  }
  return out.sort((a, b) => (a.from ?? '') < (b.from ?? '') ? -1 : 1);
}
