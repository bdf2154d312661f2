#!/usr/bin/env bash
# Installs dependencies, builds the module (Release) with its tests and runs
# every TestSuite through ctest. Exits non-zero if anything fails.
#   BUILD_DIR=build scripts/run-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
scripts/install-deps.sh
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j"$(nproc)"
cd "$build_dir"
ctest --output-on-failure -j"$(nproc)"
