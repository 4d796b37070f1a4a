// End to end: framing side by side. Two outlets report one meeting with different words for its
// actors; the event page and the actor page show the descriptors each outlet used, one column per
// outlet, and an outlet name carrying markup stays text. The API answers 404 for an unknown event.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { skipWithoutBrowser, startHarness, SHOTS, type Harness, ingestFiles } from './harness.ts';

const NORTH = 'Northern Wire';
const SOUTH = 'Southern <i>Daily</i>';
const ARTICLES = {
  'ws-frame-a': `Putin receives Xi at the Kremlin
2025-09-03

MOSCOW - Russian President Vladimir Putin met Chinese President Xi Jinping at the Kremlin in Moscow on Wednesday, 3 September 2025, to discuss trade and energy.
`,
  'ws-frame-b': `Xi visits Moscow
2025-09-03

MOSCOW - Russian leader Vladimir Putin met Chinese leader Xi Jinping in Moscow on Wednesday, 3 September 2025, for talks on trade and energy.
`,
};

describe('framing side by side in Chromium', { skip: skipWithoutBrowser }, () => {
  let h: Harness;
  let eventId = '';
  before(async () => {
    h = await startHarness({
      prepare: async (fixture) => {
        const meta = [JSON.stringify({ id: 'ws-frame-a', outlet: NORTH }), JSON.stringify({ id: 'ws-frame-b', outlet: SOUTH })].join('\n') + '\n';
        const articles = Object.fromEntries(Object.entries(ARTICLES).map(([id, text]) => [`${id}.txt`, text]));
        await ingestFiles(fixture, { ...articles, 'parley-meta.jsonl': meta }, 'framing test');
        const events = (await fixture.store.listEvents()).filter((e) => e.reports.some((r) => r.docId === 'ws-frame-a'));
        assert.equal(events.length, 1);
        assert.equal(events[0].reports.length, 2, 'both reports are one event');
        eventId = events[0].id;
      },
    });
  });
  after(async () => {
    await h?.close();
  });

  const columns = () =>
    h.page.locator('.framing-column').evaluateAll((sections) =>
      sections.map((s) => ({
        outlet: s.querySelector('h3')!.textContent,
        markup: s.querySelector('h3 i') !== null,
        descriptors: [...s.querySelectorAll('.descriptor')].map((d) => d.textContent),
        actors: [...s.querySelectorAll('.framing-actor')].map((a) => a.textContent),
      })),
    );

  test('the event page: one column per outlet, the words each used, markup kept as text', async () => {
    const api = await h.page.request.get(`${h.base}/api/framing?event=${eventId}`);
    assert.equal(api.status(), 200);
    assert.equal((await h.page.request.get(`${h.base}/api/framing?event=no-such-event`)).status(), 404);
    await h.open(`#/event/${eventId}`);
    await h.page.waitForSelector('.framing-column');
    const cols = await columns();
    assert.deepEqual(cols.map((c) => c.outlet).sort(), [NORTH, SOUTH].sort());
    const north = cols.find((c) => c.outlet === NORTH)!;
    const south = cols.find((c) => c.outlet === SOUTH)!;
    assert.deepEqual(north.descriptors.sort(), ['chinese president', 'russian president']);
    assert.deepEqual(south.descriptors.sort(), ['chinese leader', 'russian leader']);
    assert.deepEqual(north.actors.sort(), ['Vladimir Putin', 'Xi Jinping']);
    assert.ok(!south.markup, 'an outlet name is shown as text, not markup');
    // side by side at 1366 px: the columns share a row
    const tops = await h.page.locator('.framing-column').evaluateAll((s) => s.map((x) => Math.round(x.getBoundingClientRect().top)));
    assert.equal(new Set(tops).size, 1, `columns side by side (${tops})`);
    await h.page.locator('.framing-side').scrollIntoViewIfNeeded();
    await h.shot(SHOTS, 'event-framing');
  });

  test('the actor page: the outlets\' words for one actor in columns, within 390 px', async () => {
    await h.open('#/actor/vladimir-putin');
    await h.page.waitForSelector('.framing-column');
    const cols = await columns();
    assert.ok(cols.find((c) => c.outlet === NORTH)?.descriptors.includes('russian president'));
    assert.ok(cols.find((c) => c.outlet === SOUTH)?.descriptors.includes('russian leader'));
    assert.ok(!cols.some((c) => c.markup));
    await h.page.setViewportSize({ width: 390, height: 844 });
    await h.page.waitForTimeout(200);
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `wider than 390 px by ${overflow}`);
    await h.page.setViewportSize({ width: 1366, height: 900 });
    assert.deepEqual(h.problems, []);
  });
});
