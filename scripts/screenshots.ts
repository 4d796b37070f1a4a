// Screenshots of every page at a laptop's size (1366x900) and a phone's (390x844) into
// docs/screenshots/, from the sample corpus in Debian's Chromium (as the end-to-end tests run it);
// the README's lead picture (event.png) is the event page at 1366. Each page is checked to fit the
// phone's width (scrollWidth <= innerWidth); a page that does not is named and the script fails.
//   node --import ./src/runtime/register.mjs scripts/screenshots.ts
import { fileURLToPath } from 'node:url';
import { startHarness, TOKEN } from '../test/e2e/harness.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const h = await startHarness();
const wide: string[] = [];
try {
  const event = (await h.fixture.store.listEvents()).find((e) => e.date === '2023-03-20')!;
  const pages: [string, string, string][] = [
    ['events', '#/events', 'table.events tbody tr'],
    ['event', `#/event/${event.id}`, '.article mark.evidence'],
    ['actor', '#/actor/xi-jinping', '.timeline'],
    ['document', `#/document/${encodeURIComponent(event.reports[0].docId)}`, '.article'],
    ['map', '#/map', '.place-dot, .place-cluster'],
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
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${name} at ${width} px is ${overflow} px too wide`);
      await page.screenshot({ path: `${OUT}${name}-${width}.png` });
      process.stdout.write(`${OUT}${name}-${width}.png\n`);
      if (name === 'event' && width === 1366) await page.screenshot({ path: `${OUT}event.png` });
    }
    await context.close();
  }
} finally {
  await h.close();
}
if (wide.length) {
  process.stderr.write(`pages wider than the screen:\n${wide.join('\n')}\n`);
  process.exitCode = 1;
}
