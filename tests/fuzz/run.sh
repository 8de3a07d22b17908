#!/usr/bin/env bash
# Fuzz the scenario loader for a while: tests/fuzz/run.sh BUILD_DIR [SECONDS=60]
# BUILD_DIR is configured with clang and -DWIJKSIM_FUZZ=ON. The corpus grows in BUILD_DIR/fuzz/corpus, seeded
# from every shipped and example scenario; a crash, leak, timeout (5 s) or out-of-memory ends the run with an
# error and leaves the input in BUILD_DIR/fuzz/. Prints libFuzzer's final statistics (executions per second,
# corpus size).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=$(realpath "${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]}")
seconds=${2:-60}
work=$build/fuzz
mkdir -p "$work/corpus" "$work/seeds" "$work/cwd"
cp scenarios/*.toml docs/examples/*/*.toml docs/teaching/*.toml tests/data/scenarios/*.toml "$work/seeds/"
# An empty working folder: a relative `extends` finds nothing there (default.toml falls back to the embedded one).
cd "$work/cwd"
"$build/tests/fuzz/wijksim_scenario_fuzz" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
  -max_len=65536 -dict="$root/tests/fuzz/toml.dict" -artifact_prefix="$work/" -print_final_stats=1 \
  "$work/corpus" "$work/seeds" 2>"$work/log.txt" || {
  tail -40 "$work/log.txt"
  echo "error: the scenario loader fuzzer found a problem; the input is in $work/ (see $work/log.txt)" >&2
  exit 1
}
# The last status line: corp: inputs/size of the corpus kept in memory (the folder also holds superseded inputs).
grep -E "^#[0-9]+.*corp: " "$work/log.txt" | tail -n 1 || true
grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$work/log.txt" || true
echo "corpus folder: $(find "$work/corpus" -type f | wc -l) files in $work/corpus"
