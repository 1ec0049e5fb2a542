#!/usr/bin/python3
"""Checks that sharded `saring run` outputs together equal a one-machine run.

    compare_outputs.py SINGLE_OUTDIR SHARD_OUTDIR...

The shards together must hold exactly the one-machine run's kept ids, and
its rejected ids with the same stage, reason and dup_of; no id may appear in
two shards, and the shards' document counts (stats.json) must add up to the
one-machine run's. Exit status 0 when they do; the differences otherwise.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys


def _records(pattern: str):
    for path in sorted(glob.glob(pattern)):
        text = subprocess.run(["zstd", "-dcq", path], check=True, stdout=subprocess.PIPE).stdout
        for line in text.decode("utf-8").splitlines():
            yield json.loads(line)


def read_output(folder: str) -> tuple[list[str], list[tuple]]:
    """Kept ids, and rejected (id, stage, reason, dup_of), of one output folder."""
    kept = [r["id"] for r in _records(os.path.join(folder, "part-*.jsonl.zst"))]
    rejected = [(r["id"], r.get("stage"), r.get("reason"), r.get("dup_of"))
                for r in _records(os.path.join(folder, "rejected", "part-*.jsonl.zst"))]
    return kept, rejected


def _counts(folder: str) -> dict:
    with open(os.path.join(folder, "stats.json"), encoding="utf-8") as f:
        d = json.load(f)["documents"]
    return {k: d[k] for k in ("read", "kept", "rejected", "read_errors")}


def differences(single: str, shards: list[str]) -> list[str]:
    """What differs between the union of `shards` and `single` (empty when equal)."""
    problems = []
    want_kept, want_rejected = read_output(single)
    got_kept: list[str] = []
    got_rejected: list[tuple] = []
    for folder in shards:
        kept, rejected = read_output(folder)
        got_kept += kept
        got_rejected += rejected
    seen: set[str] = set()
    for doc_id in got_kept + [r[0] for r in got_rejected]:
        if doc_id in seen:
            problems.append(f"id in two places: {doc_id}")
        seen.add(doc_id)
    for name, want, got in (("kept", set(want_kept), set(got_kept)),
                            ("rejected", set(want_rejected), set(got_rejected))):
        for item in sorted(want - got, key=str):
            problems.append(f"{name} in the one-machine run only: {item}")
        for item in sorted(got - want, key=str):
            problems.append(f"{name} in the shards only: {item}")
    total = {k: sum(_counts(f)[k] for f in shards) for k in ("read", "kept", "rejected", "read_errors")}
    if total != _counts(single):
        problems.append(f"stats.json counts: shards {total}, one machine {_counts(single)}")
    if not want_kept:
        problems.append("the one-machine run kept nothing: nothing was compared")
    return problems


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = differences(sys.argv[1], sys.argv[2:])
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        kept, rejected = read_output(sys.argv[1])
        print(f"same as the one-machine run: {len(kept)} kept, {len(rejected)} rejected, "
              f"over {len(sys.argv) - 2} shards")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
