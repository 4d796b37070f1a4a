// Review on the event page in Chromium: a merge previewed then applied, the merged-away id
// redirecting; an implausible merge needing a ticked confirmation; a correction to 2023-02-31
// refused with the reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { reviewAnalyses } from '../../src/store/sqlite/review-fixture.ts';
import { SHOTS, skipWithoutBrowser, startHarness, useToken, openReview, eventOfDoc, type Harness } from './harness.ts';

let h: Harness;

describe('review on the event page', { skip: skipWithoutBrowser }, () => {
  before(async () => {
    h = await startHarness({ prepare: async (fixture) => void (await fixture.store.saveBatch(reviewAnalyses())) });
    await useToken(h);
  });
  after(async () => h?.close());

  test('merge with preview, then the merged-away id redirects', async () => {
    const [pt, en] = [(await eventOfDoc(h, 'pt-madrid')).id, (await eventOfDoc(h, 'en-madrid')).id];
    await h.open(`#/event/${pt}`);
    await openReview(h, 'event');
    const form = h.page.getByRole('form', { name: 'Merge with another event' });
    await form.getByLabel('Other event id').fill(en);
    await form.getByRole('button', { name: 'Preview merge' }).click();
    const preview = h.page.getByRole('region', { name: 'Preview' });
    await preview.waitFor();
    assert.equal(await preview.getByRole('alert').count(), 0, 'a plausible merge raises no concern');
    const afterText = (await preview.locator('ul.after').textContent()) ?? '';
    assert.match(afterText, /2023-04-26, Madrid .* 2 reports in 2 documents/);
    assert.match((await preview.textContent()) ?? '', / will redirect to /);
    assert.equal((await h.fixture.store.listJudgements()).length, 0, 'a preview records nothing');
    await h.shot(SHOTS, 'event-merge-preview');
    await preview.getByRole('button', { name: 'Apply' }).click();
    await h.page.waitForFunction(() => document.querySelector('.facts')?.textContent?.includes('2 in 2 document'));
    // the event says why its reports are together, and who decided it, when
    const why = h.page.locator('details.why');
    await why.locator('summary').click();
    await why.getByText(/an analyst said so/).waitFor();
    assert.match((await why.textContent()) ?? '', /Judgement #\d+ \(event-merge\) by analyst, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const merged = (await eventOfDoc(h, 'en-madrid')).id;
    assert.equal((await eventOfDoc(h, 'pt-madrid')).id, merged);
    const gone = [pt, en].find((id) => id !== merged)!;
    await h.open(`#/event/${gone}`);
    const notice = h.page.getByRole('status').filter({ hasText: 'was merged into this one' });
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', new RegExp(`${gone} was merged into this one \\(${merged}\\)`));
    assert.match(await h.page.evaluate(() => location.hash), new RegExp(merged));
  });

  test('an implausible merge needs a ticked confirmation, with the reasons shown', async () => {
    const [madrid, baires] = [(await eventOfDoc(h, 'pt-madrid')).id, (await eventOfDoc(h, 'es-baires')).id];
    await h.open(`#/event/${baires}`);
    await openReview(h, 'event');
    const form = h.page.getByRole('form', { name: 'Merge with another event' });
    await form.getByLabel('Other event id').fill(madrid);
    await form.getByRole('button', { name: 'Preview merge' }).click();
    const preview = h.page.getByRole('region', { name: 'Preview' });
    const alert = preview.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /dates contradict.*places contradict/s);
    const apply = preview.getByRole('button', { name: 'Apply' });
    assert.ok(await apply.isDisabled(), 'Apply waits for the confirmation');
    await h.shot(SHOTS, 'event-merge-implausible');
    await preview.getByLabel(/apply it anyway/).check();
    await apply.click();
    await h.page.waitForFunction(() => document.querySelector('.facts')?.textContent?.includes('3 in 3 document'));
    assert.equal((await eventOfDoc(h, 'es-baires')).id, (await eventOfDoc(h, 'pt-madrid')).id);
  });

  test('a correction to 2023-02-31 is refused with the reason', async () => {
    const paris = (await h.fixture.store.listEvents()).find((e) => e.date === '2023-01-22')!.id;
    await h.open(`#/event/${paris}`);
    await openReview(h, 'event');
    const form = h.page.getByRole('form', { name: 'Correct this event' });
    await form.getByLabel('Date').fill('2023-02-31');
    await form.getByRole('button', { name: 'Preview correction' }).click();
    const alert = h.page.getByRole('region', { name: 'Review this event' }).getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /"2023-02-31" is not a calendar date: February 2023 has 28 days/);
    assert.equal((await h.fixture.store.getEvent(paris))!.date, '2023-01-22');
  });

  test('no errors, dialogs or outside requests along the way', async () => {
    assert.deepEqual(h.problems, []);
  });
});
