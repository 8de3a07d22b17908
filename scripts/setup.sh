#!/usr/bin/env bash
# Installs the Debian 12 packages wijksim needs (only the missing ones) and configures and builds the
# project in Release. Used by run.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git
  libboost-graph-dev libboost-math-dev libtomlplusplus-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  clang-tidy  # scripts/lint.sh, run by CI
  clang libfuzzer-14-dev  # the fuzz target over the scenario loader (tests/fuzz), run by CI
  graphviz  # the tests render `wijksim graph` with dot
  libxlsxwriter-dev unzip  # mkba.xlsx (the tests read it back with unzip)
  libnlopt-cxx-dev  # wijksim calibrate --fit (Subplex)
  nlohmann-json3-dev  # the JSON files (mkba.json, manifests, calibrate --json) and the replication checkpoints
  libpugixml-dev  # the report tests read report.html and mkba.xlsx back as XML
  libsfml-dev fonts-dejavu-core xvfb xauth  # wijksim-viz and its headless screenshot tests
  libboost-mpi-dev openmpi-bin  # the distributed batch (mpirun wijksim compare|sweep) and its tests
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing missing packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${WIJKSIM_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release ${WIJKSIM_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
