#!/usr/bin/env bash
# Command 1: install what is missing, build the widget in release mode, serve it with its
# demo host pages on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
TRUNK_SKIP_VERSION_CHECK=true trunk build --release --offline
exec node scripts/serve.mjs dist "${PORT:-8080}"
