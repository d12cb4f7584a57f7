// Hostile text typed into every free-text field of the checklist, 100+ strings in batches:
// each is shown literally on Check your answers and in the referral summary, and copied
// exactly; no dialog, no script, no console error, no element injected, nothing truncated.
import fs from 'node:fs';
import { start, openPage, runTests, assert, WIDGET as W, next, choose } from './browser.mjs';

const corpus = JSON.parse(fs.readFileSync(new URL('../hostile.json', import.meta.url)));
const { server, origin, browser } = await start('dist');
// The summary trims answers as Rust's str::trim does (Unicode White_Space, which includes
// U+0085 but not U+FEFF, unlike JavaScript's trim).
const WS = '[\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const rustTrim = (t) => t.replace(new RegExp(`^${WS}+|${WS}+$`, 'gu'), '');

async function journeyWith(strings, checkClipboard) {
  const { page, context, problems } = await openPage(browser, origin);
  if (checkClipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.waitForSelector(W);
  await next(page);
  await choose(page, 'immediate danger', 'No'); await next(page);
  await choose(page, 'significant harm', 'No'); await choose(page, 'already open', 'No'); await next(page);
  await choose(page, 'How old', '5 to 12 years'); await next(page);
  await next(page); await next(page);
  await page.locator(`${W} h1`, { hasText: 'Before you refer' }).waitFor();
  const areas = page.locator(`${W} textarea`);
  const n = Math.min(await areas.count(), strings.length);
  const typed = [];
  for (let i = 0; i < n; i++) {
    await areas.nth(i).fill(strings[i]);
    typed.push(await areas.nth(i).inputValue()); // what the browser holds (it may normalise line ends)
  }
  await next(page);
  await choose(page, 'parents or carers given consent', 'Yes, they have given consent');
  await next(page);
  await page.locator(`${W} h1`, { hasText: 'Check your answers' }).waitFor();
  const shown = await page.locator(`${W} .tg-answer`).allTextContents();
  for (const t of typed) if (t.trim()) assert(shown.includes(t), `not shown literally on Check your answers: ${JSON.stringify(t.slice(0, 60))}`);
  await next(page); await page.locator(`${W} h1`, { hasText: 'What to do now' }).waitFor();
  await page.getByRole('group', { name: 'Your professional judgement' }).getByRole('radio').first().check();
  await next(page);
  await page.locator(`${W}[data-screen=Summary]`).waitFor();
  const summary = (await page.locator(`${W} .tg-summary-text`).allTextContents()).join('\n');
  // Every checklist answer is in the summary, trimmed of surrounding space, never cut short.
  for (const t of typed) if (rustTrim(t)) assert(summary.includes(rustTrim(t)), `not in the summary: ${JSON.stringify(t.slice(0, 60))} (${t.length} chars)`);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('[data-threshold-guide]').shadowRoot;
    return root.querySelectorAll('script, img, svg, iframe, object, embed, style, link, meta, base, form, template, math, b').length;
  });
  assert(injected === 0, `${injected} elements injected from user text`);
  if (checkClipboard) {
    await page.getByRole('button', { name: 'Copy all' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    for (const t of typed) if (rustTrim(t)) assert(clip.includes(rustTrim(t)), `copied text lacks ${JSON.stringify(t.slice(0, 40))}`);
  }
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
  return typed.length;
}

const batches = [];
for (let i = 0; i < corpus.length; i += 14) batches.push(corpus.slice(i, i + 14));
/** The free-text fields outside the checklist: contacts made, steps taken on risks, the
 *  consent reason, the judgement reason, and the indicator search box. */
async function otherFields(strings) {
  const { page, context, problems } = await openPage(browser, origin);
  const [contact, steps, reason, judgement, search] = strings;
  await page.waitForSelector(W);
  await next(page);
  await choose(page, 'immediate danger', 'No'); await next(page);
  await choose(page, 'significant harm', 'Yes'); await choose(page, 'already open', 'No');
  await page.getByLabel('Who have you already contacted about this, and when?').fill(contact);
  await next(page);
  await choose(page, 'How old', '5 to 12 years'); await next(page);
  await page.getByLabel('Search all indicators').fill(search);
  const echoed = await page.locator(`${W} .tg-domains, ${W} fieldset legend, ${W} p`).allTextContents();
  assert(rustTrim(search).length < 2 || echoed.some((t) => t.includes(search.trim())), 'the search is echoed as text');
  await page.getByLabel('Search all indicators').fill('');
  await next(page);
  await page.getByRole('group', { name: 'neglect' }).first().getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('What have you already done about these risks?').fill(steps);
  await next(page); await next(page);
  await choose(page, 'parents or carers given consent', 'I have decided not to seek consent');
  await choose(page, 'exceptions applies', 'The child is at immediate risk of harm');
  await page.getByLabel('Why have you not sought consent?').fill(reason);
  await next(page); await next(page);
  await page.locator(`${W} h1`, { hasText: 'What to do now' }).waitFor();
  await page.getByLabel('Universal', { exact: true }).check();
  await page.getByLabel('Your reason').fill(judgement);
  await next(page);
  await page.locator(`${W}[data-screen=Summary]`).waitFor();
  const summary = (await page.locator(`${W} .tg-summary-text`).allTextContents()).join('\n');
  for (const t of [contact, steps, reason, judgement]) if (rustTrim(t)) assert(summary.includes(rustTrim(t)), `not in the summary: ${JSON.stringify(t.slice(0, 60))}`);
  const injected = await page.evaluate(() => document.querySelector('[data-threshold-guide]').shadowRoot.querySelectorAll('script, img, svg, iframe, object, embed, style, link, b').length);
  assert(injected === 0, `${injected} elements injected`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
}

const others = [];
for (let i = 0; i + 5 <= corpus.length; i += 25) others.push(corpus.slice(i, i + 5));
const ok = await runTests([
  ...batches.map((batch, i) => [
    `hostile strings ${i * 14 + 1}–${i * 14 + batch.length} of ${corpus.length} in the checklist render as text in the UI, the summary and the copied text`,
    async () => { await journeyWith(batch, true); },
  ]),
  ...others.map((five, i) => [
    `hostile strings in the other free-text fields and the search box (set ${i + 1} of ${others.length})`,
    async () => { await otherFields(five); },
  ]),
]);
await browser.close();
server.close();
process.exit(ok ? 0 : 1);
