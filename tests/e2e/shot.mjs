// Development aid: screenshots of the built widget (node tests/e2e/shot.mjs [width]).
import { start, openPage } from './browser.mjs';
const width = Number(process.argv[2] || 1280);
const { server, origin, browser } = await start('dist');
const { page } = await openPage(browser, origin);
await page.setViewportSize({ width, height: 900 });
await page.waitForSelector('.tg-widget');
const steps = (process.argv[3] || '').split(',').filter(Boolean);
for (const s of steps) {
  if (s === 'next') await page.click('[data-action=continue]');
  else if (s.startsWith('click:')) await page.click(s.slice(6));
  else if (s.startsWith('check:')) await page.check(s.slice(6));
}
await page.screenshot({ path: `/tmp/shot-${width}.png`, fullPage: true });
console.log(`/tmp/shot-${width}.png`);
await browser.close(); server.close();
