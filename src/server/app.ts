// The HTTP server: a JSON API under /api and the built web app. Read-only unless a token is
// given; strict security headers; input validated by schemas; every error is JSON with a code.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { KbEntry } from '../core/types.ts';
import type { Pipeline } from '../pipeline/analyze.ts';
import type { AnalyzerPool } from '../pipeline/worker-pool.ts';
import type { Store } from '../store/store.ts';
import { type Credential, keyring, readKeyOf } from './auth.ts';
import { addGuard } from './guard.ts';
import { addEtags } from './etag.ts';
import { HttpError, toHttpError } from './errors.ts';
import { createIngestJobs, type IngestJobs } from './ingest-jobs.ts';
import { registerActorRoutes } from './routes/actors.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerFramingRoutes } from './routes/framing.ts';
import { registerIngestRoutes } from './routes/ingest.ts';
import { registerJobRoutes, type JobsSource } from './routes/jobs.ts';
import { registerJudgementRoutes } from './routes/judgements.ts';
import { registerSourceRoutes } from './routes/sources.ts';
import type { NameResolver } from './resolve-actors.ts';
import { registerMapRoutes } from './routes/map.ts';
import { registerExportRoutes } from './routes/export.ts';
import { registerFeedRoutes } from './routes/feed.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface ServerOptions {
  store: Store;
  /** The shared API token (its holder unnamed); writes are refused without a token. */
  token?: string | null;
  /** Analysts' own tokens (`serve --tokens FILE`): a change is recorded in its token holder's name. */
  analysts?: readonly Credential[];
  /** host names besides loopback this server answers for (the bound address, --allow-host) */
  allowedHosts?: readonly string[];
  /** reads need the token too (--private) */
  privateReads?: boolean;
  /** Built web app to serve at /; absent or missing folder: API only. */
  webRoot?: string | null;
  /** Makes the pipeline for uploads (created on the first upload). */
  pipeline?: () => Pipeline;
  /** Worker threads that analyze uploads off the server's thread (created on the first upload). */
  pool?: () => AnalyzerPool;
  /** Knowledge-base entry of an actor id, for roles. */
  kbEntry?: (id: string) => KbEntry | undefined;
  /** Resolves names typed in filters (any spelling, script, prefix) to knowledge-base actors. */
  resolveName?: NameResolver;
  /** Place id -> [lon, lat], for the map (none: every event is unplaced). */
  placeCoordinates?: ReadonlyMap<string, readonly [number, number]>;
  logger?: boolean;
  /** The ingest queue, when the record is on PostgreSQL (serves /api/jobs). */
  jobs?: JobsSource;
}

export interface ParleyServer {
  app: FastifyInstance;
  ingestJobs: IngestJobs;
}

const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export async function buildServer(options: ServerOptions): Promise<ParleyServer> {
  const { store } = options;
  const token = options.token || null;
  const keys = keyring([...(token ? [{ name: null, token }] : []), ...(options.analysts ?? [])]);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    // ids are up to 300 characters (schemas.ts), percent-encoded up to three times longer
    routerOptions: { maxParamLength: 1024 },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });

  // before anything else: the Host header, then the token for changes (before any body is read)
  addGuard(app, { keys, allowedHosts: options.allowedHosts, privateReads: options.privateReads });
  app.setErrorHandler((error, request, reply) => {
    const { status, body, bug } = toHttpError(error);
    if (bug) request.log.error(error);
    if (bug && process.env.PARLEY_DEBUG_LOG === '1') process.stderr.write(`${(error as Error).stack}\n`);
    reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toHttpError(new HttpError('not-found', `no route ${request.method} ${request.url.split('?')[0]}`));
    reply.code(status).send(body);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CSP,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Parley API',
        version: '0.1.0',
        description:
          'Reported political meetings with their sources. GET is open unless the server is private; writes need `Authorization: Bearer <token>`. ' +
          'Errors are `{ "error": { "code", "message" } }`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  addEtags(app);

  // The browse index is kept by the writers (store/browse-maintenance.ts): serving never writes it.
  let pipeline: Pipeline | null = null;
  // one pool for every upload, made on the first and closed with the server
  let pool: AnalyzerPool | null = null;
  const poolOf = options.pool ? () => (pool ??= options.pool!()) : undefined;
  app.addHook('onClose', async () => {
    await ingestJobs.idle();
    await pool?.close();
  });
  const ingestJobs = createIngestJobs(
    store,
    () => {
      if (!options.pipeline) throw new HttpError('internal', 'uploads are not available on this server');
      return (pipeline ??= options.pipeline());
    },
    () => store.browse().sync(),
    poolOf,
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/status', { schema: { summary: 'Database counts, whether this client may write, and in whose name', tags: ['status'] } }, async (request) => {
    const holder = keys.holderOf(request);
    return {
      counts: await store.counts(),
      writable: keys.credentials.length > 0,
      private: options.privateReads === true,
      authorized: holder !== null,
      // with an analyst's own token, the name its changes are recorded under
      analyst: holder?.name ?? null,
    };
  });
  app.get(
    '/api/read-key',
    { schema: { summary: "The read key of the caller's API token: add `key=<it>` to a GET link (a download, a feed) that cannot send the token", tags: ['status'] } },
    async (request) => {
      if (keys.credentials.length === 0) throw new HttpError('read-only', 'this server has no API token, so no read key: its reads are open');
      const holder = keys.holderOf(request);
      if (!holder) throw new HttpError('unauthorized', 'the read key is given for an API token only (Authorization: Bearer <token>)');
      return { key: readKeyOf(holder.token), private: options.privateReads === true };
    },
  );
  registerDocumentRoutes(app, store);
  registerActorRoutes(app, store, { kbEntry: options.kbEntry, resolveName: options.resolveName });
  registerEventRoutes(app, store, options.resolveName);
  registerMapRoutes(app, store, options.placeCoordinates ?? new Map(), options.resolveName);
  registerExportRoutes(app, store, options.resolveName);
  registerFeedRoutes(app, store, options.resolveName);
  registerFramingRoutes(app, store);
  registerJudgementRoutes(app, store, keys);
  registerSourceRoutes(app, store, keys);
  registerIngestRoutes(app, ingestJobs, keys);
  if (options.jobs) registerJobRoutes(app, options.jobs);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: 'index.html', wildcard: true });
  } else {
    app.get('/', async (_request, reply) => {
      reply.type('text/plain; charset=utf-8');
      return 'Parley API: the web app is not built (npm run build:web). The API description is at /api/openapi.json.\n';
    });
  }
  await app.ready();
  return { app, ingestJobs };
}
