#!/usr/bin/env bash
# The whole test suite: set up (packages, Release build), then every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cd "${WIJKSIM_BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)"
