// Weak ETags on successful GET responses: a client that sends the tag back gets 304 and no body.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export function addEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (reply.getHeader('etag')) return payload;
    const tag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', tag);
    if (!reply.getHeader('cache-control')) reply.header('cache-control', 'no-cache');
    const sent = request.headers['if-none-match'];
    if (sent && sent.split(',').some((t) => t.trim() === tag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
