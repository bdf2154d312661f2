#!/usr/bin/env bash
# Short fuzz run (CI): builds the libFuzzer targets of fuzz/ with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer (build-fuzz/), then runs
# each on its seed corpora and regression inputs for a share of a total time
# budget. Exits non-zero on any crash, hang (-timeout), sanitizer report or
# broken contract, and names the input that caused it.
#   FUZZ_SECONDS=60 BUILD_DIR=build-fuzz scripts/run-fuzz-smoke.sh
# Longer runs by hand: doc/edge-inference.rst, "Robustness".
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build-fuzz}
budget=${FUZZ_SECONDS:-60}
scripts/install-deps.sh
# libFuzzer exists only in clang; the module library is compiled with
# clang too (it links fine with Debian's ns-3, built by GCC: same libstdc++).
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DEDGE_INFERENCE_FUZZ=ON -DEDGE_INFERENCE_SANITIZE=ON -DEDGE_INFERENCE_ENABLE_TORCH=OFF
cmake --build "$build_dir" -j"$(nproc)" --target edge-inference-fuzz

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/test/lsan-suppressions.txt}

# target | seed folders (besides test/data/fuzz-regressions/<target>) | options
targets=(
  "profile-parser|data/profiles fuzz/seeds/profile-parser|-dict=fuzz/profile-parser.dict"
  "c2-problem-json|data/problems test/data/c2-json fuzz/seeds/c2-problem-json|-dict=fuzz/c2-problem-json.dict"
  "c2-schedulers||"
  "solve-cli|fuzz/seeds/solve-cli|"
)
per_target=$((budget / ${#targets[@]}))
[ "$per_target" -ge 1 ] || per_target=1
failed=()
for entry in "${targets[@]}"; do
  IFS='|' read -r name seeds options <<<"$entry"
  # New inputs go to a scratch corpus (the first folder), never into the
  # source tree; crashes go to fuzz-artifacts/<target>/.
  corpus="$build_dir/fuzz-corpus/$name"
  artifacts="$build_dir/fuzz-artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  regressions="test/data/fuzz-regressions/$name"
  [ -d "$regressions" ] || regressions=""
  echo "run-fuzz-smoke: $name for ${per_target} s"
  # Inputs up to 1 MiB (libFuzzer's default is the largest seed, at least
  # 4096 bytes), so that the readers also meet long lines and large inputs;
  # a target's own -max_len in its options comes later and wins.
  # shellcheck disable=SC2086 # seeds and options are word lists
  if ! "$build_dir/fuzz/edge-inference-fuzz-$name" -max_total_time="$per_target" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -max_len=1048576 \
      -artifact_prefix="$artifacts" $options \
      "$corpus" $seeds $regressions >"$build_dir/fuzz-$name.log" 2>&1; then
    tail -n 60 "$build_dir/fuzz-$name.log"
    failed+=("$name")
  else
    grep -E "^(Done|stat::number_of_executed_units)" "$build_dir/fuzz-$name.log" || true
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "run-fuzz-smoke: FAILED: ${failed[*]}; inputs in $build_dir/fuzz-artifacts/" >&2
  echo "run-fuzz-smoke: keep each as test/data/fuzz-regressions/<target>/<name> after the fix" >&2
  exit 1
fi
echo "run-fuzz-smoke: all ${#targets[@]} targets ran ${per_target} s each without a finding"
