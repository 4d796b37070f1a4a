// Per-analyst tokens (`serve --tokens FILE`): the file's format and its errors, a change recorded
// in the token holder's name whatever name the client sends, uploads readable only by their uploader.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.ts';
import { newToken } from './guard.ts';
import { parseTokens } from './tokens-file.ts';
import { buildFixture, type Fixture } from './test-fixture.ts';

const ANA = newToken();
const OMAR = newToken();
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'parley');
const dir = mkdtempSync(join(tmpdir(), 'parley-analysts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the tokens file', () => {
  test('one analyst a line (names may have spaces), comments and blank lines skipped; or JSON', () => {
    const text = `# who may change the record\n\nAna Costa   ${ANA}\r\nomar\t${OMAR}\n`;
    assert.deepEqual(parseTokens(text, 'a.txt'), [
      { name: 'Ana Costa', token: ANA },
      { name: 'omar', token: OMAR },
    ]);
    assert.deepEqual(parseTokens(JSON.stringify([{ name: 'Ana Costa', token: ANA }]), 'a.json'), [{ name: 'Ana Costa', token: ANA }]);
  });

  test('a weak token, a line without one, a name or token used twice: an error naming the file and line, never the token', () => {
    const cases: Array<[string, RegExp]> = [
      [`ana ${ANA}\nomar password123\n`, /^a\.txt:2: omar: the token is .*parley token/],
      [`ana ${ANA}\n\n${OMAR}\n`, /^a\.txt:3: wants an analyst's name, then the token/],
      [`ana ${ANA}\nAna ${OMAR}\n`, /^a\.txt:2: Ana is named twice \(also a\.txt:1\)/],
      [`ana ${ANA}\nomar ${ANA}\n`, /^a\.txt:2: omar has the same token as ana/],
      ['# nobody\n', /^a\.txt: no analysts/],
      [`[{"name": "ana", "token": "${ANA}"}, {"name": "omar"}]`, /^a\.txt: entry 2: wants/],
      ['[{"name": "ana", ', /^a\.txt: not valid JSON/],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parseTokens(text, 'a.txt'), (e: Error) => {
        assert.match(e.message, message);
        assert.ok(!e.message.includes(ANA) && !e.message.includes(OMAR), 'a token is never printed');
        return true;
      });
    }
  });

  test('`parley token --name` prints a line for the file; `serve --tokens` refuses a bad file before listening', () => {
    const made = spawnSync(bin, ['token', '--name', 'Dana Levi'], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const file = join(dir, 'analysts.txt');
    writeFileSync(file, made.stdout + 'weak password\n');
    assert.equal(parseTokens(made.stdout, 'x')[0].name, 'Dana Levi');
    const served = spawnSync(bin, ['serve', '--tokens', file, '--port', '0', '--no-build', '--db', join(dir, 'none.db')], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(served.status, 2, served.stderr);
    assert.match(served.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: weak: the token is`));
  });
});

test('`parley serve --tokens` serves with the file\'s tokens: status names the holder', { timeout: 60_000 }, async () => {
  const file = join(dir, 'good.txt');
  writeFileSync(file, `ana ${ANA}\nomar ${OMAR}\n`);
  const db = join(dir, 'serve.db');
  const made = spawnSync(bin, ['ingest', join(dir, 'missing-on-purpose'), '--db', db], { encoding: 'utf8' });
  assert.ok(made.status === 0 || made.status === 1, made.stderr);
  const child = spawn(bin, ['serve', '--tokens', file, '--port', '0', '--no-build', '--db', db], { env: { ...process.env, PARLEY_DB: '', PARLEY_TOKEN: '' } });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/\S+) \(changes allowed to 2 analyst\(s\)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const status = await (await fetch(`${address}/api/status`, { headers: { authorization: `Bearer ${OMAR}` } })).json();
    assert.deepEqual([status.authorized, status.analyst], [true, 'omar']);
  } finally {
    child.kill('SIGTERM');
  }
});

describe('a server with analysts\' tokens', () => {
  let fixture: Fixture;
  let app: FastifyInstance;
  let idle: () => Promise<void>;
  before(async () => {
    fixture = await buildFixture();
    const server = await buildServer({
      store: fixture.store,
      analysts: [
        { name: 'ana', token: ANA },
        { name: 'omar', token: OMAR },
      ],
      webRoot: null,
      pipeline: () => fixture.pipeline,
    });
    app = server.app;
    idle = server.ingestJobs.idle;
  });
  after(async () => {
    await app?.close();
    await fixture?.close();
  });
  const call = async (method: 'GET' | 'POST', url: string, token: string | null, payload?: object) => {
    const r = await app.inject({ method, url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
  };

  test('status names the token\'s holder', async () => {
    assert.equal((await call('GET', '/api/status', ANA)).body.analyst, 'ana');
    assert.deepEqual([(await call('GET', '/api/status', null)).body.authorized, (await call('GET', '/api/status', null)).body.analyst], [false, null]);
  });

  test('a judgement is recorded in the holder\'s name: a typed author is ignored, none is needed; undo too', async () => {
    const forged = await call('POST', '/api/judgements', ANA, { kind: 'actor-merge', subjects: ['olaf-scholz', 'joe-biden'], author: 'omar', reason: 'test' });
    assert.equal(forged.status, 201, JSON.stringify(forged.body));
    assert.equal(forged.body.author, 'ana');
    const undone = await call('POST', `/api/judgements/${forged.body.id}/undo`, OMAR, { author: 'ana' });
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    const listed = (await call('GET', '/api/judgements', null)).body.judgements.find((j: { id: number }) => j.id === forged.body.id);
    assert.equal(listed.author, 'ana');
    assert.equal(listed.undone.by, 'omar');
    const id = (await fixture.store.listEvents()).find((e) => e.reports.length)!.id;
    const status = await call('POST', '/api/source-judgements', OMAR, { kind: 'status', subjects: [id], status: 'disputed', reason: 'denied by the other side' });
    assert.equal(status.status, 201, JSON.stringify(status.body));
    assert.equal(status.body.author, 'omar');
    assert.equal((await call('POST', `/api/source-judgements/${status.body.id}/undo`, ANA, {})).status, 200);
    assert.equal((await call('POST', '/api/judgements', 'x'.repeat(43), { kind: 'actor-merge', subjects: ['olaf-scholz', 'joe-biden'] })).status, 401);
  });

  test('an upload is its uploader\'s: another analyst\'s token finds no such job', async () => {
    const content = 'Talks in Tokyo\n2024-03-12\n\nJapanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese in Tokyo on Tuesday.\n';
    const submitted = await call('POST', '/api/ingest', ANA, { format: 'text', name: 'tokyo', content });
    assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
    await idle();
    assert.equal((await call('GET', `/api/ingest/${submitted.body.id}`, ANA)).body.state, 'done');
    const other = await call('GET', `/api/ingest/${submitted.body.id}`, OMAR);
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'not-found');
  });
});

test('a private server with analysts\' tokens: reads need one of them', async () => {
  const fixture = await buildFixture();
  const { app } = await buildServer({ store: fixture.store, analysts: [{ name: 'ana', token: ANA }], privateReads: true, webRoot: null });
  try {
    assert.equal((await app.inject({ method: 'GET', url: '/api/events' })).statusCode, 401);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events', headers: { authorization: `Bearer ${OMAR}` } })).statusCode, 401);
    assert.equal((await app.inject({ method: 'GET', url: '/api/events', headers: { authorization: `Bearer ${ANA}` } })).statusCode, 200);
  } finally {
    await app.close();
    await fixture.close();
  }
});

test('with the one shared token, the author is the one the client gives, and is needed', async () => {
  const fixture = await buildFixture();
  const { app } = await buildServer({ store: fixture.store, token: ANA, webRoot: null });
  try {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/judgements', payload, headers: { authorization: `Bearer ${ANA}` } });
    const none = await post({ kind: 'actor-merge', subjects: ['olaf-scholz', 'joe-biden'] });
    assert.equal(none.statusCode, 400, none.body);
    assert.match(JSON.parse(none.body).error.message, /author/);
    const given = await post({ kind: 'actor-merge', subjects: ['olaf-scholz', 'joe-biden'], author: 'tester' });
    assert.equal(JSON.parse(given.body).author, 'tester');
  } finally {
    await app.close();
    await fixture.close();
  }
});
