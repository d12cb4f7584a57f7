// A small static file server for the built widget (dist/) and its demo host pages.
// Loopback only. Used by scripts/run.sh and by the end-to-end tests.
// Usage: node scripts/serve.mjs [DIR] [PORT]   (PORT 0 = any free port; prints the URL)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The strict policy partner pages are expected to run the widget under (see README).
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Response headers: the strict CSP on pages (plus frame-src for the iframe host page),
 *  no referrer, and caching that suits each kind of file. */
function headers(file) {
  const name = path.basename(file);
  const h = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
  if (name.endsWith('.html')) {
    h['content-security-policy'] = name === 'gp.html' ? `${CSP}; frame-src 'self'` : CSP;
    h['cache-control'] = 'no-store';
  } else if (/-[0-9a-f]{16}(_bg)?\.(js|wasm|css|bin)$/.test(name)) {
    h['cache-control'] = 'public, max-age=31536000, immutable'; // content-hashed
  } else {
    h['cache-control'] = 'no-cache'; // the loader and other fixed names: revalidate
  }
  return h;
}

/** Serves `dir` on loopback. `extra` maps URL paths to files outside it (tests serve
 *  axe-core this way, from the same origin, so the strict CSP still applies), or to a
 *  function giving the body. `options.html(body)` (tests only) may rewrite each HTML page. */
export function serve(dir, port = 0, extra = {}, options = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = extra[rel] || path.join(root, path.normalize(rel));
    if (!extra[rel] && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (typeof file === 'function') {
      res.writeHead(200, headers(rel)).end(file());
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (options.html && file.endsWith('.html')) body = options.html(String(body));
      res.writeHead(200, headers(file));
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(dir, port).catch((e) => {
    if (e.code === 'EADDRINUSE') console.error(`Port ${port} is already in use: run PORT=${port + 1} scripts/run.sh (or stop what is using ${port}).`);
    else console.error(`Cannot serve on port ${port}: ${e.message}`);
    process.exit(1);
  });
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
