// Size ratchets (a test, because size is deterministic), gzip -9, in two parts:
// - the code: loader + JS glue + wasm without the compiled rule data. It may not grow more
//   than 2 % above the figure reached (bench/size-budget.json), and never above 130 KB;
// - the compiled rule data (rules.bin, embedded in the wasm): the guidance text is content,
//   with a cap of its own, 35 KB.
// - the engine for integrators (dist/engine/: entry + glue + wasm, rule data included): its
//   own figure reached (reached_engine_gzip_bytes), the same 2 %, and never above 125 KB.
// The whole first load is printed too. Lower the figure reached when a change makes the code
// smaller; a figure above its cap is itself a failure.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { firstLoadAssets, engineAssets } from '../bench/size.mjs';

const CODE_CAP = 130 * 1024;
const DATA_CAP = 35 * 1024;
const gzip = (b) => zlib.gzipSync(b, { level: 9 }).length;
const budget = JSON.parse(fs.readFileSync(new URL('../bench/size-budget.json', import.meta.url)));
const assets = firstLoadAssets('dist');
const total = assets.reduce((t, a) => t + a.gzip, 0);
for (const a of assets) console.log(`${a.file}: raw ${a.raw} B, gzip ${a.gzip} B, brotli ${a.brotli} B`);

// The compiled rule set build.rs wrote for this build: the rules.bin whose bytes are in the wasm.
const wasmFile = assets.find((a) => a.file.endsWith('_bg.wasm'));
const wasm = wasmFile ? fs.readFileSync(path.join('dist', wasmFile.file)) : Buffer.alloc(0);
const buildDir = 'target/wasm32-unknown-unknown/release/build';
const candidates = fs.existsSync(buildDir)
  ? fs
      .readdirSync(buildDir)
      .filter((d) => d.startsWith('threshold-guide-'))
      .map((d) => path.join(buildDir, d, 'out', 'rules.bin'))
      .filter((f) => fs.existsSync(f))
  : [];
// wasm-opt keeps the rule data's bytes but drops its long runs of zero bytes (memory
// packing), so the data is found as its pieces between such runs, in order.
function stripRules(wasm, bin) {
  const pieces = [];
  for (let i = 0; i < bin.length;) {
    let j = i;
    while (j < bin.length && !(bin[j] === 0 && bin[j + 1] === 0 && bin[j + 2] === 0 && bin[j + 3] === 0)) j++;
    if (j - i >= 32) pieces.push(bin.subarray(i, j));
    while (j < bin.length && bin[j] === 0) j++;
    i = j;
  }
  const keep = [];
  let from = 0;
  let found = 0;
  for (const piece of pieces) {
    const at = wasm.indexOf(piece, from);
    if (at < 0) return null;
    keep.push(wasm.subarray(from, at));
    from = at + piece.length;
    found += piece.length;
  }
  keep.push(wasm.subarray(from));
  const nonZero = bin.reduce((n, b) => n + (b !== 0 ? 1 : 0), 0);
  return found >= nonZero * 0.9 ? Buffer.concat(keep) : null;
}
let rules = null;
let wasmCode = wasm;
for (const f of candidates) {
  const bin = fs.readFileSync(f);
  const stripped = stripRules(wasm, bin);
  if (stripped) {
    rules = bin;
    wasmCode = stripped;
    break;
  }
}
let ok = assets.length >= 2 && Boolean(rules);
if (!rules) console.log('could not find the compiled rule set inside the wasm (build with trunk build --release first)');
const others = assets.filter((a) => a !== wasmFile).reduce((t, a) => t + a.gzip, 0);
const code = others + gzip(wasmCode);
const data = rules ? gzip(rules) : 0;

const limit = Math.min(Math.round(budget.reached_code_gzip_bytes * 1.02), CODE_CAP);
console.log(
  `code: gzip ${code} B (${(code / 1024).toFixed(1)} KB); reached ${budget.reached_code_gzip_bytes} B; limit ${limit} B (reached + 2 %, never above 130 KB)`,
);
console.log(`rule data: rules.bin ${rules ? rules.length : 0} B raw, gzip ${data} B (${(data / 1024).toFixed(1)} KB); cap ${DATA_CAP} B (35 KB)`);
console.log(`first load in all: gzip ${total} B (${(total / 1024).toFixed(1)} KB)`);
if (budget.reached_code_gzip_bytes > CODE_CAP) {
  console.log(`bench/size-budget.json: reached_code_gzip_bytes ${budget.reached_code_gzip_bytes} is above the 130 KB cap`);
  ok = false;
}
if (code < budget.reached_code_gzip_bytes * 0.98) {
  console.log(`the code is smaller than the figure reached by more than 2 %: lower reached_code_gzip_bytes in bench/size-budget.json to ${code}`);
}
ok = ok && code <= limit && data <= DATA_CAP;

// The engine for integrators: its own ratchet.
const ENGINE_CAP = 125 * 1024;
const engine = engineAssets('dist');
const engineGzip = engine.reduce((t, a) => t + a.gzip, 0);
const engineLimit = Math.min(Math.round(budget.reached_engine_gzip_bytes * 1.02), ENGINE_CAP);
for (const a of engine) console.log(`${a.file}: raw ${a.raw} B, gzip ${a.gzip} B, brotli ${a.brotli} B`);
console.log(
  `engine: gzip ${engineGzip} B (${(engineGzip / 1024).toFixed(1)} KB); reached ${budget.reached_engine_gzip_bytes} B; limit ${engineLimit} B (reached + 2 %, never above 125 KB)`,
);
if (engine.length !== 3)
  console.log(`expected the engine's entry, glue and wasm in dist/engine/, found ${engine.length} file(s) (build with trunk build --release first)`);
if (engineGzip < budget.reached_engine_gzip_bytes * 0.98) {
  console.log(`the engine is smaller than the figure reached by more than 2 %: lower reached_engine_gzip_bytes in bench/size-budget.json to ${engineGzip}`);
}
ok = ok && engine.length === 3 && engineGzip <= engineLimit && !(budget.reached_engine_gzip_bytes > ENGINE_CAP);
console.log(ok ? 'size: 1 passed, 0 failed' : 'size: 0 passed, 1 failed');
process.exit(ok ? 0 : 1);
