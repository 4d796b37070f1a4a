// A review preview on the event page is of the choices made when it was asked for (the defect fixed
// on the actor page at bc017d3, shared since through web/src/components/useJudgementPreview.ts):
// changing a choice drops the preview on screen, and the answer to an older request, arriving late,
// never shows over a newer choice. Chromium, with the preview answers held back on purpose.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Route } from 'playwright-core';
import { reviewAnalyses } from '../../src/store/sqlite/review-fixture.ts';
import { skipWithoutBrowser, startHarness, useToken, openReview, eventOfDoc, type Harness } from './harness.ts';

let h: Harness;

/** Holds back the answers to preview requests of one kind until `release()`; answers when they arrive. */
async function holdPreviews(kind: string): Promise<{ release(): void; answered: Promise<unknown>; stop(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const url = `${h.base}/api/judgements/preview`;
  const handler = async (route: Route) => {
    if ((route.request().postDataJSON() as { kind?: string })?.kind === kind) await released;
    await route.continue();
  };
  await h.page.route(url, handler);
  const answered = h.page.waitForResponse((r) => r.url() === url && (r.request().postDataJSON() as { kind?: string })?.kind === kind);
  return { release, answered, stop: () => h.page.unroute(url, handler) };
}

/** Lets React render what an answer that just arrived would show. */
const settle = () => h.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));

describe('review previews on the event page follow the choices', { skip: skipWithoutBrowser }, () => {
  before(async () => {
    h = await startHarness({ prepare: async (fixture) => void (await fixture.store.saveBatch(reviewAnalyses())) });
    await useToken(h);
  });
  after(async () => h?.close());

  test('changing the date after a correction was previewed drops the preview; the panel stays open', async () => {
    await h.open(`#/event/${(await eventOfDoc(h, 'en-madrid')).id}`);
    await openReview(h, 'event');
    const form = h.page.getByRole('form', { name: 'Correct this event' });
    await form.getByLabel('Date').fill('2023-04-27');
    await form.getByRole('button', { name: 'Preview correction' }).click();
    const preview = h.page.getByRole('region', { name: 'Preview' });
    await preview.waitFor();
    assert.match((await preview.locator('ul.after').textContent()) ?? '', /2023-04-27/);
    await form.getByLabel('Date').fill('2023-04-28');
    await preview.waitFor({ state: 'detached' });
    assert.ok(await h.page.getByRole('region', { name: 'Review this event' }).isVisible(), 'the form stays open');
    assert.equal((await h.fixture.store.listJudgements()).length, 0, 'previews record nothing');
  });

  test('a late answer to an older request never shows over a newer choice', async () => {
    const [en, pt] = [(await eventOfDoc(h, 'en-madrid')).id, (await eventOfDoc(h, 'pt-madrid')).id];
    // a fresh page: the same address again would keep the panel the last test opened
    await h.page.goto('about:blank');
    await h.open(`#/event/${en}`);
    await openReview(h, 'event');
    const merge = h.page.getByRole('form', { name: 'Merge with another event' });
    const correct = h.page.getByRole('form', { name: 'Correct this event' });
    const preview = h.page.getByRole('region', { name: 'Preview' });

    // a merge previewed, then the other event id changed while its answer is on its way
    let held = await holdPreviews('event-merge');
    await merge.getByLabel('Other event id').fill(pt);
    await merge.getByRole('button', { name: 'Preview merge' }).click();
    await merge.getByLabel('Other event id').fill(`${pt}x`);
    held.release();
    await held.answered;
    await settle();
    assert.equal(await preview.count(), 0, 'the answer for the old id is not shown under the new one');
    await held.stop();

    // a merge previewed, then a correction previewed (answered first): the merge's late answer stays hidden
    held = await holdPreviews('event-merge');
    await merge.getByLabel('Other event id').fill(pt);
    await merge.getByRole('button', { name: 'Preview merge' }).click();
    await correct.getByLabel('Date').fill('2023-04-27');
    await correct.getByRole('button', { name: 'Preview correction' }).click();
    await preview.waitFor();
    const shown = (await preview.locator('ul.after').textContent()) ?? '';
    assert.match(shown, /2023-04-27/);
    held.release();
    await held.answered;
    await settle();
    assert.equal(await preview.count(), 1);
    assert.equal((await preview.locator('ul.after').textContent()) ?? '', shown, 'still the correction, not the merge');
    assert.doesNotMatch((await preview.textContent()) ?? '', /will redirect to/);
    await held.stop();
    assert.equal((await h.fixture.store.listJudgements()).length, 0);
    assert.deepEqual(h.problems, []);
  });
});
