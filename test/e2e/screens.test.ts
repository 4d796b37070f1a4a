// Any spelling and any screen, in Chromium: the actor filter reads `Путин` and the start of a
// name and says which actor it resolved to; every page fits a 390 px phone (no sideways scroll).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SHOTS, skipWithoutBrowser, startHarness, TOKEN, type Harness } from './harness.ts';

let h: Harness;

describe('any spelling, any screen', { skip: skipWithoutBrowser }, () => {
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  const putinEvents = async () => (await h.fixture.store.browse().listEvents({ actors: ['vladimir-putin'] }, 'date', 'desc', { limit: 50, offset: 0 })).total;

  for (const [typed, expected] of [
    ['Путин', 'Vladimir Putin'],
    ['Scho', 'Olaf Scholz'],
  ] as const) {
    test(`the actor filter reads “${typed}” and says it resolved to ${expected}`, async () => {
      await h.page.goto('about:blank'); // a fresh page: nothing typed before
      await h.open('#/events');
      await h.page.waitForSelector('table.events tbody tr');
      const actor = h.page.getByLabel('Actor', { exact: true });
      await actor.fill(typed);
      await actor.press('Enter');
      await h.page.getByRole('status').filter({ hasText: expected }).first().waitFor();
      await h.page.waitForFunction(
        (name) => {
          const rows = [...document.querySelectorAll('table.events tbody tr')];
          return rows.length > 0 && rows.every((r) => r.textContent!.includes(name));
        },
        expected,
      );
      if (expected === 'Vladimir Putin') assert.equal(await h.page.locator('table.events tbody tr').count(), await putinEvents());
    });
  }

  test('the map shows the events of a filter at their places', async () => {
    await h.page.goto('about:blank');
    await h.open('#/map?actor=xi-jinping');
    await h.page.waitForSelector('.place-dot');
    const api = JSON.parse((await h.app.inject({ method: 'GET', url: '/api/map?actor=xi-jinping' })).body);
    assert.ok(api.places.length > 0);
    assert.equal(await h.page.locator('.place-dot').count(), api.places.length);
    const drawn = (await h.page.locator('.place-dot').evaluateAll((els) => els.map((e) => e.getAttribute('data-place')))).sort();
    assert.deepEqual(drawn, api.places.map((p: { id: string }) => p.id).sort());
    await h.shot(SHOTS, 'map');
    await h.page.locator('.place-dot').first().focus();
    await h.page.keyboard.press('Enter');
    await h.page.waitForFunction(() => location.hash.startsWith('#/events') && location.hash.includes('place='));
  });

  test('the timeline has axes and picks a range from the keyboard', async () => {
    await h.page.goto('about:blank');
    await h.open('#/events');
    await h.page.waitForSelector('.timeline rect.bar');
    assert.ok((await h.page.locator('.timeline .tick-label').count()) >= 2, 'the time axis is labelled');
    assert.ok((await h.page.locator('.timeline .tick text').count()) >= 2, 'the count axis is labelled');
    const svg = h.page.locator('.timeline svg');
    await svg.focus();
    await h.page.keyboard.press('End');
    for (let i = 0; i < 12; i++) await h.page.keyboard.press('Shift+ArrowLeft');
    await h.page.keyboard.press('Enter');
    await h.page.waitForFunction(() => /from=\d{4}-\d{2}/.test(location.hash) && /to=\d{4}-\d{2}/.test(location.hash));
    const hash = decodeURIComponent(await h.page.evaluate(() => location.hash));
    const [from, to] = [/from=([\d-]+)/.exec(hash)![1], /to=([\d-]+)/.exec(hash)![1]];
    assert.ok(from < to, hash);
  });

  test('a saved search has an Atom feed that a feed parser reads', async () => {
    await h.page.goto('about:blank');
    await h.open('#/events?actor=vladimir-putin');
    await h.page.waitForSelector('table.events tbody tr');
    await h.page.getByLabel('Save this search as').fill('Putin');
    await h.page.getByRole('button', { name: 'Save search' }).click();
    const feedLink = h.page.getByRole('region', { name: 'Saved searches' }).getByRole('link', { name: 'Atom feed' });
    await feedLink.waitFor();
    const response = await h.page.request.get(new URL((await feedLink.getAttribute('href'))!, h.base).href);
    const { parseFeed } = await import('../../src/ingest/parse-feed.ts');
    const parsed = parseFeed(await response.text());
    assert.ok(parsed.feed, JSON.stringify(parsed.error));
    assert.equal(parsed.feed.title, 'Parley: Putin');
    assert.equal(parsed.feed.items.length, await putinEvents());
    assert.ok(parsed.feed.items.every((i) => /Vladimir Putin/.test(i.title ?? '')));
  });

  test('the events of a filter download as CSV', async () => {
    await h.page.goto('about:blank');
    await h.open('#/events?actor=xi-jinping');
    await h.page.waitForSelector('table.events tbody tr');
    const [download] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('link', { name: 'CSV' }).click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const rows = readFileSync(path!, 'utf8').trim().split('\r\n').slice(1);
    const expected = (await h.fixture.store.browse().listEvents({ actors: ['xi-jinping'] }, 'date', 'desc', { limit: 50, offset: 0 })).total;
    assert.equal(rows.length, expected);
    assert.ok(rows.every((r) => r.includes('Xi Jinping')));
  });

  test('every page fits a 390 px screen', async () => {
    const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    const event = (await h.fixture.store.listEvents()).find((e) => e.date === '2023-03-20')!;
    const doc = event.reports[0].docId;
    await page.goto(`${h.base}/#/review`);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.waitForSelector('text=Token accepted');
    const pages: [string, string, string][] = [
      ['events', '#/events', 'table.events tbody tr'],
      ['event', `#/event/${event.id}`, '.article mark.evidence'],
      ['actor', '#/actor/xi-jinping', '.timeline'],
      ['document', `#/document/${encodeURIComponent(doc)}`, '.article'],
      ['network', '#/network', '.pairs a.edge'],
      ['map', '#/map', '.place-dot'],
      ['review', '#/review', 'table.judgements'],
    ];
    const wide: string[] = [];
    for (const [name, hash, ready] of pages) {
      await page.goto(`${h.base}/${hash}`);
      await page.waitForSelector(ready);
      await page.waitForTimeout(200);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (scroll > inner) wide.push(`${name}: ${scroll} px`);
      await page.screenshot({ path: `${SHOTS}/${name}-390.png` });
    }
    await phone.close();
    assert.deepEqual(wide, [], 'pages wider than the screen');
  });

  test('no errors, dialogs or outside requests along the way', async () => {
    assert.deepEqual(h.problems, []);
  });
});
