// What an end-to-end test file needs: the built web app served by `parley serve`'s server on
// 127.0.0.1 and a random port, Debian's Chromium (never a downloaded browser), a page that records
// every error, dialog and outside request, and screenshots.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { resolveNameQuery } from '../../src/actors/resolve-name-query.ts';
import { loadPlaceCoordinates } from '../../src/kb/place-coordinates.ts';
import { buildServer } from '../../src/server/app.ts';
import { buildWeb } from '../../src/server/build-web.ts';
import { buildFixture, type Fixture } from '../../src/server/test-fixture.ts';
import { runIngest } from '../../src/pipeline/run-ingest.ts';

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
export const TOKEN = 'e2eW5nQ8rT2yU6iO0pA4sD7fG1hJ3kLzX';
const missing = !existsSync(CHROMIUM);
/** On CI the browser must be there; elsewhere its absence skips the tests with a reason. */
export const skipWithoutBrowser = missing && !process.env.CI ? `no browser at ${CHROMIUM} (apt-get install chromium)` : false;

export interface Harness {
  fixture: Fixture;
  app: FastifyInstance;
  base: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Page errors, dialogs, console errors and requests that left 127.0.0.1. */
  problems: string[];
  open(hash: string): Promise<void>;
  shot(dir: string, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { prepare?: (fixture: Fixture) => void | Promise<void>; viewport?: { width: number; height: number }; privateReads?: boolean } = {},
): Promise<Harness> {
  if (missing) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium package`);
  const webRoot = await buildWeb({ quiet: true });
  const fixture = await buildFixture();
  await options.prepare?.(fixture);
  await fixture.store.browse().sync();
  const { app } = await buildServer({
    store: fixture.store,
    token: TOKEN,
    privateReads: options.privateReads,
    webRoot,
    pipeline: () => fixture.pipeline,
    kbEntry: (id) => fixture.pipeline.kb.entries.get(id),
    resolveName: (query) => resolveNameQuery(fixture.pipeline.kb, query),
    placeCoordinates: loadPlaceCoordinates(),
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 } });
  const problems: string[] = [];
  // nothing may leave the machine: only the test server is reachable
  await context.route(/.*/, (route) =>
    route.request().url().startsWith(base) ? route.continue() : (problems.push(`request to ${route.request().url()}`), route.abort()),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' || /WebGL|GPU|GL_/i.test(message.text())) return;
    // refusals the test provokes on purpose answer 400; the page shows them as text
    if (/status of 400/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  return {
    fixture,
    app,
    base,
    browser,
    context,
    page,
    problems,
    open: async (hash) => {
      await page.goto(`${base}/${hash}`);
    },
    shot: async (dir, name) => {
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
    },
    close: async () => {
      await browser.close();
      await app.close();
      fixture.close();
    },
  };
}

export const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Gives the API token on the Review page (kept for the tab's session). */
export async function useToken(h: Harness): Promise<void> {
  await h.open('#/review');
  await h.page.getByLabel('API token').fill(TOKEN);
  await h.page.getByRole('button', { name: 'Use token' }).click();
  await h.page.waitForSelector('text=Token accepted');
}

/** Opens the review panel folded under an event's or an actor's facts, from the keyboard. */
export async function openReview(h: Harness, of: 'event' | 'actor'): Promise<void> {
  const summary = h.page.locator(`details.${of}-review > summary`);
  await summary.focus();
  await h.page.keyboard.press('Enter');
  await h.page.getByRole('region', { name: `Review this ${of}` }).waitFor();
}

/** The event holding a document's report, as the store has it now. */
export async function eventOfDoc(h: Harness, docId: string) {
  return (await h.fixture.store.listEvents()).find((e) => e.reports.some((r) => r.docId === docId))!;
}

/** Ingests these files (name -> content: articles, a parley-meta.jsonl) into the fixture's store, as `parley ingest` of a folder would. */
export async function ingestFiles(fixture: Fixture, files: Record<string, string>, command: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    await runIngest({ paths: [dir], store: fixture.store, pipeline: fixture.pipeline, command });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
