// End-to-end: the built widget (dist/, from `trunk build --release`) in headless Chromium.
import { start, openPage, runTests, assert } from './browser.mjs';

const { server, origin, browser } = await start('dist');
const WIDGET = '[data-threshold-guide] .tg-widget';

const ok = await runTests([
  ['the widget mounts, replaces its fallback and shows the rule set it uses', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(WIDGET, { timeout: 15000 });
    const h1 = await page.textContent(`${WIDGET} h1`);
    assert(h1.trim() === 'Luton threshold guide', `heading was "${h1}"`);
    assert(await page.locator('[data-threshold-guide] .tg-fallback').count() === 0, 'fallback still shown after mount');
    const meta = await page.textContent(`${WIDGET} .tg-meta`);
    assert(/Effective Support for Children and Families in Luton/.test(meta) && /[0-9a-f]{12}/.test(meta), `rule-set line was "${meta}"`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['answering "Yes" to immediate danger shows 999 first and who to phone now', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(WIDGET);
    await page.getByRole('button', { name: 'Yes' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    assert(text.includes('Call 999 now'), `alert was "${text}"`);
    assert(/01582 547653|0300 300 8123/.test(text), `no MASH or EDT number in "${text}"`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['nothing is stored in the browser and nothing leaves the page', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(WIDGET);
    await page.getByRole('button', { name: 'No' }).click();
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    assert(stored.local === 0 && stored.session === 0 && stored.cookie === '', `stored: ${JSON.stringify(stored)}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
]);

await browser.close();
server.close();
process.exit(ok ? 0 : 1);
