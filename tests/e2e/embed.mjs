// End-to-end checks of embedding: every demo host page, style isolation against a hostile
// host stylesheet, iframe mode, the strict CSP, the request allow-list, storage, quick
// exit, the JavaScript API, and what a browser too old for the widget shows.
// One suite for every engine: BROWSER=chromium|firefox|webkit node --test tests/e2e/embed.mjs
import { start, test, assert, downloaded, ENGINE } from './browser.mjs';
import { consoleOf } from './webdriver.mjs';

const { origin, open } = await start('dist');
const PAGES = ['/', '/gp.html', '/public.html', '/two.html', '/hostile.html', '/api.html', '/training.html'];
const EMERGENCY = ['999', '01582 547653', 'Monday to Thursday 08:45 to 17:15, Friday 08:45 to 16:15', '0300 300 8123'];

/** The view of the widget on `path`: inside the frame on the iframe-mode page. */
const widgetOf = (ui, path) => (path === '/gp.html' ? ui.frame() : ui);

test('every demo host page shows the widget, strict CSP, 0 axe violations (1280 and 320 px), 0 console errors or CSP violations', async (t) => {
  for (const path of PAGES) {
    const headers = (await fetch(origin + path)).headers;
    assert(headers.get('content-security-policy').includes("default-src 'none'"), `${path}: strict CSP header`);
    assert(headers.get('referrer-policy') === 'no-referrer' && headers.get('cache-control') === 'no-store', `${path}: headers`);
    const ui = await open(t, path);
    const w = widgetOf(ui, path);
    await w.waitFor('h1');
    if (path !== '/hostile.html') await w.bothWidths(path);
    await ui.assertClean();
  }
});

test(
  'the console of every demo host page, seen by MiniBrowser itself (WebDriver hides it): no error, no CSP report',
  async () => {
    for (const path of PAGES) {
      const lines = (await consoleOf(origin + path)).filter((l) => !l.includes('threshold-guide: option "data-colour" is not known'));
      assert(lines.length === 0, `${path}:\n${lines.join('\n')}`);
    }
  },
  { only: ['webkit'] },
);

test('iframe mode: the GP intranet frame shows the widget and resizes to its content', async (t) => {
  const ui = await open(t, '/gp.html');
  const frame = ui.frame();
  await frame.waitFor('h1');
  const iframe = () =>
    ui.eval(() => {
      const f = document.querySelector('iframe[data-threshold-guide-frame]');
      return { allow: f.getAttribute('allow'), set: f.style.height, height: f.clientHeight };
    });
  assert((await iframe()).allow === 'clipboard-write', 'clipboard-write allowed');
  // The frame reports its height as its content changes (the widget mounting is one change).
  let startHeight, content;
  for (let i = 0; i < 100; i++) {
    startHeight = (await iframe()).height;
    content = await frame.eval(() => document.documentElement.getBoundingClientRect().height);
    if (Math.abs(startHeight - content) <= 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert(Math.abs(startHeight - content) <= 2, `frame ${startHeight}px vs content ${content}px`);
  assert((await frame.text('[data-audience-note]')).includes('mandatory reporting duty'), 'gp audience from the frame URL');
  assert((await frame.text('[data-host-contact-line]')).includes('Practice safeguarding lead'), 'contact line from the frame URL');
  await frame.next();
  await frame.waitFor('h1', 'immediate danger');
  let now = startHeight;
  for (let i = 0; i < 100 && Math.abs(now - startHeight) <= 20; i++) {
    await new Promise((r) => setTimeout(r, 50));
    now = (await iframe()).height;
  }
  assert(Math.abs(now - startHeight) > 20, `the frame kept its height (${now}px) when the content changed`);
  await ui.assertClean();
});

test('quick exit inside the iframe asks the host page to leave', async (t) => {
  const ui = await open(t, '/gp.html');
  // The same GP page, with the quick exit switched on for the frame.
  await ui.eval(() => {
    document.querySelector('iframe[data-threshold-guide-frame]').src = 'embed.html?audience=gp&quick-exit=true';
  });
  const frame = ui.frame();
  await frame.waitFor('button', 'Exit this page');
  await frame.button(/Exit this page$/);
  await ui.waitForUrl('/neutral.html');
});

test('a hostile host stylesheet cannot break the widget, and the widget does not restyle the host', async (t) => {
  const ui = await open(t, '/hostile.html');
  await ui.waitFor('h1');
  const style = await ui.eval(() => {
    const h1 = document.querySelector('[data-threshold-guide]').shadowRoot.querySelector('h1');
    const s = getComputedStyle(h1);
    return { size: s.fontSize, colour: s.color, font: s.fontFamily, spacing: s.letterSpacing };
  });
  assert(style.size === '36px' && style.colour === 'rgb(11, 12, 12)' && style.font.startsWith('Arial'), `widget h1 style: ${JSON.stringify(style)}`);
  const button = await ui.eval(() => {
    const r = document.querySelector('[data-threshold-guide]').shadowRoot.querySelector('[data-action=continue]').getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
  assert(button, 'the Start button is visible despite button {display:none}');
  const host = await ui.eval(() => getComputedStyle(document.querySelector('[data-threshold-guide]')).position);
  assert(host === 'static', `host element position ${host}`);
  await ui.next();
  await ui.waitFor('h1', 'immediate danger');
  // The widget's styles do not reach the host: the host's own h1 keeps the hostile look.
  const hostH1 = await ui.eval(() => getComputedStyle(document.querySelector('h1.demo-title')).fontSize);
  assert(hostH1 === '40px', `host h1 font-size ${hostH1}`);
  await ui.assertClean();
});

test(
  'nothing leaves, nothing stays: no request after load, works offline, storage empty, a case saved to a file and opened again',
  async (t) => {
    const ui = await open(t, '/');
    await ui.waitFor('h1');
    const requests = [];
    // A saved file's blob: URL is the page handing the browser a file, not a request.
    ui.page.on('request', (r) => r.url().startsWith('blob:') || requests.push(r.url()));
    await ui.context.setOffline(true);
    await ui.next();
    await ui.choose('immediate danger', 'No');
    await ui.next();
    await ui.choose('significant harm', 'No');
    await ui.choose('already open', 'No');
    await ui.next();
    await ui.choose('How old', '13 to 15 years');
    await ui.next();
    await ui.fill('Search all indicators', 'self-harm');
    await ui.click('input[type=checkbox]');
    await ui.next();
    await ui.next();
    await ui.fill('What are the worries for this child', 'Cuts seen on her arm in PE.');
    await ui.next();
    await ui.choose('parents or carers given consent', 'Yes, they have given consent');
    await ui.choose('Is the child competent', 'Yes');
    await ui.choose('Has the child given consent', 'Yes, the child has given consent');
    await ui.next();
    await ui.next();
    await ui.click('input[name$=judgement]');
    await ui.next();
    await ui.page.locator('[data-threshold-guide-mounted] .tg-widget[data-screen=Summary]').waitFor();
    // Save the case to a file, start again and open it: still nothing sent or stored.
    const file = await downloaded(ui, () => ui.button('Save your answers to a file'));
    await ui.button('Start again (clears all answers)');
    await ui.chooseFile('Choose a saved case file', { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await ui.page.locator('[data-threshold-guide-mounted] .tg-widget[data-screen=Check]').waitFor();
    assert((await ui.texts('.tg-answer')).includes('Cuts seen on her arm in PE.'), 'the saved case opened');
    assert(requests.length === 0, `requests after load: ${requests.join(', ')}`);
    await ui.assertNothingStored();
    await ui.assertClean();
  },
  { only: ['chromium', 'firefox'] },
);

test('quick exit by button: answers forgotten, page replaced, Back does not return to them', async (t) => {
  const ui = await open(t, '/');
  await ui.goto('/public.html');
  await ui.waitFor('h1');
  await ui.next();
  await ui.choose('immediate danger', 'No');
  await ui.button(/Exit this page$/);
  await ui.waitForUrl('/neutral.html');
  await ui.back();
  await new Promise((r) => setTimeout(r, 300));
  assert(!(await ui.url()).endsWith('/public.html'), `Back returned to the guide: ${await ui.url()}`);
});

test('quick exit by pressing Shift three times; Shift with a letter does not count', async (t) => {
  const ui = await open(t, '/public.html');
  await ui.waitFor('h1');
  await ui.next();
  await ui.waitFor('h1', 'immediate danger');
  await ui.press('Shift');
  await ui.press('Shift+A');
  await ui.press('Shift');
  await new Promise((r) => setTimeout(r, 300));
  assert((await ui.url()).endsWith('/public.html'), 'Shift, Shift+A, Shift must not exit');
  await ui.press('Shift');
  await ui.press('Shift');
  await ui.press('Shift');
  await ui.waitForUrl('/neutral.html');
});

test('the quick exit is not on the school page (it is for the public audience)', async (t) => {
  const ui = await open(t, '/');
  await ui.waitFor('h1');
  assert(
    (await ui.texts('button')).every((b) => !b.includes('Exit this page')),
    'no exit button',
  );
});

test('JavaScript API: mount() with options, destroy() brings back the host content', async (t) => {
  const ui = await open(t, '/api.html');
  await ui.waitFor('h1');
  assert((await ui.text('[data-host-contact-line]')).includes('Our safeguarding lead'), 'contactLine option');
  assert((await ui.text('[data-audience-note]')).includes("organisation's safeguarding lead"), 'voluntary audience');
  await ui.clickHost('#remove');
  let mounted = true;
  for (let i = 0; i < 100 && mounted; i++) mounted = await ui.eval(() => document.getElementById('guide').hasAttribute('data-threshold-guide-mounted'));
  assert(!mounted, 'widget removed');
  const host = await ui.eval(() => {
    const g = document.getElementById('guide');
    return { text: g.textContent, shown: g.getBoundingClientRect().height > 0 };
  });
  assert(host.shown && host.text.includes('01582 547653'), 'host content visible again');
  await ui.assertClean();
});

// A browser too old for the widget, played by taking the feature away before any page
// script runs: the host's own content stays, with every emergency number, nothing of the
// widget is drawn, and the console says why in one line.
for (const [without, why] of [
  ['WebAssembly', 'Error: this browser lacks WebAssembly'],
  ['adoptedStyleSheets', 'Error: this browser lacks Shadow DOM with adoptedStyleSheets'],
  ['modules', 'this browser cannot run module scripts'],
  ['wasm-compile', 'CompileError: simulated: this browser cannot compile the module'],
]) {
  test(`too old for the widget (${without}): the host's emergency numbers stay, one console line says why`, async (t) => {
    for (const path of ['/', '/public.html']) {
      const ui = await open(t, path, { without: [without] });
      let lines = [];
      for (let i = 0; i < 100 && lines.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        lines = await ui.consoleLines();
      }
      await new Promise((r) => setTimeout(r, 300)); // anything more would come now
      lines = await ui.consoleLines();
      assert(lines.length === 1 && lines[0].includes(`threshold-guide did not start: ${why}`), `${path} console: ${JSON.stringify(lines)}`);
      const host = await ui.eval(() => {
        const el = document.querySelector('[data-threshold-guide]');
        const r = el.getBoundingClientRect();
        return {
          text: el.innerText,
          shown: r.height > 50 && getComputedStyle(el).visibility !== 'hidden',
          shadow: !!el.shadowRoot,
          mounted: el.hasAttribute('data-threshold-guide-mounted'),
        };
      });
      for (const n of EMERGENCY) assert(host.text.includes(n), `${path}: the fallback lacks ${n}`);
      assert(host.shown && !host.shadow && !host.mounted, `${path}: ${JSON.stringify(host)}`);
      const problems = (await ui.problems()).filter((p) => !p.includes('threshold-guide did not start'));
      assert(problems.length === 0, problems.join('\n'));
    }
  });
}

test(
  'a failed load of the wasm file leaves the emergency numbers and says why',
  async (t) => {
    const ui = await open(t, '/neutral.html');
    await ui.page.route(/_bg\.wasm$/, (route) => route.abort());
    await ui.goto('/');
    await ui.page.waitForFunction(() => true);
    let lines = [];
    for (let i = 0; i < 100 && lines.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      lines = await ui.consoleLines();
    }
    assert(
      lines.some((l) => l.includes('threshold-guide did not start: TypeError')),
      `console: ${lines}`,
    );
    const text = await ui.eval(() => document.querySelector('[data-threshold-guide]').innerText);
    assert(text.includes('01582 547653') && text.includes('999'), 'fallback after failed load');
  },
  { only: ['chromium', 'firefox'] },
);

test(
  'a server that sends the wasm with the wrong Content-Type still gets a working widget',
  async (t) => {
    const ui = await open(t, '/neutral.html');
    await ui.page.route(/_bg\.wasm$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await ui.goto('/');
    await ui.waitFor('h1');
    assert((await ui.text('h1')).includes('Decide what help a child needs'), 'widget started');
  },
  { only: ['chromium', 'firefox'] },
);

test(
  'with an async loader that is ready before the page is parsed, the widget still mounts',
  async (t) => {
    // A parser-blocking script that takes 2 s holds the page in "loading" while the async
    // loader downloads and starts the widget; the widget's element comes after that script.
    const ui = await open(t, '/neutral.html');
    const p = ui.page;
    await p.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        window.__dcl = performance.now();
      }),
    );
    await p.route(`${origin}/slow.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body:
          '<!doctype html><html lang="en"><head><title>Slow</title><script type="module" async src="threshold-guide.js"></script></head><body><main>' +
          '<script src="slow.js"></script><div data-threshold-guide><p>Call 999</p></div></main></body></html>',
      }),
    );
    await p.route(`${origin}/slow.js`, async (route) => {
      await new Promise((r) => setTimeout(r, 2000));
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    await ui.goto('/slow.html');
    await ui.waitFor('h1');
    assert((await ui.eval(() => document.querySelectorAll('[data-threshold-guide-mounted]').length)) === 1, 'mounted once');
    // Chromium runs the async loader while the page is still parsing here, the case under
    // test; Firefox runs it after parsing (the widget mounted, which is what matters).
    if (ENGINE === 'chromium') {
      const early = await ui.eval(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')).responseEnd < window.__dcl);
      assert(early, 'the wasm was loaded before the page finished parsing (the case under test)');
    }
  },
  { only: ['chromium', 'firefox'] },
);

// Rule sets are files beside the wasm (threshold-rules-<id>-<hash>.bin). One that fails to
// load, fails its hash or names no rule set of this build leaves the emergency numbers and a
// line for the page's web team, in the widget and the console; never a blank box and never a
// half-loaded rule set.
const hostPage = (attrs) =>
  '<!doctype html><html lang="en"><head><title>Host</title><script type="module" src="threshold-guide.js"></script></head><body><main>' +
  `<div data-threshold-guide ${attrs}><p>Call 999</p></div></main></body></html>`;

async function failedWidget(ui, says) {
  let failed = null;
  for (let i = 0; i < 200 && !failed; i++) {
    await new Promise((r) => setTimeout(r, 50));
    failed = await ui.eval(() => {
      const el = document.querySelector('[data-threshold-guide-failed]');
      return el && { reason: el.getAttribute('data-threshold-guide-failed'), text: el.shadowRoot ? el.shadowRoot.textContent : el.textContent };
    });
  }
  assert(failed, 'the widget shows its failure');
  for (const n of ['999', '01582 547653', '0300 300 8123']) assert(failed.text.includes(n), `${n} in: ${failed.text}`);
  assert(failed.text.includes("For the page's web team") && failed.text.includes(says), `the reason in the widget: ${failed.text}`);
  assert(failed.reason.includes(says), `reason: ${failed.reason}`);
  const lines = await ui.consoleLines();
  assert(
    lines.some((l) => l.includes('threshold-guide did not start here') && l.includes(says)),
    `console: ${lines}`,
  );
  assert((await ui.eval(() => document.querySelectorAll('[data-threshold-guide-mounted]').length)) === 0, 'no widget mounted');
}

test(
  'a damaged, cut-off or missing rule-set file, or an unknown data-rules, leaves the emergency numbers and says why',
  async (t) => {
    const damaged = (b) => Buffer.from(b.map((x, i) => (i === 4000 ? x ^ 1 : x)));
    const cases = [
      ['damaged', '', damaged, 'does not match the hash'],
      // A browser whose fetch has no integrity option: the widget compares the hash itself.
      ['damaged, fetch without integrity', '', damaged, 'does not match the hash', ['fetch-integrity']],
      ['cut off', '', (b) => b.subarray(0, b.length >> 1), 'does not match the hash'],
      ['missing', '', null, 'did not load (HTTP 404'],
      ['unknown', 'data-rules="luton-1999"', undefined, 'there is no rule set "luton-1999" in this build (there are: luton'],
    ];
    for (const [what, attrs, damage, says, without] of cases) {
      const ui = await open(t, '/neutral.html', { without });
      await ui.page.route(`${origin}/host.html`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(attrs) }));
      if (damage !== undefined)
        await ui.page.route(/threshold-rules-luton-[0-9a-f]+\.bin$/, async (route) => {
          if (!damage) return route.fulfill({ status: 404, body: 'not found' });
          const response = await route.fetch();
          await route.fulfill({ response, body: damage(await response.body()) });
        });
      await ui.goto('/host.html');
      await failedWidget(ui, says).catch((e) => {
        throw new Error(`${what}: ${e.message}`);
      });
    }
  },
  { only: ['chromium', 'firefox'] },
);

test(
  'mount() with a rule set this build lacks rejects with the reason and shows the emergency numbers',
  async (t) => {
    const ui = await open(t, '/neutral.html');
    await ui.page.route(`${origin}/host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage('id="x"').replace('data-threshold-guide ', '') }),
    );
    await ui.goto('/host.html');
    const error = await ui.eval(async () => {
      const { mount } = await import('/threshold-guide.js');
      return mount(document.getElementById('x'), { rules: 'luton-1999' }).then(
        () => 'mounted',
        (e) => String(e.message || e),
      );
    });
    assert(error.includes('there is no rule set "luton-1999"'), error);
    const text = await ui.eval(() => document.getElementById('x').shadowRoot.textContent);
    assert(text.includes('999') && text.includes('01582 547653') && text.includes('luton-1999'), text);
  },
  { only: ['chromium', 'firefox'] },
);

test(
  'the rule set is fetched together with the wasm, not after it (no extra round trip before the first screen)',
  async (t) => {
    const ui = await open(t, '/');
    await ui.waitFor('h1');
    const timing = await ui.eval(() => {
      const entries = performance.getEntriesByType('resource');
      const find = (re) => entries.find((e) => re.test(e.name));
      const wasm = find(/_bg\.wasm$/);
      const rules = find(/threshold-rules-luton-[0-9a-f]{16}\.bin$/);
      return wasm && rules && { rulesStart: rules.startTime, wasmStart: wasm.startTime, count: entries.filter((e) => /threshold-rules-/.test(e.name)).length };
    });
    assert(timing, 'the wasm and the rule set were fetched');
    // The loader asks for both in the same task; after the wasm had started, the gap would be
    // its download and compile time.
    assert(Math.abs(timing.rulesStart - timing.wasmStart) < 25, `the rule set's request starts with the wasm's: ${JSON.stringify(timing)}`);
    assert(timing.count === 1, `only the page's own rule set is fetched: ${timing.count}`);
  },
  { only: ['chromium', 'firefox'] },
);
