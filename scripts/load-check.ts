// Load check (a script, not a timed test): generates a database of 100,000 events, serves it on
// 127.0.0.1, and measures the latency of event-list and event-page requests over HTTP.
// Target: p95 under 50 ms for both. Usage:
//   node --import ./src/runtime/register.mjs scripts/load-check.ts [--events 100000] [--requests 400] [--db file|postgres://...] [--keep]
// Deep pages are asked as the web app asks them: "next" by the cursor the list answered (after=).
// Besides wall and CPU time it counts the SQL statements each request runs, and on PostgreSQL
// adds the CPU time of the server's backends (read from /proc: the database runs on this machine).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DocActor, DocumentAnalysis, EventMode, EventReport, Span } from '../src/core/types.ts';
import { buildServer } from '../src/server/app.ts';
import { isPostgresUrl, openStore } from '../src/store/open-store.ts';
import { prng } from './prng.ts';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const TARGET_EVENTS = Number(option('events', '100000'));
const REQUESTS = Number(option('requests', '400'));
const KEEP = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'parley-load-'));
const DB = option('db', join(dir, 'load.db'));

// Statements per request: every query of node-postgres's clients, every run of a SQLite statement.
let statements = 0;
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return pgQuery.apply(this, args);
};
{
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'get' | 'all' | 'run' | 'iterate', (...args: unknown[]) => unknown>;
  for (const method of ['get', 'all', 'run', 'iterate'] as const) {
    const original = statement[method];
    statement[method] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
  probe.close();
}

// A deterministic generator, so runs compare.
const random = prng(20240601);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const PEOPLE = Array.from({ length: 600 }, (_, i) => ({ id: `person-${i}`, name: `Person ${i} Example` }));
const PLACES = Array.from({ length: 80 }, (_, i) => ({ id: `place-${i}`, name: `City${i}` }));
const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${i}`);
const MODES: EventMode[] = ['meet', 'visit', 'host', 'phone', 'video'];
const WORDS = ['trade', 'security', 'energy', 'climate', 'border', 'sanctions', 'grain', 'talks', 'summit', 'ceasefire'];

function day(): string {
  const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A small article with one meeting, every span pointing into its text. */
function article(n: number): DocumentAnalysis {
  const count = random() < 0.8 ? 2 : 3;
  const people = new Set<(typeof PEOPLE)[number]>();
  // a few people are much more active than the rest, as in the news
  while (people.size < count) people.add(random() < 0.3 ? PEOPLE[Math.floor(random() * 20)] : pick(PEOPLE));
  const who = [...people];
  const place = pick(PLACES);
  const date = day();
  const mode = pick(MODES);
  const topic = pick(WORDS);
  const title = `${who[0].name} and ${who[1].name} discuss ${topic}`;
  let text = `${title}\n\n`;
  const sentenceStart = text.length;
  const spans: Span[] = [];
  text += `${who[0].name}`;
  spans.push({ start: sentenceStart, end: text.length });
  text += ' met ';
  const trigger = { start: text.length - 4, end: text.length - 1 };
  for (let i = 1; i < who.length; i++) {
    if (i > 1) text += ' and ';
    const start = text.length;
    text += who[i].name;
    spans.push({ start, end: text.length });
  }
  text += ' in ';
  const placeSpan = { start: text.length, end: text.length + place.name.length };
  text += `${place.name} on `;
  const dateSpan = { start: text.length, end: text.length + date.length };
  text += `${date} to discuss ${topic} and ${pick(WORDS)}.`;
  const evidence = { start: sentenceStart, end: text.length };
  text += `\n\nOfficials described the talks on ${topic} as useful. Item ${n}.\n`;
  const docId = `load-${n}`;
  const hash = createHash('sha256').update(text).digest('hex');
  const actors: DocActor[] = [
    ...who.map((p) => ({ id: p.id, kind: 'person' as const, name: p.name, aliases: [p.name], fromKb: false })),
    { id: place.id, kind: 'place', name: place.name, aliases: [place.name], fromKb: false, placeType: 'city' },
  ];
  const report: EventReport = {
    id: `r-${createHash('sha1').update(docId).digest('hex').slice(0, 16)}`,
    docId,
    type: 'CONSULT',
    mode,
    trigger,
    evidence: [evidence],
    participants: who.map((p, i) => ({ actorId: p.id, spans: [spans[i]] })),
    date: { value: date, span: dateSpan },
    place: { actorId: place.id, span: placeSpan },
  };
  return {
    document: { id: docId, hash, text, source: { path: `${docId}.txt` }, meta: { outlet: pick(OUTLETS), title } },
    text: { language: 'en', title: { start: 0, end: title.length }, published: null, noise: [], sentences: [], tokens: [] },
    actors,
    mentions: [
      ...who.map((p, i) => ({ ...spans[i], actorIds: [p.id], kind: 'person' as const, via: 'alias' as const })),
      { ...placeSpan, actorIds: [place.id], kind: 'place' as const, via: 'alias' as const },
    ],
    reports: [report],
    diagnostics: [],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(label: string, times: number[]): { label: string; p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { label, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

/**
 * The check fills its database with generated events: a PostgreSQL database must be empty or one
 * holding Parley's tables (one it filled before), never a database with other work in it.
 */
async function refuseForeignDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.name);
    const stats = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'event_reports'`)).rows[0];
    if (tables.length > 0 && Number(stats.n) === 0) {
      const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', ...' : '');
      console.error(`load-check: ${url.replace(/:[^:@/]*@/, ':***@')} holds tables that are not Parley's (${shown}); the check writes generated events into its database: give it an empty database of its own (createdb parley_load)`);
      process.exit(2);
    }
  } finally {
    await client.end();
  }
}

/** The CPU time a process has run, in ns (the first field of /proc/<pid>/schedstat; 0 when gone). */
function schedNs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

/**
 * Statistics for the planner where autovacuum would have gathered them: a table changed by more
 * than its threshold (10% of its rows and 50) since it was last analyzed. A server with
 * autovacuum off (or behind a bulk fill) plans the list's queries on no statistics at all, which
 * a deployed one does not.
 */
async function analyzeStale(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stale = (
      await client.query<{ name: string }>(`SELECT relname AS name FROM pg_stat_user_tables
        WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup ORDER BY relname`)
    ).rows.map((r) => r.name);
    for (const name of stale) await client.query(`ANALYZE "${name.replace(/"/g, '""')}"`);
    if (stale.length) process.stderr.write(`analyzed ${stale.length} tables changed since their statistics (${stale.join(', ')})\n`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (isPostgresUrl(DB)) await refuseForeignDatabase(DB);
  const fresh = !isPostgresUrl(DB) && !existsSync(DB);
  // the check's own connections are named, so their backends' CPU time can be read
  const store = openStore(isPostgresUrl(DB) ? `${DB}${DB.includes('?') ? '&' : '?'}application_name=parley-load-check` : DB);
  if (fresh || (await store.counts()).events < TARGET_EVENTS) {
    const started = performance.now();
    let n = (await store.counts()).documents;
    while ((await store.counts()).events < TARGET_EVENTS) {
      const missing = TARGET_EVENTS - (await store.counts()).events;
      for (let left = missing; left > 0; left -= 1000) {
        await store.saveBatch(Array.from({ length: Math.min(1000, left) }, () => article(n++)));
      }
      process.stderr.write(`\rgenerated ${(await store.counts()).events} events`);
    }
    process.stderr.write(`\n${(await store.counts()).events} events from ${n} articles in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  const indexStarted = performance.now();
  // the check writes its database: it brings the browse index up to date (a database made by an
  // older Parley), as every write command does; the server only reads it
  const indexed = await store.browse().sync();
  process.stderr.write(`${indexed} summaries indexed in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s\n`);
  if (isPostgresUrl(DB)) await analyzeStale(DB);
  const { app } = await buildServer({ store, webRoot: null });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const counts = await store.counts();

  // Wall time, and the CPU time this process spent on the request (server and client): on a
  // machine shared with other work the CPU time is what the request itself costs. On PostgreSQL
  // the time its backends ran for the check's connections is added (/proc/<pid>/schedstat).
  const monitor = isPostgresUrl(DB) ? new pg.Client({ connectionString: DB }) : null;
  await monitor?.connect();
  let backends: number[] = [];
  let requests = 0;
  const backendNs = (): number => backends.reduce((sum, pid) => sum + schedNs(pid), 0);
  const cpu: Record<string, number[]> = {};
  const dbCpu: Record<string, number[]> = {};
  const counted: Record<string, number[]> = {};
  let bucket = 'warm-up';
  const timed = async (url: string): Promise<number> => {
    if (requests++ % 25 === 0) backends = await backendPids();
    const b0 = backendNs();
    const s0 = statements;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const response = await fetch(base + url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    const wall = performance.now() - t0;
    const used = process.cpuUsage(c0);
    (counted[bucket] ??= []).push(statements - s0);
    const db = (backendNs() - b0) / 1e6;
    (dbCpu[bucket] ??= []).push(db);
    (cpu[bucket] ??= []).push((used.user + used.system) / 1000 + db);
    return wall;
  };
  // the backends of the pool's connections, looked up again every 25 requests (an idle
  // connection the pool closed is replaced by another backend)
  async function backendPids(): Promise<number[]> {
    if (!monitor) return [];
    const found = await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'parley-load-check'`);
    return found.rows.map((r) => r.pid);
  }
  // "next" on a deep page, as the web app asks it: the cursor the page before answered (the
  // cursors are collected first, untimed, from pages found by offset)
  const deepCursors: string[] = [];
  for (let i = 0; i < 40; i++) {
    const response = await fetch(`${base}/api/events?offset=${Math.floor(random() * Math.min(1999, counts.events / 50 - 1)) * 50}`);
    const { next } = (await response.json()) as { next: string | null };
    if (next) deepCursors.push(next);
  }
  const listUrls = (): string => {
    const active = PEOPLE[Math.floor(random() * 20)].id;
    const year = 2015 + Math.floor(random() * 10);
    const variants = [
      '/api/events',
      `/api/events?after=${pick(deepCursors)}`,
      `/api/events?actor=${pick(PEOPLE).id}`,
      `/api/events?actor=${active}`,
      `/api/events?actor=${active}&actor=${PEOPLE[Math.floor(random() * 20)].id}`,
      `/api/events?from=${year}-03&to=${year}-05`,
      `/api/events?mode=${pick(MODES)}&sort=reports`,
      `/api/events?outlet=${encodeURIComponent(pick(OUTLETS))}`,
      `/api/events?place=${pick(PLACES).id}&order=asc`,
    ];
    return pick(variants);
  };
  // Full-text search apart: the generated articles share ten topic words, so every word matches
  // a tenth to a fifth of the database, far more than a real search does.
  const searchUrls = (): string => {
    const active = PEOPLE[Math.floor(random() * 20)].id;
    return pick([`/api/events?q=${pick(WORDS)}+${pick(WORDS)}`, `/api/events?q=${pick(WORDS)}&actor=${active}`]);
  };
  const ids = (await store.browse().listEvents({}, 'date', 'desc', { limit: 200, offset: Math.floor(counts.events / 2) })).items.map((e) => e.id);
  const more = (await store.browse().listEvents({}, 'reports', 'desc', { limit: 50, offset: 0 })).items.map((e) => e.id);
  const eventIds = [...ids, ...more];

  for (let i = 0; i < 20; i++) await timed(listUrls()); // warm-up
  const list: number[] = [];
  const one: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    bucket = 'list';
    list.push(await timed(listUrls()));
    bucket = 'one';
    one.push(await timed(`/api/events/${encodeURIComponent(pick(eventIds))}`));
  }
  bucket = 'search';
  const search: number[] = [];
  for (let i = 0; i < Math.min(100, REQUESTS); i++) search.push(await timed(searchUrls()));
  bucket = 'network';
  const network = [];
  for (let i = 0; i < 20; i++) network.push(await timed(`/api/network?from=${2015 + (i % 10)}&to=${2015 + (i % 10)}`));
  // a deep page by offset (what the API still answers) and by cursor, interleaved
  const deep: Record<'offset' | 'cursor', number[]> = { offset: [], cursor: [] };
  for (let i = 0; i < Math.min(50, REQUESTS); i++) {
    const at = Math.floor(random() * Math.min(1999, counts.events / 50 - 1)) * 50;
    const { next } = (await (await fetch(`${base}/api/events?offset=${at}`)).json()) as { next: string };
    bucket = 'deep offset';
    deep.offset.push(await timed(`/api/events?offset=${at + 50}`));
    bucket = 'deep cursor';
    deep.cursor.push(await timed(`/api/events?after=${next}`));
  }
  await app.close();
  await store.close();
  await monitor?.end();

  const rows = [
    summarize('event list (mixed filters)', list),
    summarize('event page', one),
    summarize('full-text, common words', search),
    summarize('network, one year', network),
    summarize('deep page by offset', deep.offset),
    summarize('deep page by cursor', deep.cursor),
  ];
  const buckets = ['list', 'one', 'search', 'network', 'deep offset', 'deep cursor'];
  const cpuRows = buckets.map((b, i) => summarize(rows[i].label, cpu[b]));
  const dbRows = buckets.map((b, i) => summarize(rows[i].label, dbCpu[b]));
  const statementRows = buckets.map((b, i) => summarize(rows[i].label, counted[b]));
  console.log(`database: ${counts.events} events, ${counts.reports} reports, ${counts.documents} documents, ${counts.actors} actors`);
  console.log(`requests: ${REQUESTS} each over HTTP on 127.0.0.1, one at a time; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('wall time:');
  for (const r of rows) console.log(`  ${r.label.padEnd(28)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  console.log('CPU time per request:');
  for (const r of cpuRows) console.log(`  ${r.label.padEnd(28)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  if (backends.length) {
    console.log(`  of which PostgreSQL's backends (${backends.length}):`);
    for (const r of dbRows) console.log(`  ${r.label.padEnd(28)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  }
  console.log('SQL statements per request:');
  for (const r of statementRows) console.log(`  ${r.label.padEnd(28)} p50 ${r.p50}  p95 ${r.p95}  max ${r.max}`);
  const ok = rows[0].p95 < 50 && rows[1].p95 < 50;
  console.log(ok ? 'target met: event list and event page p95 < 50 ms' : 'TARGET MISSED: p95 must be < 50 ms');
  if (!KEEP && option('db', '') === '') rmSync(dir, { recursive: true, force: true });
  process.exitCode = ok ? 0 : 1;
}

await main();
