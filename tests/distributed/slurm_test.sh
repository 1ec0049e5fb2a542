#!/usr/bin/env bash
# scripts/slurm/ on a real single-node Slurm, against a one-machine run.
#
# Starts munged, slurmctld and slurmd (Debian's munge and slurm-wlm) as root
# with a configuration, state and spool of their own in a temporary folder
# (SLURM_CONF points there; nothing in /etc is used or changed), submits a
# sharded run with scripts/slurm/submit.sh in which one shard fails (the
# finish job must not run), submits it again (the finished shards must not be
# rewritten), checks that the shards together equal `saring run` over the
# same inputs on one machine, and on exit, failed or not, stops every process
# it started.
#
# usage: SARING_BIN=build/tools/saring/saring SARING_LID_MODEL=... tests/distributed/slurm_test.sh
# Exit status 77 (skipped) when not root or when Slurm or munge is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
: "${SARING_BIN:?set SARING_BIN to the saring binary}"
shards=4
run_options=()   # options of every run, the one-machine one included (dedup on)

if [ "$(id -u)" -ne 0 ]; then echo "skipped: slurmd must run as root" >&2; exit 77; fi
for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool missing (scripts/install-deps.sh)" >&2; exit 77; }
done

tmp="$(mktemp -d /tmp/saring-slurm.XXXXXX)"
export SLURM_CONF="$tmp/slurm.conf"
daemons=()
stop_everything() {
  local status=$?
  set +e
  # The daemons, then whatever they started (job steps, jobs): every process
  # whose environment names this cluster's configuration.
  ((${#daemons[@]})) && kill "${daemons[@]}" 2>/dev/null
  for _ in $(seq 50); do
    local alive=0
    for pid in "${daemons[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  ((${#daemons[@]})) && kill -9 "${daemons[@]}" 2>/dev/null
  for environ in $(grep -lzxF "SLURM_CONF=$SLURM_CONF" /proc/[0-9]*/environ 2>/dev/null); do
    pid=${environ#/proc/}; pid=${pid%/environ}
    [ "$pid" != $$ ] && [ "$pid" != "$BASHPID" ] && kill -9 "$pid" 2>/dev/null
  done
  if [ "$status" -ne 0 ]; then
    echo "--- slurm logs" >&2
    tail -n 20 "$tmp"/log/*.log "$tmp"/out/logs/*.log >&2 2>/dev/null
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap stop_everything EXIT
trap 'exit 1' INT TERM

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
node="$(hostname -s)"
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log"
chmod 700 "$tmp/munge"
head -c 1024 /dev/urandom >"$tmp/munge/munge.key"
chmod 600 "$tmp/munge/munge.key"
cat >"$SLURM_CONF" <<CONF
ClusterName=saringtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/seed" 2>"$tmp/log/munged.out" &
daemons+=($!)
for _ in $(seq 50); do [ -S "$tmp/munge/munge.socket" ] && break; sleep 0.1; done
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
daemons+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" >"$tmp/log/slurmd.out" 2>&1 &
daemons+=($!)
ready=0
for _ in $(seq 150); do
  if [ "$(sinfo -h -n "$node" -o %t 2>/dev/null)" = "idle" ]; then ready=1; break; fi
  sleep 0.2
done
((ready)) || { echo "the Slurm node did not become idle" >&2; exit 1; }

# One crawl file, which saring cuts between the shards at gzip members.
inputs=("$(realpath "$repo/tests/fixtures/corpus/sample.warc.gz")")
"$SARING_BIN" run "${inputs[@]}" "${run_options[@]}" --no-progress -o "$tmp/one-machine" >/dev/null

shard_dirs=()
for ((i = 0; i < shards; i++)); do shard_dirs+=("$tmp/out/$(printf 'shard-%05d' "$i")"); done

# First a run in which shard 2 fails: the finish job must not run, and the
# other shards are complete.
cat >"$tmp/fail-shard-2" <<SCRIPT
#!/bin/sh
case "\$*" in *"--shard 2/"*) echo "broken on purpose" >&2; exit 3;; esac
exec "$SARING_BIN" "\$@"
SCRIPT
chmod +x "$tmp/fail-shard-2"
if SARING_BIN="$tmp/fail-shard-2" timeout 120 "$repo/scripts/slurm/submit.sh" --wait -o "$tmp/out" \
     --shards "$shards" "${inputs[@]}" -- "${run_options[@]}"; then
  echo "the run with a failing shard succeeded" >&2; exit 1
fi
[ ! -e "$tmp/out/dedup.sdx" ] || { echo "the finish job ran after a failed shard" >&2; exit 1; }

# Submitted again with a working binary: only shard 2 is done, then the finish job.
start=$(date +%s)
timeout 120 "$repo/scripts/slurm/submit.sh" --wait -o "$tmp/out" --shards "$shards" \
  "${inputs[@]}" -- "${run_options[@]}"
echo "slurm: $shards shards (3 already complete) and the finish job in $(($(date +%s) - start)) s"
# (Each log holds both submissions; saring says when a folder was complete.)
for i in 0 1 3; do
  grep -q "already holds this run, complete" "$tmp/out/logs/shard-$i.log" ||
    { echo "finished shard $i was run again" >&2; exit 1; }
done
! grep -q "already holds this run" "$tmp/out/logs/shard-2.log" ||
  { echo "the failed shard 2 was taken for complete" >&2; exit 1; }
/usr/bin/python3 "$here/compare_outputs.py" "$tmp/one-machine" "${shard_dirs[@]}"

# Corpus mode over text records: the count array job and the merge of the
# counts run first, then the shards with the merged counts; together they
# hold what one `saring run --corpus` holds.
/usr/bin/python3 "$here/site_records.py" "$tmp/sites"
sites=("$tmp"/sites/*.jsonl)
"$SARING_BIN" run "${sites[@]}" --corpus --no-progress -o "$tmp/corpus-one-machine" 2>/dev/null
grep -q '"corpus":{"counted":true' "$tmp/corpus-one-machine/stats.json" ||
  { echo "the one-machine corpus run has no count pass" >&2; exit 1; }
start=$(date +%s)
timeout 120 "$repo/scripts/slurm/submit.sh" --wait -o "$tmp/corpus-out" --shards 3 "${sites[@]}" -- --corpus
echo "slurm: corpus mode, 3 shards with their count and merge jobs in $(($(date +%s) - start)) s"
[ -f "$tmp/corpus-out/corpus-lines.scx" ] || { echo "no merged line counts" >&2; exit 1; }
/usr/bin/python3 "$here/compare_outputs.py" "$tmp/corpus-one-machine" "$tmp"/corpus-out/shard-0000{0,1,2}
