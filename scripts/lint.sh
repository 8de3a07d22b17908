#!/usr/bin/env bash
# clang-tidy over the project's sources with the project's .clang-tidy (warnings are errors), on the compile
# commands of a configured build. Usage: scripts/lint.sh [build dir=build]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[[ -f $build/compile_commands.json ]] || { echo "error: $build/compile_commands.json missing: configure first (scripts/setup.sh)" >&2; exit 2; }
files=$(git ls-files 'agents/*.cpp' 'services/*.cpp' 'scenarios/*.cpp' 'sim/*.cpp' 'viz/*.cpp')
# Only what this build compiled (the MPI rank code, the visualiser without SFML, ... may be absent).
compiled=$(python3 -c 'import json,sys; print("\n".join(e["file"] for e in json.load(open(sys.argv[1]))))' "$build/compile_commands.json")
todo=()
for f in $files; do grep -qxF "$PWD/$f" <<<"$compiled" && todo+=("$PWD/$f"); done
echo "clang-tidy: ${#todo[@]} files"
run-clang-tidy -p "$build" -quiet -j "$(nproc)" "${todo[@]}" >"$build/clang-tidy.log" 2>&1 || {
  grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u | head -50
  echo "clang-tidy found problems (full log: $build/clang-tidy.log)" >&2
  exit 1
}
echo "clang-tidy: clean"
