#!/usr/bin/env bash
# The main job: set up (packages, Release build), then run the default scenario.
# Extra arguments go to `wijksim run`, e.g. scripts/run.sh deprived_district --households 50000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec "${WIJKSIM_BUILD_DIR:-build}/sim/wijksim" run "$@"
