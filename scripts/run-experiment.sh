#!/usr/bin/env bash
# Installs dependencies, builds the module (Release) and runs its main
# experiment. Extra arguments go to the experiment.
#
#   scripts/run-experiment.sh [EXPERIMENT OPTIONS]
#   scripts/run-experiment.sh --help     this text, and the experiment's
#                                        options once it is built (installs
#                                        and builds nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
paper=$build_dir/examples/edge-inference-paper
for arg in "$@"; do
  case "$arg" in
  -h | --help | --PrintHelp)
    sed -n '2,8s/^# \{0,1\}//p' "$0"
    if [ -x "$paper" ]; then
      echo
      "$paper" --help
    else
      echo
      echo "$paper is not built yet: run scripts/run-experiment.sh once, then --help"
      echo "lists the experiment's options (--users, --frames, --runs, --schedulers, ...)."
    fi
    exit 0
    ;;
  esac
done
scripts/install-deps.sh
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j"$(nproc)"
"$paper" "$@"
