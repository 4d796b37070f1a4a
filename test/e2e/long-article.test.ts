// The event page with a 5 MB article, in Chromium: shown with its evidence marked in under a
// second, and more of the text on demand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LONG_ARTICLE_ID, longArticleAnalysis } from '../../src/server/long-article-fixture.ts';
import { SHOTS, skipWithoutBrowser, startHarness, type Harness } from './harness.ts';

let h: Harness;

describe('a 5 MB article', { skip: skipWithoutBrowser }, () => {
  before(async () => {
    h = await startHarness({ prepare: async (fixture) => void (await fixture.store.saveBatch([longArticleAnalysis()])) });
  });
  after(async () => h?.close());

  test('its event page shows the evidence in under a second; more text on demand', async (t) => {
    const event = (await h.fixture.store.listEvents()).find((e) => e.reports.some((r) => r.docId === LONG_ARTICLE_ID))!;
    await h.open('#/events');
    await h.page.waitForSelector('table.events tbody tr');
    const started = Date.now();
    await h.page.evaluate((id) => (location.hash = `#/event/${id}`), event.id);
    await h.page.waitForSelector('.article mark.trigger');
    const elapsed = Date.now() - started;
    t.diagnostic(`event page with a 5 MB article: ${elapsed} ms`);
    assert.ok(elapsed < 1000, `event page took ${elapsed} ms`);
    const marks = await h.page.locator('.article mark').count();
    assert.ok(marks < 50, `${marks} marks rendered`);
    await h.shot(SHOTS, 'event-long-article');
    const before = ((await h.page.locator('.article').textContent()) ?? '').length;
    await h.page.getByRole('button', { name: /Show 20,000 more characters/ }).click();
    await h.page.waitForFunction((n) => (document.querySelector('.article')?.textContent ?? '').length > n + 19_000, before);
  });

  test('no errors, dialogs or outside requests along the way', async () => {
    assert.deepEqual(h.problems, []);
  });
});
