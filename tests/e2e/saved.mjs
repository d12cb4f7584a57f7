// End-to-end: saving a case to a file and opening it again. Save mid-journey (the file the
// browser is given), open it in a fresh page from the start page's Choose a saved case file
// (the file picker), land on Check your answers with every answer in place and finish to the
// summary; bad files (cut short, over 1 MB, binary, hostile) give the GOV.UK error and leave
// the journey as it was; axe on the start page, and in its error state. Nothing stored,
// nothing sent.
// Chromium and Firefox (WebDriver cannot choose a file in WebKit here: README, Browser support):
// BROWSER=chromium|firefox node --test tests/e2e/saved.mjs
import fs from 'node:fs';
import { start, test, assert, toIndicators, downloaded, THURSDAY_10AM } from './browser.mjs';

const { open } = await start('dist');
const ONLY = { only: ['chromium', 'firefox'] };
const CHOOSE = 'Choose a saved case file';
const json = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const HOSTILE = JSON.parse(fs.readFileSync(new URL('../hostile.json', import.meta.url), 'utf8'));

/** Requests that left the page (a download's blob: URL is not one). */
function recordRequests(ui) {
  const requests = [];
  ui.page.on('request', (r) => {
    if (!r.url().startsWith('blob:')) requests.push(r.url());
  });
  return requests;
}

/** Opens `file` from the start page: the button, then the file in the picker. */
function openFile(ui, file) {
  return ui.chooseFile(CHOOSE, file);
}

test(
  'save mid-journey, open the file in a fresh page: Check your answers with every answer, then on to the summary (axe on the start page)',
  async (t) => {
    const ui = await open(t, '/', { time: THURSDAY_10AM });
    await ui.waitFor('h1');
    assert((await ui.count('[data-open] input')) === 0, 'no file input is built with the start page');
    assert((await ui.count(`[data-open] button:text-is("${CHOOSE}")`)) === 1, 'the button that opens the file picker');
    assert(!(await ui.text()).includes('Save your answers to a file'), 'nothing to save on the start page');
    await toIndicators(ui, '5 to 12 years');
    await ui.fill('Search all indicators', 'immunisations');
    await ui.tick('Missing immunisations/checks');
    await ui.through('Specific risks', 'Before you refer');
    const worries = 'Often arrives late and hungry; "quotes", a back\\slash and <b>markup</b>.\nSecond line é 😀';
    await ui.fill('What are the worries for this child', worries);
    // Beside the button: where the file belongs.
    const note = await ui.text('.tg-button-group .tg-hint');
    assert(note.includes('sensitive information') && note.includes('secure records'), `the note beside the button: ${note}`);
    const requests = recordRequests(ui);
    const file = await downloaded(ui, () => ui.button('Save your answers to a file'));
    assert(file.name === 'threshold-case-2026-11-19-1000.json', `file name: ${file.name}`);
    const saved = JSON.parse(file.text);
    assert(saved.now === THURSDAY_10AM, `now: ${saved.now}`);
    assert(
      saved.ruleset.id === 'luton-effective-support' && saved.ruleset.hash.length === 64 && saved.ruleset.edition,
      `ruleset: ${JSON.stringify(saved.ruleset)}`,
    );
    assert(JSON.stringify(saved.indicators) === '["en.health.1"]', `indicators: ${saved.indicators}`);
    assert(
      saved.answers.factor_worries === worries && saved.answers.child_age === '5_12' && saved.answers.immediate_danger === 'no',
      `answers: ${JSON.stringify(saved.answers)}`,
    );
    assert((await ui.text('h1')) === 'Before you refer', 'saving does not move the journey');
    assert(requests.length === 0, `requests: ${requests}`);
    await ui.assertNothingStored();
    await ui.assertClean();

    // A fresh page: open the file.
    const again = await open(t, '/', { time: THURSDAY_10AM });
    await again.waitFor('h1');
    await again.bothWidths('start page with Open a saved case');
    const requestsAgain = recordRequests(again);
    const picker = await openFile(again, json(file.name, file.text));
    assert(
      (await picker.getAttribute('accept')) === '.json,application/json' && (await picker.getAttribute('multiple')) === null,
      'the picker asks for one JSON file',
    );
    await again.expectStep('Check your answers');
    const check = await again.text();
    assert(check.includes('Missing immunisations/checks'), 'the indicator is back');
    const shown = await again.texts('.tg-answer');
    assert(shown.includes(worries), `the worries are back, exactly: ${JSON.stringify(shown)}`);
    assert(shown.includes('No') && shown.includes('5 to 12 years'), `answers: ${JSON.stringify(shown)}`);
    assert((await again.count('.tg-warning-text')) === 0, 'nothing left out of a file from these rules');
    assert((await again.count('b')) === 0, 'no markup from the file');
    await again.axe('Check your answers, opened from a file');
    // Back goes to the step before, with its answers.
    await again.button('Back');
    await again.expectStep('Consent');
    await again.choose('parents or carers given consent', 'Yes, they have given consent');
    await again.step('Check your answers');
    await again.step('What to do now');
    assert((await again.attr('[data-category]', 'data-category')) === 'emerging_needs', 'category');
    await again.choose('Your professional judgement', 'I agree with the suggestion (Emerging Needs)');
    await again.fill('Your reason', 'Her needs can be met in school.');
    await again.step('Your decision not to refer');
    assert((await again.text('[data-section=decision] pre')).includes('Reason: Her needs can be met in school.'), 'the decision record');
    // The summary page saves too: the judgement and its reason are in the file.
    const last = JSON.parse((await downloaded(again, () => again.button('Save your answers to a file'))).text);
    assert(last.judgement === 'emerging_needs' && last.judgement_reason === 'Her needs can be met in school.', `judgement: ${JSON.stringify(last)}`);
    assert(last.answers.consent_parents === 'given' && last.answers.factor_worries === worries, 'every answer');
    assert(requestsAgain.length === 0, `requests: ${requestsAgain}`);
    await again.assertNothingStored();
    await again.assertClean();
  },
  ONLY,
);

test(
  'a file cut short, over 1 MB, binary, empty or hostile: the GOV.UK error (axe), focus on it, and the journey unchanged',
  async (t) => {
    const ui = await open(t, '/');
    await ui.waitFor('h1');
    await ui.step('Is the child in immediate danger?');
    await ui.choose('immediate danger', 'No');
    await ui.button('Back');
    await ui.expectStep('Decide what help a child needs');
    const good = JSON.stringify({ now: THURSDAY_10AM, indicators: ['en.health.1'], answers: { immediate_danger: 'yes' } });
    const huge = JSON.stringify({ now: THURSDAY_10AM, answers: { factor_worries: 'x'.repeat(1 << 20) } });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const [notCase, tooBig] = ['The selected file must be a case saved by this guide (a .json file)', 'The selected file must be smaller than 1 MB'];
    // Each error differs from the one before, so each is seen to arrive.
    const cases = [
      ['cut short', json('case.json', good.slice(0, -10)), notCase],
      ['over 1 MB', json('big.json', huge), tooBig],
      ['binary', { name: 'photo.json', mimeType: 'application/json', buffer: png }, notCase],
      ['over 1 MB', json('big.json', huge), tooBig],
      ['empty', json('empty.json', ''), notCase],
      ['over 1 MB', json('big.json', huge), tooBig],
      ['hostile', json('x.json', HOSTILE[0] + HOSTILE[1]), notCase],
    ];
    for (const [what, file, message] of cases) {
      await openFile(ui, file);
      await ui.waitFor('.tg-error-summary', message);
      assert((await ui.text('.tg-error-summary')).includes('There is a problem'), `${what}: the error summary`);
      assert((await ui.text('.tg-form-group--error .tg-error-message')).includes(message), `${what}: the inline error above the button`);
      const described = await ui.attr('[data-open] button', 'aria-describedby');
      assert(described && (await ui.text(`#${described}`)).includes(message), `${what}: the button is described by its error`);
      assert((await ui.count('[data-open] input[type=file]')) === 1, `${what}: one file input, made for this choice`);
      assert((await ui.text('h1')) === 'Decide what help a child needs', `${what}: still on the start page`);
      if (what === 'cut short') {
        assert(await ui.focused((el) => el.classList.contains('tg-error-summary')), 'focus on the error summary');
        await ui.bothWidths('start page, file error');
        await ui.click('.tg-error-summary a');
        assert((await ui.focused((el) => el.textContent.trim())) === CHOOSE, 'the error link focuses the button');
      }
    }
    // The journey under way is as it was.
    await ui.step('Is the child in immediate danger?');
    assert((await ui.count('input[value=no]:checked')) === 1, 'the answer is still there');
    assert((await ui.count('.tg-error-summary')) === 0, 'the error is gone');
    await ui.assertClean();
  },
  ONLY,
);

test(
  'a file from another version of the rules: what applies is kept, what does not is listed as text on Check your answers',
  async (t) => {
    const ui = await open(t, '/', { time: THURSDAY_10AM });
    await ui.waitFor('h1');
    const hostile = '<img src=x onerror=alert(1)>';
    const file = {
      now: THURSDAY_10AM,
      ruleset: { id: 'luton-effective-support', edition: 'An older edition', hash: 'f'.repeat(64) },
      indicators: ['en.health.1', 'en.health.99', hostile],
      answers: { immediate_danger: 'no', child_age: 'toddler', old_question: '## not a heading\n- nor a list', factor_worries: hostile },
      judgement: 'emerging_needs',
    };
    await openFile(ui, json('older.json', JSON.stringify(file)));
    await ui.expectStep('Check your answers');
    const notice = await ui.text('.tg-warning-text');
    assert(notice.includes('saved with a different version of the rules (luton-effective-support, An older edition, version ffffffffffff)'), notice);
    const items = await ui.texts('.tg-warning-text li');
    assert(
      JSON.stringify(items) ===
        JSON.stringify([
          `Indicator: en.health.99`,
          `Indicator: ${hostile}`,
          'How old is the child?: toddler',
          'Question old_question: ## not a heading - nor a list',
        ]),
      `left out: ${JSON.stringify(items)}`,
    );
    assert((await ui.texts('.tg-answer')).includes(hostile), 'a hostile answer is shown as text');
    assert((await ui.count('img')) === 0 && (await ui.count('.tg-warning-text h2')) === 0, 'nothing from the file became markup');
    assert((await ui.text()).includes('Missing immunisations/checks'), 'the indicator that still exists is kept');
    await ui.axe('Check your answers with answers left out');
    await ui.assertClean();
  },
  ONLY,
);
