// End-to-end checks of embedding: every demo host page, style isolation against a hostile
// host stylesheet, iframe mode, the strict CSP, the request allow-list, storage, quick
// exit, the JavaScript API, and the fallback when WebAssembly is unavailable.
import { start, openPage, runTests, assert, axe, next, choose } from './browser.mjs';

const { server, origin, browser } = await start('dist');
// Widgets mounted from markup carry data-threshold-guide; every mounted host gets
// data-threshold-guide-mounted (the API page mounts without the markup attribute).
const W = '[data-threshold-guide-mounted] .tg-widget';

async function widgetReady(page, scope = page) {
  await scope.locator(`${W} h1`).first().waitFor({ timeout: 15000 });
}

const ok = await runTests([
  ['every demo host page shows the widget with 0 axe violations (1280 and 320 px) and 0 CSP violations', async () => {
    for (const path of ['/', '/gp.html', '/public.html', '/two.html', '/hostile.html', '/api.html']) {
      const { page, context, problems } = await openPage(browser, origin, path);
      await widgetReady(page, path === '/gp.html' ? page.frameLocator('iframe[data-threshold-guide-frame]') : page);
      const headers = (await page.request.get(origin + path)).headers();
      assert(headers['content-security-policy'].includes("default-src 'none'"), `${path}: strict CSP header`);
      assert(headers['referrer-policy'] === 'no-referrer' && headers['cache-control'] === 'no-store', `${path}: headers ${JSON.stringify(headers)}`);
      if (path !== '/hostile.html') {
        await axe(page, `${path} at 1280px`);
        await page.setViewportSize({ width: 320, height: 800 });
        await axe(page, `${path} at 320px`);
      }
      assert(problems.length === 0, `${path}:\n${problems.join('\n')}`);
      await context.close();
    }
  }],
  ['iframe mode: the GP intranet frame shows the widget and resizes to its content', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/gp.html');
    const frame = page.frameLocator('iframe[data-threshold-guide-frame]');
    await widgetReady(page, frame);
    const iframe = page.locator('iframe[data-threshold-guide-frame]');
    assert((await iframe.getAttribute('allow')) === 'clipboard-write', 'clipboard-write allowed');
    await page.waitForFunction(() => document.querySelector('iframe').style.height !== '');
    const startHeight = await iframe.evaluate((f) => f.clientHeight);
    const content = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
    assert(Math.abs(startHeight - content) <= 2, `frame ${startHeight}px vs content ${content}px`);
    assert((await frame.locator('[data-audience-note]').textContent()).includes('mandatory reporting duty'), 'gp audience from the frame URL');
    assert((await frame.locator('[data-host-contact-line]').textContent()).includes('Practice safeguarding lead'), 'contact line from the frame URL');
    await frame.locator('[data-action=continue]').click();
    await frame.locator('h1', { hasText: 'immediate danger' }).waitFor();
    await page.waitForFunction((h) => Math.abs(document.querySelector('iframe').clientHeight - h) > 20, startHeight);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['quick exit inside the iframe asks the host page to leave', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/gp.html');
    // The same GP page, with the quick exit switched on for the frame.
    await page.locator('iframe[data-threshold-guide-frame]').evaluate((f) => { f.src = 'embed.html?audience=gp&quick-exit=true'; });
    const frame = page.frameLocator('iframe[data-threshold-guide-frame]');
    await frame.getByRole('button', { name: 'Exit this page' }).click();
    await page.waitForURL(origin + '/neutral.html');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['a hostile host stylesheet cannot break the widget, and the widget does not restyle the host', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/hostile.html');
    await widgetReady(page);
    const h1 = page.locator(`${W} h1`);
    const style = await h1.evaluate((el) => { const s = getComputedStyle(el); return { size: s.fontSize, colour: s.color, font: s.fontFamily, spacing: s.letterSpacing }; });
    assert(style.size === '36px' && style.colour === 'rgb(11, 12, 12)' && style.font.startsWith('Arial'), `widget h1 style: ${JSON.stringify(style)}`);
    const button = page.locator(`${W} [data-action=continue]`);
    assert(await button.isVisible(), 'the Start button is visible despite button {display:none}');
    const host = await page.locator('[data-threshold-guide]').evaluate((el) => getComputedStyle(el).position);
    assert(host === 'static', `host element position ${host}`);
    await button.click();
    await page.locator(`${W} h1`, { hasText: 'immediate danger' }).waitFor();
    // The widget's styles do not reach the host: the host's own h1 keeps the hostile look.
    const hostH1 = await page.locator('h1.demo-title').evaluate((el) => getComputedStyle(el).fontSize);
    assert(hostH1 === '40px', `host h1 font-size ${hostH1}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['nothing leaves, nothing stays: no request after load, works offline, storage empty', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/');
    await widgetReady(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.setOffline(true);
    await next(page, W);
    await choose(page, 'immediate danger', 'No'); await next(page, W);
    await choose(page, 'significant harm', 'No'); await choose(page, 'already open', 'No'); await next(page, W);
    await choose(page, 'How old', '13 to 15 years'); await next(page, W);
    await page.getByLabel('Search all indicators').fill('self-harm');
    await page.locator(`${W} input[type=checkbox]`).first().check();
    await next(page, W); await next(page, W);
    await page.getByLabel('What are the worries for this child').fill('Cuts seen on her arm in PE.');
    await next(page, W);
    await choose(page, 'parents or carers given consent', 'Yes, they have given consent');
    await choose(page, 'Is the child competent', 'Yes');
    await choose(page, 'Has the child given consent', 'Yes, the child has given consent');
    await next(page, W); await next(page, W);
    await page.getByRole('group', { name: 'Your professional judgement' }).getByRole('radio').first().check();
    await next(page, W);
    await page.locator(`${W}[data-screen=Summary]`).waitFor();
    assert(requests.length === 0, `requests after load: ${requests.join(', ')}`);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
      idb: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
    }));
    assert(JSON.stringify(stored) === JSON.stringify({ local: 0, session: 0, cookie: '', idb: 0, caches: 0 }), `stored: ${JSON.stringify(stored)}`);
    assert(page.url() === origin + '/', 'nothing in the URL');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['quick exit by button: answers forgotten, page replaced, Back does not return to them', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/');
    await page.goto(origin + '/public.html');
    await widgetReady(page);
    await page.locator(`${W} [data-action=continue]`).click();
    await page.getByRole('group', { name: 'immediate danger' }).getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Exit this page' }).click();
    await page.waitForURL(origin + '/neutral.html');
    await page.goBack();
    assert(!page.url().endsWith('/public.html'), `Back returned to the guide: ${page.url()}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['quick exit by pressing Shift three times; Shift with a letter does not count', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/public.html');
    await widgetReady(page);
    await page.locator(`${W} [data-action=continue]`).click();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    assert(page.url().endsWith('/public.html'), 'Shift, Shift+A, Shift must not exit');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(origin + '/neutral.html');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['the quick exit is not on the school page (it is for the public audience)', async () => {
    const { page, context } = await openPage(browser, origin, '/');
    await widgetReady(page);
    assert(await page.getByRole('button', { name: 'Exit this page' }).count() === 0, 'no exit button');
    await context.close();
  }],
  ['JavaScript API: mount() with options, destroy() brings back the host content', async () => {
    const { page, context, problems } = await openPage(browser, origin, '/api.html');
    await widgetReady(page);
    assert((await page.locator(`${W} [data-host-contact-line]`).textContent()).includes('Our safeguarding lead'), 'contactLine option');
    assert((await page.locator(`${W} [data-audience-note]`).textContent()).includes("organisation's safeguarding lead"), 'voluntary audience');
    await page.locator('#remove').click();
    await page.waitForFunction(() => !document.getElementById('guide').hasAttribute('data-threshold-guide-mounted'));
    assert(await page.locator(W).count() === 0, 'widget removed');
    assert(await page.locator('#guide').isVisible() && (await page.locator('#guide').textContent()).includes('01582 547653'), 'host content visible again');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }],
  ['without WebAssembly the page keeps the emergency numbers', async () => {
    // An old browser without WebAssembly, simulated before any page script runs.
    const noWasm = await browser.newContext();
    const page = await noWasm.newPage();
    await page.addInitScript(() => { delete globalThis.WebAssembly; });
    await page.goto(origin + '/');
    await page.waitForTimeout(1000);
    assert(await page.evaluate(() => typeof WebAssembly) === 'undefined', 'WebAssembly disabled');
    const text = await page.locator('[data-threshold-guide]').textContent();
    for (const n of ['999', '01582 547653', '0300 300 8123']) assert(text.includes(n), `fallback lacks ${n}`);
    assert(await page.locator('[data-threshold-guide]').isVisible(), 'fallback visible');
    await noWasm.close();
  }],
  ['a failed load of the wasm file leaves the emergency numbers', async () => {
    const { page, context } = await openPage(browser, origin, '/');
    await context.close();
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.route(/_bg\.wasm$/, (route) => route.abort());
    await p.goto(origin + '/');
    await p.waitForTimeout(1000);
    const text = await p.locator('[data-threshold-guide]').textContent();
    assert(text.includes('01582 547653') && text.includes('999'), 'fallback after failed load');
    await ctx.close();
  }],
  ['a server that sends the wasm with the wrong Content-Type still gets a working widget', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.route(/_bg\.wasm$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await p.goto(origin + '/');
    await p.locator(`${W} h1`).waitFor({ timeout: 15000 });
    assert((await p.locator(`${W} h1`).textContent()).includes('Decide what help a child needs'), 'widget started');
    await ctx.close();
  }],
  ['with an async loader that is ready before the page is parsed, the widget still mounts', async () => {
    // A parser-blocking script that takes 2 s holds the page in "loading" while the async
    // loader downloads and starts the widget; the widget's element comes after that script.
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { window.__dcl = performance.now(); }));
    await p.route(origin + '/slow.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><title>Slow</title><script type="module" async src="threshold-guide.js"></script></head><body><main>'
        + '<script src="slow.js"></script><div data-threshold-guide><p>Call 999</p></div></main></body></html>',
    }));
    await p.route(origin + '/slow.js', async (route) => {
      await new Promise((r) => setTimeout(r, 2000));
      await route.fulfill({ contentType: 'text/javascript', body: '' });
    });
    await p.goto(origin + '/slow.html');
    await p.locator(`${W} h1`).waitFor({ timeout: 15000 });
    assert(await p.locator(W).count() === 1, 'mounted once');
    const early = await p.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')).responseEnd < window.__dcl);
    assert(early, 'the wasm was loaded before the page finished parsing (the case under test)');
    await ctx.close();
  }],
]);

await browser.close();
server.close();
process.exit(ok ? 0 : 1);
