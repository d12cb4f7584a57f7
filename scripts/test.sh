#!/usr/bin/env bash
# Command 2: install what is missing, then run every test suite. Prints a pass/fail line per
# suite and exits non-zero if any failed. Nothing here touches the network.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true WASM_BINDGEN_TEST_TIMEOUT=120

passed=0; failed=0; summary=()
suite() {
  local name="$1"; shift
  local start=$SECONDS
  echo; echo "=== $name: $*"
  if "$@"; then passed=$((passed+1)); summary+=("PASS  $name ($((SECONDS-start)) s)")
  else failed=$((failed+1)); summary+=("FAIL  $name ($((SECONDS-start)) s)"); fi
}
# WebKit (MiniBrowser) needs a display: a virtual one, wide enough for a 1280 px window.
headless_display() { xvfb-run -a -s "-screen 0 1920x1200x24" "$@"; }
# wasm-bindgen-test runs in the browser whose driver it is given, and only that one (its
# runner adds --headless for Chromium and Firefox).
wasm_tests=(cargo test --locked --target wasm32-unknown-unknown)
# One end-to-end suite file in one engine (the suite is the same for all three; see tests/e2e/browser.mjs).
e2e() {
  local engine="$1" file="$2"
  if [ "$engine" = webkit ]; then headless_display env BROWSER=webkit node --test --test-reporter=spec "$file"
  else env BROWSER="$engine" node --test --test-reporter=spec "$file"; fi
}

# The house style first: rustfmt.toml's format and clippy with every warning an error, on the
# native build and on the widget's wasm build (its UI code is wasm-only); Prettier and ESLint
# (.prettierrc.json, eslint.config.mjs) for the JavaScript.
suite "format (cargo fmt --check)" cargo fmt --all -- --check
suite "JavaScript format and lint (prettier --check, eslint)" bash -c 'prettier --check . && eslint .'
suite "lint (clippy, native and wasm, warnings are errors)" bash -c 'cargo clippy --locked --workspace --all-targets -- -D warnings && cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings'
suite "native tests (engine, rules, CLI)" cargo test --workspace --locked
suite "browser tests (wasm-bindgen-test) [chromium]" env CHROMEDRIVER=/usr/bin/chromedriver "${wasm_tests[@]}"
suite "browser tests (wasm-bindgen-test) [firefox]" env GECKODRIVER="$(command -v geckodriver)" "${wasm_tests[@]}"
# WebKit runs them optimised (Cargo.toml, profile webkit-test: why).
suite "browser tests (wasm-bindgen-test) [webkit]" headless_display env SAFARIDRIVER=/usr/bin/WebKitWebDriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webkit-webdriver.json" "${wasm_tests[@]}" --profile webkit-test
suite "engine API in the browser (wasm-bindgen-test: every function, errors, hostile strings) [chromium]" env CHROMEDRIVER=/usr/bin/chromedriver "${wasm_tests[@]}" -p threshold-engine-js
suite "fuzzing, short repeatable run (cargo-fuzz: rules loader, compiled rules, case input, saved case)" bash scripts/fuzz.sh
suite "release build (trunk)" trunk build --release --offline
suite "size ratchet (first load, gzip -9)" node tests/size.mjs
suite "engine API: every golden case through dist/engine equals the CLI (Node)" node --test tests/engine-api/golden.mjs
suite "engine API: TypeScript declarations (tsc --noEmit on a typed example)" tsc -p tests/engine-api
# The browser suites run one after another (2-core CI machines), each engine in turn.
for engine in chromium firefox webkit; do
  suite "end-to-end journeys [$engine]" e2e "$engine" tests/e2e/run.mjs
  suite "end-to-end embedding: host pages, CSP, isolation, quick exit, old browsers [$engine]" e2e "$engine" tests/e2e/embed.mjs
  suite "end-to-end accessibility: error states, keyboard, text spacing, live regions [$engine]" e2e "$engine" tests/e2e/a11y.mjs
  # WebDriver types key by key and cannot enter every hostile string; the partner form is
  # host-page markup the WebDriver client does not drive; the WebDriver client chooses no
  # files: these three in Chromium and Firefox.
  [ "$engine" = webkit ] && continue
  suite "end-to-end hostile text: 127 strings in every free-text field [$engine]" e2e "$engine" tests/e2e/hostile.mjs
  suite "end-to-end engine API: a partner's own form, CSP, axe [$engine]" e2e "$engine" tests/e2e/engine-api.mjs
  suite "end-to-end saved case: save to a file, open it again, bad files, axe [$engine]" e2e "$engine" tests/e2e/saved.mjs
done

echo; echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
