#!/usr/bin/env bash
# Runs ns-3.48's style checker (utils/check-style-clang-format.py: clang-format
# 20 with ns-3's .clang-format, Doxygen tags with @, SPDX licence lines,
# include style, whitespace, tabs, encoding) over the module, exactly as an
# ns-3 maintainer would on contrib/edge-inference. Exits non-zero on any
# finding; --fix lets the checker rewrite the files.
#
#   scripts/check-style.sh [--fix]
#
# The checker needs clang-format 20 exactly. Debian bookworm ships 14, so
# this script installs the WebAssembly build of clang-format 20.1.7 from the
# npm registry (@wasm-fmt/clang-format; needs node and npm) into
# $EDGE_INFERENCE_NS3_CACHE (default ~/.cache/edge-inference) and puts a
# clang-format-20 wrapper first on PATH. The ns-3.48 tree is the one
# scripts/check-in-tree.sh unpacks (it is unpacked here if missing).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${EDGE_INFERENCE_NS3_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/edge-inference}
sources=${EDGE_INFERENCE_NS3_SOURCES:-$repo/../shared/ns-3}
fix=()
case "${1:-}" in
"") ;;
--fix) fix=(--fix) ;;
*)
  echo "usage: scripts/check-style.sh [--fix]" >&2
  exit 2
  ;;
esac

tool=$cache/clang-format-20
if [ ! -x "$tool/bin/clang-format-20" ]; then
  command -v npm >/dev/null || {
    echo "check-style: npm not found (needed for clang-format 20)" >&2
    exit 2
  }
  mkdir -p "$tool/bin"
  npm_config_cache=$tool/npm-cache npm install --prefix "$tool" --no-save --silent \
    @wasm-fmt/clang-format@20.1.7
  printf '#!/bin/sh\nexec node "%s" "$@"\n' \
    "$tool/node_modules/@wasm-fmt/clang-format/clang-format-cli.cjs" >"$tool/bin/clang-format-20"
  chmod +x "$tool/bin/clang-format-20"
fi
export PATH=$tool/bin:$PATH
clang-format-20 --version | grep -q "version 20\." || {
  echo "check-style: $tool/bin/clang-format-20 is not clang-format 20" >&2
  exit 2
}

# Only the ns-3.48 source tree is needed, not its build.
tree=$cache/ns-3.48-style
if [ ! -f "$tree/utils/check-style-clang-format.py" ]; then
  mkdir -p "$tree"
  tar -xJf "$sources/ns-3.48.tar.xz" -C "$tree" --strip-components=1 \
    ns-3.48/.clang-format ns-3.48/utils/check-style-clang-format.py
fi
ln -sfn "$repo" "$tree/contrib/edge-inference" 2>/dev/null || {
  mkdir -p "$tree/contrib"
  ln -sfn "$repo" "$tree/contrib/edge-inference"
}
cd "$tree"
python3 utils/check-style-clang-format.py "${fix[@]}" --jobs "$(nproc)" contrib/edge-inference/
