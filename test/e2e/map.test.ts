// End to end: the map rolls near places up into a cluster at the world view and splits it when
// chosen (from the keyboard); events are counted per country and region, and choosing a country
// filters the map. The sample corpus plus a meeting in Brussels written here, near Paris's events.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { skipWithoutBrowser, startHarness, SHOTS, type Harness, ingestFiles } from './harness.ts';

const BRUSSELS = `Von der Leyen receives Scholz
2025-10-14

BRUSSELS - European Commission President Ursula von der Leyen met German Chancellor Olaf Scholz in Brussels on Tuesday, 14 October 2025, to discuss the budget.
`;

interface MapAnswer {
  places: { id: string; events: number; country?: string }[];
  countries: { id: string; name: string; events: number }[];
}

describe('the map in Chromium', { skip: skipWithoutBrowser }, () => {
  let h: Harness;
  let brussels = '';
  before(async () => {
    h = await startHarness({
      prepare: async (fixture) => {
        await ingestFiles(fixture, { 'ws-map-brussels.txt': BRUSSELS }, 'map test');
        brussels = (await fixture.store.listEvents()).find((e) => e.reports.some((r) => r.docId === 'ws-map-brussels'))?.place ?? '';
      },
    });
  });
  after(async () => {
    await h?.close();
  });

  test('near places are one cluster at the world view; choosing it zooms in until they part', async () => {
    assert.ok(brussels, 'the Brussels meeting has a place');
    const api = (await (await h.page.request.get(`${h.base}/api/map`)).json()) as MapAnswer;
    const paris = api.places.find((p) => p.country === 'france')!;
    const here = api.places.find((p) => p.id === brussels)!;
    assert.ok(paris && here, JSON.stringify(api.places));
    await h.open('#/map');
    const cluster = h.page.locator('.place-cluster', { has: h.page.locator('circle') }).filter({ hasText: String(paris.events + here.events) });
    await cluster.first().waitFor();
    const members = ((await cluster.first().getAttribute('data-places')) ?? '').split(' ');
    assert.ok(members.includes(paris.id) && members.includes(brussels), members.join(' '));
    assert.equal(await h.page.locator(`.place-dot[data-place="${brussels}"]`).count(), 0, 'not drawn alone at the world view');
    await h.shot(SHOTS, 'map-clusters');
    await cluster.first().focus();
    await h.page.keyboard.press('Enter');
    await h.page.locator(`.place-dot[data-place="${brussels}"]`).waitFor();
    await h.page.locator(`.place-dot[data-place="${paris.id}"]`).waitFor();
    assert.ok(Number(await h.page.locator('.map svg').getAttribute('data-zoom')) > 1);
    await h.page.getByRole('button', { name: 'Whole world' }).click();
    await h.page.waitForFunction(() => document.querySelector('.map svg')?.getAttribute('data-zoom') === '1');
  });

  test('events per country and region; a country filters the map', async () => {
    const api = (await (await h.page.request.get(`${h.base}/api/map`)).json()) as MapAnswer;
    const belgium = api.places.find((p) => p.id === brussels)!.country!;
    // a place page counts the events at places within it: a venue's events are its city's too
    const venues = (api.places as { id: string; events: number; drawnAt?: string }[]).filter((p) => p.drawnAt);
    assert.ok(venues.length > 0);
    for (const v of venues) {
      const city = (await (await h.page.request.get(`${h.base}/api/actors/${v.drawnAt}`)).json()) as { events: number };
      assert.ok(city.events >= v.events, `${v.drawnAt} counts the events at ${v.id}`);
    }
    assert.ok(belgium);
    await h.page.goto('about:blank');
    await h.open('#/map');
    await h.page.locator('.rollup.countries li').first().waitFor();
    const rows = await h.page.locator('.rollup.countries li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-country'), Number(li.querySelector('.muted')?.textContent)]));
    assert.deepEqual(rows, api.countries.map((c) => [c.id, c.events]));
    assert.ok(rows.length >= 3);
    await h.page.locator(`.rollup.countries li[data-country="${belgium}"] a`).click();
    await h.page.waitForFunction((c) => location.hash.includes(`country=${c}`), belgium);
    await h.page.waitForFunction(() => document.querySelectorAll('.rollup.countries li').length === 1);
    assert.equal(await h.page.locator('.rollup.countries li').getAttribute('data-country'), belgium);
    await h.page.locator(`.place-dot[data-place="${brussels}"]`).waitFor();
    assert.equal(await h.page.locator('.place-dot, .place-cluster').count(), 1);
    await h.page.setViewportSize({ width: 390, height: 844 });
    await h.page.waitForTimeout(200);
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `wider than 390 px by ${overflow}`);
    await h.page.setViewportSize({ width: 1366, height: 900 });
    assert.deepEqual(h.problems, []);
  });
});
