// Ingest by upload: POST an article (text, HTML) or a feed, then poll the job for progress.
import type { FastifyInstance } from 'fastify';
import { type Credential, type Keyring, requireWriter } from '../auth.ts';
import { HttpError } from '../errors.ts';
import type { IngestJobs, Upload } from '../ingest-jobs.ts';

/** Whose an upload is: the analyst's name, or '' for the one shared token. */
const ownerKey = (holder: Credential) => holder.name ?? '';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function registerIngestRoutes(app: FastifyInstance, jobs: IngestJobs, keys: Keyring): void {
  app.post<{ Body: Upload }>(
    '/api/ingest',
    {
      bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      schema: {
        summary: 'Upload an article or a feed to ingest (needs the API token); returns a job to poll',
        tags: ['ingest'],
        body: {
          type: 'object',
          required: ['format', 'content'],
          additionalProperties: false,
          properties: {
            format: { type: 'string', enum: ['text', 'html', 'feed'] },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            content: { type: 'string', minLength: 1, maxLength: MAX_UPLOAD_BYTES },
            outlet: { type: 'string', maxLength: 200, description: 'who published it (else the host of url)' },
            url: { type: 'string', maxLength: 2000, description: 'where it was published (http or https)' },
          },
        },
      },
    },
    async (request, reply) => {
      const holder = requireWriter(request, keys);
      reply.code(202);
      return jobs.submit(request.body, ownerKey(holder));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/ingest/:id',
    {
      schema: {
        summary: 'Progress and result of an upload (needs the token it was uploaded with: an upload is its uploader\'s)',
        tags: ['ingest'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      },
    },
    async (request, reply) => {
      // job ids are sequential: without this, anyone could read what was uploaded; and a job is
      // its uploader's: another analyst's token finds nothing (as if there were no such job)
      const holder = requireWriter(request, keys);
      const job = jobs.get(request.params.id, ownerKey(holder));
      if (!job) throw new HttpError('not-found', `no ingest job ${request.params.id}`);
      reply.header('cache-control', 'no-store');
      return job;
    },
  );
}
