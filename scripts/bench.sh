#!/usr/bin/env bash
# The benchmark: size, start-up, evaluation, interaction, memory. Prints the figures and
# writes bench/results.json. Not part of the test command (timings are noisy); the size is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline
# The same widget with the in-browser evaluation entry point, for that one reading.
trunk build --release --offline --features bench --dist target/bench-dist
node bench/run.mjs
