// The guard in front of every route: Host names, the token before any body is read, failed
// token checks limited per address, weak tokens refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { readKeyOf } from './auth.ts';
import { addGuard, hostName, isAllowedHost, newToken, tokenWeakness } from './guard.ts';
import { keyring } from './auth.ts';

const TOKEN = newToken();

describe('Host header', () => {
  test('loopback names, the bound address and allowed names pass; others do not', () => {
    for (const h of ['localhost', 'localhost:4178', '127.0.0.1:4178', '127.0.0.2', '[::1]:4178', 'LOCALHOST.']) assert.ok(isAllowedHost(h), h);
    for (const h of ['evil.example', 'evil.example:4178', '127.0.0.1.evil.example', 'localhost.evil.example', '', undefined, 'a b', '[::1]x']) {
      assert.ok(!isAllowedHost(h), String(h));
    }
    assert.ok(isAllowedHost('parley.newsroom.lan:8080', ['parley.newsroom.lan']));
    assert.ok(isAllowedHost('10.1.2.3:4178', ['10.1.2.3']));
    assert.equal(hostName('[::1]:80'), '::1');
  });
});

describe('the guard on a server', () => {
  let app: FastifyInstance;
  let bodiesParsed = 0;
  let clock = 0;
  before(async () => {
    app = Fastify();
    addGuard(app, { keys: keyring([{ name: null, token: TOKEN }]), maxFailures: 3, failureWindowMs: 60_000, now: () => clock });
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      bodiesParsed++;
      done(null, JSON.parse(String(body)));
    });
    app.get('/api/things', async () => ({ ok: true }));
    app.post('/api/things', async () => ({ written: true }));
    await app.ready();
  });
  after(() => app.close());

  test('a rebinding page (foreign Host) reads nothing: 421', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/things', headers: { host: 'attacker.example' } });
    assert.equal(r.statusCode, 421);
    assert.equal(JSON.parse(r.body).error.code, 'misdirected');
    assert.equal((await app.inject({ method: 'GET', url: '/api/things', headers: { host: '127.0.0.1:4178' } })).statusCode, 200);
  });

  test('a change without the token is refused before its body is parsed', async () => {
    const before = bodiesParsed;
    const r = await app.inject({ method: 'POST', url: '/api/things', payload: '{"a":1}', headers: { 'content-type': 'application/json', 'x-forwarded-for': '1.1.1.1' } });
    assert.equal(r.statusCode, 401);
    assert.equal(bodiesParsed, before, 'the body was parsed before the token was checked');
    const ok = await app.inject({ method: 'POST', url: '/api/things', payload: '{"a":1}', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.statusCode, 200);
    assert.equal(bodiesParsed, before + 1);
  });

  test('wrong tokens are limited per address, then refused for the rest of the window', async () => {
    const wrong = { authorization: 'Bearer not-the-token', 'content-type': 'application/json' };
    const remote = { remoteAddress: '10.9.9.9' };
    for (let i = 0; i < 3; i++) assert.equal((await app.inject({ method: 'POST', url: '/api/things', payload: '{}', headers: wrong, ...remote })).statusCode, 401);
    const blocked = await app.inject({ method: 'POST', url: '/api/things', payload: '{}', headers: wrong, ...remote });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    // even the right token waits out the window from that address; another address is not affected
    assert.equal((await app.inject({ method: 'POST', url: '/api/things', payload: '{}', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...remote })).statusCode, 429);
    assert.equal((await app.inject({ method: 'POST', url: '/api/things', payload: '{}', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, remoteAddress: '10.9.9.8' })).statusCode, 200);
    // a wrong token on a read counts too (a status page must not be an oracle)
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/api/things', headers: { authorization: 'Bearer guess' }, remoteAddress: '10.7.7.7' });
    assert.equal((await app.inject({ method: 'GET', url: '/api/things', headers: { authorization: 'Bearer guess' }, remoteAddress: '10.7.7.7' })).statusCode, 429);
    clock += 60_000;
    assert.equal((await app.inject({ method: 'POST', url: '/api/things', payload: '{}', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...remote })).statusCode, 200);
  });

  test('a private server wants the token for reads too', async () => {
    const priv = Fastify();
    addGuard(priv, { keys: keyring([{ name: null, token: TOKEN }]), privateReads: true });
    priv.get('/api/things', async () => ({ ok: true }));
    priv.get('/api/status', async () => ({ ok: true }));
    await priv.ready();
    assert.equal((await priv.inject({ method: 'GET', url: '/api/things' })).statusCode, 401);
    assert.equal((await priv.inject({ method: 'GET', url: '/api/status' })).statusCode, 200);
    assert.equal((await priv.inject({ method: 'GET', url: '/api/things', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode, 200);
    await priv.close();
  });

  test('on a private server a read key opens reads for links (downloads, feeds), never changes', async () => {
    const priv = Fastify({ ajv: { customOptions: { removeAdditional: false } } });
    addGuard(priv, { keys: keyring([{ name: null, token: TOKEN }]), privateReads: true, maxFailures: 3 });
    // the route refuses unknown parameters: the key must not reach it
    priv.get('/api/export', { schema: { querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string' } } } } }, async (request) => ({ query: request.query }));
    priv.post('/api/things', async () => ({ written: true }));
    await priv.ready();
    const key = readKeyOf(TOKEN);
    assert.ok(!key.includes(TOKEN) && key !== TOKEN && key.length >= 43, 'the key is not the token');
    assert.notEqual(readKeyOf(newToken()), key, 'the key changes with the token');
    const ok = await priv.inject({ method: 'GET', url: `/api/export?format=csv&key=${key}` });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(JSON.parse(ok.body).query, { format: 'csv' });
    assert.equal((await priv.inject({ method: 'GET', url: '/api/export?format=csv' })).statusCode, 401);
    const wrong = await priv.inject({ method: 'GET', url: `/api/export?format=csv&key=${TOKEN}`, remoteAddress: '10.5.5.5' });
    assert.equal(wrong.statusCode, 401);
    assert.match(JSON.parse(wrong.body).error.message, /read key is wrong/);
    const write = await priv.inject({ method: 'POST', url: `/api/things?key=${key}`, payload: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(write.statusCode, 401);
    assert.match(JSON.parse(write.body).error.message, /cannot make changes/);
    // wrong keys are limited like wrong tokens
    for (let i = 0; i < 2; i++) await priv.inject({ method: 'GET', url: '/api/export?key=guess', remoteAddress: '10.5.5.5' });
    assert.equal((await priv.inject({ method: 'GET', url: `/api/export?key=${key}`, remoteAddress: '10.5.5.5' })).statusCode, 429);
    await priv.close();
  });
});

describe('token strength', () => {
  test('generated tokens are strong; words, patterns and short strings are not', () => {
    const t = newToken();
    assert.ok(t.length >= 43);
    assert.notEqual(t, newToken());
    assert.equal(tokenWeakness(t), null);
    assert.equal(tokenWeakness('0123456789abcdef0123456789abcdef'.split('').reverse().join('') + 'x'), null); // 33 hex-like chars
    for (const weak of ['password', 'correcthorsebatterystaple', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'e2e-token-0123456789', 'abababababababababababababab']) {
      assert.match(tokenWeakness(weak) ?? '', /parley token/, weak);
    }
  });
});
