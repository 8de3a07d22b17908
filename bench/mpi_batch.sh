#!/usr/bin/env bash
# Timed distributed batch (`mpirun wijksim compare`) on the shipped wijkteam scenario, 10,000 households x 120
# months, on one machine: 2 ranks x 1 thread against 1 rank x 2 threads (both under mpirun, so both pay its
# start-up), and one process with 2 threads without mpirun for reference. The three are run in turn, `rounds`
# times, in one session (neighbours on a shared machine slow them alike); reported are the median wall time and
# the median CPU time (user + system, all processes), which others' load on the machine hardly moves. Every
# run's mkba.json is checked to be identical. Prints a Markdown table for bench/results.md.
# Usage: bench/mpi_batch.sh [replications=20] [rounds=3] [build dir=build]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-20}
rounds=${2:-3}
bin=$(realpath "${3:-build}/sim/wijksim")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Open MPI refuses root unless told; machines and CI here run as root.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
args=(compare --households 10000 --months 120 --replications "$reps")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

run() {  # name round command... -> "wall_seconds,cpu_seconds"
  local out="$work/$1-$2"
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" --out "$out" >/dev/null 2>&1
  cmp -s "$out/mkba.json" "$work/reference.json" || { echo "mkba.json of $out differs" >&2; exit 1; }
  awk '{ printf "%s,%.2f", $1, $2 + $3 }' "$work/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

"$bin" "${args[@]}" --threads 2 --out "$work/reference" >/dev/null 2>&1
cp "$work/reference/mkba.json" "$work/reference.json"

declare -A times
for ((i = 1; i <= rounds; i++)); do
  times[ranks]+="$(run ranks "$i" mpirun --bind-to none -np 2 "$bin" "${args[@]}" --threads 1) "
  times[threads]+="$(run threads "$i" mpirun --bind-to none -np 1 "$bin" "${args[@]}" --threads 2) "
  times[single]+="$(run single "$i" "$bin" "${args[@]}" --threads 2) "
done

echo "Machine: $(nproc) vCPU, $(lscpu | sed -n 's/^Model name: *//p'), $(lscpu | sed -n 's/^Core(s) per socket: *//p')" \
     "core(s) per socket; $(mpirun --version | head -1); commit $(git rev-parse --short HEAD)"
echo "Load average before: $load_before"
echo
echo "| run | ranks x threads | replications | wall s, CPU s (each round) | median wall s | replications/s | median CPU s |"
echo "|-----|----------------:|-------------:|---------------------------:|--------------:|---------------:|-------------:|"
row() {  # key label ranks-x-threads
  local wall cpu
  wall=$(tr ' ' '\n' <<<"${times[$1]}" | grep . | cut -d, -f1 | median)
  cpu=$(tr ' ' '\n' <<<"${times[$1]}" | grep . | cut -d, -f2 | median)
  echo "| $2 | $3 | $reps | ${times[$1]% } | $wall | $(awk -v r="$reps" -v s="$wall" 'BEGIN { printf "%.2f", r / s }') | $cpu |"
  eval "wall_$1=$wall cpu_$1=$cpu"
}
row ranks "mpirun -np 2 --threads 1" "2 x 1"
row threads "mpirun -np 1 --threads 2" "1 x 2"
row single "one process --threads 2 (no mpirun)" "1 x 2"
echo
awk -v a="$wall_ranks" -v b="$wall_threads" -v c="$cpu_ranks" -v d="$cpu_threads" 'BEGIN {
  printf "2 ranks x 1 thread against 1 rank x 2 threads: %.2fx the throughput (wall), %.2fx the CPU time.\n", b / a, c / d }'
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
