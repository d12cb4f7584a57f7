#!/usr/bin/env bash
# Command 2: install what is missing, then run every test suite. Prints a pass/fail line per
# suite and exits non-zero if any failed. Nothing here touches the network.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver TRUNK_SKIP_VERSION_CHECK=true
# The browser-test runner adds --headless and --no-sandbox itself; these keep Chromium off the network.
export WASM_BINDGEN_TEST_TIMEOUT=120

passed=0; failed=0; summary=()
suite() {
  local name="$1"; shift
  local start=$SECONDS
  echo; echo "=== $name: $*"
  if "$@"; then passed=$((passed+1)); summary+=("PASS  $name ($((SECONDS-start)) s)")
  else failed=$((failed+1)); summary+=("FAIL  $name ($((SECONDS-start)) s)"); fi
}

suite "native tests (engine, rules, CLI)" cargo test --workspace --locked
suite "browser tests (wasm-bindgen-test, headless Chromium)" cargo test --locked --target wasm32-unknown-unknown
suite "engine API in the browser (wasm-bindgen-test: every function, errors, hostile strings)" cargo test -p threshold-engine-js --locked --target wasm32-unknown-unknown
suite "fuzzing, short repeatable run (cargo-fuzz: rules loader, compiled rules, case input)" bash scripts/fuzz.sh
suite "release build (trunk)" trunk build --release --offline
suite "size ratchet (first load, gzip -9)" node tests/size.mjs
suite "engine API: every golden case through dist/engine equals the CLI (Node)" node --test tests/engine-api/golden.mjs
suite "engine API: TypeScript declarations (tsc --noEmit on a typed example)" tsc -p tests/engine-api
suite "end-to-end engine API (a partner's own form, CSP, axe)" node tests/e2e/engine-api.mjs
suite "end-to-end journeys (playwright-core, headless Chromium)" node tests/e2e/run.mjs
suite "end-to-end embedding (host pages, CSP, isolation, quick exit)" node tests/e2e/embed.mjs
suite "end-to-end accessibility (error states, keyboard, text spacing, live regions)" node tests/e2e/a11y.mjs
suite "end-to-end hostile text (127 strings in every checklist field)" node tests/e2e/hostile.mjs

echo; echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
