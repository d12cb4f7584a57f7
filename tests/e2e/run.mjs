// End-to-end: whole journeys in the built widget (dist/, from `trunk build --release`),
// typed and clicked as a user would, with axe-core checks. One suite for every engine:
// BROWSER=chromium|firefox|webkit node --test tests/e2e/run.mjs
import { start, test, assert, toIndicators, downloaded, ENGINE, PLAYWRIGHT, THURSDAY_10AM, SATURDAY_10PM } from './browser.mjs';

const { origin, open } = await start('dist');

/** Searches the indicators and ticks one. */
async function pick(ui, search, indicator) {
  await ui.fill('Search all indicators', search);
  await ui.tick(indicator);
}

test('Emerging Needs journey: search, select, check answers, outcome with the MASH number, decision record (axe on every step, 1280 and 320 px)', async (t) => {
  const ui = await open(t, '/', { time: THURSDAY_10AM });
  await ui.waitFor('h1');
  assert((await ui.text('h1')).includes('Decide what help a child needs'), 'start page');
  await ui.bothWidths('start');
  await toIndicators(ui, '5 to 12 years', true);
  await pick(ui, 'immunisations', 'Missing immunisations/checks');
  const status = await ui.text('[role=status]');
  assert(status.includes('1 indicator selected') && status.includes('Emerging Needs'), `status was "${status}"`);
  await ui.bothWidths('indicator search');
  await ui.fill('Search all indicators', '');
  await ui.button(/^Learning/);
  await ui.tick('Poor punctuality/pattern of regular school absences');
  assert((await ui.text('[role=status]')).includes('2 indicators selected'), 'count updates');
  await ui.step('Specific risks', { a11y: true });
  await ui.step('Before you refer', { a11y: true });
  await ui.fill('What are the worries for this child', 'Often arrives late and hungry; missed two health checks.');
  await ui.step('Consent', { a11y: true });
  await ui.choose('parents or carers given consent', 'Yes, they have given consent');
  await ui.step('Check your answers', { a11y: true });
  const check = await ui.text();
  assert(check.includes('Missing immunisations/checks') && check.includes('Often arrives late and hungry'), 'check answers lists what was entered');
  await ui.step('What to do now', { a11y: true });
  assert((await ui.attr('[data-category]', 'data-category')) === 'emerging_needs', 'category');
  const text = await ui.text();
  assert(text.includes('Emerging Needs'), 'category name shown');
  assert(text.includes('Start with the support your own service can offer'), 'first next step shown');
  assert((await ui.attr('[data-contact]', 'data-contact')) === 'mash', 'MASH is open on Thursday 10:00');
  assert(text.includes('01582 547653'), 'MASH number shown');
  assert((await ui.count('input[name$=judgement]:checked')) === 0, 'no judgement chosen for them');
  await ui.choose('Your professional judgement', 'I agree with the suggestion (Emerging Needs)');
  await ui.fill('Your reason', 'Her needs can be met in school: breakfast club and the school nurse.');
  await ui.step('Your decision not to refer', { a11y: true });
  const first = await ui.attr('[data-section]', 'data-section');
  assert(first === 'decision', `the page leads with the decision record, not a referral (first: ${first})`);
  const record = await ui.text('[data-section=decision] pre');
  assert(record.startsWith('DECISION NOT TO REFER') && record.includes('Reason: Her needs can be met in school'), `decision record: ${record}`);
  assert((await ui.url()) === origin + '/', `URL changed: ${await ui.url()}`);
  const stored = await ui.eval(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert(stored === 0, 'nothing stored');
  await ui.assertClean();
});

test('Family Help journey with consent refused: refusal warnings on the outcome (axe)', async (t) => {
  const ui = await open(t, '/', { time: THURSDAY_10AM });
  await toIndicators(ui, '13 to 15 years');
  await pick(ui, 'domestic abuse in the home', 'Domestic abuse in the home');
  await ui.through('Specific risks', 'Before you refer', 'Consent');
  await ui.chooseAll(
    ['parents or carers given consent', 'No, they have refused'],
    ['Is the child competent', 'Yes'],
    ['Has the child given consent', 'Yes, the child has given consent'],
  );
  await ui.through('Check your answers', 'What to do now');
  assert((await ui.attr('[data-category]', 'data-category')) === 'family_help', 'category');
  const warnings = await ui.attrs('[data-consent-warning]', 'data-consent-warning');
  assert(warnings.includes('refusal_may_raise_concerns') && warnings.includes('refusal_consider_impact'), `consent warnings: ${warnings}`);
  const text = await ui.text();
  assert(text.includes('complete the Luton referral form'), 'Family Help action');
  assert(!text.includes("seek the child's own consent"), 'the competent 13-15 year old has consented: not asked to seek it again');
  await ui.axe('Family Help outcome');
  await ui.assertClean();
});

test('Saturday night, immediate danger: 999 first and the Emergency Duty Team, through to the referral summary', async (t) => {
  const ui = await open(t, '/', { time: SATURDAY_10PM });
  await ui.waitFor('h1');
  await ui.step('Is the child in immediate danger?');
  await ui.choose('immediate danger', 'Yes');
  await ui.step('Call 999 now', { a11y: true });
  let text = await ui.text();
  assert(text.includes('Call the police on 999 now'), '999 page');
  assert(text.includes('0300 300 8123') && text.includes('MASH is closed now'), `EDT out of hours: ${text}`);
  await ui.step('Safety and existing involvement');
  await ui.choose('significant harm', 'Yes');
  await ui.choose('already open', 'No');
  await ui.fill('Where is the child now?', "In hospital, children's ward.");
  await ui.choose('already made this referral by phone', 'Yes, to the Emergency Duty Team');
  await ui.fill('At what time did you phone?', '21:40');
  await ui.step('About the child');
  await ui.choose('How old', '0 to 4 years');
  await ui.step('What have you seen or been told?');
  await ui.through('Specific risks', 'Before you refer', 'Consent');
  await ui.chooseAll(
    ['parents or carers given consent', 'I have decided not to seek consent'],
    ['exceptions applies', 'The child is at immediate risk of harm'],
  );
  await ui.fill('Why have you not sought consent?', 'Immediate danger: police called first.');
  await ui.step('Check your answers');
  await ui.step('What to do now', { a11y: true });
  assert((await ui.attr('[data-category]', 'data-category')) === 'statutory_intervention', 'category');
  const urgent = await ui.attr('[data-list=urgent] > li', 'data-action-id');
  assert(urgent === 'immediate_danger.call_999', `first urgent action: ${urgent}`);
  assert((await ui.attr('[data-contact]', 'data-contact')) === 'edt', 'EDT on Saturday night');
  text = await ui.text();
  assert(text.includes('0300 300 8123'), 'EDT number');
  await ui.choose('Your professional judgement', 'I agree with the suggestion (Statutory Intervention / Family Help)');
  await ui.fill('Your reason', 'A baby left alone: immediate danger.');
  await ui.step('Your referral summary', { a11y: true });
  const sending = await ui.text('[data-sending]');
  assert(sending.includes('Send this written follow-up by Sunday 22 November 2026, 21:40 GMT'), `sending: ${sending}`);
  const safety = await ui.text('[data-section=urgency]');
  assert(safety.includes('Safety now') && safety.includes('Phoned: Emergency Duty Team (EDT), Saturday 21 November 2026, 21:40 GMT'), `safety now: ${safety}`);
  assert(
    safety.includes("Where the child is now: In hospital, children's ward.") && safety.includes('Will the child be safe tonight: not known'),
    `safety now: ${safety}`,
  );
  const checks = await ui.attrs('[data-problem]', 'data-problem');
  assert(checks.includes('safety_now_missing'), `checks: ${checks}`);
  await ui.assertClean();
});

test('error summary: "There is a problem", focus moves to it, its link focuses the field (axe in the error state)', async (t) => {
  const ui = await open(t, '/');
  await ui.waitFor('h1');
  await ui.step('Is the child in immediate danger?');
  await ui.next();
  await ui.waitFor('.tg-error-summary');
  assert((await ui.text('.tg-error-summary')).includes('There is a problem'), 'title');
  assert(await ui.focused((el) => el.classList.contains('tg-error-summary')), 'focus on the error summary');
  const inline = await ui.text('.tg-error-message');
  assert(inline.includes('Select yes if the child is in immediate danger now'), `inline message: ${inline}`);
  await ui.bothWidths('error state');
  await ui.click('.tg-error-summary a');
  const type = await ui.focused((el) => el.getAttribute('type'));
  assert(type === 'radio', `link should focus the radio, focused ${type}`);
  assert((await ui.url()) === origin + '/', 'the error link does not change the URL');
  await ui.assertClean();
});

test('keyboard only: Tab and arrows/Enter complete the first steps', async (t) => {
  const ui = await open(t, '/');
  await ui.waitFor('h1');
  await ui.eval(() => document.querySelector('[data-threshold-guide]').shadowRoot.querySelector('[data-action=continue]').focus());
  await ui.press('Enter');
  await ui.expectStep('Is the child in immediate danger?');
  await ui.press('Tab'); // from the h1 to the first radio (Yes)
  await ui.press('ArrowDown'); // No, and selects it
  const checked = await ui.focused((el) => el.id);
  assert(checked.endsWith('q-immediate_danger-no'), `focused ${checked}`);
  let guard = 0;
  while (!(await ui.focused((el) => el.dataset.action === 'continue')) && guard++ < 20) await ui.press('Tab');
  await ui.press('Enter');
  await ui.expectStep('Safety and existing involvement');
  await ui.assertClean();
});

test('hostile text is shown literally, never as markup', async (t) => {
  const ui = await open(t, '/');
  await toIndicators(ui, '5 to 12 years');
  await ui.through('Specific risks', 'Before you refer');
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> \u202Eevil \u00e9';
  await ui.fill('What are the worries for this child', hostile);
  await ui.step('Consent');
  await ui.choose('parents or carers given consent', 'Yes, they have given consent');
  await ui.step('Check your answers');
  const shown = await ui.texts('.tg-answer');
  assert(
    shown.some((s) => s === hostile),
    `hostile text not shown literally: ${JSON.stringify(shown)}`,
  );
  assert((await ui.count('img')) === 0, 'no element injected');
  await ui.assertClean();
});

test(
  'leaving with answers entered asks first',
  async (t) => {
    const ui = await open(t, '/');
    await ui.waitFor('h1');
    await ui.step('Is the child in immediate danger?');
    await ui.choose('immediate danger', 'No');
    let asked = false;
    ui.page.on('dialog', (d) => {
      if (d.type() === 'beforeunload') asked = true;
    });
    await ui.page.close({ runBeforeUnload: true });
    for (let i = 0; i < 50 && !asked; i++) await new Promise((r) => setTimeout(r, 100));
    assert(asked, 'the browser asks before leaving with answers entered');
    await ui.assertClean();
  },
  { only: ['chromium', 'firefox'] },
);

test('referral summary: quality checks, copy a section and Copy all, download; hostile text literal (axe at 1280 and 320 px)', async (t) => {
  const ui = await open(t, '/', { time: THURSDAY_10AM });
  if (ENGINE === 'chromium') await ui.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await toIndicators(ui, '5 to 12 years');
  await pick(ui, 'immunisations', 'Missing immunisations/checks');
  await ui.through('Specific risks', 'Before you refer');
  const long = PLAYWRIGHT ? ' very long'.repeat(300) : ' very long'.repeat(30); // WebDriver types each key
  const hostile = '<b>bold?</b> & "quotes" \u202Eright-to-left \u00e9' + long;
  await ui.fill('What are the worries for this child', hostile);
  await ui.fill('What is the impact of this on the child?', 'I think she seems tired.');
  await ui.step('Consent');
  await ui.choose('parents or carers given consent', 'Yes, they have given consent');
  await ui.through('Check your answers', 'What to do now');
  await ui.next();
  await ui.waitFor('.tg-error-summary');
  assert((await ui.text('.tg-error-summary')).includes('Select your professional judgement'), 'the judgement is required');
  await ui.choose('Your professional judgement', 'Family Help');
  await ui.fill('Your reason', 'Needs in health and learning that breakfast club has not met.');
  await ui.step('Your referral summary', { a11y: true });
  const ready = await ui.text('[data-have-ready]');
  assert(ready.includes('who holds parental responsibility') && ready.includes('everyone in the household'), `have ready: ${ready}`);
  assert((await ui.text('[data-sending]')).includes('send it through the MASH web form'), 'when to send it');
  const checks = await ui.attrs('[data-problem]', 'data-problem');
  for (const want of ['voice_missing', 'why_now_missing', 'outcome_missing', 'opinion_words'])
    assert(checks.includes(want), `quality check ${want} missing from ${checks}`);
  assert(!checks.includes('impact_missing') && !checks.includes('consent_missing'), `unexpected checks ${checks}`);
  const worries = await ui.text('[data-section=worries] pre');
  assert(worries.includes(hostile), 'hostile text literal and not truncated in the summary');
  assert((await ui.count('[data-section=worries] b')) === 0, 'no markup from user text');
  // Copy: the Clipboard API after a real click. WebKit's clipboard cannot be read back under
  // automation: there the status is checked, and the README gives the manual paste check.
  await ui.button('Copy', '[data-section=impact]');
  await ui.waitFor('[role=status]', 'Copied');
  assert((await ui.focused((el) => el.textContent.trim())) === 'Copy', 'focus stays on the button');
  if (PLAYWRIGHT) {
    const clip = await ui.eval(() => navigator.clipboard.readText());
    assert(clip === 'I think she seems tired.', `clipboard had ${JSON.stringify(clip)}`);
  }
  await ui.button('Copy all');
  await ui.waitFor('[role=status]', 'Copied: the whole summary');
  if (PLAYWRIGHT) {
    const all = await ui.eval(() => navigator.clipboard.readText());
    assert(
      all.startsWith('REFERRAL TO THE LUTON MULTI-AGENCY SAFEGUARDING HUB (MASH)\nWritten: Thursday 19 November 2026, 10:00 GMT'),
      `copy all: ${all.slice(0, 200)}`,
    );
    assert(
      all.includes(hostile) && all.includes('I think she seems tired.') && all.includes('Why I judge it at this level: Needs in health and learning'),
      'copy all holds the answers and the reason',
    );
    for (const addressedToYou of [
      '[',
      'CHECKS NOT MET',
      'Before you send',
      'Who to phone now',
      'The MASH is open now',
      'parental responsibility',
      'Separate what you saw',
    ]) {
      assert(!all.replace(hostile, '').includes(addressedToYou), `copy all holds text addressed to the referrer: ${addressedToYou}`);
    }
  }
  // The file offered for download. Only Chromium reports downloads under automation; in
  // Firefox (BiDi) and WebKit (WebDriver) the file the widget hands the browser is read
  // instead, and the README gives the manual check.
  const saved = await downloaded(ui, () => ui.button('Download (.txt)'));
  assert(saved.name === 'referral-summary.txt', `download name: ${saved.name}`);
  assert(saved.text.startsWith('REFERRAL TO THE LUTON') && saved.text.includes('I think she seems tired.'), `downloaded: ${saved.text.slice(0, 100)}`);
  await ui.click('[data-problem=why_now_missing] button');
  await ui.expectStep('Before you refer');
  await ui.assertClean();
});

test('two widgets on one page keep their own answers', async (t) => {
  const ui = await open(t, '/two.html');
  await ui.waitFor('h1');
  await ui.widget(1).waitFor('h1');
  assert((await ui.eval(() => document.querySelectorAll('[data-threshold-guide-mounted]').length)) === 2, 'two widgets mounted');
  await ui.widget(0).next();
  await ui.widget(0).waitFor('h1', 'immediate danger');
  assert((await ui.widget(1).text('h1')).includes('Decide what help'), 'second untouched');
  const ids = await ui.eval(() => {
    const roots = [document, ...[...document.querySelectorAll('[data-threshold-guide]')].map((h) => h.shadowRoot).filter(Boolean)];
    const all = roots.flatMap((r) => [...r.querySelectorAll('[id]')].map((e) => e.id));
    return all.length - new Set(all).size;
  });
  assert(ids === 0, `${ids} duplicate element ids across the page and the widgets`);
  const warned = await ui.widget(1).text('[data-host-warnings]');
  assert(warned.includes('option "data-colour" is not known'), `malformed attribute reported in the widget: ${warned}`);
  await ui.assertClean();
});

test('the October 2021 edition in a host page (data-rules="luton-2021"), Saturday 22:00: its own categories, superseded warnings, no borrowed out-of-hours number', async (t) => {
  const ui = await open(t, '/training.html', { time: SATURDAY_10PM });
  await ui.waitFor('h1');
  const warning = await ui.text('.tg-warning-text');
  assert(
    warning.includes('kept for reference and training') && warning.includes('Effective Support for Children and Families in Luton'),
    `start page: ${warning}`,
  );
  await toIndicators(ui, '5 to 12 years');
  await pick(ui, 'immunisations', 'Missing immunisations/checks');
  await pick(ui, 'dental', 'Dental difficulties untreated/some decay');
  const status = await ui.text('[role=status]');
  assert(status.includes('2 indicators selected') && status.includes('Additional'), `status was "${status}"`);
  await ui.through('Specific risks', 'Before you refer', 'Consent');
  await ui.choose('parents or carers given consent', 'Yes, they have given consent');
  await ui.through('Check your answers', 'What to do now');
  assert((await ui.attr('[data-category]', 'data-category')) === 'additional', 'the 2021 category');
  const outcome = await ui.text();
  assert(outcome.includes('kept for reference and training'), 'the outcome says the edition is superseded');
  assert(outcome.includes('gives no office hours for the MASH and no out-of-hours number'), 'who to contact now says what this edition lacks');
  for (const word of ['0300 300 8123', 'Emergency Duty Team', 'Emerging Needs', 'Family Help'])
    assert(!outcome.includes(word), `the 2021 outcome must not borrow "${word}" from the current edition`);
  await ui.axe('2021 outcome');
  await ui.assertClean();
});
