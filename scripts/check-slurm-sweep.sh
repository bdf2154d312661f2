#!/usr/bin/env bash
# Checks utils/edge-inference-sweep against a real Slurm: starts a one-node
# cluster (MUNGE, slurmctld, slurmd) in a temporary folder on this machine,
# runs data/sweeps/smoke.json as a job array and compares its merged CSV
# with a local "run --jobs 2" byte for byte; then cancels one array task of
# a slower sweep while it runs, checks that exactly that run is incomplete,
# resumes with "run" and checks that only that run ran again and that the
# merged CSV equals the local one. Slurm's own view of both arrays is
# printed and checked: squeue snapshots while they run, then the state and
# exit code of every array task from sacct (where there is accounting
# storage; there is no slurmdbd here), Slurm's job completion log
# (jobcomp/filetxt) and scontrol show job. Prints PASS/FAIL lines and a
# summary; exits non-zero on any failure. Stops every daemon it started (by PID).
#
#   scripts/check-slurm-sweep.sh       (as root; installs slurm-wlm and munge)
#
# PAPER_DIR: the folder of edge-inference-paper (default build/examples);
# KEEP=1 keeps the temporary folder (daemon logs, run folders).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tool=$repo/utils/edge-inference-sweep
paper_dir=${PAPER_DIR:-$repo/build/examples}
smoke=$repo/data/sweeps/smoke.json
failures=0

pass() { echo "PASS: $*"; }
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
die() {
  echo "FAIL: $*"
  exit 1
}

[ "$(id -u)" = 0 ] || die "run as root (the daemons run as root and apt-get installs them)"
[ -x "$paper_dir/edge-inference-paper" ] || die "$paper_dir/edge-inference-paper is not built"

# 1. Slurm and MUNGE (Slurm's authentication) are not part of the build's
# dependencies: they are needed only here, where a real single-node cluster
# is the only way to test sbatch job arrays and scancel for real.
missing=()
command -v slurmctld >/dev/null || missing+=(slurm-wlm)
command -v munged >/dev/null || missing+=(munge)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >/dev/null
fi

tmp=$(mktemp -d /tmp/check-slurm-sweep.XXXXXX)
pids=()

# Stops jobs, then every daemon by its own PID (TERM, then KILL after 10 s).
cleanup() {
  local status=$?
  if [ -n "${SLURM_CONF:-}" ] && [ ${#pids[@]} -gt 0 ]; then
    scancel --quiet --user=root 2>/dev/null || true
    wait_until 20 "[ -z \"\$(squeue -h 2>/dev/null)\" ]" || true
  fi
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  # The jobs' slurmstepd processes were re-parented to init, which reaps
  # them a moment after they exit: wait for that (this only waits).
  wait_until 10 "! pgrep -x slurmstepd >/dev/null" ||
    echo "note: slurmstepd still listed: $(pgrep -a -x slurmstepd | tr '\n' ' ')"
  if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then
    echo "kept $tmp (daemon logs: $tmp/*.log)"
  else
    rm -rf "$tmp"
  fi
  exit "$status"
}
trap cleanup EXIT

# wait_until SECONDS CONDITION: polls a shell condition every 0.2 s.
wait_until() {
  local deadline=$((SECONDS + $1))
  until eval "$2"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# check_merged_equal SWEEP OUT LOCAL LOG WHAT: merges OUT and requires its
# merged.csv to equal LOCAL/merged.csv byte for byte.
check_merged_equal() {
  if "$tool" merge "$1" --out "$2" 2>>"$4" && cmp "$2/merged.csv" "$3/merged.csv"; then
    pass "$5"
  else
    fail "$5: merge failed or the merged CSVs differ ($4)"
  fi
}

# Two free TCP ports on the loopback interface (for slurmctld and slurmd).
free_ports() {
  python3 -c 'import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])'
}

# 2. MUNGE with its own key, socket, pid, log and seed files under $tmp.
start_munge() {
  mkdir -m 755 "$tmp/munge" # munged wants its socket folder searchable
  mungekey --create --keyfile="$tmp/munge/munge.key"
  munged --foreground --force --socket="$tmp/munge/socket" --key-file="$tmp/munge/munge.key" \
    --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge.log" \
    --seed-file="$tmp/munge/munged.seed" 2>>"$tmp/munge.log" &
  pids+=($!)
  wait_until 20 "munge --socket=$tmp/munge/socket --no-input 2>/dev/null \
    | unmunge --socket=$tmp/munge/socket >/dev/null 2>&1" ||
    die "munged did not start ($tmp/munge.log)"
}

write_slurm_conf() {
  local ports
  read -r -a ports <<<"$(free_ports)"
  mkdir -p "$tmp/state" "$tmp/spool"
  : >"$tmp/plugstack.conf"
  cat >"$tmp/slurm.conf" <<EOF
ClusterName=sweepcheck
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=${ports[0]}
SlurmdPort=${ports[1]}
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$tmp/jobcomp.txt
MinJobAge=600
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
MailProg=/bin/true
PlugStackConfig=$tmp/plugstack.conf
ReturnToService=2
KillWait=5
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$tmp/slurm.conf
}

# No systemd in a container: the daemons run in the foreground (-D) as
# children of this script, so their PIDs are known.
start_slurm() {
  write_slurm_conf
  slurmctld -D -i -f "$SLURM_CONF" >>"$tmp/slurmctld.out" 2>&1 &
  pids+=($!)
  wait_until 30 "scontrol ping 2>/dev/null | grep -q UP" ||
    die "slurmctld did not start ($tmp/slurmctld.log)"
  slurmd -D -N localhost -f "$SLURM_CONF" >>"$tmp/slurmd.out" 2>&1 &
  pids+=($!)
  wait_until 60 "[ \"\$(sinfo -h -n localhost -o %t 2>/dev/null)\" = idle ]" ||
    die "the node did not become idle ($tmp/slurmd.log): $(sinfo -h -o '%t %E' 2>&1)"
  pass "single-node Slurm is up (slurmctld ${pids[1]}, slurmd ${pids[2]}, munged ${pids[0]})"
}

# wait_job JOBID SECONDS: waits until no task of the job is queued or running.
wait_job() {
  wait_until "$2" "[ -z \"\$(squeue -h -j $1 2>/dev/null)\" ]"
}

# array_tasks JOBID: "JOBID_TASK STATE EXITCODE" for every task of array
# JOBID in "Key=Value ..." records on stdin (scontrol -o show job, the job
# completion log), sorted by task.
array_tasks() {
  awk -v job="$1" '{
    delete f
    for (i = 1; i <= NF; i++) {
      n = index($i, "=")
      if (n) f[substr($i, 1, n - 1)] = substr($i, n + 1)
    }
    if (f["ArrayJobId"] == job && f["ArrayTaskId"] != "")
      print job "_" f["ArrayTaskId"], f["JobState"], f["ExitCode"]
  }' | sort -t_ -k2,2n
}

# task_states JOBID: slurmctld's records of the array's tasks (finished
# tasks stay there for MinJobAge = 600 s).
task_states() { { scontrol -o show job "$1" 2>/dev/null || true; } | array_tasks "$1"; }

# jobcomp_states JOBID: the array's tasks in Slurm's job completion log
# (jobcomp/filetxt: one record per finished job, written by slurmctld).
jobcomp_states() { array_tasks "$1" <"$tmp/jobcomp.txt" 2>/dev/null || true; }

# indent: lines of evidence, indented under the PASS/FAIL lines.
indent() { sed 's/^/       /'; }

# show_accounting JOBID: Slurm's accounting view of the array: sacct where
# there is accounting storage (here there is none: no slurmdbd), the job
# completion log (sacct -c cannot read its array fields in Slurm 22.05, so it
# is read directly) and slurmctld's records (scontrol show job).
show_accounting() {
  local job=$1 out
  if out=$(sacct -j "$job" --format=JobID,State,ExitCode -n 2>&1) && [ -n "$out" ]; then
    echo "     sacct -j $job --format=JobID,State,ExitCode -n:"
    indent <<<"$out"
  else
    echo "     sacct -j $job --format=JobID,State,ExitCode -n: $(head -n 1 <<<"$out")"
  fi
  echo "     job completion log (jobcomp/filetxt) of array $job: task, JobState, ExitCode:"
  jobcomp_states "$job" | indent
  echo "     scontrol show job $job: task, JobState, ExitCode:"
  task_states "$job" | indent
}

# check_states JOBID EXPECTED WHAT: the final state of every array task
# ("JOBID_TASK STATE" lines; COMPLETED means exit code 0, a non-zero one is
# FAILED) in both the job completion log and slurmctld's records.
check_states() {
  local job=$1 expected=$2 what=$3 view actual bad=""
  # The log is written as each task ends; allow it a moment to catch up.
  wait_until 10 "[ \"\$(jobcomp_states $job | cut -d' ' -f1,2)\" = \"\$expected\" ]" || true
  for view in jobcomp_states task_states; do
    actual=$("$view" "$job" | cut -d' ' -f1,2)
    [ "$actual" = "$expected" ] || bad+=" $view: $(tr '\n' ';' <<<"$actual")"
  done
  if [ -z "$bad" ]; then
    pass "$what (job completion log and scontrol)"
  else
    fail "$what:$bad"
  fi
}

# squeue_snapshot JOBID WHEN: squeue's view of every array task at a moment
# (-t all: finished tasks too).
squeue_snapshot() {
  echo "     squeue -j $1 -r -t all -o \"%i %T\" $2:"
  { squeue -j "$1" -r -t all -h -o "%i %T" 2>&1 || true; } | sort -t_ -k2,2n | indent
}

# run_local SWEEP OUT: the reference: run --jobs 2, then merge.
run_local() {
  "$tool" run "$1" --out "$2" --jobs 2 --program-dir "$paper_dir" 2>"$2.log" &&
    "$tool" merge "$1" --out "$2" 2>>"$2.log"
}

# 3. The smoke sweep as a job array, against the local run.
check_smoke_array() {
  run_local "$smoke" "$tmp/local-smoke" ||
    die "local run of smoke.json failed ($tmp/local-smoke.log)"
  local job
  job=$("$tool" slurm "$smoke" --out "$tmp/slurm-smoke" --program-dir "$paper_dir" --submit \
    2>"$tmp/slurm-smoke.log") || die "slurm --submit failed: $(cat "$tmp/slurm-smoke.log")"
  squeue_snapshot "$job" "after sbatch"
  wait_job "$job" 120 || die "job array $job of smoke.json did not finish in 120 s"
  show_accounting "$job"
  check_states "$job" "$(for t in 0 1 2 3 4 5 6 7; do echo "${job}_$t COMPLETED"; done)" \
    "Slurm reports the 8 tasks of job array $job COMPLETED"
  local logs
  logs=$(find "$tmp/slurm-smoke/slurm" -name "${job}_*.out" | wc -l)
  if [ "$logs" = 8 ]; then
    pass "job array $job ran 8 tasks (8 logs in slurm/)"
  else
    fail "job array $job: $logs task logs, expected 8"
  fi
  check_merged_equal "$smoke" "$tmp/slurm-smoke" "$tmp/local-smoke" "$tmp/slurm-smoke.log" \
    "smoke.json: merged CSV of the Slurm array equals that of run --jobs 2 (cmp)"
}

# A sweep of 4 runs of several seconds each, slow enough to cancel one.
write_slow_sweep() {
  cat >"$tmp/slow.json" <<EOF
{
  "name": "slow",
  "description": "4 runs of about 4 s each, for the scancel check",
  "program": "edge-inference-paper",
  "fixed": {"users": "30", "frames": 300, "runs": 1},
  "grid": {"radius": [100, 200, 300, 400]},
  "seeds": {"option": "RngRun", "values": [1]},
  "output": {"option": "output", "file": "summary.csv"}
}
EOF
}

# attempts OUT ID: how often the tool started the run.
attempts() {
  wc -l <"$1/runs/$2/attempts.log" 2>/dev/null || echo 0
}

# 4. Cancel array task 1 while it runs; resume locally.
check_cancel_and_resume() {
  write_slow_sweep
  run_local "$tmp/slow.json" "$tmp/local-slow" ||
    die "local run of the slow sweep failed ($tmp/local-slow.log)"
  local out=$tmp/slurm-slow ids job victim
  mapfile -t ids < <("$tool" list "$tmp/slow.json" | cut -f2)
  victim=${ids[1]}
  job=$("$tool" slurm "$tmp/slow.json" --out "$out" --program-dir "$paper_dir" --submit \
    2>"$tmp/slurm-slow.log") || die "slurm --submit of the slow sweep failed"
  # Cancel once Slurm runs the task and the tool has started the program.
  wait_until 60 "squeue -h -j ${job}_1 -o %T 2>/dev/null | grep -q RUNNING && \
    [ -s '$out/runs/$victim/attempts.log' ]" || die "array task ${job}_1 did not start"
  squeue_snapshot "$job" "before scancel ${job}_1"
  scancel "${job}_1"
  wait_until 30 "squeue -h -j ${job}_1 -t all -o %T 2>/dev/null | grep -q CANCELLED" ||
    fail "squeue does not show task ${job}_1 CANCELLED within 30 s"
  squeue_snapshot "$job" "right after scancel ${job}_1"
  wait_job "$job" 120 || die "job array $job did not finish in 120 s"
  show_accounting "$job"
  check_states "$job" "$(printf '%s\n' "${job}_0 COMPLETED" "${job}_1 CANCELLED" \
    "${job}_2 COMPLETED" "${job}_3 COMPLETED")" \
    "Slurm reports task ${job}_1 CANCELLED and tasks 0, 2 and 3 COMPLETED"
  "$tool" list "$tmp/slow.json" --out "$out" | cut -f2,3 >"$tmp/slow-states.txt"
  if printf '%s\tcomplete\n%s\tpending\n%s\tcomplete\n%s\tcomplete\n' "${ids[0]}" "$victim" \
    "${ids[2]}" "${ids[3]}" | cmp -s - "$tmp/slow-states.txt"; then
    pass "scancel ${job}_1: exactly run $victim is incomplete"
  else
    fail "states after scancel ${job}_1: $(tr '\t\n' ' ;' <"$tmp/slow-states.txt")"
  fi
  if ! "$tool" merge "$tmp/slow.json" --out "$out" 2>"$tmp/merge-partial.log" &&
    grep -q "1 of 4 run(s) are not complete" "$tmp/merge-partial.log" &&
    grep -qF "[1] $victim" "$tmp/merge-partial.log"; then
    pass "merge reports the cancelled run [1] $victim and exits non-zero"
  else
    fail "merge after scancel: $(cat "$tmp/merge-partial.log")"
  fi
  check_resume "$out" "$victim" "${ids[@]}"
}

# check_resume OUT VICTIM IDS...: run resumes with the cancelled run only.
check_resume() {
  local out=$1 victim=$2 id expected counts=""
  shift 2
  "$tool" run "$tmp/slow.json" --out "$out" --jobs 2 --program-dir "$paper_dir" \
    2>"$tmp/resume.log" || fail "run (resume) failed: $(cat "$tmp/resume.log")"
  if grep -q "3 already complete, 1 to run" "$tmp/resume.log" &&
    grep -q "ran 1 run(s): 1 complete, 0 failed" "$tmp/resume.log"; then
    pass "run resumed with exactly 1 run"
  else
    fail "resume: $(cat "$tmp/resume.log")"
  fi
  for id in "$@"; do
    expected=1
    [ "$id" = "$victim" ] && expected=2
    [ "$(attempts "$out" "$id")" = $expected ] ||
      fail "run $id started $(attempts "$out" "$id") times, expected $expected"
    counts+="$id: $(attempts "$out" "$id"); "
  done
  echo "     starts per run (attempts.log): $counts"
  check_merged_equal "$tmp/slow.json" "$out" "$tmp/local-slow" "$tmp/resume.log" \
    "after the resume, the merged CSV equals that of run --jobs 2 (cmp)"
}

start=$SECONDS
start_munge
start_slurm
check_smoke_array
check_cancel_and_resume
echo "---"
if [ "$failures" = 0 ]; then
  echo "PASS: check-slurm-sweep ($((SECONDS - start)) s)"
else
  echo "FAIL: check-slurm-sweep: $failures check(s) failed ($((SECONDS - start)) s)"
  exit 1
fi
