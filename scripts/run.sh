#!/usr/bin/env bash
# The main job: set up (packages, Release build), then compare the default district with its team alternative.
# Extra arguments go to `wijksim compare`, e.g. scripts/run.sh --replications 200 --lang nl
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec "${WIJKSIM_BUILD_DIR:-build}/sim/wijksim" compare "$@"
