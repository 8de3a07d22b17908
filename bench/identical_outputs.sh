#!/usr/bin/env bash
# Are the outputs of this build byte-identical to those of another commit? For changes that must not move a
# result (refactoring, speed): runs the same commands with both builds - `run` (zero alternative, a team, the
# financier module, a pooled budget), `compare` (two alternatives, both modes), `sweep` (grid and tornado),
# `calibrate`, `validate`, `graph`, `mkba-tool`, `validate-model` and the visualiser's screenshots (single,
# split, Dutch) - and compares every file. Only what carries the wall clock or the build is left out:
# manifest.json's wall time, command, git hash and output folder, the workbook's creation time and the scenario
# folder named by `wijksim scenarios`. JSON files are compared by content (parsed), so a change of writer or
# layout is allowed where every value stays the same.
#
# Usage: bench/identical_outputs.sh BASE_REF [build dir=build]
#        bench/identical_outputs.sh --base-bin DIR [build dir=build]   (DIR holds a base wijksim and wijksim-viz)
# Exit 0 when every output is identical; 1 with the list of differing files.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

work=$(mktemp -d)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"; git -C "$root" worktree prune' EXIT

if [[ ${1:-} == --base-bin ]]; then
  base_bin=$(realpath "$2"); shift 2
else
  ref=${1:?usage: bench/identical_outputs.sh BASE_REF [build dir]}; shift
  echo "Building $ref ..."
  git worktree add --detach "$work/base-src" "$ref" >/dev/null 2>&1
  cmake -S "$work/base-src" -B "$work/base-build" -DCMAKE_BUILD_TYPE=Release -DWIJKSIM_BUILD_TESTS=OFF \
    -DWIJKSIM_BUILD_BENCH=OFF -DWIJKSIM_MPI=OFF >/dev/null
  cmake --build "$work/base-build" -j "$(nproc)" --target wijksim wijksim_viz >/dev/null
  mkdir -p "$work/base-bin"
  cp "$work/base-build/sim/wijksim" "$work/base-build/viz/wijksim-viz" "$work/base-bin/"
  base_bin=$work/base-bin
fi
build=$(realpath "${1:-build}")
head_sim=$(find "$build" -name wijksim -type f -perm -u+x | head -n 1)
head_viz=$(find "$build" -name wijksim-viz -type f -perm -u+x | head -n 1)

# One set of outputs of the binaries in $1 (wijksim) and $2 (wijksim-viz) into folder $3.
outputs() {
  local sim=$1 viz=$2 o=$3
  mkdir -p "$o"
  (
    cd "$o"
    small=(--households 2000 --months 48 --seed 7)
    "$sim" run "${small[@]}" --out run-zero >/dev/null
    "$sim" run wijkteam "${small[@]}" --out run-team >/dev/null
    "$sim" run team_cofinanced --households 2000 --months 72 --seed 7 --out run-financiers >/dev/null
    "$sim" run neighbourhood_lump_sum "${small[@]}" --out run-pooled >/dev/null
    "$sim" run wijkteam "${small[@]}" --threads 2 --out run-team-2threads >/dev/null
    "$sim" compare wijkteam team_mandate "${small[@]}" --replications 4 --mode both --out compare >/dev/null
    "$sim" compare eviction_crisis_team "${small[@]}" --replications 3 --lang nl --out compare-nl >/dev/null
    "$sim" sweep wijkteam "${small[@]}" --replications 2 --grid teams.0.fte=2,6 --grid teams.0.mandate.enabled=true,false \
      --out sweep-grid >/dev/null
    "$sim" sweep wijkteam "${small[@]}" --replications 2 --tornado --out sweep-tornado >/dev/null
    "$sim" calibrate --households 5000 --json >calibrate.json
    "$sim" calibrate deprived_district --households 5000 >calibrate-deprived.txt
    "$sim" validate wijkteam >validate.toml
    "$sim" graph team_mandate >graph.dot
    "$sim" mkba-tool >mkba-tool.txt
    "$sim" mkba-tool mkba_tool_example >mkba-tool-example.txt
    "$sim" validate-model --households 2000 --months 48 --replications 2 --out validation.md >/dev/null
    "$sim" scenarios >scenarios.txt
    if [[ -x $viz ]] && command -v xvfb-run >/dev/null; then
      local x=(xvfb-run -a -s "-screen 0 1600x900x24")
      "${x[@]}" "$viz" --months 12 --screenshot viz-single.png >/dev/null 2>&1
      "${x[@]}" "$viz" team_mandate --compare wijkteam --months 24 --lang nl --screenshot viz-split.png >/dev/null 2>&1
      "${x[@]}" "$viz" --months 6 --keys m,up,y --screenshot viz-keys.png >/dev/null 2>&1
    fi
  )
  # Leave out what carries the wall clock or the build (the scenario folder is the source tree's path).
  sed -i -E '1s/^(Shipped scenarios) \(.*\):$/\1 (...):/' "$o/scenarios.txt"
  find "$o" -name manifest.json -exec sed -i -E \
    '/"(wall_seconds|wall_time_seconds|command|git_hash|output|started|threads)"/d' {} +
  # JSON by content: rewritten in one canonical layout (sorted keys, shortest round-trip numbers).
  find "$o" -name '*.json' | while read -r j; do
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); open(sys.argv[1],"w").write(json.dumps(d, sort_keys=True, indent=1))' "$j"
  done
  find "$o" -name mkba.xlsx | while read -r x; do
    mkdir -p "$x.d" && (cd "$x.d" && unzip -q ../mkba.xlsx && rm -f docProps/core.xml) && rm "$x"
  done
}

echo "Outputs of the base build ..."
outputs "$base_bin/wijksim" "$base_bin/wijksim-viz" "$work/base"
echo "Outputs of $build ..."
outputs "$head_sim" "$head_viz" "$work/head"

files=$(cd "$work/base" && find . -type f | sort)
count=$(wc -l <<<"$files")
if diff -rq "$work/base" "$work/head" >"$work/diff"; then
  echo "identical: $count files"
  exit 0
fi
echo "DIFFERENT ($count files compared):"
cat "$work/diff"
exit 1
