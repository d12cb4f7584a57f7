// End-to-end: the engine's JavaScript API on "a partner's own form" (static/partner-form.html),
// under the strict CSP: the page's own inputs call the engine and show the category, the
// actions and whom to phone now; 0 console errors, 0 CSP violations, axe clean at 1280 and
// 320 px; and the engine's files are content-hashed beside a short-cached entry.
import { start, openPage, runTests, assert, axe } from './browser.mjs';

const { server, origin, browser } = await start('dist');
const PATH = '/partner-form.html';

async function ready(page) {
  await page.locator('#status', { hasText: 'Rules loaded' }).waitFor({ timeout: 15000 });
}

const ok = await runTests([
  ['the partner form loads the engine under the strict CSP, with 0 axe violations at 1280 and 320 px', async () => {
    const { page, context, problems } = await openPage(browser, origin, PATH);
    await ready(page);
    const headers = (await page.request.get(origin + PATH)).headers();
    assert(headers['content-security-policy'].includes("default-src 'none'"), 'strict CSP header');
    assert((await page.locator('#child_age option').count()) > 3, 'ages from questions()');
    assert((await page.locator('#indicator-list input[type=checkbox]').count()) > 5, 'indicators from indicators()');
    await axe(page, `${PATH} at 1280px`);
    await page.setViewportSize({ width: 320, height: 800 });
    await axe(page, `${PATH} at 320px`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['immediate danger: statutory intervention, "call 999" first, and whom to phone now', async () => {
    // Monday 10:00 in London: the MASH is open.
    const { page, context, problems } = await openPage(browser, origin, PATH, { time: '2026-11-23T10:00:00Z' });
    await ready(page);
    await page.getByRole('group', { name: 'Is the child in immediate danger?' }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Get advice' }).click();
    await page.locator('#advice').waitFor();
    assert((await page.locator('#category').textContent()) === 'Statutory Intervention / Family Help', await page.locator('#category').textContent());
    const first = await page.locator('#actions li').first().textContent();
    assert(/^Now: .*999/.test(first), first);
    const contact = await page.locator('#contact').textContent();
    assert(contact.includes('01582 547653'), contact);
    await axe(page, `${PATH} with advice`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['indicators chosen on the form give their category; out of hours, not urgent, the MASH when it opens', async () => {
    // Friday 16:20 in London: after the MASH's Friday closing.
    const { page, context, problems } = await openPage(browser, origin, PATH, { time: '2026-11-20T16:20:00Z' });
    await ready(page);
    await page.locator('#domain').selectOption('health');
    await page.getByLabel('Missing immunisations/checks').check();
    await page.getByRole('button', { name: 'Get advice' }).click();
    await page.locator('#advice').waitFor();
    assert((await page.locator('#category').textContent()) === 'Emerging Needs', await page.locator('#category').textContent());
    const contact = await page.locator('#contact').textContent();
    assert(contact.includes('Monday 23 November 2026 at 08:45'), contact);
    assert((await page.locator('#actions li').count()) >= 1, 'actions listed');
    assert((await page.locator('#status').textContent()).includes('Emerging Needs'), 'announced in the status region');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['the engine: a short-cached entry and content-hashed glue and wasm, fetched only when the page loads it', async () => {
    const entry = await fetch(`${origin}/engine/threshold-engine.js`);
    assert(entry.status === 200 && entry.headers.get('cache-control') === 'no-cache', `entry ${entry.status} ${entry.headers.get('cache-control')}`);
    const text = await entry.text();
    const [glue, wasm] = [/threshold-engine-[0-9a-f]{16}\.js/, /threshold-engine-[0-9a-f]{16}_bg\.wasm/].map((re) => text.match(re)?.[0]);
    assert(glue && wasm, 'the entry names its hashed files');
    for (const f of [glue, wasm]) {
      const r = await fetch(`${origin}/engine/${f}`);
      assert(r.status === 200 && r.headers.get('cache-control').includes('immutable'), `${f}: ${r.status} ${r.headers.get('cache-control')}`);
    }
    assert((await fetch(`${origin}/engine/threshold-engine.d.ts`)).status === 200, 'types beside the entry');
  }],
]);

await browser.close();
server.close();
process.exit(ok ? 0 : 1);
