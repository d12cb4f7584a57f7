// End-to-end: the engine's JavaScript API on "a partner's own form" (static/partner-form.html),
// under the strict CSP: the page's own inputs call the engine and show the category, the
// actions and whom to phone now; 0 console errors, 0 CSP violations, axe clean at 1280 and
// 320 px; and the engine's files are content-hashed beside a short-cached entry.
// Chromium and Firefox (the page's own markup, driven through Playwright).
import { start, test, assert } from './browser.mjs';

const { origin, open } = await start('dist');
const ENGINES = { only: ['chromium', 'firefox'] };
const PATH = '/partner-form.html';

/** The partner form, once the engine has loaded its rules (the clock fixed at `time`). */
async function openForm(t, time) {
  const ui = await open(t, PATH, { time });
  await ui.page.locator('#status', { hasText: 'Rules loaded' }).waitFor({ timeout: 15000 });
  return ui;
}

/** Asks the form for advice; returns the category shown. */
async function advise(page) {
  await page.getByRole('button', { name: 'Get advice' }).click();
  await page.locator('#advice').waitFor();
  return page.locator('#category').textContent();
}

test(
  'the partner form loads the engine under the strict CSP, with 0 axe violations at 1280 and 320 px',
  async (t) => {
    const ui = await openForm(t);
    const { page } = ui;
    const headers = (await page.request.get(origin + PATH)).headers();
    assert(headers['content-security-policy'].includes("default-src 'none'"), 'strict CSP header');
    assert((await page.locator('#child_age option').count()) > 3, 'ages from questions()');
    assert((await page.locator('#indicator-list input[type=checkbox]').count()) > 5, 'indicators from indicators()');
    await ui.bothWidths(PATH);
    await ui.assertClean();
  },
  ENGINES,
);

test(
  'immediate danger: statutory intervention, "call 999" first, and whom to phone now',
  async (t) => {
    // Monday 10:00 in London: the MASH is open.
    const ui = await openForm(t, '2026-11-23T10:00:00Z');
    const { page } = ui;
    await page.getByRole('group', { name: 'Is the child in immediate danger?' }).getByLabel('Yes').check();
    const category = await advise(page);
    assert(category === 'Statutory Intervention / Family Help', category);
    const first = await page.locator('#actions li').first().textContent();
    assert(/^Now: .*999/.test(first), first);
    const contact = await page.locator('#contact').textContent();
    assert(contact.includes('01582 547653'), contact);
    await ui.axe(`${PATH} with advice`);
    await ui.assertClean();
  },
  ENGINES,
);

test(
  'indicators chosen on the form give their category; out of hours, not urgent, the MASH when it opens',
  async (t) => {
    // Friday 16:20 in London: after the MASH's Friday closing.
    const ui = await openForm(t, '2026-11-20T16:20:00Z');
    const { page } = ui;
    await page.locator('#domain').selectOption('health');
    await page.getByLabel('Missing immunisations/checks').check();
    const category = await advise(page);
    assert(category === 'Emerging Needs', category);
    const contact = await page.locator('#contact').textContent();
    assert(contact.includes('Monday 23 November 2026 at 08:45'), contact);
    assert((await page.locator('#actions li').count()) >= 1, 'actions listed');
    assert((await page.locator('#status').textContent()).includes('Emerging Needs'), 'announced in the status region');
    await ui.assertClean();
  },
  ENGINES,
);

test(
  'the engine: a short-cached entry and content-hashed glue and wasm, fetched only when the page loads it',
  async () => {
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
  },
  ENGINES,
);
