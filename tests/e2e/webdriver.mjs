// A thin W3C WebDriver client for WebKit (WebKitGTK's WebKitWebDriver driving MiniBrowser),
// which Playwright cannot drive here: sessions, script, real clicks and keys, window size,
// frames. Plus MiniBrowser run directly, whose console (and CSP reports) WebDriver cannot see.
// WebKit needs a display: scripts/test.sh runs these suites under `xvfb-run -a`.
import { spawn } from 'node:child_process';
import net from 'node:net';

export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEYS = { Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Space: ' ', ArrowDown: '\uE015', Escape: '\uE00C' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });
}

/** Starts WebKitWebDriver on a free port; `newSession()` opens a fresh MiniBrowser. */
export async function launchWebKit() {
  if (!process.env.DISPLAY) throw new Error('WebKit needs a display: run the suite under `xvfb-run -a` (scripts/test.sh does)');
  const port = await freePort();
  const driver = spawn(process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 100) throw new Error('WebKitWebDriver did not start');
    await sleep(50);
  }
  return {
    version: () => 'WebKitGTK',
    // A MiniBrowser that does not answer within a minute (a loaded 2-core machine) is asked
    // for once more before the test fails.
    newSession: () => Session.create(base).catch(() => Session.create(base)),
    close: () => driver.kill(),
  };
}

export class Session {
  static async create(base) {
    const s = new Session(base, null);
    const value = await s.cmd('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    });
    s.id = value.sessionId;
    s.version = `WebKitGTK ${value.capabilities.browserVersion}`;
    return s;
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  async cmd(method, path, body) {
    const url = this.base + (this.id && path !== '/session' ? `/session/${this.id}${path}` : path);
    const r = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(60000),
    }).catch((e) => {
      throw new Error(`WebDriver ${method} ${path}: no answer (${e.name})`);
    });
    const { value } = await r.json();
    if (value && value.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  }

  /** Runs `body` (a function body using `arguments`) in the current frame. */
  exec(body, args = []) {
    return this.cmd('POST', '/execute/sync', { script: body, args });
  }
  execAsync(body, args = []) {
    return this.cmd('POST', '/execute/async', { script: body, args });
  }
  goto(url) {
    return this.cmd('POST', '/url', { url });
  }
  url() {
    return this.cmd('GET', '/url');
  }
  click(el) {
    return this.cmd('POST', `/element/${el[ELEMENT]}/click`, {});
  }
  type(el, text) {
    return this.cmd('POST', `/element/${el[ELEMENT]}/value`, { text });
  }
  /** Switches to the frame `el`, or with null to the top-level page. */
  frame(el) {
    return this.cmd('POST', '/frame', { id: el || null });
  }
  setSize(width, height) {
    return this.cmd('POST', '/window/rect', { width, height });
  }
  back() {
    return this.cmd('POST', '/back', {});
  }
  close() {
    return this.cmd('DELETE', '').catch(() => {});
  }

  /** Presses and releases a key (names as Playwright's: Tab, Enter, Shift, Shift+A, ...). */
  async press(combo) {
    const keys = combo.split('+').map((k) => KEYS[k] || k.toLowerCase());
    const actions = [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }
}

export const isElement = (v) => v && typeof v === 'object' && ELEMENT in v;

/** Opens `url` in MiniBrowser itself (not under automation, which hides the console) and
 *  returns its console messages after `ms`: "CONSOLE ERROR ..." lines and CSP reports. */
export async function consoleOf(url, ms = 5000) {
  const mb = spawn(MINIBROWSER, ['--enable-write-console-messages-to-stdout=true', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  mb.stdout.on('data', (d) => {
    out += d;
  });
  mb.stderr.on('data', (d) => {
    out += d;
  });
  await sleep(ms);
  mb.kill();
  return out.split('\n').filter((l) => / CONSOLE /.test(l));
}
