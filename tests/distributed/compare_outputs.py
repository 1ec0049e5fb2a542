#!/usr/bin/python3
"""Checks that sharded `saring run` outputs together equal a one-machine run.

    compare_outputs.py SINGLE_OUTDIR SHARD_OUTDIR...

The shards together must hold exactly the one-machine run's kept records and
rejected records (ids, and every field: text, metadata, source, stage,
reason, dup_of), no id in two places, and their stats.json document counts
must add up to the one-machine run's. Exit status 0 when they do; the
differences otherwise.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys

COUNTS = ("read", "kept", "rejected", "read_errors")


def _records(pattern: str):
    for path in sorted(glob.glob(pattern)):
        text = subprocess.run(["zstd", "-dcq", path], check=True, stdout=subprocess.PIPE).stdout
        for line in text.decode("utf-8").splitlines():
            yield json.loads(line)


def read_output(folder: str) -> tuple[list[dict], list[dict]]:
    """The kept and the rejected records of one output folder."""
    return (list(_records(os.path.join(folder, "part-*.jsonl.zst"))),
            list(_records(os.path.join(folder, "rejected", "part-*.jsonl.zst"))))


def _counts(folder: str) -> dict:
    with open(os.path.join(folder, "stats.json"), encoding="utf-8") as f:
        d = json.load(f)["documents"]
    return {k: d[k] for k in COUNTS}


def _by_id(records: list[dict], where: str, problems: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in records:
        if r["id"] in out:
            problems.append(f"id twice in {where}: {r['id']}")
        out[r["id"]] = r
    return out


def differences(single: str, shards: list[str]) -> list[str]:
    """What differs between the union of `shards` and `single` (empty when equal)."""
    problems: list[str] = []
    want_kept, want_rejected = read_output(single)
    got_kept: list[dict] = []
    got_rejected: list[dict] = []
    for folder in shards:
        kept, rejected = read_output(folder)
        got_kept += kept
        got_rejected += rejected
    _by_id(got_kept + got_rejected, "the shards", problems)
    for name, want, got in (("kept", want_kept, got_kept), ("rejected", want_rejected, got_rejected)):
        want_ids = _by_id(want, "the one-machine run", problems)
        got_ids = _by_id(got, "the shards", [])
        for doc_id in sorted(want_ids.keys() - got_ids.keys()):
            r = want_ids[doc_id]
            problems.append(f"{name} in the one-machine run only: {doc_id} {r.get('reason', '')}")
        for doc_id in sorted(got_ids.keys() - want_ids.keys()):
            r = got_ids[doc_id]
            problems.append(f"{name} in the shards only: {doc_id} {r.get('reason', '')}")
        for doc_id in sorted(want_ids.keys() & got_ids.keys()):
            a, b = want_ids[doc_id], got_ids[doc_id]
            if a != b:
                fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
                problems.append(f"{name} record {doc_id} differs in {', '.join(fields)}")
    total = {k: sum(_counts(f)[k] for f in shards) for k in COUNTS}
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
