// Shared helpers for the end-to-end suites: serve dist/ on loopback, launch Debian's
// Chromium through playwright-core (never a downloaded browser), and a tiny test runner
// whose closing line is "e2e: N passed, N failed".
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
];

const AXE_PATH = '/__test__/axe.min.js';

/** The widget as rendered in a host element (its shadow root is pierced by Playwright). */
export const WIDGET = '[data-threshold-guide] .tg-widget';

/** Continue to the next step, as a user clicks it. */
export const next = (page, widget = WIDGET) => page.locator(`${widget} [data-action=continue]`).click();

/** Chooses a radio option in the question whose legend contains `legend`. */
export const choose = (page, legend, option) => page.getByRole('group', { name: legend }).getByLabel(option, { exact: true }).check();

export async function start(dir = 'dist') {
  const server = await serve(dir, 0, { [AXE_PATH]: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { server, origin, browser };
}

/** A fresh page that records console errors, page errors and any request off loopback.
 *  `options.time` fixes the page clock (an ISO instant) before the page loads. */
export async function openPage(browser, origin, path = '/', options = {}) {
  const context = await browser.newContext({ viewport: { width: options.width || 1280, height: 900 } });
  const page = await context.newPage();
  if (options.time) await page.clock.setFixedTime(new Date(options.time));
  // Every Content-Security-Policy violation is a failure.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { if (d.type() !== 'beforeunload') problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(origin)) problems.push(`request off this origin: ${r.url()}`); });
  await page.goto(origin + path);
  return { page, context, problems };
}

export async function runTests(tests) {
  let passed = 0, failed = 0;
  for (const [name, fn] of tests) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split('\n').join('\n  ')}`);
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (WCAG 2.2 AA tags) on the page; throws on any violation, logs "incomplete". */
export async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ url: AXE_PATH });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  if (result.incomplete.length) {
    console.log(`  axe incomplete (${label}): ${result.incomplete.map((r) => `${r.id}×${r.nodes.length}`).join(', ')}`);
  }
  if (result.violations.length) {
    const detail = result.violations.map((v) => `${v.id}: ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n      ')}`).join('\n    ');
    throw new Error(`axe violations on ${label}:\n    ${detail}`);
  }
}

/** The focused element, looking inside shadow roots (the widget renders in one). */
export function deepActiveElement() {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Evaluates `fn(focusedElement)` in the page. */
export async function focused(page, fn) {
  return page.evaluate(`(${fn})((${deepActiveElement})())`);
}
