// Hostile text typed into every free-text field of the checklist, 100+ strings in batches:
// each is shown literally on Check your answers and in the referral summary, and copied
// exactly; no dialog, no script, no console error, no element injected, nothing truncated.
import fs from 'node:fs';
import { start, test, assert, toIndicators, ENGINE } from './browser.mjs';

const corpus = JSON.parse(fs.readFileSync(new URL('../hostile.json', import.meta.url)));
const { origin, open } = await start('dist');
// Playwright's fill() puts any string in a field; WebDriver types key by key, which cannot
// enter every string here (lone surrogates, controls): Chromium and Firefox run this suite.
const ENGINES = { only: ['chromium', 'firefox'] };
// The summary trims answers as Rust's str::trim does (Unicode White_Space, which includes
// U+0085 but not U+FEFF, unlike JavaScript's trim).
const WS = '[\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const rustTrim = (t) => t.replace(new RegExp(`^${WS}+|${WS}+$`, 'gu'), '');

async function journeyWith(t, strings, checkClipboard) {
  const ui = await open(t, '/');
  if (checkClipboard && ENGINE === 'chromium') await ui.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await toIndicators(ui);
  await ui.next();
  await ui.next();
  await ui.waitFor('h1', 'Before you refer');
  const areas = ui.w().locator('textarea');
  const n = Math.min(await areas.count(), strings.length);
  const typed = [];
  for (let i = 0; i < n; i++) {
    await areas.nth(i).fill(strings[i]);
    typed.push(await areas.nth(i).inputValue()); // what the browser holds (it may normalise line ends)
  }
  await ui.next();
  await ui.choose('parents or carers given consent', 'Yes, they have given consent');
  await ui.next();
  await ui.waitFor('h1', 'Check your answers');
  const shown = await ui.texts('.tg-answer');
  for (const t of typed) if (t.trim()) assert(shown.includes(t), `not shown literally on Check your answers: ${JSON.stringify(t.slice(0, 60))}`);
  await ui.next();
  await ui.waitFor('h1', 'What to do now');
  await ui.click('input[name$=judgement]');
  await ui.next();
  await ui.waitFor('.tg-summary-text');
  const summary = (await ui.texts('.tg-summary-text')).join('\n');
  // Every checklist answer is in the summary, trimmed of surrounding space, never cut short.
  for (const t of typed) if (rustTrim(t)) assert(summary.includes(rustTrim(t)), `not in the summary: ${JSON.stringify(t.slice(0, 60))} (${t.length} chars)`);
  const injected = await ui.eval(() => {
    const root = document.querySelector('[data-threshold-guide]').shadowRoot;
    return root.querySelectorAll('script, img, svg, iframe, object, embed, style, link, meta, base, form, template, math, b').length;
  });
  assert(injected === 0, `${injected} elements injected from user text`);
  if (checkClipboard) {
    await ui.button('Copy all');
    await ui.waitFor('[role=status]', 'Copied');
    const clip = await ui.eval(() => navigator.clipboard.readText());
    // A NUL is copied as U+FFFD (Firefox's clipboard would end the text there).
    for (const t of typed)
      if (rustTrim(t)) assert(clip.includes(rustTrim(t).replaceAll('\0', '\uFFFD')), `copied text lacks ${JSON.stringify(t.slice(0, 40))}`);
  }
  await ui.assertClean();
  return typed.length;
}

const batches = [];
for (let i = 0; i < corpus.length; i += 14) batches.push(corpus.slice(i, i + 14));
/** The free-text fields outside the checklist: contacts made, steps taken on risks, the
 *  consent reason, the judgement reason, and the indicator search box. */
async function otherFields(t, strings) {
  const ui = await open(t, '/');
  const [contact, steps, reason, judgement, search] = strings;
  await ui.waitFor('h1');
  await ui.next();
  await ui.choose('immediate danger', 'No');
  await ui.next();
  await ui.choose('significant harm', 'Yes');
  await ui.choose('already open', 'No');
  await ui.fill('Who have you already contacted about this, and when?', contact);
  await ui.next();
  await ui.choose('How old', '5 to 12 years');
  await ui.next();
  await ui.fill('Search all indicators', search);
  const echoed = await ui.texts('.tg-domains, fieldset legend, p');
  assert(rustTrim(search).length < 2 || echoed.some((t) => t.includes(search.trim())), 'the search is echoed as text');
  await ui.fill('Search all indicators', '');
  await ui.next();
  await ui.choose('neglect', 'Yes');
  await ui.fill('What have you already done about these risks?', steps);
  await ui.next();
  await ui.next();
  await ui.choose('parents or carers given consent', 'I have decided not to seek consent');
  await ui.choose('exceptions applies', 'The child is at immediate risk of harm');
  await ui.fill('Why have you not sought consent?', reason);
  await ui.next();
  await ui.next();
  await ui.waitFor('h1', 'What to do now');
  await ui.choose('Your professional judgement', 'Universal');
  await ui.fill('Your reason', judgement);
  await ui.next();
  await ui.waitFor('.tg-summary-text');
  const summary = (await ui.texts('.tg-summary-text')).join('\n');
  for (const t of [contact, steps, reason, judgement])
    if (rustTrim(t)) assert(summary.includes(rustTrim(t)), `not in the summary: ${JSON.stringify(t.slice(0, 60))}`);
  const injected = await ui.eval(
    () => document.querySelector('[data-threshold-guide]').shadowRoot.querySelectorAll('script, img, svg, iframe, object, embed, style, link, b').length,
  );
  assert(injected === 0, `${injected} elements injected`);
  await ui.assertClean();
}

const others = [];
for (let i = 0; i + 5 <= corpus.length; i += 25) others.push(corpus.slice(i, i + 5));
for (const [i, batch] of batches.entries()) {
  test(
    `hostile strings ${i * 14 + 1}–${i * 14 + batch.length} of ${corpus.length} in the checklist render as text in the UI, the summary and the copied text`,
    (t) => journeyWith(t, batch, true),
    ENGINES,
  );
}
for (const [i, five] of others.entries()) {
  test(`hostile strings in the other free-text fields and the search box (set ${i + 1} of ${others.length})`, (t) => otherFields(t, five), ENGINES);
}
