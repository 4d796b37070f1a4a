// The API in memory (Fastify inject, no port): every route, bad parameters, unknown ids, writes
// without the token, and hostile inputs that must change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';
import { buildServer } from './app.ts';
import { buildFixture, MARKUP_ARTICLE_ID, type Fixture } from './test-fixture.ts';

// a token as `parley token` makes them: weak ones are refused by `serve`
const TOKEN = 'kq3V9xW2pL7mT4sY8bN1cR6dF0gH5jZaQeUuIo-_Pw';
const auth = { authorization: `Bearer ${TOKEN}` };

let fixture: Fixture;
let app: FastifyInstance;
let readOnly: FastifyInstance;
let ingestIdle: () => Promise<void>;

before(async () => {
  fixture = await buildFixture();
  const server = await buildServer({
    store: fixture.store,
    token: TOKEN,
    webRoot: null,
    pipeline: () => fixture.pipeline,
    kbEntry: (id) => fixture.pipeline.kb.entries.get(id),
  });
  app = server.app;
  ingestIdle = server.ingestJobs.idle;
  readOnly = (await buildServer({ store: fixture.store, webRoot: null })).app;
});

after(async () => {
  await app?.close();
  await readOnly?.close();
  await fixture?.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, headers: response.headers, body: response.body ? JSON.parse(response.body) : null };
}

function assertError(response: { status: number; body: { error?: { code: string; message: string } } }, status: number, code: string) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.body.error?.code, code);
  assert.ok(response.body.error.message.length > 0);
}

/** Everything a hostile request could change. */
async function snapshot(store: Store) {
  return JSON.stringify({
    counts: await store.counts(),
    actors: (await store.getActors()).map((a) => [a.id, a.name, a.aliases]),
    events: (await store.browse().listEvents({}, 'date', 'desc', { limit: 200, offset: 0 })).items,
  });
}

describe('status, description and headers', () => {
  test('status says whether the client may write', async () => {
    const open = await get('/api/status');
    assert.equal(open.status, 200);
    assert.equal(open.body.writable, true);
    assert.equal(open.body.authorized, false);
    assert.ok(open.body.counts.events >= 6);
    assert.equal((await get('/api/status', auth)).body.authorized, true);
    assert.equal((await get('/api/status', { authorization: 'Bearer wrong-token' })).body.authorized, false);
  });

  test('the OpenAPI description lists the routes', async () => {
    const { status, body } = await get('/api/openapi.json');
    assert.equal(status, 200);
    assert.match(body.openapi, /^3\./);
    for (const path of ['/api/events', '/api/events/{id}', '/api/actors/{id}', '/api/network', '/api/judgements', '/api/ingest']) {
      assert.ok(body.paths[path], `missing ${path}`);
    }
  });

  test('strict security headers on every response', async () => {
    const { headers } = await get('/api/events');
    const csp = String(headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.ok(headers['x-frame-options']);
  });

  test('GETs carry an ETag and answer 304 when it matches', async () => {
    const first = await get('/api/events?limit=5');
    const tag = String(first.headers.etag);
    assert.match(tag, /^W\/".+"$/);
    const again = await app.inject({ method: 'GET', url: '/api/events?limit=5', headers: { 'if-none-match': tag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const other = await app.inject({ method: 'GET', url: '/api/events?limit=4', headers: { 'if-none-match': tag } });
    assert.equal(other.statusCode, 200);
  });

  test('unknown routes are JSON 404s', async () => {
    assertError(await get('/api/nothing-here'), 404, 'not-found');
  });
});

describe('events', () => {
  test('list with paging and sort', async () => {
    const all = await get('/api/events?limit=200');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, (await fixture.store.counts()).events);
    const dates = all.body.items.map((e: { date: string | null }) => e.date).filter(Boolean);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const page = await get('/api/events?limit=2&offset=2');
    assert.equal(page.body.items.length, 2);
    assert.deepEqual(page.body.items, all.body.items.slice(2, 4));
    const asc = await get('/api/events?sort=date&order=asc&limit=200');
    assert.deepEqual(
      asc.body.items.map((e: { id: string }) => e.id).filter((id: string) => all.body.items.find((x: { id: string; date: string }) => x.id === id)?.date),
      all.body.items.filter((e: { date: string }) => e.date).map((e: { id: string }) => e.id).reverse(),
    );
  });

  test("list by cursor: each page's next gives the page offsets give; a cursor of another sort or a broken one is a 400", async () => {
    const all = (await get('/api/events?limit=200')).body;
    const ids: string[] = [];
    let url = '/api/events?limit=2';
    for (;;) {
      const page = (await get(url)).body;
      assert.equal(page.offset, ids.length, 'the position is reported');
      assert.equal(page.total, all.total);
      ids.push(...page.items.map((e: { id: string }) => e.id));
      if (!page.next) break;
      url = `/api/events?limit=2&after=${page.next}`;
    }
    assert.deepEqual(ids, all.items.map((e: { id: string }) => e.id));
    const { next } = (await get('/api/events?limit=2')).body;
    assert.ok(next);
    assertError(await get(`/api/events?limit=2&order=asc&after=${next}`), 400, 'bad-request');
    assertError(await get(`/api/events?limit=2&mode=phone&after=${next}`), 400, 'bad-request');
    assertError(await get('/api/events?after=bm90IGEgY3Vyc29y'), 400, 'bad-request');
  });

  test('filter by actor, pair, dates, mode, place and words', async () => {
    const xi = await get('/api/events?actor=xi-jinping');
    assert.ok(xi.body.total >= 2);
    for (const e of xi.body.items) assert.ok(e.participants.some((p: { id: string }) => p.id === 'xi-jinping'));
    const pair = await get('/api/events?actor=xi-jinping&actor=vladimir-putin');
    assert.equal(pair.body.total, 1);
    assert.equal(pair.body.items[0].date.slice(0, 7), '2023-03');
    const dated = await get('/api/events?from=2024&to=2024-05');
    assert.ok(dated.body.total >= 1);
    for (const e of dated.body.items) assert.ok(e.date >= '2024' && e.date <= '2024-05-31', e.date);
    const phone = await get('/api/events?mode=phone');
    assert.ok(phone.body.total >= 1);
    for (const e of phone.body.items) assert.equal(e.mode, 'phone');
    const place = phone.body.items[0].place ?? (await get('/api/events?actor=joe-biden&actor=olaf-scholz')).body.items[0].place;
    if (place) {
      const atPlace = await get(`/api/events?place=${encodeURIComponent(place.id)}`);
      for (const e of atPlace.body.items) assert.equal(e.place.id, place.id);
    }
    const words = await get('/api/events?q=telephone');
    assert.equal(words.body.total, 1);
    assert.deepEqual(words.body.items[0].participants.map((p: { id: string }) => p.id).sort(), ['olaf-scholz', 'vladimir-putin']);
    assert.equal((await get('/api/events?q=zzzqqq')).body.total, 0);
  });

  test('bad parameters are 400 with a message', async () => {
    for (const url of [
      '/api/events?limit=0',
      '/api/events?limit=100000',
      '/api/events?offset=-1',
      '/api/events?from=2024-13-01',
      '/api/events?to=yesterday',
      '/api/events?from=2023-02-31',
      '/api/timeline?to=2023-04-31',
      '/api/events?mode=dance',
      '/api/events?sort=name',
      '/api/events?order=up',
      '/api/events?actor=a&actor=b&actor=c',
      '/api/events?unknown=1',
      '/api/network?edges=0',
      '/api/actors?kind=robot',
      '/api/documents?limit=abc',
      '/api/judgements?kind=delete-all',
    ]) {
      const response = await get(url);
      assertError(response, 400, 'bad-request');
    }
    assert.match((await get('/api/events?mode=dance')).body.error.message, /mode/);
    assert.match((await get('/api/events?from=2023-02-31')).body.error.message, /from: "2023-02-31" is not a calendar date: February 2023 has 28 days/);
  });

  test('one event with its reports, quotes and articles; unknown ids are 404', async () => {
    const [item] = (await get('/api/events?actor=xi-jinping&actor=vladimir-putin')).body.items;
    const { status, body } = await get(`/api/events/${item.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body.participants.map((p: { actorId: string }) => p.actorId).sort(), ['vladimir-putin', 'xi-jinping']);
    assert.equal(body.actors['xi-jinping'].name, 'Xi Jinping');
    assert.ok(body.reports.length >= 1);
    for (const report of body.reports) {
      const text: string = body.documents[report.docId].text;
      assert.equal(report.quotes.length, report.evidence.length);
      report.evidence.forEach((span: { start: number; end: number }, i: number) => assert.equal(report.quotes[i], text.slice(span.start, span.end)));
      assert.match(report.quotes.join(' '), /Putin/);
    }
    assertError(await get('/api/events/ev_0000000000000000'), 404, 'not-found');
  });

  test('timeline, network and outlets', async () => {
    const timeline = await get('/api/timeline?actor=xi-jinping');
    assert.equal(timeline.status, 200);
    assert.ok(timeline.body.months.every((m: { month: string }) => /^\d{4}-\d{2}$/.test(m.month)));
    assert.equal(
      timeline.body.months.reduce((n: number, m: { events: number }) => n + m.events, 0),
      (await get('/api/events?actor=xi-jinping')).body.items.filter((e: { date: string | null }) => e.date).length,
    );
    const network = await get('/api/network');
    assert.equal(network.status, 200);
    const edge = network.body.edges.find(
      (e: { source: string; target: string }) => [e.source, e.target].sort().join() === 'vladimir-putin,xi-jinping',
    );
    assert.equal(edge?.weight, 1);
    for (const e of network.body.edges) {
      assert.ok(network.body.nodes.some((n: { id: string }) => n.id === e.source));
      assert.ok(network.body.nodes.some((n: { id: string }) => n.id === e.target));
    }
    const limited = await get('/api/network?edges=2');
    assert.equal(limited.body.edges.length, 2);
    assert.equal(limited.body.truncated, true);
    const ego = await get('/api/network?actor=joe-biden');
    assert.ok(ego.body.edges.length > 0);
    assert.ok(ego.body.nodes.some((n: { id: string }) => n.id === 'joe-biden'));
    assert.equal((await get('/api/outlets')).status, 200);
  });
});

describe('actors and documents', () => {
  test('actor search matches aliases; one actor has roles, timeline and framing', async () => {
    const found = await get('/api/actors?q=scholz');
    assert.ok(found.body.items.some((a: { id: string }) => a.id === 'olaf-scholz'));
    const byAlias = await get(`/api/actors?q=${encodeURIComponent('Путин')}`);
    if (byAlias.body.total > 0) assert.equal(byAlias.body.items[0].id, 'vladimir-putin');
    const { status, body } = await get('/api/actors/xi-jinping');
    assert.equal(status, 200);
    assert.equal(body.name, 'Xi Jinping');
    assert.ok(body.events >= 2);
    assert.ok(Array.isArray(body.roles) && body.roles.length > 0, 'roles from the knowledge base');
    assert.ok(body.timeline.length >= 2);
    assert.equal(typeof body.framing.available, 'boolean');
    assertError(await get('/api/actors/nobody-at-all'), 404, 'not-found');
    assert.equal((await get('/api/framing?actor=xi-jinping')).status, 200);
  });

  test('documents: list and one with text and spans', async () => {
    const list = await get('/api/documents?limit=3');
    assert.equal(list.body.items.length, 3);
    assert.equal(list.body.total, (await fixture.store.counts()).documents);
    const one = await get(`/api/documents/${MARKUP_ARTICLE_ID}`);
    assert.equal(one.status, 200);
    assert.match(one.body.text, /<script>/);
    assert.ok(one.body.spans.mentions.length > 0);
    for (const m of one.body.spans.mentions) assert.ok(m.end <= one.body.text.length && m.start < m.end);
    assert.ok(one.body.spans.reports.length >= 1);
    assertError(await get('/api/documents/no-such-document'), 404, 'not-found');
  });
});

describe('writes', () => {
  const judgement = { kind: 'actor-merge', subjects: ['olaf-scholz', 'joe-biden'], author: 'tester' };

  test('read-only without a configured token; 401 without or with a wrong token', async () => {
    const before = await snapshot(fixture.store);
    const ro = await readOnly.inject({ method: 'POST', url: '/api/judgements', payload: judgement });
    assert.equal(ro.statusCode, 403);
    assert.equal(JSON.parse(ro.body).error.code, 'read-only');
    const none = await app.inject({ method: 'POST', url: '/api/judgements', payload: judgement });
    assert.equal(none.statusCode, 401);
    assert.equal(JSON.parse(none.body).error.code, 'unauthorized');
    const wrong = await app.inject({ method: 'POST', url: '/api/judgements', payload: judgement, headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    const upload = await app.inject({ method: 'POST', url: '/api/ingest', payload: { format: 'text', content: 'x' } });
    assert.equal(upload.statusCode, 401);
    const undo = await app.inject({ method: 'POST', url: '/api/judgements/1/undo', payload: { author: 'x' } });
    assert.equal(undo.statusCode, 401);
    assert.equal(await snapshot(fixture.store), before);
  });

  test('bad write bodies are 400', async () => {
    for (const payload of [
      {},
      { ...judgement, kind: 'drop-table' },
      { ...judgement, subjects: [] },
      { ...judgement, author: '' },
      { ...judgement, extra: 1 },
      { ...judgement, value: { date: '2024-99-99' } },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/api/judgements', payload, headers: auth });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(JSON.parse(response.body).error.code, 'bad-request');
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/judgements', payload: 'kind=actor-merge', headers: { ...auth, 'content-type': 'text/plain' } });
    assert.ok([400, 415].includes(notJson.statusCode));
    const big = await app.inject({
      method: 'POST',
      url: '/api/judgements',
      payload: { ...judgement, reason: 'x'.repeat(300_000) },
      headers: auth,
    });
    assert.equal(big.statusCode, 413);
    assert.equal(JSON.parse(big.body).error.code, 'too-large');
  });

  test('SQL-like and script-like inputs change nothing', async () => {
    const before = await snapshot(fixture.store);
    const hostile = [
      "'; DROP TABLE events; --",
      "x' OR '1'='1",
      '" OR 1=1 --',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'NEAR(a b) OR * AND "',
    ];
    for (const input of hostile) {
      const e = encodeURIComponent(input);
      for (const url of [`/api/events?q=${e}`, `/api/events?actor=${e}`, `/api/events?outlet=${e}&place=${e}`, `/api/actors?q=${e}`, `/api/documents?q=${e}`, `/api/network?actor=${e}`]) {
        const response = await get(url);
        assert.equal(response.status, 200, url);
        if (url.startsWith('/api/events?actor') || url.startsWith('/api/events?outlet')) assert.equal(response.body.total, 0, url);
      }
      for (const url of [`/api/events/${e}`, `/api/actors/${e}`, `/api/documents/${e}`]) {
        const response = await get(url);
        assertError(response, 404, 'not-found');
        assert.match(String(response.headers['content-type']), /application\/json/);
      }
      const judged = await app.inject({
        method: 'POST',
        url: '/api/judgements',
        payload: { kind: 'actor-merge', subjects: [input, 'xi-jinping'], author: input, reason: input },
        headers: auth,
      });
      const expected = typeof fixture.store.addJudgement === 'function' ? [400, 404] : [501];
      assert.ok(expected.includes(judged.statusCode), judged.body);
    }
    assert.equal(await snapshot(fixture.store), before);
  });

  test('judgements: add, list, undo', async (t) => {
    if (typeof fixture.store.addJudgement !== 'function') return t.skip('the store has no judgements yet');
    const before = (await get('/api/events?actor=joe-biden')).body.total;
    const added = await app.inject({
      method: 'POST',
      url: '/api/judgements',
      payload: { kind: 'actor-merge', subjects: ['olaf-scholz', 'joe-biden'], author: 'tester', reason: 'test' },
      headers: auth,
    });
    assert.equal(added.statusCode, 201, added.body);
    const judgement = JSON.parse(added.body);
    assert.equal(judgement.kind, 'actor-merge');
    const listed = await get('/api/judgements');
    assert.ok(listed.body.judgements.some((j: { id: number }) => j.id === judgement.id));
    // the absorbed actor's meetings are now the kept actor's
    const scholz = await get('/api/events?actor=olaf-scholz');
    assert.ok(scholz.body.items.some((e: { date: string }) => e.date?.startsWith('2022-11')), 'Biden-Xi meeting now under Scholz');
    assert.ok((await get('/api/events?actor=joe-biden')).body.total < before);
    const undone = await app.inject({ method: 'POST', url: `/api/judgements/${judgement.id}/undo`, payload: { author: 'tester' }, headers: auth });
    assert.equal(undone.statusCode, 200, undone.body);
    assert.equal((await get('/api/events?actor=joe-biden')).body.total, before);
    assertError(
      await app.inject({ method: 'POST', url: '/api/judgements/999999/undo', payload: { author: 'tester' }, headers: auth }).then((r) => ({
        status: r.statusCode,
        body: JSON.parse(r.body),
      })),
      404,
      'not-found',
    );
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/judgements',
      payload: { kind: 'actor-merge', subjects: ['nobody-1', 'nobody-2'], author: 'tester' },
      headers: auth,
    });
    assert.ok([400, 404].includes(unknown.statusCode), unknown.body);
  });

  test('upload a text article, follow its progress, find its event', async () => {
    const content = `Kishida and Albanese meet in Tokyo\n2024-03-12\n\nTOKYO - Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese in Tokyo on Tuesday, 12 March 2024, to discuss security cooperation.\n`;
    const response = await app.inject({ method: 'POST', url: '/api/ingest', payload: { format: 'text', name: '../../etc/<b>evil</b>', content }, headers: auth });
    assert.equal(response.statusCode, 202, response.body);
    const job = JSON.parse(response.body);
    assert.doesNotMatch(job.name, /[/<>]/);
    await ingestIdle();
    const { status, body } = await get(`/api/ingest/${job.id}`, auth);
    assert.equal(status, 200);
    assert.equal(body.state, 'done', JSON.stringify(body));
    assert.equal(body.result.ingested, 1);
    assert.equal(body.done, body.total);
    const found = await get('/api/events?actor=fumio-kishida&from=2024-03&to=2024-03');
    assert.equal(found.body.total, 1);
    assertError(await get('/api/ingest/999', auth), 404, 'not-found');
    assertError(await get(`/api/ingest/${job.id}`), 401, 'unauthorized');
  });

  test('upload an HTML page and a feed', async () => {
    const html = `<html><head><title>Scholz meets Meloni</title></head><body><article><h1>Scholz meets Meloni in Rome</h1>
      <p>ROME - German Chancellor Olaf Scholz met Italian Prime Minister Giorgia Meloni in Rome on Monday, 5 February 2024, to discuss migration.</p>
      <script>alert(1)</script></article></body></html>`;
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Lula meets Modi</title>
      <link>https://example.org/lula-modi</link><pubDate>Tue, 10 Sep 2024 10:00:00 GMT</pubDate><description>Brazilian President
      Luiz Inacio Lula da Silva met Indian Prime Minister Narendra Modi in New Delhi on Tuesday, 10 September 2024.</description></item></channel></rss>`;
    for (const [format, content] of [['html', html], ['feed', feed]]) {
      const response = await app.inject({ method: 'POST', url: '/api/ingest', payload: { format, name: `upload-${format}`, content }, headers: auth });
      assert.equal(response.statusCode, 202, response.body);
      await ingestIdle();
      const job = (await get(`/api/ingest/${JSON.parse(response.body).id}`, auth)).body;
      assert.equal(job.state, 'done', JSON.stringify(job));
      assert.equal(job.result.ingested, 1, JSON.stringify(job));
    }
    assert.equal((await get('/api/events?actor=olaf-scholz&from=2024-02-05&to=2024-02-05')).body.total, 1);
    assert.equal((await get('/api/events?actor=narendra-modi&from=2024-09')).body.total, 1);
    assertError(await get('/api/ingest/abc', auth), 400, 'bad-request');
  });
});

describe('uploads off the server thread', () => {
  test('with a pool, an upload is analyzed on its thread: the server never makes a pipeline of its own', async () => {
    const { createWorkerPool } = await import('../pipeline/worker-pool.ts');
    let pipelinesMade = 0;
    let poolsMade = 0;
    const server = await buildServer({
      store: fixture.store,
      token: TOKEN,
      webRoot: null,
      pipeline: () => {
        pipelinesMade++;
        return fixture.pipeline;
      },
      pool: () => {
        poolsMade++;
        return createWorkerPool(1);
      },
    });
    try {
      const content = 'Leaders meet\n2024-05-06\n\nPARIS - French President Emmanuel Macron met Chinese President Xi Jinping in Paris on Monday, 6 May 2024.\n';
      for (const name of ['pool-upload-1', 'pool-upload-2']) {
        const response = await server.app.inject({ method: 'POST', url: '/api/ingest', payload: { format: 'text', name, content: content.replace('Monday', `Monday (${name})`) }, headers: auth });
        assert.equal(response.statusCode, 202, response.body);
      }
      await server.ingestJobs.idle();
      const job = (await server.app.inject({ method: 'GET', url: '/api/ingest/2', headers: auth })).json();
      assert.equal(job.state, 'done', JSON.stringify(job));
      assert.equal(job.result.ingested, 1);
      assert.equal(pipelinesMade, 0);
      assert.equal(poolsMade, 1, 'one pool serves every upload');
    } finally {
      await server.app.close();
    }
  });
});
