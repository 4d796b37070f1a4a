// Review through the API: a merge previewed before it is applied, an implausible one refused until
// confirmed, a merged-away event id redirecting, and calendar dates checked in corrections.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { resolveNameQuery } from '../../actors/resolve-name-query.ts';
import { loadPlaceCoordinates } from '../../kb/place-coordinates.ts';
import { parseFeed } from '../../ingest/parse-feed.ts';
import { buildServer } from '../app.ts';
import { buildFixture, type Fixture } from '../test-fixture.ts';

const TOKEN = 'Zr8Kp2Lq9Xv4Mw7Nb1Jc5Hd0Fg3St6Ya-_Ue2Io8Pl';
const auth = { authorization: `Bearer ${TOKEN}` };
let fixture: Fixture;
let app: FastifyInstance;
let ingestIdle: () => Promise<void>;

before(async () => {
  fixture = await buildFixture();
  const server = await buildServer({
    store: fixture.store,
    token: TOKEN,
    webRoot: null,
    pipeline: () => fixture.pipeline,
    resolveName: (q) => resolveNameQuery(fixture.pipeline.kb, q),
    placeCoordinates: loadPlaceCoordinates(),
  });
  app = server.app;
  ingestIdle = server.ingestJobs.idle;
});
after(async () => {
  await app?.close();
  fixture?.close();
});

const post = async (url: string, payload: unknown, headers: Record<string, string> = auth) => {
  const r = await app.inject({ method: 'POST', url, payload: payload as object, headers });
  return { status: r.statusCode, body: JSON.parse(r.body) };
};
const eventIdOn = async (date: string) => {
  const r = await app.inject({ method: 'GET', url: `/api/events?from=${date}&to=${date}` });
  return JSON.parse(r.body).items[0].id as string;
};

test('merge: preview, refusal with reasons, confirmation, redirect of the merged-away id', async () => {
  const bali = await eventIdOn('2022-11-14');
  const moscow = await eventIdOn('2023-03-20');
  const request = { kind: 'event-merge', subjects: [bali, moscow], author: 'analyst' };

  assert.equal((await post('/api/judgements/preview', request, {})).status, 401, 'a preview needs the token');
  const preview = await post('/api/judgements/preview', request);
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.after.length, 1);
  const result = preview.body.after[0].id as string;
  assert.ok([bali, moscow].includes(result));
  assert.match(preview.body.concerns.join('\n'), /dates contradict/);
  assert.equal(preview.body.vanished[0].to, result);
  assert.ok(preview.body.after[0].conflicts.some((c: { field: string }) => c.field === 'date'), 'the result shows its date conflict');

  const refused = await post('/api/judgements', request);
  assert.equal(refused.status, 400);
  assert.match(refused.body.error.message, /this merge looks wrong: .*dates contradict/);
  assert.ok((await app.inject({ method: 'GET', url: `/api/events/${bali}` })).statusCode === 200, 'nothing applied');

  const applied = await post('/api/judgements', { ...request, confirm: true });
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const gone = bali === result ? moscow : bali;
  const redirect = await app.inject({ method: 'GET', url: `/api/events/${gone}` });
  assert.equal(redirect.statusCode, 308);
  assert.equal(redirect.headers.location, `/api/events/${result}`);
  assert.deepEqual(JSON.parse(redirect.body).redirect, { from: gone, to: result });
  assert.equal((await app.inject({ method: 'GET', url: '/api/events/ev_0000000000000000' })).statusCode, 404);
});

test('a correction to a date the calendar does not have is refused, naming it', async () => {
  const paris = await eventIdOn('2023-01-22');
  for (const url of ['/api/judgements/preview', '/api/judgements']) {
    const r = await post(url, { kind: 'field-correct', subjects: [paris], value: { date: '2023-02-31' }, author: 'analyst' });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /"2023-02-31" is not a calendar date: February 2023 has 28 days/);
  }
  const place = await post('/api/judgements/preview', { kind: 'field-correct', subjects: [paris], value: { participants: ['paris'] }, author: 'analyst' });
  assert.equal(place.status, 400);
  assert.match(place.body.error.message, /paris is a place, not a participant/);
});

test('any spelling: actor filters and the actor search resolve names through the knowledge base and say how', async () => {
  const byId = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?actor=vladimir-putin' })).body);
  for (const name of ['Путин', 'Poutine', 'Путина']) {
    const r = JSON.parse((await app.inject({ method: 'GET', url: `/api/events?actor=${encodeURIComponent(name)}` })).body);
    assert.equal(r.total, byId.total, name);
    assert.equal(r.resolved[0].actorId, 'vladimir-putin', name);
    assert.equal(r.resolved[0].query, name);
  }
  const nobody = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?actor=Qwxzvbnm' })).body);
  assert.equal(nobody.total, 0);
  assert.deepEqual(nobody.resolved, [{ query: 'Qwxzvbnm', actorId: null, name: null, via: null, matched: null }]);
  const timeline = JSON.parse((await app.inject({ method: 'GET', url: `/api/timeline?actor=${encodeURIComponent('Путин')}` })).body);
  assert.ok(timeline.months.length > 0);
  const actors = JSON.parse((await app.inject({ method: 'GET', url: `/api/actors?q=${encodeURIComponent('Путин')}` })).body);
  assert.equal(actors.items[0].id, 'vladimir-putin');
  assert.deepEqual(actors.items[0].resolved, { via: 'alias', matched: 'Путин' });
  const prefix = JSON.parse((await app.inject({ method: 'GET', url: '/api/actors?q=Xi%20Jin' })).body);
  assert.equal(prefix.items[0].id, 'xi-jinping');
});

test('an upload carries the outlet the analyst names, else its address\'s host, never its temporary folder', async () => {
  const text = (n: number) => `Leaders talk\n2024-06-0${n}\n\nROME - Italian Prime Minister Giorgia Meloni met Indian Prime Minister Narendra Modi in Rome on Monday, 3 June 2024, item ${n}.\n`;
  for (const [n, extra] of [
    [1, { outlet: 'Agenzia Esempio' }],
    [2, { url: 'https://www.esempio-notizie.it/a/1' }],
    [3, {}],
  ] as const) {
    const r = await post('/api/ingest', { format: 'text', name: `upload-${n}`, content: text(n), ...extra });
    assert.equal(r.status, 202, JSON.stringify(r.body));
  }
  await ingestIdle();
  const outletOf = async (id: string) => (await fixture.store.getDocument(id))?.meta.outlet;
  assert.equal(await outletOf('upload-1'), 'Agenzia Esempio');
  assert.equal(await outletOf('upload-2'), 'esempio-notizie.it');
  assert.equal((await fixture.store.getDocument('upload-2'))?.meta.url, 'https://www.esempio-notizie.it/a/1');
  assert.equal(await outletOf('upload-3'), 'unknown');
});

test('the map: events of a filter by place, a venue drawn at the city it lies in', async () => {
  const map = JSON.parse((await app.inject({ method: 'GET', url: `/api/map?actor=${encodeURIComponent('Путин')}` })).body);
  const listed = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?actor=vladimir-putin' })).body);
  assert.equal(map.events, listed.total);
  const placed = map.places.reduce((n: number, p: { events: number }) => n + p.events, 0);
  assert.equal(placed + map.unplaced, listed.total);
  const kremlin = map.places.find((p: { id: string }) => p.id === 'kremlin');
  assert.ok(kremlin, JSON.stringify(map));
  assert.equal(kremlin.drawnAt ?? 'kremlin', kremlin.drawnAt ? 'moscow' : 'kremlin');
  assert.ok(Math.abs(kremlin.lat - 55.75) < 0.5 && Math.abs(kremlin.lon - 37.6) < 0.5, `${kremlin.lat},${kremlin.lon}`);
  assert.equal(map.resolved[0].actorId, 'vladimir-putin');
});

test('exports of a filter hold only its events, as a download', async () => {
  const xi = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?actor=xi-jinping' })).body);
  const csv = await app.inject({ method: 'GET', url: '/api/export?format=csv&actor=xi-jinping' });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(String(csv.headers['content-disposition']), /attachment; filename="parley-events.csv"/);
  const rows = csv.body.trim().split('\r\n').slice(1);
  assert.equal(rows.length, xi.total);
  assert.ok(rows.every((r) => r.includes('Xi Jinping')));
  const json = JSON.parse((await app.inject({ method: 'GET', url: '/api/export?format=events-json&actor=xi-jinping&from=2023' })).body);
  assert.ok(json.events.length < xi.total && json.events.length > 0);
  const gexf = await app.inject({ method: 'GET', url: '/api/export?format=gexf&actor=xi-jinping' });
  assert.match(gexf.body, /<gexf/);
  assert.equal((await app.inject({ method: 'GET', url: '/api/export?format=pdf' })).statusCode, 400);
});

test('a saved search\'s Atom feed lists its events, newest first, and parses as a feed', async () => {
  const xi = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?actor=xi-jinping' })).body);
  const r = await app.inject({ method: 'GET', url: '/api/feed.atom?actor=xi-jinping&title=Xi%20%3Cmeetings%3E', headers: { host: '127.0.0.1:4178' } });
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /^application\/atom\+xml/);
  const parsed = parseFeed(r.body);
  assert.ok(parsed.feed, JSON.stringify(parsed.error));
  assert.equal(parsed.feed.title, 'Parley: Xi <meetings>');
  assert.equal(parsed.feed.items.length, xi.total);
  assert.deepEqual(parsed.feed.items.map((i) => i.key), xi.items.map((e: { id: string }) => `urn:parley:event:${e.id}`));
  assert.equal(parsed.feed.items[0].link, `http://127.0.0.1:4178/#/event/${xi.items[0].id}`);
});

test('a place filter and a place page count the events at places within it', async () => {
  const inMoscow = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?place=moscow' })).body);
  assert.ok(inMoscow.items.some((e: { place: { id: string } }) => e.place?.id === 'kremlin'), JSON.stringify(inMoscow.items.map((e: { place: unknown }) => e.place)));
  const inRussia = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?place=russia' })).body);
  assert.equal(inRussia.total, inMoscow.total);
  const atKremlin = JSON.parse((await app.inject({ method: 'GET', url: '/api/events?place=kremlin' })).body);
  assert.equal(atKremlin.total, inMoscow.total);
  assert.equal(JSON.parse((await app.inject({ method: 'GET', url: '/api/events?place=paris' })).body).items.some((e: { place: { id: string } }) => e.place?.id === 'kremlin'), false);
  const page = JSON.parse((await app.inject({ method: 'GET', url: '/api/actors/moscow' })).body);
  assert.equal(page.events, inMoscow.total);
});
