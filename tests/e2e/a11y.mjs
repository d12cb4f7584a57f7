// Accessibility beyond the journeys: axe on the error state of every step that can error
// (1280 and 320 px), a whole journey by keyboard with the focus always visible and never
// hidden, WCAG 1.4.12 text spacing with no clipped text, and live regions present before
// they change. One suite for every engine: BROWSER=chromium|firefox|webkit.
import { start, test, assert, toIndicators } from './browser.mjs';

const { open } = await start('dist');

async function errorState(ui, label) {
  await ui.next();
  await ui.waitFor('.tg-error-summary');
  const links = await ui.texts('.tg-error-summary a');
  const inline = await ui.texts('.tg-error-message');
  assert(links.length > 0, `${label}: the error summary links to the fields`);
  for (const l of links)
    assert(
      inline.some((m) => m.includes(l)),
      `${label}: inline message matches "${l}"`,
    );
  await ui.bothWidths(`${label} error state`);
}

/** Text spacing (WCAG 1.4.12) inside the widget's shadow root; returns clipped elements. */
function clippedWithTextSpacing(ui) {
  return ui.eval(() => {
    const root = document.querySelector('[data-threshold-guide]').shadowRoot;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    );
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

test('error state of every step that can error: error summary, matching inline messages, axe at 1280 and 320 px', async (t) => {
  const ui = await open(t, '/');
  await ui.waitFor('h1');
  await ui.next();
  await errorState(ui, 'immediate danger');
  await ui.choose('immediate danger', 'No');
  await ui.next();
  await errorState(ui, 'safety');
  await ui.choose('significant harm', 'No');
  await ui.choose('already open', 'No');
  await ui.next();
  await errorState(ui, 'about the child');
  await ui.choose('How old', '16 or 17 years');
  await ui.next();
  await ui.next();
  await ui.next();
  await ui.next();
  await errorState(ui, 'consent');
  await ui.choose('parents or carers given consent', 'I have decided not to seek consent');
  await ui.choose('Is the child competent', 'No');
  await errorState(ui, 'consent not sought');
  await ui.choose('exceptions applies', 'The child is at immediate risk of harm');
  await ui.fill('Why have you not sought consent?', 'Immediate risk.');
  await ui.next();
  await ui.waitFor('h1', 'Check your answers');
  await ui.next();
  await ui.waitFor('h1', 'What to do now');
  await errorState(ui, 'professional judgement');
  await ui.click('input[name$=judgement]', 2); // a category other than the suggestion
  await errorState(ui, 'reason for a judgement that differs');
  await ui.assertClean();
});

test(
  'a whole journey by keyboard only; focus always visible, never hidden, never trapped',
  async (t) => {
    const ui = await open(t, '/');
    await ui.waitFor('h1');
    const focusCheck = async (where) => {
      const info = await ui.focused((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        const host = document.querySelector('[data-threshold-guide]');
        const top = host.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
        const visible = s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';
        const label = el.labels && el.labels[0];
        const labelShows = label ? getComputedStyle(label, '::before').boxShadow !== 'none' : false;
        return {
          tag: el.tagName,
          visible: visible || labelShows || el.tagName === 'H1',
          onTop: !top || top === el || el.contains(top) || (label && (top === label || label.contains(top))),
        };
      });
      assert(info.onTop, `${where}: the focused ${info.tag} is covered by another element`);
      assert(info.visible, `${where}: the focused ${info.tag} has no visible focus indicator`);
    };
    const tabTo = async (predicate, where) => {
      for (let i = 0; i < 80; i++) {
        await ui.press('Tab');
        if (await ui.focused(predicate)) {
          await focusCheck(where);
          return;
        }
      }
      throw new Error(`could not reach ${where} by Tab`);
    };
    const continueByKeyboard = async (where) => {
      await tabTo((el) => el.dataset.action === 'continue', `${where}: Continue`);
      await ui.press('Enter');
      // The next step has rendered when focus lands on its h1.
      for (let i = 0; i < 100 && (await ui.focused((el) => el.tagName)) !== 'H1'; i++) await new Promise((r) => setTimeout(r, 20));
      assert((await ui.focused((el) => el.tagName)) === 'H1', `${where}: focus on the next step's h1`);
    };
    // Radios: Tab to the group, arrows to the option, as in every browser.
    const radio = async (idSuffix, arrows, where) => {
      await tabTo(`(el) => el.type === 'radio' && el.name.endsWith(${JSON.stringify(idSuffix)})`, where);
      for (let i = 0; i < arrows; i++) await ui.press('ArrowDown');
      if (arrows === 0) await ui.press('Space');
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
    await ui.press('Space');
    assert(await ui.focused((el) => el.checked), 'Space ticks the checkbox');
    await continueByKeyboard('indicators');
    await continueByKeyboard('risks');
    await tabTo((el) => el.tagName === 'TEXTAREA', 'a checklist text box');
    await ui.type('Seen by the school nurse twice this month.');
    await continueByKeyboard('checklist');
    await radio('q-consent_parents', 0, 'consent given');
    await continueByKeyboard('consent');
    await continueByKeyboard('check answers');
    await ui.waitFor('h1', 'What to do now');
    await radio('judgement', 0, 'judgement: agree');
    assert(await ui.focused((el) => el.checked), 'Space chooses the judgement');
    await continueByKeyboard('outcome');
    await ui.waitFor('.tg-summary-text');
    // No trap: Shift+Tab walks back out of the widget to the host page.
    let left = false;
    for (let i = 0; i < 200 && !left; i++) {
      await ui.press('Shift+Tab');
      left = await ui.eval(() => !document.activeElement || !document.activeElement.hasAttribute('data-threshold-guide'));
    }
    assert(left, 'focus can leave the widget');
    await ui.assertClean();
  },
  { only: ['chromium', 'firefox'] },
); // Safari moves Tab through links and buttons only with "Press Tab to highlight each item" on: README, Browser support

test('text spacing (WCAG 1.4.12): no clipped text on the start, indicator, outcome and summary pages', async (t) => {
  const ui = await open(t, '/');
  await ui.waitFor('h1');
  const check = async (where) => {
    const c = await clippedWithTextSpacing(ui);
    assert(c.length === 0, `${where}: clipped ${c.join(', ')}`);
  };
  await check('start');
  await toIndicators(ui);
  await check('indicators');
  await ui.next();
  await ui.next();
  await ui.next();
  await ui.choose('parents or carers given consent', 'Yes, they have given consent');
  await ui.next();
  await ui.next();
  await check('outcome');
  await ui.click('input[name$=judgement]');
  await ui.next();
  await check('summary');
  await ui.assertClean();
});

test('status messages: the live regions exist before they change and focus does not move', async (t) => {
  const ui = await open(t, '/');
  await toIndicators(ui);
  assert((await ui.count('[role=status][aria-live=polite]')) === 1, 'the selection count is a polite live region from the start');
  const before = await ui.text('[role=status]');
  await ui.click('input[type=checkbox]');
  const after = await ui.text('[role=status]');
  assert(before !== after && after.startsWith('1 indicator selected'), `status: ${after}`);
  assert(await ui.focused((el) => el.type === 'checkbox'), 'focus stays on the checkbox');
  await ui.assertClean();
});
