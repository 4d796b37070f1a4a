// End to end: the events list filtered by status from the keyboard, each row showing its status
// and independent sources, a date the calendar lacks refused in the filter bar, and the bar within
// a 390 px screen. Debian's Chromium against the sample corpus (harness.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutBrowser, startHarness, SHOTS, type Harness } from './harness.ts';

describe('filters in Chromium', { skip: skipWithoutBrowser }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ viewport: { width: 390, height: 844 } });
  });
  after(async () => {
    await h?.close();
  });

  test('status from the keyboard narrows the list; rows show status and independent sources; the bar fits 390 px', async () => {
    const { page } = h;
    await h.open('#/events');
    await page.waitForSelector('table.events tbody tr');
    const all = await page.locator('table.events tbody tr').count();
    const expected = (await h.fixture.store.browse().listEvents({ status: 'single-source' }, 'date', 'desc', { limit: 50, offset: 0 })).total;
    assert.ok(expected > 0 && expected < all, 'the sample has single-source events and others');
    // keyboard only: focus the select, choose with the arrow keys, submit with Enter
    const status = page.getByLabel('Status', { exact: true });
    await page.waitForFunction(() => document.querySelectorAll('select[name="status"] option').length > 1);
    await status.focus();
    for (let i = 0; i < 5 && (await status.inputValue()) !== 'single-source'; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await status.inputValue(), 'single-source');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('status=single-source'));
    await page.waitForFunction(
      (n) => {
        const rows = [...document.querySelectorAll('table.events tbody tr')];
        return rows.length === n && rows.every((r) => r.querySelector('td.who')?.textContent?.includes('single source'));
      },
      expected,
    );
    assert.match((await page.locator('table.events tbody tr td.who').first().textContent()) ?? '', /1 independent source/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than a 390 px screen by ${overflow}px`);
    await h.shot(SHOTS, 'events-status-390');
  });

  test('a date the calendar lacks is refused in the bar and never sent', async () => {
    const { page } = h;
    await h.open('#/events');
    const from = page.getByLabel('From', { exact: true });
    await from.fill('2023-02-31');
    await page.waitForSelector('.field-problem');
    assert.match((await page.locator('.field-problem').textContent()) ?? '', /February 2023 has 28 days/);
    await from.press('Enter');
    await page.waitForTimeout(300);
    assert.ok(!page.url().includes('2023-02-31'), 'the filter was not applied');
    assert.deepEqual(h.problems, []);
  });
});
