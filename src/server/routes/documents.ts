// Documents: the paged list, and one document with its text and every span found in it.
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DocumentSummary, Store } from '../../store/store.ts';
import { HttpError } from '../errors.ts';
import { idParams, pageQuery } from '../schemas.ts';

/** What a reader needs to cite a document: never its text. */
export function documentMetaOf(doc: DocumentSummary & { text?: string }) {
  const meta = doc.meta ?? {};
  const titleFromText = doc.title && doc.text !== undefined ? doc.text.slice(doc.title.start, doc.title.end) : null;
  return {
    id: doc.id,
    title: (typeof meta.title === 'string' && meta.title) || titleFromText,
    outlet: typeof meta.outlet === 'string' ? meta.outlet : null,
    url: typeof meta.url === 'string' ? meta.url : null,
    author: typeof meta.author === 'string' ? meta.author : null,
    published: doc.published?.value ?? (typeof meta.published === 'string' ? meta.published : null),
    language: doc.language,
    // the file's name only: where the server keeps its files is nobody's business
    file: doc.path ? basename(doc.path) : null,
  };
}

/** The most text one request for part of a document returns. */
export const MAX_TEXT_PART = 200_000;

export function registerDocumentRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: { q?: string; outlet?: string; limit: number; offset: number } }>(
    '/api/documents',
    {
      schema: {
        summary: 'Documents, a page at a time',
        tags: ['documents'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 200, description: 'part of the id, title or path' },
            outlet: { type: 'string', minLength: 1, maxLength: 200 },
            ...pageQuery,
          },
        },
      },
    },
    async (request) => {
      const { q, outlet, limit, offset } = request.query;
      return await store.browse().listDocuments(q?.trim() || undefined, outlet, { limit, offset });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { start: number; end?: number } }>(
    '/api/documents/:id/text',
    {
      schema: {
        summary: 'Part of a document\'s text (JavaScript string offsets, end exclusive; at most 200,000 characters)',
        tags: ['documents'],
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            start: { type: 'integer', minimum: 0, default: 0 },
            end: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request) => {
      const doc = await store.getDocument(request.params.id);
      if (!doc) throw new HttpError('not-found', `no document ${request.params.id}`);
      const start = Math.min(request.query.start, doc.text.length);
      const end = Math.min(request.query.end ?? start + MAX_TEXT_PART, doc.text.length);
      if (end < start) throw new HttpError('bad-request', `end (${end}) is before start (${start})`);
      if (end - start > MAX_TEXT_PART) throw new HttpError('bad-request', `at most ${MAX_TEXT_PART} characters at a time, not ${end - start}`);
      return { id: doc.id, length: doc.text.length, start, end, text: doc.text.slice(start, end) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    { schema: { summary: 'One document with its text and every span', tags: ['documents'], params: idParams } },
    async (request) => {
      const doc = await store.getDocument(request.params.id);
      if (!doc) throw new HttpError('not-found', `no document ${request.params.id}`);
      const browse = store.browse();
      return {
        ...documentMetaOf(doc),
        meta: doc.meta,
        hash: doc.hash,
        ingestedAt: doc.ingestedAt,
        text: doc.text,
        spans: {
          title: doc.title,
          published: doc.published,
          noise: doc.noise,
          mentions: await browse.documentMentions(doc.id),
          reports: await browse.documentReports(doc.id),
        },
      };
    },
  );
}
