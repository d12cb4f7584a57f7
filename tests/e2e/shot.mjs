// Development aid: screenshots of the built widget in Chromium (node tests/e2e/shot.mjs [width] [steps]).
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';

const width = Number(process.argv[2] || 1280);
const server = await serve('dist', 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width, height: 900 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('.tg-widget');
for (const s of (process.argv[3] || '').split(',').filter(Boolean)) {
  if (s === 'next') await page.click('[data-action=continue]');
  else if (s.startsWith('click:')) await page.click(s.slice(6));
  else if (s.startsWith('check:')) await page.check(s.slice(6));
}
await page.screenshot({ path: `/tmp/shot-${width}.png`, fullPage: true });
console.log(`/tmp/shot-${width}.png`);
await browser.close();
server.close();
