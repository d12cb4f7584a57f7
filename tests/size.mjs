// Size ratchets (a test, because size is deterministic), gzip -9, in two parts:
// - the code: loader (with the JS glue merged in) + wasm. It may not grow more than 2 % above the figure
//   reached (bench/size-budget.json), and never above 130 KB;
// - each compiled rule set (threshold-rules-<id>-<hash>.bin, fetched beside the wasm, which
//   embeds none): the guidance text is content, with a cap of its own, 35 KB per edition.
// - the engine for integrators (dist/engine/: entry + glue + wasm, rule data included): its
//   own figure reached (reached_engine_gzip_bytes), the same 2 %, and never above 125 KB.
// The whole first load (code + the default rule set) is printed too. Lower the figure reached
// when a change makes the code smaller; a figure above its cap is itself a failure.
import fs from 'node:fs';
import { firstLoadAssets, engineAssets, ruleSetFiles } from '../bench/size.mjs';

const CODE_CAP = 130 * 1024;
const DATA_CAP = 35 * 1024;
const budget = JSON.parse(fs.readFileSync(new URL('../bench/size-budget.json', import.meta.url)));
const assets = firstLoadAssets('dist');
const total = assets.reduce((t, a) => t + a.gzip, 0);
for (const a of assets) console.log(`${a.file}: raw ${a.raw} B, gzip ${a.gzip} B, brotli ${a.brotli} B`);

const ruleSets = ruleSetFiles('dist');
const codeAssets = assets.filter((a) => !a.file.startsWith('threshold-rules-'));
const code = codeAssets.reduce((t, a) => t + a.gzip, 0);
let ok = codeAssets.length >= 2 && ruleSets.some((r) => r.id === 'luton');
if (!ok) console.log('expected the loader (with the JS glue), the wasm and rules/luton compiled in dist/ (build with trunk build --release first)');

const limit = Math.min(Math.round(budget.reached_code_gzip_bytes * 1.02), CODE_CAP);
console.log(
  `code: gzip ${code} B (${(code / 1024).toFixed(1)} KB); reached ${budget.reached_code_gzip_bytes} B; limit ${limit} B (reached + 2 %, never above 130 KB)`,
);
for (const r of ruleSets) {
  console.log(`rule data: ${r.file} (${r.id}) ${r.raw} B raw, gzip ${r.gzip} B (${(r.gzip / 1024).toFixed(1)} KB); cap ${DATA_CAP} B (35 KB)`);
  ok = ok && r.gzip <= DATA_CAP;
}
console.log(`first load in all: gzip ${total} B (${(total / 1024).toFixed(1)} KB)`);
if (budget.reached_code_gzip_bytes > CODE_CAP) {
  console.log(`bench/size-budget.json: reached_code_gzip_bytes ${budget.reached_code_gzip_bytes} is above the 130 KB cap`);
  ok = false;
}
if (code < budget.reached_code_gzip_bytes * 0.98) {
  console.log(`the code is smaller than the figure reached by more than 2 %: lower reached_code_gzip_bytes in bench/size-budget.json to ${code}`);
}
ok = ok && code <= limit;

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
