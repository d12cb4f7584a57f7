// Size ratchet (a test, because size is deterministic): the widget's first load, gzip -9,
// must not grow more than 5 % above the figure reached (bench/size-budget.json), and never
// above 150 KB: the limit is min(reached + 5 %, 150 KB). Lower the budget when a change makes
// it smaller; a budget above the cap is itself a failure.
import fs from 'node:fs';
import { firstLoadAssets } from '../bench/size.mjs';

const CAP = 150 * 1024;
const budget = JSON.parse(fs.readFileSync(new URL('../bench/size-budget.json', import.meta.url)));
const assets = firstLoadAssets('dist');
const total = assets.reduce((t, a) => t + a.gzip, 0);
for (const a of assets) console.log(`${a.file}: raw ${a.raw} B, gzip ${a.gzip} B, brotli ${a.brotli} B`);
const ratchet = Math.round(budget.reached_gzip_bytes * 1.05);
const limit = Math.min(ratchet, CAP);
console.log(`total gzip ${total} B (${(total / 1024).toFixed(1)} KB); reached ${budget.reached_gzip_bytes} B; limit ${limit} B; goal 112640 B (110 KB)`);
const budgetOk = budget.reached_gzip_bytes <= CAP;
if (!budgetOk) console.log(`bench/size-budget.json: reached_gzip_bytes ${budget.reached_gzip_bytes} is above the 150 KB cap (${CAP} B)`);
if (total < budget.reached_gzip_bytes * 0.97) {
  console.log(`smaller than the figure reached by more than 3 %: lower reached_gzip_bytes in bench/size-budget.json to ${total}`);
}
const ok = assets.length >= 2 && budgetOk && total <= limit;
console.log(ok ? 'size: 1 passed, 0 failed' : 'size: 0 passed, 1 failed');
process.exit(ok ? 0 : 1);
