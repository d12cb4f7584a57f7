// Shared helpers for the end-to-end suites (node:test). One suite runs in each engine:
// BROWSER=chromium (default) or firefox through playwright-core, driving Debian's browsers
// (never a downloaded one); BROWSER=webkit through a thin WebDriver client (webdriver.mjs),
// as Playwright cannot drive WebKitGTK. The suites speak to the page through `Ui` below,
// so every step is written once for the three engines.
import { after, test as nodeTest } from 'node:test';
import nodeAssert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium, firefox } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchWebKit, isElement } from './webdriver.mjs';

export const ENGINE = process.env.BROWSER || 'chromium';
if (!['chromium', 'firefox', 'webkit'].includes(ENGINE)) throw new Error(`BROWSER=${ENGINE}: use chromium, firefox or webkit`);
export const PLAYWRIGHT = ENGINE !== 'webkit';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
// Firefox: no updates, telemetry or first-run pages; the clipboard readable by tests.
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'browser.aboutwelcome.enabled': false,
  'dom.events.testing.asyncClipboard': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

const AXE_PATH = '/__test__/axe.min.js';
const INIT_PATH = '/__test__/init.js';

/** Every mounted widget's root (the shadow root is pierced by Playwright). */
export const WIDGET = '[data-threshold-guide-mounted] .tg-widget';

export const THURSDAY_10AM = '2026-11-19T10:00:00Z'; // MASH open
export const SATURDAY_10PM = '2026-11-21T22:00:00Z'; // Saturday night: MASH closed, Emergency Duty Team

export function assert(cond, message) {
  nodeAssert.ok(cond, message);
}

/** What runs in the page before any of its own scripts: records errors and CSP violations
 *  (WebKit under WebDriver reports no console), fixes the clock, and can take away browser
 *  features to play an old browser. Serialised into the page, so self-contained. */
function pageInit({ record, time, without }) {
  if (record) {
    const problems = (window.__tgProblems = []);
    for (const level of ['error', 'warn']) {
      const original = console[level].bind(console);
      console[level] = (...a) => {
        problems.push(`console ${level}: ${a.map(String).join(' ')}`);
        original(...a);
      };
    }
    window.addEventListener('error', (e) => problems.push(`page error: ${e.message || (e.target && e.target.src)}`), true);
    window.addEventListener('unhandledrejection', (e) => problems.push(`page error: ${e.reason}`));
  }
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  if (time) {
    const fixed = new Date(time).getTime();
    const RealDate = Date;
    globalThis.Date = class extends RealDate {
      constructor(...a) {
        super(...(a.length ? a : [fixed]));
      }
      static now() {
        return fixed;
      }
    };
  }
  for (const feature of without || []) {
    if (feature === 'WebAssembly') delete globalThis.WebAssembly;
    if (feature === 'adoptedStyleSheets') {
      delete Document.prototype.adoptedStyleSheets;
      delete ShadowRoot.prototype.adoptedStyleSheets;
    }
    if (feature === 'modules') delete HTMLScriptElement.prototype.noModule; // with the page's module scripts taken out by the server
    if (feature === 'fetch-integrity') delete Request.prototype.integrity; // a fetch that would ignore the integrity option
    if (feature === 'wasm-compile') {
      const fail = () => Promise.reject(new WebAssembly.CompileError('simulated: this browser cannot compile the module'));
      WebAssembly.compile = fail;
      WebAssembly.compileStreaming = fail;
      WebAssembly.instantiate = fail;
      WebAssembly.instantiateStreaming = fail;
    }
  }
}

/** Plays a browser without module scripts: it skips type="module" and runs nomodule. */
const withoutModules = (html) => html.replace(/<script type="module"[^>]*><\/script>/g, '').replace(/<script nomodule /g, '<script ');

/** Starts the server and the engine. `open(t, path, options)` gives a `Ui` on a fresh
 *  browser context (a fresh MiniBrowser in WebKit), closed when the test ends, pass or fail. */
export async function start(dir = 'dist') {
  let init = null; // the page init of the WebKit page being opened (the server puts it first in each page)
  let modules = true;
  let current = null; // the open WebKit session
  const extra = {
    [AXE_PATH]: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname,
    [INIT_PATH]: () => `(${pageInit})(${JSON.stringify(init || {})});`,
  };
  const server = await serve(dir, 0, extra, {
    html: (body) => {
      const page = modules ? body : withoutModules(body);
      return init ? page.replace('<head>', `<head><script src="${INIT_PATH}"></script>`) : page;
    },
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser =
    ENGINE === 'chromium'
      ? await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
      : ENGINE === 'firefox'
        ? await firefox.launch({ channel: 'moz-firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', firefoxUserPrefs: FIREFOX_PREFS })
        : await launchWebKit();
  after(async () => {
    await browser.close();
    server.close();
  });

  async function open(t, path = '/', options = {}) {
    const { time, width = 1280 } = options;
    const without = options.without || [];
    modules = !without.includes('modules');
    let ui;
    if (PLAYWRIGHT) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      t.after(() => context.close());
      const page = await context.newPage();
      if (time) await page.clock.setFixedTime(new Date(time));
      await page.addInitScript(pageInit, { without });
      ui = new PlaywrightUi(page, context, origin);
    } else {
      // WebKitWebDriver holds one session at a time: a test's earlier page is closed first.
      if (current) await current.close();
      const session = (current = await browser.newSession());
      t.after(() => session.close());
      init = { record: true, time, without };
      ui = new WebDriverUi(session, origin);
      await ui.viewport(width, 900);
    }
    await ui.goto(path);
    return ui;
  }
  return { origin, open, version: browser.version() };
}

/** A test that runs only where the engine can do it under automation; elsewhere it is
 *  reported as skipped with the reason (the README lists the manual check). */
export function test(name, fn, { only } = {}) {
  const skip = only && !only.includes(ENGINE) && `needs ${only.join(' or ')} (${ENGINE}: see README, Browser support)`;
  return nodeTest(`${name} [${ENGINE}]`, { skip }, fn);
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function axeReport(result, label) {
  if (result.incomplete.length) console.log(`  axe incomplete (${label}): ${result.incomplete.map((r) => `${r.id}×${r.nodes.length}`).join(', ')}`);
  if (result.violations.length) {
    const detail = result.violations
      .map(
        (v) =>
          `${v.id}: ${v.help}\n      ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('\n      ')}`,
      )
      .join('\n    ');
    throw new Error(`axe violations on ${label} (${ENGINE}):\n    ${detail}`);
  }
}

/** The focused element, looking inside shadow roots (the widget renders in one). */
export function deepActiveElement() {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** What the suites do to a page, written once for every engine. Selectors are inside the
 *  widget (the `n`th widget on the page; `ui.widget(1)` for the second). */
class Ui {
  /** Continue to the next step, as a user clicks it. */
  next() {
    return this.click('[data-action=continue]');
  }

  /** Waits for the step's heading; focus must move to it. */
  async expectStep(title) {
    await this.waitFor('h1', title);
    // Focus moves in an effect just after the render; give it a moment under load.
    let tag;
    for (let i = 0; i < 50 && (tag = await this.focused((el) => el && el.tagName)) !== 'H1'; i++) await new Promise((r) => setTimeout(r, 20));
    assert(tag === 'H1', `focus should be on the step's h1 at "${title}", was on ${tag}`);
  }

  /** Continue, then check the next step's heading and, optionally, axe at both widths. */
  async step(title, { a11y = false } = {}) {
    await this.next();
    await this.expectStep(title);
    if (a11y) await this.bothWidths(title);
  }

  /** Answers several questions: [legend, option] pairs. */
  async chooseAll(...pairs) {
    for (const [legend, option] of pairs) await this.choose(legend, option);
  }

  /** Continues through steps that need no answer, checking each heading. */
  async through(...titles) {
    for (const title of titles) await this.step(title);
  }

  /** axe at 1280 px and 320 px, and no horizontal scrolling at 320 px. */
  async bothWidths(label) {
    await this.axe(`${label} at 1280px`);
    const narrow = (await this.viewport(320, 800)) || 320;
    await this.axe(`${label} at ${narrow}px`);
    const overflow = await this.eval(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `${label}: horizontal scrolling at ${narrow}px (${overflow}px)`);
    await this.viewport(1280, 900);
  }

  /** Evaluates `fn(focusedElement)` in the page. */
  focused(fn) {
    return this.eval(`() => (${fn})((${deepActiveElement})())`);
  }

  /** What went wrong in the page: console errors, page errors, CSP violations, failed requests. */
  async problems() {
    return (await this.recordedLines()).filter((l) => !l.startsWith('console warn:'));
  }

  /** The console's errors and warnings. */
  async consoleLines() {
    return (await this.recordedLines()).filter((l) => l.startsWith('console '));
  }

  /** Nothing stored by the page (local and session storage, cookies, IndexedDB, caches) and
   *  nothing put in its URL. */
  async assertNothingStored() {
    const stored = await this.eval(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }));
    assert(JSON.stringify(stored) === JSON.stringify({ local: 0, session: 0, cookie: '', idb: 0, caches: 0 }), `stored: ${JSON.stringify(stored)}`);
    assert((await this.url()) === this.origin + '/', `the URL changed: ${await this.url()}`);
  }

  /** Nothing went wrong in the page: no console error, page error, CSP violation, failed request. */
  async assertClean() {
    const problems = await this.problems();
    assert(problems.length === 0, `${ENGINE}:\n${problems.join('\n')}`);
  }
}

class PlaywrightUi extends Ui {
  constructor(page, context, origin, n = 0, frame = null) {
    super();
    Object.assign(this, { page, context, origin, n, frameSelector: frame });
    this.scope = frame ? page.frameLocator(frame) : page;
    if (n === 0 && !frame) {
      this.recorded = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') this.recorded.push(`console ${m.type() === 'error' ? 'error' : 'warn'}: ${m.text()}`);
      });
      page.on('pageerror', (e) => this.recorded.push(`page error: ${e.message}`));
      page.on('dialog', (d) => {
        if (d.type() !== 'beforeunload') this.recorded.push(`dialog: ${d.message()}`);
        d.dismiss().catch(() => {});
      });
      page.on('response', (r) => {
        if (r.status() >= 400) this.recorded.push(`HTTP ${r.status()} for ${r.url()}`);
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('blob:')) this.recorded.push(`request off this origin: ${r.url()}`);
      });
    }
  }
  widget(n) {
    const u = new PlaywrightUi(this.page, this.context, this.origin, n, this.frameSelector);
    u.recorded = this.recorded;
    return u;
  }
  /** The same page, seen inside the widget's iframe (iframe mode). */
  frame(selector = 'iframe[data-threshold-guide-frame]') {
    const u = new PlaywrightUi(this.page, this.context, this.origin, 0, selector);
    u.recorded = this.recorded;
    return u;
  }
  w(sel) {
    const w = this.scope.locator(WIDGET).nth(this.n);
    return sel ? w.locator(sel).first() : w;
  }
  async recordedLines() {
    return this.recorded;
  }
  goto(path) {
    return this.page.goto(this.origin + path);
  }
  async url() {
    return this.page.url();
  }
  waitForUrl(path) {
    return this.page.waitForURL(this.origin + path);
  }
  back() {
    return this.page.goBack();
  }
  /** Clicks the `nth` match of `sel` in the widget. */
  click(sel, nth = 0) {
    return this.w().locator(sel).nth(nth).click();
  }
  type(text) {
    return this.page.keyboard.type(text);
  }
  /** Chooses `option` in the (first) question whose legend contains `legend`. */
  choose(legend, option) {
    return this.w().getByRole('group', { name: legend }).first().getByLabel(option, { exact: true }).check();
  }
  tick(name) {
    return this.w().getByRole('checkbox', { name }).check();
  }
  fill(label, text) {
    return this.w().getByLabel(label).fill(text);
  }
  /** Presses the button `name`, which opens the file picker, and chooses `file` in it
   * ({ name, mimeType, buffer }), as a person would. Resolves to the picker's input element. */
  async chooseFile(name, file) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.button(name)]);
    await chooser.setFiles(file);
    return chooser.element();
  }
  button(name, within) {
    return (within ? this.w(within) : this.w()).getByRole('button', { name, exact: typeof name === 'string' }).click();
  }
  text(sel) {
    return this.w(sel).textContent();
  }
  texts(sel) {
    return this.w().locator(sel).allTextContents();
  }
  attr(sel, name) {
    return this.w(sel).getAttribute(name);
  }
  attrs(sel, name) {
    return this.w()
      .locator(sel)
      .evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), name);
  }
  count(sel) {
    return this.w().locator(sel).count();
  }
  async waitFor(sel, hasText, timeout = 15000) {
    await this.scope
      .locator(WIDGET)
      .nth(this.n)
      .locator(sel, hasText ? { hasText } : {})
      .first()
      .waitFor({ timeout });
  }
  /** Runs `fn(arg)` in the page (in the frame, for a frame view). */
  eval(fn, arg) {
    return this.target().evaluate(`(${fn})(${JSON.stringify(arg === undefined ? null : arg)})`);
  }
  target() {
    return this.frameSelector ? this.page.frame({ url: /embed\.html/ }) : this.page;
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  viewport(width, height) {
    return this.page.setViewportSize({ width, height });
  }
  /** Clicks a host-page element (outside the widget). */
  clickHost(sel) {
    return this.page.locator(sel).click();
  }
  async axe(label) {
    if (!(await this.eval(() => typeof window.axe !== 'undefined'))) await this.target().addScriptTag({ url: AXE_PATH });
    axeReport(await this.eval((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG), label);
  }
}

/** Finds things in the page for the WebDriver client: the same queries Playwright's role
 *  and label locators make, by the elements' labels and legends. */
const LIB = `
const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
const widget = (n) => { const h = document.querySelectorAll('[data-threshold-guide-mounted]')[n]; return h && (h.shadowRoot || h).querySelector('.tg-widget'); };
const within = (n, sel) => { const w = widget(n); return w && (sel ? w.querySelector(sel) : w); };
const labelled = (root, text, exact) => [...root.querySelectorAll('label')].find((l) => exact ? norm(l.textContent) === text : norm(l.textContent).toLowerCase().includes(text.toLowerCase()));
const group = (root, legend) => [...root.querySelectorAll('fieldset')].find((f) => { const l = f.querySelector('legend'); return l && norm(l.textContent).toLowerCase().includes(legend.toLowerCase()); });
`;

class WebDriverUi extends Ui {
  constructor(session, origin, n = 0, frame = null) {
    super();
    Object.assign(this, { session, origin, n, frameSelector: frame });
  }
  widget(n) {
    return new WebDriverUi(this.session, this.origin, n, this.frameSelector);
  }
  frame(selector = 'iframe[data-threshold-guide-frame]') {
    return new WebDriverUi(this.session, this.origin, 0, selector);
  }

  /** Runs `body` in the right frame; with `wait`, until it returns something (15 s at most). */
  async run(body, args = [], wait = false) {
    await this.session.frame(null).catch(() => {});
    if (this.frameSelector) {
      const f = await this.session.exec('return document.querySelector(arguments[0])', [this.frameSelector]);
      await this.session.frame(f);
    }
    const deadline = Date.now() + 15000;
    for (;;) {
      const v = await this.session.exec(LIB + body, args);
      if (!wait || (v !== null && v !== undefined && v !== false)) return v;
      if (Date.now() > deadline) throw new Error(`timed out (${ENGINE}): ${body.trim().split('\n').pop()} ${JSON.stringify(args)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async find(body, args) {
    const el = await this.run(body, args, true);
    assert(isElement(el), `not an element: ${body}`);
    return el;
  }
  recordedLines() {
    return this.run('return window.__tgProblems || []');
  }
  goto(path) {
    return this.session.goto(this.origin + path);
  }
  url() {
    return this.session.url();
  }
  async waitForUrl(path) {
    for (let i = 0; i < 300; i++) {
      if ((await this.url()) === this.origin + path) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`URL stayed ${await this.url()}, expected ${path}`);
  }
  back() {
    return this.session.back();
  }
  async click(sel, nth = 0) {
    await this.session.click(
      await this.find('const w = widget(arguments[0]); return w && w.querySelectorAll(arguments[1])[arguments[2]];', [this.n, sel, nth]),
    );
  }
  async type(text) {
    await this.session.cmd('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [...text].flatMap((value) => [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ]),
        },
      ],
    });
  }
  async clickHost(sel) {
    await this.session.click(await this.find('return document.querySelector(arguments[0]);', [sel]));
  }
  async choose(legend, option) {
    // A real click on the option's label, as a user does (the radio itself is drawn by its label).
    const label = await this.find(`const g = group(widget(arguments[0]) || document, arguments[1]); return g && labelled(g, arguments[2], true);`, [
      this.n,
      legend,
      option,
    ]);
    await this.session.click(label);
  }
  async tick(name) {
    await this.session.click(
      await this.find(`const l = labelled(widget(arguments[0]), arguments[1]); return l && l.control && l.control.type === 'checkbox' ? l : null;`, [
        this.n,
        name,
      ]),
    );
  }
  async fill(label, text) {
    const field = await this.find(`const l = labelled(widget(arguments[0]), arguments[1]); return l && l.control;`, [this.n, label]);
    // Select all and delete as keys (Element Clear sends no input event in WebKit), then type.
    await this.session.type(field, '\uE009a\uE009\uE017' + text);
  }
  async button(name, within) {
    const source = name instanceof RegExp ? [name.source, name.flags] : [`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''];
    await this.session.click(
      await this.find(
        `const root = within(arguments[0], arguments[1]); const re = new RegExp(arguments[2], arguments[3]);
      return root && [...root.querySelectorAll('button, [role=button]')].find((b) => re.test(norm(b.textContent)));`,
        [this.n, within || null, ...source],
      ),
    );
  }
  text(sel) {
    return this.run(`const e = within(arguments[0], arguments[1]); return e ? e.textContent : null;`, [this.n, sel || null], true);
  }
  texts(sel) {
    return this.run(`const w = widget(arguments[0]); return w ? [...w.querySelectorAll(arguments[1])].map((e) => e.textContent) : [];`, [this.n, sel]);
  }
  attr(sel, name) {
    return this.run(`const e = within(arguments[0], arguments[1]); return e ? e.getAttribute(arguments[2]) : undefined;`, [this.n, sel, name], true);
  }
  attrs(sel, name) {
    return this.run(`const w = widget(arguments[0]); return w ? [...w.querySelectorAll(arguments[1])].map((e) => e.getAttribute(arguments[2])) : [];`, [
      this.n,
      sel,
      name,
    ]);
  }
  count(sel) {
    return this.run(`const w = widget(arguments[0]); return w ? w.querySelectorAll(arguments[1]).length : 0;`, [this.n, sel]);
  }
  async waitFor(sel, hasText) {
    await this.run(
      `const w = widget(arguments[0]); return !!w && [...w.querySelectorAll(arguments[1])].some((e) => !arguments[2] || e.textContent.includes(arguments[2]));`,
      [this.n, sel, hasText || null],
      true,
    );
  }
  eval(fn, arg) {
    return this.run(`return (${fn})(arguments[0]);`, [arg === undefined ? null : arg]);
  }
  press(key) {
    return this.session.press(key);
  }
  async viewport(width, height) {
    // MiniBrowser's window is its viewport's width. Its toolbar keeps it at least about 450 px
    // wide: narrower, the page gets the narrowest viewport it allows (the 320 px checks run
    // in Chromium and Firefox; README, Browser support).
    await this.session.frame(null);
    const { width: got } = await this.session.setSize(width, height);
    let now;
    for (let i = 0; i < 40 && (now = await this.session.exec('return innerWidth')) !== got; i++) await new Promise((r) => setTimeout(r, 25));
    assert(now === width || (width < 480 && now < 480), `WebKit viewport ${now}px wide, wanted ${width}px`);
    return now;
  }
  async axe(label) {
    await this.run(
      `if (window.axe) return true; if (!document.querySelector('script[data-axe]')) { const s = document.createElement('script'); s.src = '${AXE_PATH}'; s.dataset.axe = ''; document.head.append(s); } return false;`,
      [],
      true,
    );
    await this.run('return !!window.axe', [], true);
    await this.session.frame(null);
    if (this.frameSelector) await this.session.frame(await this.session.exec('return document.querySelector(arguments[0])', [this.frameSelector]));
    const result = await this.session.execAsync(
      `const done = arguments[arguments.length - 1];
      window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } }).then((r) => done({ violations: r.violations, incomplete: r.incomplete }), (e) => done({ error: String(e) }));`,
      [WCAG],
    );
    if (result.error) throw new Error(`axe failed on ${label}: ${result.error}`);
    axeReport(result, label);
  }
}

/** The first steps of most journeys, from the start page: no immediate danger, no
 *  significant harm, no open case, the child's age; then the indicators step. */
export async function toIndicators(ui, age = '5 to 12 years', a11y = false) {
  await ui.waitFor('h1');
  await ui.step('Is the child in immediate danger?', { a11y });
  await ui.choose('immediate danger', 'No');
  await ui.step('Safety and existing involvement', { a11y });
  await ui.chooseAll(['significant harm', 'No'], ['already open', 'No']);
  await ui.step('About the child', { a11y });
  await ui.choose('How old', age);
  await ui.step('What have you seen or been told?', { a11y });
}

/** Clicks via `click` and returns the file the page offers: { name, text }. Only Chromium
 *  reports downloads under automation; in Firefox (BiDi) and WebKit (WebDriver) the file the
 *  widget hands the browser (its Blob and the link's download name) is read instead. */
export async function downloaded(ui, click) {
  if (ENGINE === 'chromium') {
    const [download] = await Promise.all([ui.page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }
  await ui.eval(() => {
    window.__tgDownload = null;
    if (window.__tgBlobs) return;
    const blobs = (window.__tgBlobs = new Map());
    const create = URL.createObjectURL;
    URL.createObjectURL = (b) => {
      const u = create(b);
      blobs.set(u, b);
      return u;
    };
    const anchorClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (this.download && blob)
        blob.text().then((text) => {
          window.__tgDownload = { name: this.download, text };
        });
      return anchorClick.call(this);
    };
  });
  await click();
  let file;
  for (let i = 0; i < 100 && !(file = await ui.eval(() => window.__tgDownload || null)); i++) await new Promise((r) => setTimeout(r, 50));
  assert(file, 'no file offered for download');
  return file;
}
