// End-to-end: whole journeys in the built widget (dist/, from `trunk build --release`),
// typed and clicked as a user would, in headless Debian Chromium, with axe-core checks.
import { start, openPage, runTests, assert, axe, focused, WIDGET as W, next, choose } from './browser.mjs';

const { server, origin, browser } = await start('dist');
const THURSDAY_10AM = '2026-11-19T10:00:00Z';   // MASH open
const SATURDAY_2PM = '2026-11-21T14:00:00Z';    // MASH closed: Emergency Duty Team

const heading = (page) => page.locator(`${W} h1`).textContent();

async function expectStep(page, title) {
  await page.locator(`${W} h1`, { hasText: title }).waitFor({ timeout: 10000 });
  // Focus moves in an effect just after the render; give it a moment under load.
  for (let i = 0; i < 50 && (await focused(page, (el) => el && el.tagName)) !== 'H1'; i++) await page.waitForTimeout(20);
  const tag = await focused(page, (el) => el && el.tagName);
  assert(tag === 'H1', `focus should be on the step's h1 at "${title}", was on ${tag}`);
}

/** Continue, then check the next step's heading and, optionally, axe at both widths. */
async function step(page, title, { a11y = false } = {}) {
  await next(page);
  await expectStep(page, title);
  if (a11y) await checkBothWidths(page, title);
}

async function checkBothWidths(page, label) {
  await axe(page, `${label} at 1280px`);
  await page.setViewportSize({ width: 320, height: 800 });
  await axe(page, `${label} at 320px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `${label}: horizontal scrolling at 320px (${overflow}px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function safetyNo(page, a11y = false) {
  await step(page, 'Is the child in immediate danger?', { a11y });
  await choose(page, 'immediate danger', 'No');
  await step(page, 'Safety and existing involvement', { a11y });
  await choose(page, 'significant harm', 'No');
  await choose(page, 'already open', 'No');
  await step(page, 'About the child', { a11y });
}

const ok = await runTests([
  ['Emerging Needs journey: search, select, check answers, outcome with the MASH number (axe on every step, 1280 and 320 px)', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/', { time: THURSDAY_10AM });
    await page.waitForSelector(W);
    assert((await heading(page)).includes('Decide what help a child needs'), 'start page');
    await checkBothWidths(page, 'start');
    await safetyNo(page, true);
    await choose(page, 'How old', '5 to 12 years');
    await step(page, 'What have you seen or been told?', { a11y: true });
    await page.getByLabel('Search all indicators').fill('immunisations');
    await page.getByRole('checkbox', { name: 'Missing immunisations/checks' }).check();
    const status = await page.getByRole('status').textContent();
    assert(status.includes('1 indicator selected') && status.includes('Emerging Needs'), `status was "${status}"`);
    await checkBothWidths(page, 'indicator search');
    await page.getByLabel('Search all indicators').fill('');
    await page.getByRole('button', { name: /^Learning/ }).click();
    await page.getByLabel('Poor punctuality/pattern of regular school absences').check();
    assert((await page.getByRole('status').textContent()).includes('2 indicators selected'), 'count updates');
    await step(page, 'Specific risks', { a11y: true });
    await step(page, 'Before you refer', { a11y: true });
    await page.getByLabel('What are the worries for this child').fill('Often arrives late and hungry; missed two health checks.');
    await step(page, 'Consent', { a11y: true });
    await choose(page, 'parents or carers given consent', 'Yes, they have given consent');
    await step(page, 'Check your answers', { a11y: true });
    const check = await page.locator(W).textContent();
    assert(check.includes('Missing immunisations/checks') && check.includes('Often arrives late and hungry'), 'check answers lists what was entered');
    await step(page, 'What to do now', { a11y: true });
    assert((await page.locator(`${W} [data-category]`).getAttribute('data-category')) === 'emerging_needs', 'category');
    const text = await page.locator(W).textContent();
    assert(text.includes('Emerging Needs'), 'category name shown');
    assert(text.includes('Start with the support your own service can offer'), 'first next step shown');
    assert((await page.locator(`${W} [data-contact]`).getAttribute('data-contact')) === 'mash', 'MASH is open on Thursday 10:00');
    assert(text.includes('01582 547653'), 'MASH number shown');
    assert(await page.getByRole('group', { name: 'Your professional judgement' }).getByRole('radio', { checked: true }).count() === 0, 'no judgement chosen for them');
    await page.getByRole('group', { name: 'Your professional judgement' }).getByLabel('I agree with the suggestion (Emerging Needs)').check();
    await page.getByLabel('Your reason').fill('Her needs can be met in school: breakfast club and the school nurse.');
    await step(page, 'Your decision not to refer', { a11y: true });
    const first = await page.locator(`${W} [data-section]`).first().getAttribute('data-section');
    assert(first === 'decision', `the page leads with the decision record, not a referral (first: ${first})`);
    const record = await page.locator(`${W} [data-section=decision] pre`).textContent();
    assert(record.startsWith('DECISION NOT TO REFER') && record.includes('Reason: Her needs can be met in school'), `decision record: ${record}`);
    assert(page.url() === origin + '/', `URL changed: ${page.url()}`);
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
    assert(stored === 0, 'nothing stored');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['Family Help journey with consent refused: refusal warnings on the outcome', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/', { time: THURSDAY_10AM });
    await page.waitForSelector(W);
    await safetyNo(page);
    await choose(page, 'How old', '13 to 15 years');
    await step(page, 'What have you seen or been told?');
    await page.getByLabel('Search all indicators').fill('domestic abuse in the home');
    await page.getByLabel('Domestic abuse in the home').check();
    await step(page, 'Specific risks');
    await step(page, 'Before you refer');
    await step(page, 'Consent');
    await choose(page, 'parents or carers given consent', 'No, they have refused');
    await choose(page, 'Is the child competent', 'Yes');
    await choose(page, 'Has the child given consent', 'Yes, the child has given consent');
    await step(page, 'Check your answers');
    await step(page, 'What to do now');
    assert((await page.locator(`${W} [data-category]`).getAttribute('data-category')) === 'family_help', 'category');
    const warnings = await page.locator(`${W} [data-consent-warning]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-consent-warning')));
    assert(warnings.includes('refusal_may_raise_concerns') && warnings.includes('refusal_consider_impact'), `consent warnings: ${warnings}`);
    const text = await page.locator(W).textContent();
    assert(text.includes('complete the Luton referral form'), 'Family Help action');
    assert(text.includes("seek the child's own consent") || text.includes("the child's own consent"), 'child consent for a competent 13-15 year old');
    await axe(page, 'Family Help outcome');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['Statutory journey: immediate danger out of hours gives 999 first and the Emergency Duty Team', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/', { time: SATURDAY_2PM });
    await page.waitForSelector(W);
    await step(page, 'Is the child in immediate danger?');
    await choose(page, 'immediate danger', 'Yes');
    await step(page, 'Call 999 now', { a11y: true });
    let text = await page.locator(W).textContent();
    assert(text.includes('Call the police on 999 now'), '999 page');
    assert(text.includes('0300 300 8123') && text.includes('MASH is closed now'), `EDT out of hours: ${text}`);
    await step(page, 'Safety and existing involvement');
    await choose(page, 'significant harm', 'Yes');
    await choose(page, 'already open', 'No');
    await page.getByLabel('Where is the child now?').fill('In hospital, children\'s ward.');
    await choose(page, 'already made this referral by phone', 'Yes, to the Emergency Duty Team');
    await page.getByLabel('At what time did you phone?').fill('13:30');
    await step(page, 'About the child');
    await choose(page, 'How old', '0 to 4 years');
    await step(page, 'What have you seen or been told?');
    await step(page, 'Specific risks');
    await step(page, 'Before you refer');
    await step(page, 'Consent');
    await choose(page, 'parents or carers given consent', 'I have decided not to seek consent');
    await choose(page, 'exceptions applies', 'The child is at immediate risk of harm');
    await page.getByLabel('Why have you not sought consent?').fill('Immediate danger: police called first.');
    await step(page, 'Check your answers');
    await step(page, 'What to do now', { a11y: true });
    assert((await page.locator(`${W} [data-category]`).getAttribute('data-category')) === 'statutory_intervention', 'category');
    const urgent = await page.locator(`${W} [data-list=urgent] > li`).first().getAttribute('data-action-id');
    assert(urgent === 'immediate_danger.call_999', `first urgent action: ${urgent}`);
    assert((await page.locator(`${W} [data-contact]`).getAttribute('data-contact')) === 'edt', 'EDT on Saturday');
    text = await page.locator(W).textContent();
    assert(text.includes('0300 300 8123'), 'EDT number');
    await page.getByRole('group', { name: 'Your professional judgement' }).getByLabel('I agree with the suggestion (Statutory Intervention / Family Help)').check();
    await page.getByLabel('Your reason').fill('A baby left alone: immediate danger.');
    await step(page, 'Your referral summary', { a11y: true });
    const sending = await page.locator(`${W} [data-sending]`).textContent();
    assert(sending.includes('Send this written follow-up by Sunday 22 November 2026, 13:30 GMT'), `sending: ${sending}`);
    const safety = await page.locator(`${W} [data-section=urgency]`).textContent();
    assert(safety.includes('Safety now') && safety.includes('Phoned: Emergency Duty Team (EDT), Saturday 21 November 2026, 13:30 GMT'), `safety now: ${safety}`);
    assert(safety.includes("Where the child is now: In hospital, children's ward.") && safety.includes('Will the child be safe tonight: not known'), `safety now: ${safety}`);
    const checks = await page.locator(`${W} [data-problem]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')));
    assert(checks.includes('safety_now_missing'), `checks: ${checks}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['error summary: "There is a problem", focus moves to it, its link focuses the field (axe in the error state)', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    await step(page, 'Is the child in immediate danger?');
    await next(page);
    const summary = page.locator(`${W} .tg-error-summary`);
    await summary.waitFor();
    assert((await summary.textContent()).includes('There is a problem'), 'title');
    assert(await summary.evaluate((el) => el.getRootNode().activeElement === el), 'focus on the error summary');
    const inline = await page.locator(`${W} .tg-error-message`).textContent();
    assert(inline.includes('Select yes if the child is in immediate danger now'), `inline message: ${inline}`);
    await checkBothWidths(page, 'error state');
    await summary.getByRole('link').click();
    const type = await focused(page, (el) => el.getAttribute('type'));
    assert(type === 'radio', `link should focus the radio, focused ${type}`);
    assert(page.url() === origin + '/', 'the error link does not change the URL');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['keyboard only: Tab and Space/Enter complete the first steps', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    await page.locator(`${W} [data-action=continue]`).focus();
    await page.keyboard.press('Enter');
    await expectStep(page, 'Is the child in immediate danger?');
    await page.keyboard.press('Tab'); // from the h1 to the first radio (Yes)
    await page.keyboard.press('ArrowDown'); // No, and selects it
    const checked = await focused(page, (el) => el.id);
    assert(checked.endsWith('q-immediate_danger-no'), `focused ${checked}`);
    let guard = 0;
    while (!(await focused(page, (el) => el.dataset.action === 'continue')) && guard++ < 20) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectStep(page, 'Safety and existing involvement');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['hostile text is shown literally, and leaving with answers asks first', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    await safetyNo(page);
    await choose(page, 'How old', '5 to 12 years');
    await step(page, 'What have you seen or been told?');
    await step(page, 'Specific risks');
    await step(page, 'Before you refer');
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> \u202Eevil \u{1F600}';
    await page.getByLabel('What are the worries for this child').fill(hostile);
    await step(page, 'Consent');
    await choose(page, 'parents or carers given consent', 'Yes, they have given consent');
    await step(page, 'Check your answers');
    const shown = await page.locator(`${W} .tg-answer`).allTextContents();
    assert(shown.some((t) => t === hostile), `hostile text not shown literally: ${JSON.stringify(shown)}`);
    assert(await page.locator(`${W} img`).count() === 0, 'no element injected');
    let asked = false;
    page.on('dialog', (d) => { if (d.type() === 'beforeunload') asked = true; });
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 500));
    assert(asked, 'the browser asks before leaving with answers entered');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['referral summary: quality checks, copy a section and read the clipboard back, hostile text literal (axe at 1280 and 320 px)', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/', { time: THURSDAY_10AM });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.waitForSelector(W);
    await safetyNo(page);
    await choose(page, 'How old', '5 to 12 years');
    await step(page, 'What have you seen or been told?');
    await page.getByLabel('Search all indicators').fill('immunisations');
    await page.getByRole('checkbox', { name: 'Missing immunisations/checks' }).check();
    await step(page, 'Specific risks');
    await step(page, 'Before you refer');
    const hostile = '<b>bold?</b> & "quotes" \u202Eright-to-left \u{1F476}' + ' very long'.repeat(300);
    await page.getByLabel('What are the worries for this child').fill(hostile);
    await page.getByLabel('What is the impact of this on the child?').fill('I think she seems tired.');
    await step(page, 'Consent');
    await choose(page, 'parents or carers given consent', 'Yes, they have given consent');
    await step(page, 'Check your answers');
    await step(page, 'What to do now');
    await next(page);
    assert((await page.locator(`${W} .tg-error-summary`).textContent()).includes('Select your professional judgement'), 'the judgement is required');
    await page.getByRole('group', { name: 'Your professional judgement' }).getByLabel('Family Help', { exact: true }).check();
    await page.getByLabel('Your reason').fill('Needs in health and learning that breakfast club has not met.');
    await step(page, 'Your referral summary', { a11y: true });
    const ready = await page.locator(`${W} [data-have-ready]`).textContent();
    assert(ready.includes('who holds parental responsibility') && ready.includes('everyone in the household'), `have ready: ${ready}`);
    assert((await page.locator(`${W} [data-sending]`).textContent()).includes('send it through the MASH web form'), 'when to send it');
    const checks = await page.locator(`${W} [data-problem]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')));
    for (const want of ['voice_missing', 'why_now_missing', 'outcome_missing', 'opinion_words']) {
      assert(checks.includes(want), `quality check ${want} missing from ${checks}`);
    }
    assert(!checks.includes('impact_missing') && !checks.includes('consent_missing'), `unexpected checks ${checks}`);
    const worries = await page.locator(`${W} [data-section=worries] pre`).textContent();
    assert(worries.includes(hostile), 'hostile text literal and not truncated in the summary');
    assert(await page.locator(`${W} [data-section=worries] b`).count() === 0, 'no markup from user text');
    await page.locator(`${W} [data-section=impact]`).getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert(clip === 'I think she seems tired.', `clipboard had ${JSON.stringify(clip)}`);
    assert(await focused(page, (el) => el.textContent.trim()) === 'Copy', 'focus stays on the button');
    await page.getByRole('button', { name: 'Copy all' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied: the whole summary' }).waitFor();
    const all = await page.evaluate(() => navigator.clipboard.readText());
    assert(all.startsWith('REFERRAL TO THE LUTON MULTI-AGENCY SAFEGUARDING HUB (MASH)\nWritten: Thursday 19 November 2026, 10:00 GMT'), `copy all: ${all.slice(0, 200)}`);
    assert(all.includes(hostile) && all.includes('I think she seems tired.') && all.includes('Why I judge it at this level: Needs in health and learning'), 'copy all holds the answers and the reason');
    for (const addressedToYou of ['[', 'CHECKS NOT MET', 'Before you send', 'Who to phone now', 'The MASH is open now', 'parental responsibility', 'Separate what you saw']) {
      assert(!all.replace(hostile, '').includes(addressedToYou), `copy all holds text addressed to the referrer: ${addressedToYou}`);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download (.txt)' }).click()]);
    assert(download.suggestedFilename() === 'referral-summary.txt', 'download name');
    await page.locator(`${W} [data-problem=why_now_missing]`).getByRole('button').click();
    await expectStep(page, 'Before you refer');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['two widgets on one page keep their own answers', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/two.html');
    await page.waitForSelector(`${W} h1`);
    const widgets = page.locator(W);
    assert(await widgets.count() === 2, 'two widgets mounted');
    await widgets.nth(0).locator('[data-action=continue]').click();
    assert((await widgets.nth(0).locator('h1').textContent()).includes('immediate danger'), 'first moved on');
    assert((await widgets.nth(1).locator('h1').textContent()).includes('Decide what help'), 'second untouched');
    const ids = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('[data-threshold-guide]')].map((h) => h.shadowRoot).filter(Boolean)];
      const all = roots.flatMap((r) => [...r.querySelectorAll('[id]')].map((e) => e.id));
      return all.length - new Set(all).size;
    });
    assert(ids === 0, `${ids} duplicate element ids across the page and the widgets`);
    const warned = await widgets.nth(1).locator('[data-host-warnings]').textContent();
    assert(warned.includes('option "data-colour" is not known'), `malformed attribute reported in the widget: ${warned}`);
    assert(problems.length === 0, problems.join('\n'));
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
]);

await browser.close();
server.close();
process.exit(ok ? 0 : 1);
