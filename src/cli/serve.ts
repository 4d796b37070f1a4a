// `parley serve`: the API and the web app on http://127.0.0.1:PORT (loopback unless --host).
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { ParleyError } from '../core/errors.ts';
import { buildServer } from '../server/app.ts';
import { createWorkerPool } from '../pipeline/worker-pool.ts';
import { resolveNameQuery } from '../actors/resolve-name-query.ts';
import { loadPlaceCoordinates } from '../kb/place-coordinates.ts';
import { newToken, tokenWeakness } from '../server/guard.ts';
import { readTokensFile } from '../server/tokens-file.ts';
import { buildWeb } from '../server/build-web.ts';
import { openJobsView } from '../queue/ingest-queue.ts';
import { isPostgresUrl } from '../store/open-store.ts';
import { type CliContext, dbLabel, dbPath, openForReading, writeLine } from './context.ts';
import { localKnowledgeBase, makePipeline } from './ingest.ts';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  token?: string;
  tokens?: string;
  allowHost: string[];
  private?: boolean;
  build: boolean;
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the API and the web app (read-only unless a token is set)')
    .option('--db <file>', 'SQLite database (default $PARLEY_DB or ./parley.db)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4178')
    .option('--host <address>', 'address to listen on; anything but loopback exposes the server', '127.0.0.1')
    .option('--token <token>', 'API token that allows changes (default $PARLEY_TOKEN); without one the server is read-only')
    .option('--tokens <file>', 'analysts\' own tokens, one "name token" a line (or JSON): a change is recorded in its token holder\'s name')
    .option('--allow-host <name>', 'a host name the server answers for besides loopback and --host (repeatable); other Host headers get 421', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--private', 'reads need the token too')
    .option('--no-build', 'do not build the web app when web/dist is missing')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ParleyError('usage', `--port wants 0-65535, not "${flags.port}"`);
      if (flags.token && flags.tokens) throw new ParleyError('usage', '--token and --tokens: give one (with --tokens every change is made in an analyst\'s name)');
      // with analysts' own tokens, the shared one is not used: every change has a named author
      const token = flags.tokens ? null : (flags.token ?? ctx.env.PARLEY_TOKEN ?? null);
      const weakness = token === null ? null : tokenWeakness(token);
      if (weakness) throw new ParleyError('usage', weakness);
      const analysts = flags.tokens ? readTokensFile(flags.tokens) : [];
      if (flags.tokens && process.platform !== 'win32' && (statSync(flags.tokens).mode & 0o077) !== 0) {
        writeLine(ctx.stderr, `parley: ${flags.tokens} can be read by other users of this machine: \`chmod 600 ${flags.tokens}\` keeps the tokens yours`);
      }
      const writable = token !== null || analysts.length > 0;
      if (flags.private && !writable) throw new ParleyError('usage', '--private needs a token (--token, --tokens or PARLEY_TOKEN)');
      // the database first: one that is missing, damaged or of another schema version (serve never
      // migrates) stops here with one line saying what to run, before the web app is built
      const store = openForReading(ctx, flags.db);
      let pipeline: ReturnType<typeof makePipeline>;
      try {
        // the analyst's own actors (parley kb import --db) on top of the shipped base (a PostgreSQL
        // schema is checked at this first read)
        pipeline = makePipeline(await localKnowledgeBase(store));
      } catch (error) {
        await store.close();
        throw error;
      }
      if (flags.build) {
        try {
          await buildWeb({ quiet: true });
        } catch (error) {
          writeLine(ctx.stderr, `parley: the web app could not be built (${(error as Error).message}); serving the API only`);
        }
      }
      // the queue lives in the record's PostgreSQL: /api/jobs shows it
      const jobs = isPostgresUrl(dbPath(ctx, flags.db)) ? openJobsView(dbPath(ctx, flags.db)) : undefined;
      const { app } = await buildServer({
        store,
        token,
        analysts,
        allowedHosts: [flags.host, ...flags.allowHost],
        privateReads: !!flags.private,
        pipeline: () => pipeline,
        // uploads are analyzed on a thread of their own: the API keeps answering meanwhile
        pool: () => createWorkerPool(1, { kb: pipeline.kb }),
        kbEntry: (id) => pipeline.kb.entries.get(id),
        resolveName: (query) => resolveNameQuery(pipeline.kb, query),
        placeCoordinates: loadPlaceCoordinates(),
        jobs,
      });
      const address = await app.listen({ port, host: flags.host });
      if (!['127.0.0.1', '::1', 'localhost'].includes(flags.host)) {
        writeLine(ctx.stderr, `parley: listening on ${flags.host}: other machines can reach this server${writable ? '' : ' (read-only)'}`);
      }
      writeLine(ctx.stdout, `parley: serving ${dbLabel(ctx, flags.db)} at ${address} (${analysts.length > 0 ? `changes allowed to ${analysts.length} analyst(s), in their names` : token ? 'changes allowed with the token' : 'read-only'})`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void app.close().then(async () => {
            await store.close();
            await jobs?.close();
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

/**
 * `parley token`: prints a new API token (256 random bits) for `serve --token`; with --name, a line
 * for the `serve --tokens` file (`parley token --name "Dana Levi" >> analysts.txt`).
 */
export function registerToken(program: Command, ctx: CliContext): void {
  program
    .command('token')
    .description('print a new API token for `parley serve --token` (256 random bits)')
    .option('--name <analyst>', 'print "NAME TOKEN", a line for the `serve --tokens` file')
    .action((flags: { name?: string }) => {
      const name = flags.name?.trim();
      if (flags.name !== undefined && (!name || /[\p{Cc}\p{Cf}]/u.test(name) || name.length > 100)) {
        throw new ParleyError('usage', '--name wants 1-100 characters without control characters');
      }
      writeLine(ctx.stdout, name ? `${name} ${newToken()}` : newToken());
    });
}
