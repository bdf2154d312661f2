#!/usr/bin/env bash
# Determinism check: runs each seeded computation twice in one build and
# compares the outputs byte for byte. Exits non-zero on any difference.
#   scripts/check-determinism.sh [BUILD_DIR]     (default: build)
# Run it on the Release build (scripts/run-tests.sh) and on the sanitizer
# build (scripts/run-sanitizer-tests.sh); the build must have its examples.
#
# Compared:
#  - edge-inference-solve on the shipped problems with every exact scheduler
#    and the greedy; its JSON holds one wall-clock field, "runtime_us",
#    which is removed before the comparison (nothing else may differ);
#  - ofdma-uplink-example with fading, mobility and a fixed --RngRun;
#  - edge-inference-simple (the whole edge-inference stack: random task
#    requirements, walking UEs, fading, scheduler, server) with --RngRun.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0

# check NAME FILTER COMMAND...: runs COMMAND twice, compares stdout.
check() {
  local name=$1 filter=$2
  shift 2
  for i in 1 2; do
    "$@" >"$out/$name.$i.raw" 2>"$out/$name.$i.err" || {
      echo "check-determinism: $name: run $i failed (status $?)"
      cat "$out/$name.$i.err"
      failed=1
      return
    }
    sed -e "$filter" "$out/$name.$i.raw" >"$out/$name.$i"
  done
  if [ ! -s "$out/$name.1" ]; then
    echo "check-determinism: $name: no output"
    failed=1
  elif cmp -s "$out/$name.1" "$out/$name.2"; then
    echo "check-determinism: $name: identical ($(wc -c <"$out/$name.1") bytes)"
  else
    echo "check-determinism: $name: DIFFERENT"
    diff "$out/$name.1" "$out/$name.2" | head -20
    failed=1
  fi
}

solve="$build_dir/utils/edge-inference-solve"
for problem in small-4-users paper-default-24-users; do
  for scheduler in ShelfPackingC2Scheduler TreeSearchC2Scheduler GreedyEarlyExitC2Scheduler; do
    check "solve-$problem-$scheduler" '/"runtime_us"/d' \
      "$solve" --problem=data/problems/$problem.json --scheduler=ns3::$scheduler
  done
done
check ofdma-uplink-example '' \
  "$build_dir/examples/ofdma-uplink-example" --nUes=6 --simTime=2 --fading=1 --RngRun=7
check edge-inference-simple '' \
  "$build_dir/examples/edge-inference-simple" --users=6 --frames=10 --fading=1 --RngRun=3
if [ "$failed" -ne 0 ]; then
  echo "check-determinism: FAILED in $build_dir" >&2
  exit 1
fi
echo "check-determinism: every output identical in $build_dir"
