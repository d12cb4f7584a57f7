// Accessibility beyond the journeys: axe on the error state of every step that can error
// (1280 and 320 px), a whole journey by keyboard with the focus always visible and never
// hidden, WCAG 1.4.12 text spacing with no clipped text, and live regions present before
// they change.
import { start, openPage, runTests, assert, axe, focused, WIDGET as W, next, choose } from './browser.mjs';

const { server, origin, browser } = await start('dist');

async function bothWidths(page, label) {
  await axe(page, `${label} at 1280px`);
  await page.setViewportSize({ width: 320, height: 800 });
  await axe(page, `${label} at 320px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `${label}: horizontal scrolling at 320px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function errorState(page, label) {
  await next(page);
  await page.locator(`${W} .tg-error-summary`).waitFor();
  const links = await page.locator(`${W} .tg-error-summary a`).allTextContents();
  const inline = await page.locator(`${W} .tg-error-message`).allTextContents();
  for (const l of links) assert(inline.some((m) => m.includes(l)), `${label}: inline message matches "${l}"`);
  await bothWidths(page, `${label} error state`);
}

/** Text spacing (WCAG 1.4.12) inside the widget's shadow root; returns clipped elements. */
async function clippedWithTextSpacing(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-threshold-guide]').shadowRoot;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const clipped = [];
    for (const el of root.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (['hidden', 'clip'].includes(s.overflow) || ['hidden', 'clip'].includes(s.overflowY) || ['hidden', 'clip'].includes(s.overflowX)) {
        if (el.classList.contains('tg-visually-hidden')) continue;
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) clipped.push(el.className || el.tagName);
      }
    }
    root.adoptedStyleSheets = root.adoptedStyleSheets.slice(0, -1);
    return clipped;
  });
}

const ok = await runTests([
  ['error state of every step that can error: error summary, matching inline messages, axe at 1280 and 320 px', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    await next(page);
    await errorState(page, 'immediate danger');
    await choose(page, 'immediate danger', 'No'); await next(page);
    await errorState(page, 'safety');
    await choose(page, 'significant harm', 'No'); await choose(page, 'already open', 'No'); await next(page);
    await errorState(page, 'about the child');
    await choose(page, 'How old', '16 or 17 years'); await next(page);
    await next(page); await next(page); await next(page);
    await errorState(page, 'consent');
    await choose(page, 'parents or carers given consent', 'I have decided not to seek consent');
    await choose(page, 'Is the child competent', 'No');
    await errorState(page, 'consent not sought');
    await choose(page, 'exceptions applies', 'The child is at immediate risk of harm');
    await page.getByLabel('Why have you not sought consent?').fill('Immediate risk.');
    await next(page); await page.locator(`${W} h1`, { hasText: 'Check your answers' }).waitFor();
    await next(page); await page.locator(`${W} h1`, { hasText: 'What to do now' }).waitFor();
    await errorState(page, 'professional judgement');
    await page.getByRole('group', { name: 'Your professional judgement' }).getByRole('radio').nth(2).check();
    await errorState(page, 'reason for a judgement that differs');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['a whole journey by keyboard only; focus always visible, never hidden, never trapped', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    const focusCheck = async (where) => {
      const info = await focused(page, (el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        const host = document.querySelector('[data-threshold-guide]');
        const top = host.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
        const visible = s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';
        const label = el.labels && el.labels[0];
        const labelShows = label ? getComputedStyle(label, '::before').boxShadow !== 'none' : false;
        return { tag: el.tagName, visible: visible || labelShows || el.tagName === 'H1', onTop: !top || top === el || el.contains(top) || (label && (top === label || label.contains(top))) };
      });
      assert(info.onTop, `${where}: the focused ${info.tag} is covered by another element`);
      assert(info.visible, `${where}: the focused ${info.tag} has no visible focus indicator`);
    };
    const tabTo = async (predicate, where) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await focused(page, predicate)) { await focusCheck(where); return; }
      }
      throw new Error(`could not reach ${where} by Tab`);
    };
    const continueByKeyboard = async (where) => {
      await tabTo((el) => el.dataset.action === 'continue', `${where}: Continue`);
      await page.keyboard.press('Enter');
      // The next step has rendered when focus lands on its h1.
      for (let i = 0; i < 100 && (await focused(page, (el) => el.tagName)) !== 'H1'; i++) await page.waitForTimeout(20);
      assert((await focused(page, (el) => el.tagName)) === 'H1', `${where}: focus on the next step's h1`);
    };
    // Radios: Tab to the group, arrows to the option, as in every browser.
    const radio = async (idSuffix, arrows, where) => {
      await tabTo(`(el) => el.type === 'radio' && el.name.endsWith(${JSON.stringify(idSuffix)})`, where);
      for (let i = 0; i < arrows; i++) await page.keyboard.press('ArrowDown');
      if (arrows === 0) await page.keyboard.press('Space');
      await focusCheck(where);
    };
    await continueByKeyboard('start');
    await radio('q-immediate_danger', 1, 'immediate danger: No');
    await continueByKeyboard('danger');
    await radio('q-significant_harm', 1, 'significant harm: No');
    await radio('q-open_case', 1, 'open case: No');
    await continueByKeyboard('safety');
    await radio('q-child_age', 2, 'age 5 to 12');
    await continueByKeyboard('child');
    await tabTo((el) => el.type === 'checkbox', 'first indicator');
    await page.keyboard.press('Space');
    assert(await focused(page, (el) => el.checked), 'Space ticks the checkbox');
    await continueByKeyboard('indicators');
    await continueByKeyboard('risks');
    await tabTo((el) => el.tagName === 'TEXTAREA', 'a checklist text box');
    await page.keyboard.type('Seen by the school nurse twice this month.');
    await continueByKeyboard('checklist');
    await radio('q-consent_parents', 0, 'consent given');
    await continueByKeyboard('consent');
    await continueByKeyboard('check answers');
    await page.locator(`${W} h1`, { hasText: 'What to do now' }).waitFor();
    await radio('judgement', 0, 'judgement: agree');
    assert(await focused(page, (el) => el.checked), 'Space chooses the judgement');
    await continueByKeyboard('outcome');
    await page.locator(`${W}[data-screen=Summary]`).waitFor();
    // No trap: Shift+Tab walks back out of the widget to the host page.
    let left = false;
    for (let i = 0; i < 200 && !left; i++) {
      await page.keyboard.press('Shift+Tab');
      left = await page.evaluate(() => !document.activeElement || !document.activeElement.hasAttribute('data-threshold-guide'));
    }
    assert(left, 'focus can leave the widget');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['text spacing (WCAG 1.4.12): no clipped text on the start, indicator, outcome and summary pages', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    const check = async (where) => { const c = await clippedWithTextSpacing(page); assert(c.length === 0, `${where}: clipped ${c.join(', ')}`); };
    await check('start');
    await next(page); await choose(page, 'immediate danger', 'No'); await next(page);
    await choose(page, 'significant harm', 'No'); await choose(page, 'already open', 'No'); await next(page);
    await choose(page, 'How old', '5 to 12 years'); await next(page);
    await check('indicators');
    await next(page); await next(page); await next(page);
    await choose(page, 'parents or carers given consent', 'Yes, they have given consent'); await next(page); await next(page);
    await check('outcome');
    await page.getByRole('group', { name: 'Your professional judgement' }).getByRole('radio').first().check();
    await next(page);
    await check('summary');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['status messages: the live regions exist before they change and focus does not move', async () => {
    const { page, context, problems } = await openPage(browser, origin);
    await page.waitForSelector(W);
    await next(page); await choose(page, 'immediate danger', 'No'); await next(page);
    await choose(page, 'significant harm', 'No'); await choose(page, 'already open', 'No'); await next(page);
    await choose(page, 'How old', '5 to 12 years'); await next(page);
    const status = page.locator(`${W} [role=status][aria-live=polite]`);
    assert(await status.count() === 1, 'the selection count is a polite live region from the start');
    const before = await status.textContent();
    await page.locator(`${W} input[type=checkbox]`).first().check();
    const after = await status.textContent();
    assert(before !== after && after.startsWith('1 indicator selected'), `status: ${after}`);
    assert(await focused(page, (el) => el.type === 'checkbox'), 'focus stays on the checkbox');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
]);
await browser.close();
server.close();
process.exit(ok ? 0 : 1);
