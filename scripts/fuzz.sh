#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer via cargo-fuzz) of the rule-set loader and the CLI's
# case input. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 20). A crash fails the
# run and leaves the input in fuzz/artifacts/. Runs on stable Rust without a sanitizer.
set -uo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
status=0
for target in rules_loader case_input; do
  mkdir -p "fuzz/corpus/$target"
  log=$(mktemp)
  echo "fuzzing $target for ${secs}s"
  if cargo fuzz run -s none "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
      -max_total_time="$secs" -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log"
  else
    tail -40 "$log"
    echo "fuzz target $target FAILED (input saved under fuzz/artifacts/$target)"
    status=1
  fi
  rm -f "$log"
done
exit $status
