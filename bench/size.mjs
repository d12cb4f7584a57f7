// The widget's first-load assets in dist/, with raw, gzip -9 and brotli (quality 11) sizes.
// Shared by the benchmark and the size test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const measure = (dir, file, name = file) => {
  const body = fs.readFileSync(path.join(dir, file));
  return {
    file: name,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** What a page with one widget downloads: the loader (with the JS glue) and wasm (the code) and the
 *  compiled rule set it uses (`rules`, the default edition unless named). */
export function firstLoadAssets(dist, rules = 'luton') {
  const files = fs.readdirSync(dist).filter((f) => f === 'threshold-guide.js' || /^threshold-guide-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(f));
  return [
    ...files.sort(),
    ...ruleSetFiles(dist)
      .filter((f) => f.id === rules)
      .map((f) => f.file),
  ].map((file) => measure(dist, file));
}

/** Every compiled rule set in dist/ (scripts/write-loader.mjs writes threshold-rules-<id>-<hash>.bin). */
export function ruleSetFiles(dist) {
  return fs
    .readdirSync(dist)
    .map((file) => ({ file, m: /^threshold-rules-([a-z0-9-]+)-[0-9a-f]{16}\.bin$/.exec(file) }))
    .filter((f) => f.m)
    .map(({ file, m }) => ({ file, id: m[1], ...measure(dist, file) }));
}

/** The engine for integrators (dist/engine/, scripts/build-engine.mjs): what a partner's page
 *  loads to call it (entry, JS glue, wasm; the .d.ts files are for their build, not loaded). */
export function engineAssets(dist) {
  const dir = path.join(dist, 'engine');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f === 'threshold-engine.js' || /^threshold-engine-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  return files.sort().map((file) => measure(dir, file, `engine/${file}`));
}
