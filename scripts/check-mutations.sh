#!/usr/bin/env bash
# Mutation check: applies each mutation of test/mutations/mutations.txt to a
# copy of the module's sources, rebuilds the test runner and checks that the
# named suite now FAILS; then restores the file. Backs the manual's claims
# that a suite catches a given mistake. Takes about 10 minutes on 2 cores
# (one full build of the copy, then one incremental build per mutation).
#
#   scripts/check-mutations.sh [NAME...]    all mutations, or the named ones
#
# Exits non-zero if a mutation does not apply or is not caught.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
list=$repo/test/mutations/mutations.txt
work=${EDGE_INFERENCE_MUTATION_DIR:-$(mktemp -d /tmp/edge-inference-mutations.XXXXXX)}
mkdir -p "$work/src"
# The working tree's files as git sees them (tracked and untracked, not ignored).
(cd "$repo" && git ls-files -co --exclude-standard -z) |
  (cd "$repo" && xargs -0 cp -p --parents -t "$work/src")
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
  -DEDGE_INFERENCE_ENABLE_TORCH=OFF >"$work/configure.log"
build_runners() {
  cmake --build "$work/build" -j"$(nproc)" --target edge-inference-test-runner \
    largest-snr-test-runner >"$work/build.log" 2>&1 || {
    tail -30 "$work/build.log"
    return 1
  }
}
echo "check-mutations: building the unmutated copy in $work"
build_runners
caught=0
missed=0
while IFS='|' read -r name file expr runner suite; do
  case "$name" in '' | '#'*) continue ;; esac
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then
    continue
  fi
  target=$work/src/$file
  cp "$target" "$work/original"
  sed -i -e "$expr" "$target"
  if cmp -s "$target" "$work/original"; then
    echo "check-mutations: $name: the expression does not change $file" >&2
    exit 1
  fi
  if ! build_runners; then
    echo "check-mutations: $name: the mutant does not build" >&2
    cp "$work/original" "$target"
    exit 1
  fi
  if "$work/build/$runner" --suite="$suite" --verbose >"$work/$name.log" 2>&1; then
    echo "MISSED $name: $suite still passes"
    missed=$((missed + 1))
  else
    # The first failed test case and its first failed check.
    case_line=$(grep -m1 '^  FAIL' "$work/$name.log" | sed 's/^ *//' || true)
    check=$(grep -m1 'test=' "$work/$name.log" | sed 's/^ *//' | cut -c1-200 || true)
    echo "CAUGHT $name: $case_line"
    echo "       $check"
    caught=$((caught + 1))
  fi
  cp "$work/original" "$target"
done <"$list"
build_runners
echo "check-mutations: $caught caught, $missed missed (logs in $work)"
[ "$missed" -eq 0 ]
