#!/usr/bin/env bash
# Installs dependencies, builds the module (Release) and runs its main
# experiment. Extra arguments go to the experiment (--help lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
scripts/install-deps.sh
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j"$(nproc)"
"$build_dir"/examples/edge-inference-paper "$@"
