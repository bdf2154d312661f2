#!/usr/bin/env bash
# Builds the example scheduler plugin (user-plugin/) the three ways a
# researcher would, outside the module's own build, and runs its tests:
#
#   project  a separate CMake project against the installed module: the
#            standalone build is installed ("cmake --install") into a
#            temporary prefix, user-plugin/ is copied outside the
#            repository, configured with find_package(edge-inference), built,
#            and its ctest tests run (the TestSuite, the plugin's example, and
#            the installed edge-inference-paper loading the plugin by
#            --plugins and running it by TypeId);
#   contrib  an ns-3 contrib/ module: user-plugin/ copied to
#            contrib/largest-snr of the ns-3.48 tree of
#            scripts/check-in-tree.sh, built by ns-3 and its suite run by
#            ./test.py;
#   scratch  an ns-3 scratch/ program: the plugin's sources and example
#            copied to scratch/largest-snr/ of that tree and run with ./ns3.
#
#   scripts/check-user-routes.sh [BUILD [ROUTE...]]
#     BUILD   the standalone build folder (default: build)
#     ROUTE   project, contrib, scratch (default: all three; contrib and
#             scratch need scripts/check-in-tree.sh 3.48 debug to have run)
#
# Each route prints the commands it runs. The ns-3 tree is left as it was
# found: contrib/largest-snr and scratch/largest-snr are removed and ns-3
# is configured again for the module alone.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
shift || true
routes=("$@")
[ ${#routes[@]} -gt 0 ] || routes=(project contrib scratch)
cache=${EDGE_INFERENCE_NS3_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/edge-inference}
tree=$cache/ns-3.48-debug
work=$(mktemp -d /tmp/edge-inference-user-routes.XXXXXX)
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)

run() {
  echo "+ $*" >&2
  "$@"
}

route_project() {
  echo "=== route: a separate CMake project against the installed module"
  run cmake --install "$build" --prefix "$work/prefix" >/dev/null
  run cp -r "$repo/user-plugin" "$work/my-scheduler"
  run cmake -S "$work/my-scheduler" -B "$work/my-build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  run cmake --build "$work/my-build" -j"$jobs" >/dev/null
  (cd "$work/my-build" && run ctest --output-on-failure)
  # Nothing in the project's build may point into the module's sources.
  if grep -rqs "$repo" "$work/my-build/CMakeCache.txt" "$work/my-build"/*.cmake; then
    echo "check-user-routes: the separate project refers to $repo" >&2
    exit 1
  fi
}

# in_tree_configure [MODULES]: ns-3.48 configured as check-in-tree.sh does.
in_tree_configure() {
  (cd "$tree" && ./ns3 configure -d debug --enable-tests --enable-examples \
    --enable-modules="${1:-edge-inference}" >"$work/configure.log" 2>&1) || {
    tail -40 "$work/configure.log"
    exit 1
  }
}

route_contrib() {
  echo "=== route: an ns-3.48 contrib/ module depending on edge-inference"
  run cp -r "$repo/user-plugin" "$tree/contrib/largest-snr"
  cd "$tree"
  echo "+ ./ns3 configure -d debug --enable-tests --enable-examples" \
    "--enable-modules='edge-inference;largest-snr'"
  in_tree_configure "edge-inference;largest-snr"
  run cmake --build cmake-cache -j"$jobs" --target largest-snr largest-snr-test test-runner \
    >"$work/build.log" 2>&1 || {
    tail -40 "$work/build.log"
    exit 1
  }
  run ./test.py --no-build --suite=edge-inference-largest-snr | tee "$work/test.log"
  grep -q "PASS.*TestSuite edge-inference-largest-snr$" "$work/test.log"
  cd "$repo"
}

route_scratch() {
  echo "=== route: an ns-3.48 scratch/ program"
  run mkdir -p "$tree/scratch/largest-snr"
  run cp "$repo"/user-plugin/largest-snr-c2-scheduler.{h,cc} \
    "$repo"/user-plugin/largest-snr-example.cc "$tree/scratch/largest-snr/"
  cd "$tree"
  in_tree_configure edge-inference
  run ./ns3 run "largest-snr-example --users=10 --frames=2" | tee "$work/scratch.log"
  grep -q "served by ns3::LargestSnrC2Scheduler" "$work/scratch.log"
  cd "$repo"
}

cleanup_tree() {
  rm -rf "$tree/contrib/largest-snr" "$tree/scratch/largest-snr"
  in_tree_configure edge-inference
}

for route in "${routes[@]}"; do
  case "$route" in
  project) route_project ;;
  contrib | scratch)
    [ -f "$tree/.unpacked" ] || {
      echo "check-user-routes: no ns-3.48 tree at $tree: run scripts/check-in-tree.sh 3.48 first" >&2
      exit 2
    }
    trap 'cleanup_tree; rm -rf "$work"' EXIT
    "route_$route"
    ;;
  *)
    echo "check-user-routes: unknown route '$route' (project, contrib, scratch)" >&2
    exit 2
    ;;
  esac
done
echo "check-user-routes: ${routes[*]}: PASS"
