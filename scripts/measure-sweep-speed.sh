#!/usr/bin/env bash
# Measures utils/edge-inference-sweep on this machine:
#  1. wall time of a 24-run sweep of edge-inference-paper (30 users, 40
#     frames, about 0.5-1 s a run) with --jobs 1 and with --jobs 2, their
#     ratio, and that both merged CSV files are the same bytes;
#  2. the tool's own overhead per run: N runs of the smallest program call
#     (--users=1 --frames=1 --runs=1) started directly from bash, against the
#     same N runs (N seeds) through "run --jobs 1"; and, less exposed to the
#     noise of a shared machine, that run's wall time less the programs' own
#     times (elapsed_s in the runs' status.json) and the tool's start-up.
#
#   scripts/measure-sweep-speed.sh [N]       (N: overhead runs, default 20)
#
# PAPER_DIR: the folder of edge-inference-paper (default build/examples);
# PYTHON: the interpreter that runs the tool (default python3 from PATH).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
sweep_tool=$repo/utils/edge-inference-sweep
tool() { "$python" "$sweep_tool" "$@"; }
paper_dir=${PAPER_DIR:-$repo/build/examples}
paper=$paper_dir/edge-inference-paper
n=${1:-20}
[ -x "$paper" ] || {
  echo "measure-sweep-speed: $paper is not built" >&2
  exit 1
}
tmp=$(mktemp -d /tmp/measure-sweep-speed.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# elapsed START: seconds since START, 3 decimals.
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
# ratio A B [SCALE]: A / B * SCALE, 3 decimals.
ratio() { awk -v a="$1" -v b="$2" -v s="${3:-1}" 'BEGIN { printf "%.3f", a / b * s }'; }

cat >"$tmp/speed.json" <<EOF
{
  "name": "speed",
  "program": "$paper",
  "fixed": {"users": "30", "frames": 40, "runs": 1},
  "grid": {"bandwidth": [5e5, 1e6, 2e6, 4e6], "radius": [100, 200, 300]},
  "seeds": {"option": "RngRun", "values": [1, 2]},
  "output": {"option": "output", "file": "summary.csv"}
}
EOF
runs=$(tool list "$tmp/speed.json" | wc -l)
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "tool run by $(command -v "$python") ($("$python" -V 2>&1))"

# 1. Parallel speed-up.
declare -A wall
for jobs in 1 2; do
  start=$(now)
  tool run "$tmp/speed.json" --out "$tmp/jobs$jobs" --jobs $jobs 2>"$tmp/jobs$jobs.log"
  wall[$jobs]=$(elapsed "$start")
  tool merge "$tmp/speed.json" --out "$tmp/jobs$jobs" 2>>"$tmp/jobs$jobs.log"
done
echo "sweep of $runs runs: --jobs 1: ${wall[1]} s, --jobs 2: ${wall[2]} s," \
  "speed-up $(ratio "${wall[1]}" "${wall[2]}")," \
  "$(ratio "${wall[1]}" "$runs") s per run at --jobs 1"
cmp -s "$tmp/jobs1/merged.csv" "$tmp/jobs2/merged.csv" &&
  echo "merged CSV of --jobs 1 and --jobs 2: identical" \
    "($(wc -l <"$tmp/jobs1/merged.csv") lines)" ||
  echo "merged CSV of --jobs 1 and --jobs 2: DIFFERENT"

# 2. Overhead per run: the same tiny program call, directly and through the tool.
mkdir -p "$tmp/direct"
start=$(now)
for seed in $(seq "$n"); do
  "$paper" --users=1 --frames=1 --runs=1 --RngRun="$seed" --output="$tmp/direct" \
    >"$tmp/direct/stdout.txt" 2>"$tmp/direct/stderr.txt"
done
direct=$(elapsed "$start")
cat >"$tmp/tiny.json" <<EOF
{
  "name": "tiny",
  "program": "$paper",
  "fixed": {"users": "1", "frames": 1, "runs": 1},
  "grid": {"bandwidth": [1e6]},
  "seeds": {"option": "RngRun", "values": [$(seq -s, "$n")]},
  "output": {"option": "output", "file": "summary.csv"}
}
EOF
start=$(now)
tool run "$tmp/tiny.json" --out "$tmp/tiny" --jobs 1 2>"$tmp/tiny.log"
through=$(elapsed "$start")
# The tool's start-up (interpreter, loading and expanding the sweep) is paid
# once per invocation: "list" measures it.
start=$(now)
tool list "$tmp/tiny.json" >/dev/null
startup=$(elapsed "$start")
echo "$n tiny runs: directly ${direct} s ($(ratio "$direct" "$n" 1000) ms each), through the" \
  "tool --jobs 1 ${through} s ($(ratio "$through" "$n" 1000) ms each)"
echo "tool overhead: $(awk -v t="$through" -v d="$direct" -v n="$n" \
  'BEGIN { printf "%.1f", (t - d) / n * 1000 }') ms per run in all; start-up ${startup} s once," \
  "$(awk -v t="$through" -v d="$direct" -v s="$startup" -v n="$n" \
    'BEGIN { printf "%.1f", (t - d - s) / n * 1000 }') ms per run without it"
programs=$("$python" -c 'import json, sys
print(round(sum(json.load(open(p))["elapsed_s"] for p in sys.argv[1:]), 3))' \
  "$tmp"/tiny/runs/*/status.json)
echo "tool time between runs: $(awk -v t="$through" -v p="$programs" -v s="$startup" -v n="$n" \
  'BEGIN { printf "%.1f", (t - p - s) / n * 1000 }') ms per run (wall ${through} s less the" \
  "programs' ${programs} s from status.json and the start-up)"
