// Screenshots of every page at a laptop's size (1366x900) and a phone's (390x844) into
// docs/screenshots/, from the sample corpus in Debian's Chromium (as the end-to-end tests run it):
//   node --import tsx scripts/screenshots.ts
import { fileURLToPath } from 'node:url';
import { startHarness, TOKEN } from '../test/e2e/harness.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const h = await startHarness();
try {
  const event = (await h.fixture.store.listEvents()).find((e) => e.date === '2023-03-20')!;
  const pages: [string, string, string][] = [
    ['events', '#/events', 'table.events tbody tr'],
    ['event', `#/event/${event.id}`, '.article mark.evidence'],
    ['actor', '#/actor/xi-jinping', '.timeline'],
    ['document', `#/document/${encodeURIComponent(event.reports[0].docId)}`, '.article'],
    ['map', '#/map', '.place-dot'],
    ['network', '#/network', '.pairs a.edge'],
    ['review', '#/review', 'table.judgements'],
  ];
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ]) {
    const context = await h.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${h.base}/#/review`);
    await page.getByLabel('API token').fill(TOKEN);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.waitForSelector('text=Token accepted');
    for (const [name, hash, ready] of pages) {
      await page.goto(`${h.base}/${hash}`);
      await page.waitForSelector(ready);
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${OUT}${name}-${width}.png` });
      process.stdout.write(`${OUT}${name}-${width}.png\n`);
    }
    await context.close();
  }
} finally {
  await h.close();
}
