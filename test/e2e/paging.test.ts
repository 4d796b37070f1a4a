// End to end: the events list pages with the cursor the API answers ("Next" asks for `after=`,
// never a deep offset), shows where it is, and "Previous" comes back to the first page. Debian's
// Chromium against the sample corpus with 70 generated meetings added (harness.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeAnalysis } from '../../src/store/fixtures.ts';
import { skipWithoutBrowser, startHarness, type Harness } from './harness.ts';

/** 70 meetings of distinct pairs of 12 generated people, three to a day (ties in the date). */
function meetings() {
  const people = Array.from({ length: 12 }, (_, i) => ({ id: `pager-${i}`, kind: 'person' as const, name: `Pagerson${i} Example`, aliases: [`Pagerson${i} Example`] }));
  const out = [];
  for (let i = 0, n = 0; i < people.length && n < 70; i++) {
    for (let j = i + 1; j < people.length && n < 70; j++, n++) {
      const sentence = `${people[i].name} met ${people[j].name} for talks.`;
      out.push(
        makeAnalysis(`pager-doc-${n}`, `Talks ${n}\n\n${sentence}\n`, {
          actors: [people[i], people[j]],
          reports: [{ sentence, trigger: 'met', participants: [{ actorId: people[i].id, words: people[i].name }, { actorId: people[j].id, words: people[j].name }], date: { value: `2021-0${1 + (Math.floor(n / 3) % 9)}-1${n % 3}` } }],
        }),
      );
    }
  }
  return out;
}

describe('event list paging in Chromium', { skip: skipWithoutBrowser }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ prepare: async (fixture) => void (await fixture.store.saveBatch(meetings())) });
  });
  after(async () => {
    await h?.close();
  });

  test('"Next" pages by cursor to the rows an offset gives; "Previous" comes back', async () => {
    const { page } = h;
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/events?')) asked.push(r.url());
    });
    const rowLinks = () => page.locator('table.events tbody tr td:first-child a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const total = (await h.fixture.store.browse().listEvents({}, 'date', 'desc', { limit: 1, offset: 0 })).total;
    assert.ok(total > 50 && total <= 100, `two pages (${total} events)`);
    const second = (await h.fixture.store.browse().listEvents({}, 'date', 'desc', { limit: 50, offset: 50 })).items.map((e) => `#/event/${encodeURIComponent(e.id)}`);

    await h.open('#/events');
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 50);
    const first = await rowLinks();
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.waitForFunction(() => location.hash.includes('after='));
    await page.waitForFunction((n) => document.querySelectorAll('table.events tbody tr').length === n, total - 50);
    assert.deepEqual(await rowLinks(), second, 'the rows offset 50 gives');
    assert.match((await page.locator('nav.pager').textContent()) ?? '', new RegExp(`51–${total} of ${total}`));
    assert.ok(asked.some((u) => /[?&]after=/.test(u) && !/[?&]offset=/.test(u)), 'the next page was asked by cursor');
    assert.ok(await page.getByRole('button', { name: 'Next →' }).isDisabled(), 'the last page');

    await page.getByRole('button', { name: '← Previous' }).click();
    await page.waitForFunction(() => !location.hash.includes('after='));
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 50);
    assert.deepEqual(await rowLinks(), first);
    assert.match((await page.locator('nav.pager').textContent()) ?? '', new RegExp(`1–50 of ${total}`));
    assert.deepEqual(h.problems, []);
  });
});
