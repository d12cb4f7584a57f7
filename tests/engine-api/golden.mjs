// The engine's JavaScript API as integrators get it (dist/engine/, built by
// scripts/build-engine.mjs: the entry, its minified glue and the optimised wasm), run in
// Node.js: every golden case of the native engine (tests/cases/*.json, the same list, read
// here, not copied) gives through `assess()` exactly the outcome the CLI prints for it
// (`threshold assess`), and the golden category and contact.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = path.join(root, 'dist/engine');
const wasmFile = fs.readdirSync(dist).find((f) => /^threshold-engine-[0-9a-f]{16}_bg\.wasm$/.test(f));
const { load } = await import(path.join(dist, 'threshold-engine.js'));
const rules = await load({ wasm: fs.readFileSync(path.join(dist, wasmFile)) });

// The CLI, built as the native tests build it (a no-op after them).
const built = execFileSync('cargo', ['build', '--locked', '-q', '--bin', 'threshold', '--message-format=json'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const cli = built
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .find((m) => m.reason === 'compiler-artifact' && m.target.name === 'threshold' && m.executable).executable;

// The CLI reads a case file.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-golden-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const assessByCli = (c, options = {}) => {
  const file = path.join(tmp, 'case.json');
  fs.writeFileSync(file, JSON.stringify(c));
  return execFileSync(cli, ['assess', file], { encoding: 'utf8', ...options });
};

const dir = path.join(root, 'tests/cases');
const cases = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('the golden list is the native one (80 cases or more)', () => {
  assert.ok(cases.length >= 80, `${cases.length} cases`);
});

for (const file of cases) {
  test(`golden case ${file.replace(/\.json$/, '')}: the same outcome as the CLI`, () => {
    const golden = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const native = JSON.parse(assessByCli(golden.case));
    const outcome = rules.assess(golden.case);
    // A plain JSON object, equal field for field (null where the CLI prints null).
    assert.deepStrictEqual(JSON.parse(JSON.stringify(outcome)), native);
    assert.deepStrictEqual(Object.keys(outcome), Object.keys(native));
    if (golden.expect.category) assert.equal(outcome.category.id, golden.expect.category);
    if (golden.expect.contact) assert.equal(outcome.contact.id, golden.expect.contact);
  });
}

test('a case the CLI rejects is an Error with the same message and suggestions through the API', () => {
  const bad = { indicators: ['en.helth.1'], now: '2026-11-19T10:00:00Z' };
  let stderr = '';
  try {
    assessByCli(bad, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    stderr = e.stderr;
  }
  assert.match(stderr, /unknown indicator 'en\.helth\.1'\ndid you mean: 'en\.health\.1', 'en\.health\.10', 'en\.health\.11'/);
  assert.throws(
    () => rules.assess(bad),
    (e) =>
      e instanceof Error &&
      e.message === "unknown indicator 'en.helth.1'; did you mean 'en.health.1', 'en.health.10', 'en.health.11'?" &&
      JSON.stringify(e.suggestions) === '["en.health.1","en.health.10","en.health.11"]',
  );
});

test('load() resolves to one engine: a second call reuses the compiled module', async () => {
  const again = await load();
  assert.equal(again.info().hash, rules.info().hash);
  await assert.rejects(load({ rules: 'lutn' }), /unknown rule set 'lutn'; did you mean 'luton'\?/);
});
