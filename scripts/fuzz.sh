#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer via cargo-fuzz) of the rule-set loader, the decoder of
# the compiled rule set, the CLI's case input and the widget's reader of saved cases. Runs on
# stable Rust without a sanitizer.
# A crash fails the run and leaves the input in fuzz/artifacts/.
#   scripts/fuzz.sh            short and repeatable (fixed seed and number of runs): the test command
#   scripts/fuzz.sh SECONDS    a longer, open-ended run of SECONDS per target
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for target in rules_loader compiled_rules case_input saved_case; do
  if [ $# -ge 1 ]; then
    limits=(-max_total_time="$1")
  elif [ "$target" = rules_loader ]; then
    limits=(-seed=1 -runs=1500)
  elif [ "$target" = compiled_rules ]; then
    limits=(-seed=1 -runs=20000)
  else
    limits=(-seed=1 -runs=30000)
  fi
  # The short run starts from the seeds alone, so it is the same everywhere; a long run keeps
  # what it learns in fuzz/corpus/ (not committed).
  if [ $# -ge 1 ]; then corpus="fuzz/corpus/$target"; else corpus=$(mktemp -d); fi
  mkdir -p "$corpus"
  log=$(mktemp)
  echo "fuzzing $target (${limits[*]})"
  if cargo fuzz run -s none "$target" "$corpus" "fuzz/seeds/$target" -- \
      "${limits[@]}" -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log"
  else
    tail -40 "$log"
    echo "fuzz target $target FAILED (input saved under fuzz/artifacts/$target)"
    status=1
  fi
  rm -f "$log"
done
exit $status
