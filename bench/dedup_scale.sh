#!/bin/bash
# Global dedup at scale: `saring dedup merge` time and memory per document on
# synthetic shard indexes, and the cost of `saring dedup apply` next to the
# shard runs it follows. Usage:
#   bench/dedup_scale.sh WORKDIR [DOCS_PER_SHARD] [SHARDS]
# Needs build/tools/saring/saring and build/bench/probes/dedup_index_gen.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:?usage: dedup_scale.sh WORKDIR [DOCS_PER_SHARD] [SHARDS]}"
per_shard="${2:-250000}"
shards="${3:-4}"
S="$here/build/tools/saring/saring"
T='%e s wall, %U s user, %S s sys, %M KB max RSS'
mkdir -p "$work" && cd "$work"

echo "== merge: $shards synthetic shard indexes of $per_shard documents"
"$here/build/bench/probes/dedup_index_gen" "$per_shard" "$shards" idx
/usr/bin/time -f "$T" "$S" dedup merge idx-*.sdx -o merged.sdx
ls -l idx-*.sdx merged.sdx

echo "== apply: 40,000 JSONL documents in 8 files, 4 shards"
mkdir -p in
/usr/bin/python3 - <<'PY'
import json, random
words = ("river market council garden school bread library village morning volunteers weather harvest "
         "bridge station neighbours teacher children water summer project city winter road music family "
         "doctor street history").split()
def article(seed, n=14):
    r = random.Random(seed)
    return " ".join("The " + " ".join(r.choice(words) for _ in range(9 + r.randrange(7))) + " and the end."
                    for _ in range(n))
r = random.Random(7)
for f in range(8):
    with open(f"in/f{f}.jsonl", "w") as out:
        for i in range(5000):
            k = f * 5000 + i
            roll = r.random()
            if roll < 0.15: t = article(r.randrange(0, max(1, k)))  # exact copy of an earlier document
            elif roll < 0.22: t = article(r.randrange(0, max(1, k))) + " A closing line is added."  # near copy
            else: t = article(1000000 + k)
            out.write(json.dumps({"id": f"d{k}", "text": t}) + "\n")
PY
rm -rf one s0 s1 s2 s3 apply-merged.sdx
echo "-- one run"; /usr/bin/time -f "$T" "$S" run --no-language --no-clean --threads 2 --quiet in -o one
for i in 0 1 2 3; do
  echo "-- shard $i/4"; /usr/bin/time -f "$T" "$S" run --no-language --no-clean --threads 2 --quiet --shard $i/4 in -o s$i
done
echo "-- merge"; /usr/bin/time -f "$T" "$S" dedup merge s0 s1 s2 s3 -o apply-merged.sdx
for i in 0 1 2 3; do
  echo "-- apply $i"; /usr/bin/time -f "$T" "$S" dedup apply s$i --merged apply-merged.sdx
done
ls -l apply-merged.sdx s*/dedup.sdx one/dedup.sdx
grep -o '"dedup":{"documents":[0-9]*,"index_bytes":[0-9]*,"bytes_per_document":[0-9.]*' one/stats.json
