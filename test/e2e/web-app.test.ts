// End to end: the built web app in Debian's Chromium (playwright-core, never a downloaded
// browser) against `parley serve`'s server on 127.0.0.1 and a random port, on a database built
// from the sample corpus plus an article full of markup. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { buildWeb } from '../../src/server/build-web.ts';
import { buildFixture, MARKUP_ARTICLE_ID, type Fixture } from '../../src/server/test-fixture.ts';

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const TOKEN = 'e2eR7kP2xV9mQ4wL8sT1bN6cY3dF0gHjZ';
const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const missing = !existsSync(CHROMIUM);
// On CI the browser must be there; elsewhere its absence skips these tests with a reason.
const skip = missing && !process.env.CI ? `no browser at ${CHROMIUM} (apt-get install chromium)` : false;

let fixture: Fixture;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

async function open(hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
}

describe('web app in Chromium', { skip }, () => {
  before(async () => {
    if (missing) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium package`);
    mkdirSync(SHOTS, { recursive: true });
    const webRoot = await buildWeb({ quiet: true });
    fixture = await buildFixture();
    ({ app } = await buildServer({
      store: fixture.store,
      token: TOKEN,
      webRoot,
      pipeline: () => fixture.pipeline,
      kbEntry: (id) => fixture.pipeline.kb.entries.get(id),
    }));
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-swiftshader',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // nothing may leave the machine: only the test server is reachable
    await context.route(/.*/, (route) =>
      route.request().url().startsWith(base) ? route.continue() : (problems.push(`request to ${route.request().url()}`), route.abort()),
    );
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() !== 'error' || /WebGL|GPU|GL_/i.test(message.text())) return;
      // until the store has judgements, the review page's history answers 501
      if (typeof fixture.store.listJudgements !== 'function' && /status of 501/.test(message.text())) return;
      problems.push(`console: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await fixture?.close();
  });

  test('events: the table loads, fits the screen, and filters by an actor', async () => {
    await open('#/events');
    await page.waitForSelector('table.events tbody tr');
    const total = (await fixture.store.counts()).events;
    assert.equal(await page.locator('table.events tbody tr').count(), total);
    assert.ok(await page.locator('.timeline rect.bar').count() > 0, 'timeline drawn');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than a laptop screen by ${overflow}px`);
    await shot('events');

    const actor = page.getByLabel('Actor', { exact: true });
    await actor.fill('xi-jinping');
    await actor.press('Enter');
    await page.waitForFunction(() => location.hash.includes('actor=xi-jinping'));
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table.events tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent!.includes('Xi Jinping'));
    });
    const rows = await page.locator('table.events tbody tr').count();
    assert.equal(rows, (await fixture.store.browse().listEvents({ actors: ['xi-jinping'] }, 'date', 'desc', { limit: 50, offset: 0 })).total);
    assert.ok(rows < total);
    await shot('events-filtered');
  });

  test('event page: the quote is highlighted in the article', async () => {
    await open('#/events?actor=xi-jinping&actor=vladimir-putin');
    await page.waitForSelector('table.events tbody tr');
    await page.locator('table.events tbody tr').first().locator('a').first().click();
    await page.waitForSelector('.article mark.evidence');
    const marked = await page.locator('.report').first().locator('.article mark.evidence').allTextContents();
    const quote = await page.locator('.report').first().locator('.quote').textContent();
    assert.ok(marked.join('').includes('Putin') || marked.join('').includes('Xi'), marked.join(''));
    assert.ok(quote && quote.replace(/\s+/g, '').includes(marked.join('').replace(/\s+/g, '').slice(0, 40)));
    assert.match(await page.locator('.facts').textContent() ?? '', /Vladimir Putin/);
    await shot('event');
  });

  test('markup in an article is shown as text and runs nothing', async () => {
    await open(`#/document/${MARKUP_ARTICLE_ID}`);
    await page.waitForSelector('.article');
    const text = (await page.locator('.article').textContent()) ?? '';
    assert.match(text, /<script>window\.__parleyRan = 'body'<\/script>/);
    assert.match(text, /<img src=x onerror=/);
    await open('#/events?actor=joe-biden&actor=olaf-scholz');
    await page.waitForSelector('table.events tbody tr');
    await page.locator('table.events tbody tr').first().locator('a').first().click();
    await page.waitForSelector('.article mark.evidence');
    assert.match((await page.locator('.article').first().textContent()) ?? '', /onerror=/);
    await page.waitForTimeout(300);
    const ran = await page.evaluate(() => ({
      flag: (window as unknown as { __parleyRan?: string }).__parleyRan ?? null,
      scripts: document.querySelectorAll('main script').length,
      images: document.querySelectorAll('main img').length,
    }));
    assert.deepEqual(ran, { flag: null, scripts: 0, images: 0 });
    await shot('event-markup');
  });

  test('actor page: names, roles, timeline, ego network', async () => {
    await open('#/actor/xi-jinping');
    await page.waitForSelector('h1');
    assert.match((await page.locator('h1').textContent()) ?? '', /Xi Jinping/);
    await page.waitForSelector('.pairs a.edge');
    assert.ok(await page.locator('.timeline rect.bar').count() > 0);
    await shot('actor');
  });

  test('network: clicking an edge opens the events of that pair', async () => {
    await open('#/network');
    await page.waitForSelector('.pairs a.edge');
    await page.waitForTimeout(500); // let the graph draw for the screenshot
    await shot('network');
    const edge = page.locator('.pairs a.edge').first();
    const [source, target] = [await edge.getAttribute('data-source'), await edge.getAttribute('data-target')];
    await edge.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/events'));
    await page.waitForSelector('table.events tbody tr');
    const hash = await page.evaluate(() => location.hash);
    assert.ok(hash.includes(`actor=${source}`) && hash.includes(`actor=${target}`), hash);
    const expected = (await fixture.store.browse().listEvents({ actors: [source!, target!] }, 'date', 'desc', { limit: 50, offset: 0 })).total;
    assert.equal(await page.locator('table.events tbody tr').count(), expected);
  });

  test('review: with the token, merging two actors changes the events', async (t) => {
    await open('#/review');
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.waitForSelector('text=Token accepted');
    if (typeof fixture.store.addJudgement !== 'function') {
      await shot('review');
      return t.skip('the store has no judgements yet');
    }
    await page.getByLabel('Your name').fill('e2e analyst');
    const form = page.getByRole('form', { name: 'Merge actors' });
    await form.getByLabel('Keep').fill('olaf-scholz');
    await form.getByLabel('Keep').press('Tab');
    await form.getByLabel('Same as (absorbed)').fill('joe-biden');
    await form.getByLabel('Same as (absorbed)').press('Tab');
    await form.getByRole('button', { name: 'Merge actors' }).click();
    await form.getByText('Recorded.').waitFor();
    await page.waitForSelector('table.judgements tbody tr');
    assert.match((await page.locator('table.judgements tbody').textContent()) ?? '', /actor-merge/);
    await shot('review');
    await open('#/events?actor=olaf-scholz');
    await page.waitForSelector('table.events tbody tr');
    await page.waitForFunction(() => document.querySelector('table.events tbody')!.textContent!.includes('2022-11'));
  });

  test('no errors, dialogs, CSP violations or outside requests along the way', () => {
    assert.deepEqual(problems, []);
  });
});
