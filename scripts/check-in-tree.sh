#!/usr/bin/env bash
# Builds the module inside an ns-3 release source tree, as an ns-3 user does
# (module linked at contrib/edge-inference), runs every module TestSuite
# through ns-3's own ./test.py, and runs the paper example with a small
# seeded argument set; given a standalone build folder, runs the same
# experiment there and compares the CSV files byte for byte. Exits non-zero
# if anything fails or differs.
#
#   scripts/check-in-tree.sh VERSION [PROFILE [STANDALONE_BUILD]]
#     VERSION           3.48 (CMake, ./ns3) or 3.35 (waf)
#     PROFILE           debug (default; 3.48 then treats warnings as errors)
#                       or release
#     STANDALONE_BUILD  a standalone build folder (e.g. build, made by
#                       scripts/run-tests.sh) whose paper example's CSVs
#                       must equal the in-tree build's
#
# The release sources are read from ../shared/ns-3/ns-VERSION.tar.xz (or
# $EDGE_INFERENCE_NS3_SOURCES/ns-VERSION.tar.xz) and unpacked, once, into
# $EDGE_INFERENCE_NS3_CACHE (default ~/.cache/edge-inference), outside the
# repository, one tree per VERSION and PROFILE; a rerun reuses that tree and
# its build. ns-3.35 is configured with --disable-werror: its own core trips
# g++ 12's -Wuse-after-free.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: scripts/check-in-tree.sh VERSION [PROFILE [STANDALONE_BUILD]]"
version=${1:?$usage}
profile=${2:-debug}
standalone=${3:-}
if [ -n "$standalone" ]; then
  standalone=$(cd "$standalone" && pwd)
fi
sources=${EDGE_INFERENCE_NS3_SOURCES:-$repo/../shared/ns-3}
cache=${EDGE_INFERENCE_NS3_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/edge-inference}
jobs=$(nproc)

# The sha256 of each release archive (as published with the archives).
case "$version" in
3.48) sha=eaafa38bbda72a0edccf94bb85f053beb0dcbe529ed46c0e1f9d7b5b542b603a ;;
3.35) sha=eb9fc566e08d3a3b1f97048c77b7ab1db8cdc41d2f2cfd7bbe08adcccc7becf9 ;;
*)
  echo "check-in-tree: unsupported ns-3 version '$version' (checked: 3.48, 3.35)" >&2
  exit 2
  ;;
esac
case "$profile" in
debug | release) ;;
*)
  echo "check-in-tree: unknown profile '$profile' (debug or release)" >&2
  exit 2
  ;;
esac

tree=$cache/ns-$version-$profile
archive=$sources/ns-$version.tar.xz
if [ ! -f "$tree/.unpacked" ]; then
  [ -f "$archive" ] || {
    echo "check-in-tree: $archive not found (set EDGE_INFERENCE_NS3_SOURCES)" >&2
    exit 2
  }
  echo "$sha  $archive" | sha256sum --check --quiet || {
    echo "check-in-tree: $archive: sha256 differs from ns-$version's" >&2
    exit 2
  }
  rm -rf "$tree"
  mkdir -p "$tree"
  tar -xJf "$archive" -C "$tree" --strip-components=1
  touch "$tree/.unpacked"
fi
ln -sfn "$repo" "$tree/contrib/edge-inference"
cd "$tree"
echo "check-in-tree: ns-$version ($profile) in $tree"

# A small seeded paper experiment, run in both builds when compared.
paper_args=(--users=8,16 --frames=20 --runs=2 --RngRun=5)
csv_out=$tree/edge-inference-paper-check
rm -rf "$csv_out"

if [ "$version" = 3.48 ]; then
  ./ns3 configure -d "$profile" --enable-tests --enable-examples \
    --enable-modules=edge-inference >configure.log 2>&1 || {
    tail -40 configure.log
    exit 1
  }
  # The module, its tests, ns-3's test runner and the module's examples
  # (their ns-3 dependencies come with them); other modules' examples are
  # not built.
  cmake --build cmake-cache -j"$jobs" --target edge-inference edge-inference-test \
    test-runner edge-inference-paper edge-inference-rate-example edge-inference-simple \
    ofdma-uplink-example
  # Programs are ns3.48-NAME-debug in debug, ns3.48-NAME in release.
  suffix=$([ "$profile" = debug ] && echo -debug || true)
  runner=build/utils/ns3.48-test-runner$suffix
  paper=build/contrib/edge-inference/examples/ns3.48-edge-inference-paper$suffix
  testpy=(./test.py --no-build)
else
  if [ ! -f build/c4che/_cache.py ]; then
    waf_profile=$([ "$profile" = debug ] && echo debug || echo optimized)
    ./waf configure -d "$waf_profile" --disable-python --disable-werror --enable-tests \
      --enable-examples --enable-modules=edge-inference >configure.log 2>&1 || {
      tail -40 configure.log
      exit 1
    }
  fi
  ./waf build -j"$jobs"
  # waf names programs ns3.35-NAME-PROFILE; the libraries are in build/lib.
  runner=$(echo build/utils/ns3.35-test-runner-*)
  paper=$(echo build/contrib/edge-inference/examples/ns3.35-edge-inference-paper-*)
  export LD_LIBRARY_PATH=$tree/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  testpy=(./test.py --nowaf)
fi

mapfile -t suites < <("$runner" --list | grep '^edge-inference-')
if [ ${#suites[@]} -eq 0 ]; then
  echo "check-in-tree: the test runner lists no edge-inference suite" >&2
  exit 1
fi
failed=0
for suite in "${suites[@]}"; do
  log=$("${testpy[@]}" --suite="$suite" 2>&1) || true
  echo "$log" | grep -E "(PASS|FAIL|CRASH|SKIP|VALGR).*TestSuite" || echo "$log" | tail -5
  if ! echo "$log" | grep -q "PASS.*TestSuite $suite\$"; then
    failed=1
  fi
done
echo "check-in-tree: ${#suites[@]} edge-inference suites run by ./test.py"
[ "$failed" -eq 0 ] || {
  echo "check-in-tree: a suite did not pass in ns-$version ($profile)" >&2
  exit 1
}

# run_paper PROGRAM OUTPUT: the seeded experiment; its log is shown on failure.
run_paper() {
  "$1" "${paper_args[@]}" --output="$2" >"$2.log" 2>&1 || {
    tail -20 "$2.log"
    echo "check-in-tree: $1 failed" >&2
    exit 1
  }
}
run_paper "$paper" "$csv_out"
echo "check-in-tree: paper example wrote $(ls "$csv_out"/*.csv | wc -l) CSV files to $csv_out"
echo "check-in-tree: ns-$version ($profile): every suite PASS"
[ -n "$standalone" ] || exit 0

other=$standalone/edge-inference-paper-check
rm -rf "$other"
run_paper "$standalone/examples/edge-inference-paper" "$other"
different=0
for f in "$csv_out"/*.csv; do
  name=$(basename "$f")
  if cmp "$f" "$other/$name"; then
    echo "check-in-tree: $name identical ($(wc -c <"$f") bytes)"
  else
    different=1
  fi
done
if [ "$(ls "$other"/*.csv | wc -l)" -ne "$(ls "$csv_out"/*.csv | wc -l)" ]; then
  echo "check-in-tree: the builds wrote different sets of CSV files" >&2
  different=1
fi
[ "$different" -eq 0 ] || {
  echo "check-in-tree: the paper CSVs of ns-$version and $standalone differ" >&2
  exit 1
}
echo "check-in-tree: paper CSVs of ns-$version ($profile) and the standalone build identical"
