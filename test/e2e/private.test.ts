// End to end on a private server (`serve --private`): once the analyst gives the token, the
// download links and a saved search's Atom feed work though neither can send the token (they carry
// the read key, which opens reads only). Debian's Chromium against the sample corpus (harness.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { skipWithoutBrowser, startHarness, useToken, TOKEN, type Harness } from './harness.ts';

describe('a private server in Chromium', { skip: skipWithoutBrowser }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ privateReads: true });
  });
  after(async () => {
    await h?.close();
  });

  test('download and feed links carry the read key, never the token, and answer', async () => {
    const { page } = h;
    // without the token nothing is read
    assert.equal((await page.request.get(`${h.base}/api/export?format=csv`)).status(), 401);
    await h.open('#/events');
    const refused = page.getByRole('alert').filter({ hasText: 'this server is private' });
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /Give it on the Review page/);
    await useToken(h);
    // the Review page's list answered 401 until the token was given: expected on a private server
    h.problems.length = 0;
    await h.open('#/events?actor=xi-jinping');
    await page.waitForSelector('table.events tbody tr');
    const csv = page.getByRole('link', { name: 'CSV' });
    await page.waitForFunction(() => document.querySelector('a.export')?.getAttribute('href')?.includes('key='));
    const link = (await csv.getAttribute('href'))!;
    assert.ok(!link.includes(TOKEN), 'the token itself is never put in a link');
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    assert.equal(await download.failure(), null);
    const rows = readFileSync((await download.path())!, 'utf8').trim().split('\r\n').slice(1);
    const expected = (await h.fixture.store.browse().listEvents({ actors: ['xi-jinping'] }, 'date', 'desc', { limit: 50, offset: 0 })).total;
    assert.ok(expected > 0);
    assert.equal(rows.length, expected);

    await page.getByLabel('Save this search as').fill('Xi');
    await page.getByRole('button', { name: 'Save search' }).click();
    const feed = page.getByRole('region', { name: 'Saved searches' }).getByRole('link', { name: 'Atom feed' });
    await feed.waitFor();
    const feedHref = (await feed.getAttribute('href'))!;
    assert.match(feedHref, /key=/);
    // a feed reader: no header, no cookie, only the URL
    const response = await page.request.get(new URL(feedHref, h.base).href, { headers: {} });
    assert.equal(response.status(), 200, await response.text());
    const { parseFeed } = await import('../../src/ingest/parse-feed.ts');
    const parsed = parseFeed(await response.text());
    assert.ok(parsed.feed, JSON.stringify(parsed.error));
    assert.equal(parsed.feed.items.length, expected);
    assert.ok(!(await response.text()).includes('key='), 'the feed does not repeat the key in its links');
    // the key reads, it never writes
    const key = new URL(feedHref, h.base).searchParams.get('key');
    const write = await page.request.post(`${h.base}/api/judgements?key=${key}`, { data: {} });
    assert.equal(write.status(), 401);
    assert.deepEqual(h.problems, []);
  });
});
