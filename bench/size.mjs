// The widget's first-load assets in dist/, with raw, gzip -9 and brotli (quality 11) sizes.
// Shared by the benchmark and the size test.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function firstLoadAssets(dist) {
  const files = fs.readdirSync(dist).filter((f) => f === 'threshold-guide.js' || /^threshold-guide-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(f));
  return files.sort().map((file) => {
    const body = fs.readFileSync(path.join(dist, file));
    return {
      file,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

/** The engine for integrators (dist/engine/, scripts/build-engine.mjs): what a partner's page
 *  loads to call it (entry, JS glue, wasm; the .d.ts files are for their build, not loaded). */
export function engineAssets(dist) {
  const dir = path.join(dist, 'engine');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f === 'threshold-engine.js' || /^threshold-engine-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
  return files.sort().map((file) => {
    const body = fs.readFileSync(path.join(dir, file));
    return {
      file: `engine/${file}`,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}
