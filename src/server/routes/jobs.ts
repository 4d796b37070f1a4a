// The ingest queue (`parley ingest --queue`, `parley worker`) as the server sees it: queued,
// running, done and failed jobs with the workers' reasons. Read-only, behind the same guard as
// every read (a token too under --private). Registered only when the record is on PostgreSQL,
// where the queue lives; on SQLite there is no queue and the path is unknown.
import type { FastifyInstance } from 'fastify';
import type { JobsReport } from '../../queue/ingest-queue.ts';

export interface JobsSource {
  report(limit?: number): Promise<JobsReport>;
}

export function registerJobRoutes(app: FastifyInstance, jobs: JobsSource): void {
  app.get<{ Querystring: { failed: number } }>(
    '/api/jobs',
    {
      schema: {
        summary: 'The ingest jobs in the queue: queued, running, done, failed (with the latest failures and their reasons)',
        tags: ['ingest'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { failed: { type: 'integer', minimum: 0, maximum: 100, default: 20, description: 'how many failed jobs to list' } },
        },
      },
    },
    async (request, reply) => {
      // progress changes by the second: never from a cache
      reply.header('cache-control', 'no-store');
      return await jobs.report(request.query.failed);
    },
  );
}
