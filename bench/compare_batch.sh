#!/usr/bin/env bash
# Timed CLI runs of the batch (`wijksim compare`) on the shipped wijkteam scenario, 10,000 households x 120 months:
# wall time with 1 and 2 threads (taken in one session, so the ratio is fair), and peak memory at two
# replication counts (it must not grow with R). Prints a Markdown table for bench/results.md.
# Usage: bench/compare_batch.sh [replications=200] [build dir=build]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-200}
bin=${2:-build}/sim/wijksim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # threads replications -> "wall_seconds peak_kb"
  local out="$work/t$1-r$2"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" compare --households 10000 --months 120 --replications "$2" \
    --threads "$1" --out "$out" >/dev/null 2>&1
  cat "$work/time"
}

echo "Machine: $(nproc) vCPU, $(lscpu | sed -n 's/^Model name: *//p'), $(git rev-parse --short HEAD)"
echo
echo "| run | threads | replications | wall s | peak MB |"
echo "|-----|--------:|-------------:|-------:|--------:|"
for threads in 1 2; do
  read -r wall kb < <(run "$threads" "$reps")
  echo "| compare wijkteam | $threads | $reps | $wall | $((kb / 1024)) |"
  eval "wall_$threads=$wall"
done
read -r wall kb < <(run 2 $((reps / 4)))
echo "| compare wijkteam | 2 | $((reps / 4)) | $wall | $((kb / 1024)) |"
echo
awk -v a="$wall_1" -v b="$wall_2" 'BEGIN { printf "Two threads: %.2fx one thread.\n", a / b }'
