#!/usr/bin/env bash
# Installs dependencies, builds the module and its tests with AddressSanitizer
# and UndefinedBehaviorSanitizer (build-sanitize/) and runs every TestSuite.
# Leaks inside ns-3's own (uninstrumented) libraries are suppressed by
# test/lsan-suppressions.txt; everything else reported fails the run.
# The LTE back end is left out by default (EDGE_INFERENCE_SANITIZE_LTE=ON
# builds it too): compiling it with the sanitizers takes about a quarter of
# an hour on two cores, which the CI's time budget cannot afford.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-sanitize}
scripts/install-deps.sh
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DEDGE_INFERENCE_SANITIZE=ON -DEDGE_INFERENCE_ENABLE_TORCH=OFF \
  -DEDGE_INFERENCE_LTE="${EDGE_INFERENCE_SANITIZE_LTE:-OFF}"
cmake --build "$build_dir" -j"$(nproc)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/test/lsan-suppressions.txt}
cd "$build_dir"
ctest --output-on-failure -j"$(nproc)"
