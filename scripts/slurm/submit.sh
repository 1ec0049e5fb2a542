#!/usr/bin/env bash
# Submits a saring corpus run to Slurm: an array job of N shards
# (shards.sbatch, one `saring run --shard I/N` each) and a job that waits for
# all of them (--dependency=afterok) to merge and apply the global dedup
# (finish.sbatch). In corpus mode (--corpus among the run options) an array
# job counting each shard's lines and a job merging the counts
# (corpus.sbatch) come first, and the shards wait for them. See
# docs/distributed.md.
#
# usage: scripts/slurm/submit.sh -o OUT --shards N [--threads T] [--wait]
#                                [--sbatch-option OPT]... INPUT... [-- RUN_OPTION...]
#   OUT and the inputs must be on a file system every node sees. Each shard
#   asks for T CPUs (--cpus-per-task) and runs saring with T threads.
#   Prints the job ids; with --wait, returns when the finish job has
#   ended: status 0 if it completed, 1 if it failed or was cancelled because
#   a shard failed.
#   --sbatch-option passes an option to both sbatch calls (--partition=...,
#   --time=..., --account=...). The saring binary is $SARING_BIN on the
#   nodes, else saring on PATH; sbatch passes the environment on.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
usage() { sed -n '/^# usage/,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

out="" shards="" threads=1 wait=0
sbatch_options=() inputs=() run_options=()
while (($#)); do
  case "$1" in
    -o) out=${2:?}; shift 2 ;;
    --shards) shards=${2:?}; shift 2 ;;
    --threads) threads=${2:?}; shift 2 ;;
    --wait) wait=1; shift ;;
    --sbatch-option) sbatch_options+=("${2:?}"); shift 2 ;;
    --) shift; run_options=("$@"); break ;;
    -h|--help) usage ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[ -n "$out" ] && [ -n "$shards" ] && ((${#inputs[@]})) || usage
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --shards needs a positive number" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --threads needs a positive number" >&2; exit 2; }
for option in "${run_options[@]}"; do
  # A requeued or resubmitted shard would start over instead of resuming.
  [ "$option" != --overwrite ] || { echo "submit.sh: --overwrite would redo finished shards: remove OUT instead" >&2; exit 2; }
done
for input in "${inputs[@]}"; do
  [ -e "$input" ] || { echo "submit.sh: $input: no such file or directory" >&2; exit 2; }
done

mkdir -p "$out/logs"
out="$(cd "$out" && pwd)"
absolute=()
for input in "${inputs[@]}"; do absolute+=("$(realpath "$input")"); done

# Corpus mode: the shards' exact line counts, summed, before the shards.
corpus=0 min_docs=3 after=()
for ((i = 0; i < ${#run_options[@]}; i++)); do
  case "${run_options[i]}" in
    --corpus) corpus=1 ;;
    --min-docs) min_docs=${run_options[i + 1]:-3} ;;
    --min-docs=*) min_docs=${run_options[i]#--min-docs=} ;;
    --config) min_docs=1 ;;  # the file may set clean.corpus_min_documents: keep every count
  esac
done
if ((corpus)); then
  count_job=$(sbatch --parsable "${sbatch_options[@]}" --array="0-$((shards - 1))" \
    --cpus-per-task="$threads" --output="$out/logs/count-%a.log" \
    "$here/corpus.sbatch" count "$out" "$shards" "$threads" "${absolute[@]}" "${run_options[@]}")
  count_job=${count_job%%;*}
  lines_job=$(sbatch --parsable "${sbatch_options[@]}" --dependency="afterok:$count_job" \
    --kill-on-invalid-dep=yes --output="$out/logs/corpus-merge.log" \
    "$here/corpus.sbatch" merge "$out" "$shards" "$min_docs")
  lines_job=${lines_job%%;*}
  echo "corpus counts: job $count_job ($shards tasks); their merge: job $lines_job"
  after=(--dependency="afterok:$lines_job" --kill-on-invalid-dep=yes)
  run_options+=(--corpus-lines "$out/corpus-lines.scx")
fi

shards_job=$(sbatch --parsable "${sbatch_options[@]}" "${after[@]}" --array="0-$((shards - 1))" \
  --cpus-per-task="$threads" --output="$out/logs/shard-%a.log" \
  "$here/shards.sbatch" "$out" "$shards" "$threads" "${absolute[@]}" "${run_options[@]}")
shards_job=${shards_job%%;*}
finish_job=$(sbatch --parsable "${sbatch_options[@]}" --dependency="afterok:$shards_job" \
  --kill-on-invalid-dep=yes --output="$out/logs/finish.log" "$here/finish.sbatch" "$out" "$shards")
finish_job=${finish_job%%;*}
echo "shards: job $shards_job ($shards tasks); finish: job $finish_job"
((wait)) || exit 0

# The finish job runs only if every shard succeeded (a failed shard cancels
# it), so its final state is the run's.
while :; do
  state=$(scontrol show job -o "$finish_job" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  case "$state" in
    PENDING|CONFIGURING|RUNNING|COMPLETING|REQUEUED|RESIZING|SUSPENDED) sleep 2 ;;
    COMPLETED) echo "done: $out" >&2; exit 0 ;;
    *) echo "submit.sh: finish job $finish_job ended $state; see $out/logs/" >&2; exit 1 ;;
  esac
done
