#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already present at
# the right version. Safe to run again and again: a warm run takes a few seconds.
# Nothing is downloaded outside the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1

say() { printf '[setup] %s\n' "$*"; }
# On failure, say exactly what to run by hand.
fail() { printf '[setup] FAILED: %s\n[setup] to install it by hand, run: %s\n' "$1" "$2" >&2; exit 1; }
need_root() { if [ "$(id -u)" != 0 ]; then echo "sudo"; fi; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

command -v cargo >/dev/null || { echo "[setup] cargo not found: install Rust with rustup (https://rustup.rs), then run this again" >&2; exit 1; }

# 1. The wasm32 target for the widget and the browser tests.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || fail "Rust target wasm32-unknown-unknown" "rustup target add wasm32-unknown-unknown"
fi

# 1b. rustfmt and clippy for the house-style checks (in rustup's default profile; added if the
#     toolchain was installed without them).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding Rust component $component"
    rustup component add "$component" || fail "Rust component $component" "rustup component add $component"
  fi
done

# 2. Trunk (build + asset pipeline). 0.22 needs a newer rustc than ours.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked || fail "trunk $TRUNK_VERSION" "cargo install trunk --version $TRUNK_VERSION --locked"
fi

# 3. wasm-bindgen-cli must match the wasm-bindgen crate exactly (Cargo.toml pins =0.2.130).
#    Not --locked: the locked build asks for a crate version the registry lacks.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ] \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force \
    || fail "wasm-bindgen-cli $WASM_BINDGEN_VERSION" "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --force"
fi

# 3b. cargo-fuzz for the fuzzing suite (runs on stable with --sanitizer none).
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (about 2 minutes, once)"
  cargo install cargo-fuzz --version 0.13.2 --locked || fail "cargo-fuzz 0.13.2" "cargo install cargo-fuzz --version 0.13.2 --locked"
fi

# 4. The three browser engines the tests run in, from Debian (no browser download):
#    Chromium + ChromeDriver; Firefox ESR (Playwright drives it over WebDriver BiDi, and
#    geckodriver runs the wasm-bindgen tests in it); WebKitGTK's MiniBrowser + WebKitWebDriver
#    (Safari's engine), which needs a display: Xvfb.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]} (about 2 minutes, once)"
  SUDO=$(need_root)
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || fail "${missing[*]}" "apt-get update && apt-get install ${missing[*]}"
fi

# 4b. geckodriver, for the wasm-bindgen tests in Firefox.
if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 4.5 minutes on 2 cores, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked || fail "geckodriver $GECKODRIVER_VERSION" "cargo install geckodriver --version $GECKODRIVER_VERSION --locked"
fi

# 5. npm tools, pinned by package-lock.json: binaryen (wasm-opt 132; Debian's is too old),
#    playwright-core and axe-core for end-to-end and accessibility tests.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-stamp; then
  command -v npm >/dev/null || { echo "[setup] npm not found: apt-get install nodejs npm" >&2; exit 1; }
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm packages (binaryen, playwright-core, axe-core)" "npm ci"
  cp package-lock.json node_modules/.setup-stamp
fi

# Trunk runs --offline and takes wasm-opt from PATH only if its version matches Trunk.toml.
[ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = 132 ] || fail "wasm-opt 132 (npm binaryen@132.0.0)" "npm ci"

say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version 2>/dev/null | head -1), geckodriver $GECKODRIVER_VERSION"
say "browsers: $(chromium --version 2>/dev/null); $(firefox-esr --version 2>/dev/null); WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)"
