// Review on the actor page in Chromium: merging two actors with a preview (which id survives,
// which mentions and events move), the merged-away actor id redirecting to the survivor (API 308
// and the page's notice), and a split of some names previewed with the new actor it makes.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SHOTS, skipWithoutBrowser, startHarness, useToken, openReview, type Harness, ingestFiles } from './harness.ts';

let h: Harness;

const mentionsOf = async (actorId: string) => {
  const events = (await h.fixture.store.listEvents()).filter((e) => e.participants.some((p) => p.actorId === actorId));
  const reports = events.flatMap((e) => e.participants.find((p) => p.actorId === actorId)!.reports);
  return { events: events.length, mentions: reports.length, reports: new Set(reports) };
};

describe('review on the actor page', { skip: skipWithoutBrowser }, () => {
  before(async () => {
    h = await startHarness();
    await useToken(h);
  });
  after(async () => h?.close());

  test('split off names: the preview names the new actor and what moves; nothing is recorded', async () => {
    await h.open('#/actor/xi-jinping');
    await openReview(h, 'actor');
    const form = h.page.getByRole('form', { name: 'Split off names' });
    await form.getByLabel(/Names whose mentions/).fill('Xi Jinping');
    await form.getByRole('button', { name: 'Preview split' }).click();
    const moves = h.page.getByRole('region', { name: 'What moves' });
    await moves.waitFor();
    assert.match((await moves.locator('.survivor').textContent()) ?? '', /become xi-jinping~[0-9a-f]{8}/);
    const rows = await moves.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-actor'), tr.querySelector('.mentions')!.textContent]));
    const before = await mentionsOf('xi-jinping');
    assert.equal(rows[0][0], 'xi-jinping');
    assert.match(rows[0][1]!, new RegExp(`^${before.mentions} → \\d+$`));
    assert.ok(rows[1] && /^xi-jinping~/.test(rows[1][0]!) && /^0 → [1-9]/.test(rows[1][1]!), JSON.stringify(rows));
    await h.page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await h.fixture.store.listJudgements()).length, 0, 'a preview records nothing');
  });

  test('merge with a preview of what moves, then the merged-away id redirects', async () => {
    const [kept, absorbed] = ['olaf-scholz', 'emmanuel-macron'];
    const [k, a] = [await mentionsOf(kept), await mentionsOf(absorbed)];
    assert.ok(k.mentions > 0 && a.mentions > 0);
    await h.open(`#/actor/${absorbed}`);
    await openReview(h, 'actor');
    const form = h.page.getByRole('form', { name: 'Merge with another actor' });
    const other = form.getByLabel('Other actor');
    await other.fill(kept);
    await other.press('Enter');
    await form.getByLabel('the other').check();
    await form.getByRole('button', { name: 'Preview merge' }).click();
    const moves = h.page.getByRole('region', { name: 'What moves' });
    await moves.waitFor();
    assert.match((await moves.locator('.survivor').textContent()) ?? '', new RegExp(`Olaf Scholz \\(${kept}\\) survives; ${absorbed} \\(Emmanuel Macron\\) will redirect to it`));
    const cell = async (id: string) => (await moves.locator(`tr[data-actor="${id}"] .mentions`).textContent())?.trim();
    assert.equal(await cell(absorbed), `${a.mentions} → 0`);
    // every report that named either names the survivor (a report naming both counts once)
    const union = new Set([...k.reports, ...a.reports]).size;
    assert.ok(union > k.mentions);
    assert.equal(await cell(kept), `${k.mentions} → ${union}`);
    await h.shot(SHOTS, 'actor-merge-preview');
    await h.page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Apply' }).click();
    await h.page.waitForFunction((id) => location.hash === `#/actor/${id}`, kept);
    await h.page.waitForSelector('h1:has-text("Olaf Scholz")');
    assert.equal((await mentionsOf(absorbed)).mentions, 0);
    assert.equal((await mentionsOf(kept)).mentions, union);
    // the API redirects the absorbed id; the page says so and shows the survivor's address
    const api = await h.page.request.get(`${h.base}/api/actors/${absorbed}`, { maxRedirects: 0 });
    assert.equal(api.status(), 308);
    assert.equal(api.headers().location, `/api/actors/${kept}`);
    await h.page.goto('about:blank');
    await h.open(`#/actor/${absorbed}`);
    const notice = h.page.getByRole('status').filter({ hasText: 'was merged into this one' });
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', new RegExp(`${absorbed} was merged into this one \\(${kept}\\)`));
    assert.equal(await h.page.evaluate(() => location.hash), `#/actor/${kept}`);
    // the judgement holds for reports analysed afterwards: a new article naming the absorbed actor
    const article = 'Macron meets Biden\n2025-11-20\n\nWASHINGTON - French President Emmanuel Macron met US President Joe Biden at the White House in Washington on Thursday, 20 November 2025.\n';
    await ingestFiles(h.fixture, { 'ws-after-merge.txt': article }, 'after merge');
    const later = (await h.fixture.store.listEvents()).find((e) => e.reports.some((r) => r.docId === 'ws-after-merge'))!;
    assert.ok(later, 'the new article made an event');
    const who = later.participants.map((p) => p.actorId);
    assert.ok(who.includes(kept) && !who.includes(absorbed), who.join(', '));
    assert.deepEqual(h.problems, []);
  });
});
