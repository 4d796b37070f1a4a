// End to end: the network page's tools in Debian's Chromium: a weight threshold, expanding an actor
// beyond the filter, the shortest chain of meetings between two actors, and labels that never
// overlap. The sample corpus plus two meetings written here, so one pair met three times.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { NetworkData } from '../../web/src/api.ts';
import { skipWithoutBrowser, startHarness, SHOTS, type Harness, ingestFiles } from './harness.ts';

const MORE = {
  'ws-net-1': `Putin and Xi meet in Moscow
2025-03-10

MOSCOW - Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday, 10 March 2025, to discuss energy and trade.
`,
  'ws-net-2': `Xi hosts Putin in Beijing
2025-06-12

BEIJING - Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Thursday, 12 June 2025, for talks on security.
`,
};

describe('network tools in Chromium', { skip: skipWithoutBrowser }, () => {
  let h: Harness;
  const api = async <T>(path: string): Promise<T> => (await h.page.request.get(`${h.base}${path}`)).json() as Promise<T>;
  before(async () => {
    h = await startHarness({
      prepare: async (fixture) => {
        await ingestFiles(fixture, Object.fromEntries(Object.entries(MORE).map(([id, text]) => [`${id}.txt`, text])), 'network test');
      },
    });
  });
  after(async () => {
    await h?.close();
  });

  const pairs = () =>
    h.page.locator('.pairs li').evaluateAll((items) =>
      items.map((li) => {
        const a = li.querySelector('a.edge')!;
        return { pair: [a.getAttribute('data-source'), a.getAttribute('data-target')].sort().join('|'), weight: Number(li.querySelector('.count')?.textContent), outside: li.classList.contains('outside') };
      }),
    );

  test('labels: the busiest actors first, none overlapping', async () => {
    await h.open('#/network');
    await h.page.waitForSelector('.pairs a.edge');
    await h.page.waitForSelector('.graph-labels .node-label');
    await h.page.waitForTimeout(300);
    const boxes = await h.page.locator('.graph-labels .node-label').evaluateAll((spans) =>
      spans.map((s) => {
        const r = s.getBoundingClientRect();
        return { id: (s as HTMLElement).dataset.node!, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    assert.ok(boxes.length >= 2, `${boxes.length} labels`);
    for (const a of boxes) for (const b of boxes) if (a !== b) assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${a.id} overlaps ${b.id}`);
    const net = await api<NetworkData>('/api/network');
    const busiest = [...net.nodes].sort((a, b) => b.events - a.events)[0];
    assert.ok(boxes.some((b) => b.id === busiest.id), `${busiest.id} is labelled`);
    await h.shot(SHOTS, 'network-labels');
  });

  test('a weight threshold keeps the pairs that met often enough', async () => {
    await h.open('#/network');
    await h.page.waitForSelector('.pairs a.edge');
    const net = await api<NetworkData>('/api/network');
    const strong = net.edges.filter((e) => e.weight >= 2).map((e) => [e.source, e.target].sort().join('|'));
    assert.ok(strong.length > 0 && strong.length < net.edges.length, 'some pairs met twice or more, others once');
    const field = h.page.getByLabel('Pairs that met at least');
    await field.fill('2');
    await h.page.waitForFunction((n) => document.querySelectorAll('.pairs li').length === n, strong.length);
    const shown = await pairs();
    assert.deepEqual(shown.map((p) => p.pair).sort(), strong.sort());
    assert.ok(shown.every((p) => p.weight >= 2));
    // the threshold is in the address: a reload keeps it
    await h.page.waitForFunction(() => location.hash.includes('min=2'));
    await h.page.reload();
    await h.page.waitForSelector('.pairs a.edge');
    await h.page.waitForFunction((n) => document.querySelectorAll('.pairs li').length === n, strong.length);
    assert.equal(await h.page.getByLabel('Pairs that met at least').inputValue(), '2');
  });

  test('expanding an actor shows their meetings beyond the filter', async () => {
    await h.page.goto('about:blank'); // a fresh page: no threshold left from the test before
    await h.open('#/network?from=2025');
    await h.page.waitForSelector('.pairs a.edge');
    const inFilter = (await pairs()).map((p) => p.pair);
    const ego = await api<NetworkData>('/api/network?actor=xi-jinping');
    const beyond = ego.edges.filter((e) => e.source === 'xi-jinping' || e.target === 'xi-jinping').map((e) => [e.source, e.target].sort().join('|')).filter((p) => !inFilter.includes(p));
    assert.ok(beyond.length > 0, 'Xi met others before 2025');
    const picker = h.page.getByLabel('Expand an actor (all their meetings)');
    await picker.fill('xi-jinping');
    await picker.press('Enter');
    await h.page.waitForFunction((n) => document.querySelectorAll('.pairs li.outside').length === n, beyond.length);
    const shown = await pairs();
    assert.deepEqual(shown.filter((p) => p.outside).map((p) => p.pair).sort(), beyond.sort());
    assert.deepEqual(shown.filter((p) => !p.outside).map((p) => p.pair).sort(), [...inFilter].sort(), 'the filtered pairs stay');
    await h.page.getByRole('button', { name: /^Collapse/ }).click();
    await h.page.waitForFunction(() => document.querySelectorAll('.pairs li.outside').length === 0);
  });

  test('the shortest chain of meetings between two actors', async () => {
    await h.page.goto('about:blank');
    await h.open('#/network');
    await h.page.waitForSelector('.pairs a.edge');
    const from = h.page.getByLabel('Path from');
    await from.fill('ursula-von-der-leyen');
    await from.press('Enter');
    const to = h.page.getByLabel('Path to');
    await to.fill('vladimir-putin');
    await to.press('Enter');
    await h.page.waitForSelector('.path a.path-actor');
    const actors = await h.page.locator('.path a.path-actor').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.replace('#/actor/', ''))));
    const net = await api<NetworkData>('/api/network?edges=2000');
    const met = new Set(net.edges.map((e) => [e.source, e.target].sort().join('|')));
    assert.equal(actors[0], 'ursula-von-der-leyen');
    assert.equal(actors.at(-1), 'vladimir-putin');
    for (let i = 1; i < actors.length; i++) assert.ok(met.has([actors[i - 1], actors[i]].sort().join('|')), `${actors[i - 1]} met ${actors[i]}`);
    // no shorter chain: they never met directly, and this one has a single go-between
    assert.ok(!met.has(['ursula-von-der-leyen', 'vladimir-putin'].sort().join('|')));
    assert.equal(actors.length, 3, actors.join(' > '));
    assert.match(decodeURIComponent(await h.page.evaluate(() => location.hash)), /pathFrom=ursula-von-der-leyen&pathTo=vladimir-putin/);
    await h.shot(SHOTS, 'network-path');
    assert.deepEqual(h.problems, []);
  });
});
